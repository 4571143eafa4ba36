// Fingerprint this machine as a one-node cluster (used when `job plan` gets no --cluster file).
// The probes are injectable so tests need neither a Docker engine nor particular binaries.
import { constants as fsConstants } from "node:fs";
import { access } from "node:fs/promises";
import { connect } from "node:net";
import * as os from "node:os";
import { delimiter, join } from "node:path";
import { makeNode } from "./defaults.js";
import type { ClusterNode } from "./types.js";

export interface FingerprintProbes {
  /** Does a Docker engine answer `GET /_ping` on its socket? */
  dockerAnswers(): Promise<boolean>;
  /** Is an executable of this name on PATH? */
  onPath(binary: string): Promise<boolean>;
  hostname(): string;
  cpus(): { speed: number }[];
  totalMemBytes(): number;
  platform(): string;
  arch(): string;
  release(): string;
}

const GO_ARCH: Record<string, string> = { x64: "amd64", arm64: "arm64", arm: "arm", ia32: "386", ppc64: "ppc64le", s390x: "s390x" };

export async function fingerprintLocal(probes: FingerprintProbes = realProbes()): Promise<ClusterNode> {
  const cpus = probes.cpus();
  const cores = Math.max(1, cpus.length);
  // Some VMs report speed 0; Nomad falls back to a nominal figure too.
  const mhz = cpus.length > 0 && cpus[0]!.speed > 0 ? cpus[0]!.speed : 2000;
  const arch = GO_ARCH[probes.arch()] ?? probes.arch();
  const qemuBinary = arch === "arm64" ? "qemu-system-aarch64" : "qemu-system-x86_64";
  const [docker, java, qemu] = await Promise.all([probes.dockerAnswers(), probes.onPath("java"), probes.onPath(qemuBinary)]);
  const drivers = ["raw_exec", "exec"];
  if (docker) drivers.push("docker");
  if (java) drivers.push("java");
  if (qemu) drivers.push("qemu");
  const name = probes.hostname();
  const platform = probes.platform();
  return makeNode({
    name,
    cpu: cores * mhz,
    cores,
    memoryMB: Math.floor(probes.totalMemBytes() / (1024 * 1024)),
    drivers,
    attributes: {
      "kernel.name": platform,
      "os.name": platform,
      "kernel.version": probes.release(),
      "cpu.arch": arch,
      "cpu.frequency": String(mhz),
      "unique.hostname": name,
    },
  });
}

export function realProbes(): FingerprintProbes {
  return {
    dockerAnswers: () => dockerPing(dockerSocketPath()),
    onPath: (b) => onPath(b, process.env["PATH"] ?? ""),
    hostname: () => os.hostname(),
    cpus: () => os.cpus(),
    totalMemBytes: () => os.totalmem(),
    platform: () => os.platform(),
    arch: () => os.arch(),
    release: () => os.release(),
  };
}

export function dockerSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  const host = env["DOCKER_HOST"];
  if (host?.startsWith("unix://")) return host.slice("unix://".length);
  return "/var/run/docker.sock";
}

/** True when an HTTP `GET /_ping` on the unix socket answers 200 within `timeoutMs`. */
export function dockerPing(socketPath: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    let data = "";
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      sock.destroy();
      resolve(ok);
    };
    const sock = connect(socketPath);
    sock.setTimeout(timeoutMs, () => finish(false));
    sock.on("error", () => finish(false));
    sock.on("connect", () => sock.write("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
    sock.on("data", (chunk) => {
      data += chunk.toString("latin1");
      if (data.includes("\r\n")) finish(/^HTTP\/1\.[01] 200/.test(data));
    });
    sock.on("end", () => finish(/^HTTP\/1\.[01] 200/.test(data)));
  });
}

export async function onPath(binary: string, pathVar: string): Promise<boolean> {
  for (const dir of pathVar.split(delimiter)) {
    if (dir === "") continue;
    try {
      await access(join(dir, binary), fsConstants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}
