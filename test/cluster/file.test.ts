import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeClusterText } from "../../src/cluster/file.js";
import { fingerprintLocal, onPath, type FingerprintProbes } from "../../src/cluster/fingerprint.js";
import { parsePortList } from "../../src/cluster/defaults.js";

describe("cluster file", () => {
  it("decodes examples/cluster.hcl with defaults filled", () => {
    const r = decodeClusterText(readFileSync("examples/cluster.hcl", "utf8"));
    expect(r.diagnostics).toEqual([]);
    const c = r.cluster!;
    expect(c.nodes.map((n) => n.name)).toEqual(["web-1", "web-2", "web-3", "win"]);
    const web = c.nodes[0]!;
    expect(web.resources).toEqual({ cpu: 4000, cores: 4, memoryMB: 8192, diskMB: 50000 });
    expect(web.reserved.cpu).toBe(100);
    expect(web.reserved.ports.length).toBe(102);
    expect(web.reserved.ports.slice(0, 3)).toEqual([22, 8500, 8501]);
    expect(web.attributes["unique.hostname"]).toBe("web-1");
    expect(web.attributes["driver.docker"]).toBe("1");
    expect(web.meta).toEqual({ rack: "r1" });
    expect(web.hostVolumes).toEqual({ data: { path: "/srv/data", readOnly: false } });
    const win = c.nodes[3]!;
    expect(win).toMatchObject({ datacenter: "dc2", nodePool: "default", nodeClass: "", status: "ready", eligible: true });
    expect(win.resources.cores).toBe(2);
    expect(win.attributes["kernel.name"]).toBe("windows");
    expect(win.attributes["cpu.arch"]).toBe("amd64");
    expect(c.allocs).toHaveLength(1);
    expect(c.allocs[0]).toMatchObject({ name: "cache.redis[0]", jobId: "cache", group: "redis", nodeId: web.id, resources: { cpu: 500, memoryMB: 256, diskMB: 0, cores: 0, ports: [] } });
  });

  it("evaluates expressions and variables", () => {
    const r = decodeClusterText('locals { n = 2 }\nnode "a" {\n  count = local.n\n  memory = 1024 * 4\n  meta = { slot = 3 }\n}\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster!.nodes.map((n) => [n.name, n.resources.memoryMB, n.meta["slot"]])).toEqual([["a-1", 4096, "3"], ["a-2", 4096, "3"]]);
  });

  it("reports schema errors at the attribute", () => {
    const r = decodeClusterText('node "a" {\n  cpu = "lots"\n  colour = "red"\n  status = "sleeping"\n}\n');
    expect(r.cluster).toBeUndefined();
    const got = r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column]);
    expect(got).toContainEqual(["schema/type", 2, 9]);
    expect(got).toContainEqual(["schema/unknown", 3, 3]);
    expect(got).toContainEqual(["schema/enum", 4, 12]);
  });

  it("reports unknown blocks, missing labels, unknown nodes and duplicates", () => {
    const r = decodeClusterText('server "x" {}\nnode {}\nnode "a" {}\nnode "a" {}\nalloc "b" { job = "j" }\n');
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ["structure/unknown-block", 1],
      ["structure/labels", 2],
      ["rule/duplicate-node", 4],
      ["rule/unknown-node", 5],
    ]);
  });

  it("parses port lists", () => {
    expect(parsePortList("22, 80-82")).toEqual([22, 80, 81, 82]);
    expect(parsePortList("x")).toBeUndefined();
    expect(parsePortList("9-3")).toBeUndefined();
  });
});

describe("fingerprint", () => {
  const probes = (over: Partial<FingerprintProbes>): FingerprintProbes => ({
    dockerAnswers: async () => false,
    onPath: async () => false,
    hostname: () => "box",
    cpus: () => [{ speed: 2500 }, { speed: 2500 }, { speed: 2500 }, { speed: 2500 }],
    totalMemBytes: () => 16 * 1024 ** 3,
    platform: () => "linux",
    arch: () => "x64",
    release: () => "6.1.0",
    ...over,
  });
  it("describes this machine with raw_exec and exec only when nothing else answers", async () => {
    const n = await fingerprintLocal(probes({}));
    expect(n.name).toBe("box");
    expect(n.resources).toEqual({ cpu: 10000, cores: 4, memoryMB: 16384, diskMB: 50000 });
    expect(Object.keys(n.drivers)).toEqual(["raw_exec", "exec"]);
    expect(n.attributes).toMatchObject({ "kernel.name": "linux", "cpu.arch": "amd64", "unique.hostname": "box", "kernel.version": "6.1.0", "driver.exec": "1" });
  });
  it("adds docker when the engine answers and java/qemu when their binaries exist", async () => {
    const n = await fingerprintLocal(probes({ dockerAnswers: async () => true, onPath: async (b) => b === "java" || b === "qemu-system-x86_64" }));
    expect(Object.keys(n.drivers)).toEqual(["raw_exec", "exec", "docker", "java", "qemu"]);
  });
  it("finds binaries on PATH", async () => {
    expect(await onPath("node", process.env["PATH"] ?? "")).toBe(true);
    expect(await onPath("no-such-binary-caravan", process.env["PATH"] ?? "")).toBe(false);
  });
});
