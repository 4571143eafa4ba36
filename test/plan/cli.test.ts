import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPlan } from "../../src/cli/commands/plan.js";
import type { CliIO } from "../../src/cli/io.js";

const dir = mkdtempSync(join(tmpdir(), "caravan-plan-"));
const jobFile = join(dir, "example.nomad.hcl");
writeFileSync(
  jobFile,
  `variable "memory" {
  default = 256
}
job "example" {
  group "cache" {
    count = 2
    task "redis" {
      driver = "docker"
      config {
        image = "redis:7"
      }
      resources {
        cpu    = 500
        memory = var.memory
      }
    }
  }
}
`,
);
const clusterFile = join(dir, "cluster.hcl");
writeFileSync(clusterFile, `node "web" {\n  count   = 2\n  drivers = ["docker"]\n  memory  = 4096\n}\n`);

function io(tty = false): CliIO & { out: string; err: string } {
  const r = {
    out: "",
    err: "",
    stdout: (s: string) => void (r.out += s),
    stderr: (s: string) => void (r.err += s),
    readStdin: async () => "",
    env: {},
    isTTY: tty,
  };
  return r;
}

const NOW = () => Date.UTC(2026, 0, 15);

describe("caravan job plan", () => {
  it("plans a new job against a cluster file and exits 1", async () => {
    const o = io();
    const code = await runPlan(jobFile, { cluster: clusterFile }, o, NOW);
    expect(code).toBe(1);
    expect(o.err).toBe("");
    expect(o.out.split("\n").slice(0, 6)).toEqual(['+ Job: "example"', '+ Task Group: "cache" (2 create)', '  + Task: "redis" (forces create)', "", "Scheduler dry-run:", "- All tasks successfully allocated."]);
    expect(o.out).toContain(`caravan job run -check-index 0 ${jobFile}\n`);
  });

  it("repeats -var arguments in the hint and applies them", async () => {
    const o = io();
    const code = await runPlan(jobFile, { cluster: clusterFile, var: ["memory=5000"] }, o, NOW);
    expect(code).toBe(1);
    expect(o.out).toContain('    * Dimension "memory" exhausted on 2 nodes');
    expect(o.out).toContain(`caravan job run -check-index 0 -var="memory=5000" ${jobFile}\n`);
  });

  it("colours only on a TTY and never with --no-color", async () => {
    const tty = io(true);
    await runPlan(jobFile, { cluster: clusterFile }, tty, NOW);
    expect(tty.out.startsWith("\u001b[32m+\u001b[0m \u001b[1mJob:")).toBe(true);
    const plain = io(true);
    await runPlan(jobFile, { cluster: clusterFile, color: false }, plain, NOW);
    expect(plain.out).not.toContain("\u001b[");
  });

  it("prints JSON and writes the HTML page", async () => {
    const o = io();
    const html = join(dir, "plan.html");
    const code = await runPlan(jobFile, { cluster: clusterFile, json: true, html }, o, NOW);
    expect(code).toBe(1);
    const data = JSON.parse(o.out);
    expect(data.ExitCode).toBe(1);
    expect(data.Annotations.DesiredTGUpdates.cache.Place).toBe(2);
    expect(data.Placements.map((p: { Name: string }) => p.Name)).toEqual(["example.cache[0]", "example.cache[1]"]);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<!doctype html>");
    expect(page.match(/<tr><th>web-\d/g)).toHaveLength(2);
    expect(page).toContain('class="seg placed"');
    expect(page).toContain("<pre>+ Job: &#34;example&#34;\n");
  });

  it("exits 255 on an invalid job, a bad cluster file or a missing file", async () => {
    const bad = join(dir, "bad.hcl");
    writeFileSync(bad, 'job "x" {\n  group "g" {\n    count = = 2\n  }\n}\n');
    const o = io();
    expect(await runPlan(bad, { cluster: clusterFile }, o, NOW)).toBe(255);
    expect(o.err).toMatch(/^.*bad\.hcl:3:13: error\[syntax\/invalid-expression\]: expected the start of an expression, found `=`\n3 \|     count = = 2\n  \|             \^\n/);
    const badCluster = join(dir, "bad-cluster.hcl");
    writeFileSync(badCluster, 'node "a" {\n  cpu = "x"\n}\n');
    const o2 = io();
    expect(await runPlan(jobFile, { cluster: badCluster }, o2, NOW)).toBe(255);
    expect(o2.err).toMatch(/bad-cluster\.hcl:2:9: error\[[a-z/-]+\]: /);
    expect(await runPlan(join(dir, "missing.hcl"), {}, io(), NOW)).toBe(255);
  });

  it("exits 255 when the given agent cannot be reached", async () => {
    const o = io();
    expect(await runPlan(jobFile, { cluster: clusterFile, address: "http://127.0.0.1:9" }, o, NOW)).toBe(255);
    expect(o.err).toMatch(/^Error during plan: cannot reach the agent at http:\/\/127\.0\.0\.1:9/);
  });
});
