// Fill what a fingerprint would have set but a cluster description left out.
import type { ClusterNode, DriverInfo, HostVolume, NodeStatus } from "./types.js";

export const DEFAULT_MIN_DYNAMIC_PORT = 20000;
export const DEFAULT_MAX_DYNAMIC_PORT = 32000;

/** A node as a cluster file or a test writes it: everything but the name optional. */
export interface NodeSpec {
  name: string;
  id?: string;
  datacenter?: string;
  nodePool?: string;
  nodeClass?: string;
  status?: NodeStatus;
  eligible?: boolean;
  drain?: boolean;
  cpu?: number;
  cores?: number;
  memoryMB?: number;
  diskMB?: number;
  drivers?: string[] | Record<string, DriverInfo>;
  attributes?: Record<string, string>;
  meta?: Record<string, string>;
  reserved?: { cpu?: number; memoryMB?: number; diskMB?: number; ports?: number[] };
  hostVolumes?: Record<string, HostVolume>;
  minDynamicPort?: number;
  maxDynamicPort?: number;
}

/** Stable, readable node ID derived from the name (a real agent uses UUIDs). */
export function nodeIdFor(name: string): string {
  // FNV-1a 32-bit twice with different seeds → 16 hex digits, enough to stay unique per cluster.
  const h = (seed: number): string => {
    let x = seed >>> 0;
    for (let i = 0; i < name.length; i++) {
      x ^= name.charCodeAt(i);
      x = Math.imul(x, 0x01000193) >>> 0;
    }
    return x.toString(16).padStart(8, "0");
  };
  return `${h(0x811c9dc5)}-${h(0x050c5d1f)}`;
}

export function makeNode(spec: NodeSpec): ClusterNode {
  const cpu = spec.cpu ?? 4000;
  const drivers: Record<string, DriverInfo> = {};
  if (Array.isArray(spec.drivers ?? [])) {
    for (const d of (spec.drivers as string[] | undefined) ?? ["raw_exec", "exec"]) drivers[d] = { detected: true, healthy: true };
  } else {
    Object.assign(drivers, spec.drivers);
  }
  const attributes: Record<string, string> = {
    "kernel.name": "linux",
    "os.name": "linux",
    "cpu.arch": "amd64",
    "unique.hostname": spec.name,
    "cpu.numcores": String(spec.cores ?? Math.max(1, Math.floor(cpu / 1000))),
    "cpu.totalcompute": String(cpu),
    "memory.totalbytes": String((spec.memoryMB ?? 8192) * 1024 * 1024),
  };
  for (const [d, info] of Object.entries(drivers)) if (info.detected) attributes[`driver.${d}`] = "1";
  Object.assign(attributes, spec.attributes ?? {});
  const ports = [...new Set(spec.reserved?.ports ?? [])].sort((a, b) => a - b);
  return {
    id: spec.id ?? nodeIdFor(spec.name),
    name: spec.name,
    datacenter: spec.datacenter ?? "dc1",
    nodePool: spec.nodePool ?? "default",
    nodeClass: spec.nodeClass ?? "",
    status: spec.status ?? "ready",
    eligible: spec.eligible ?? true,
    drain: spec.drain ?? false,
    attributes,
    meta: { ...(spec.meta ?? {}) },
    resources: {
      cpu,
      cores: spec.cores ?? Math.max(1, Math.floor(cpu / 1000)),
      memoryMB: spec.memoryMB ?? 8192,
      diskMB: spec.diskMB ?? 50000,
    },
    reserved: {
      cpu: spec.reserved?.cpu ?? 0,
      memoryMB: spec.reserved?.memoryMB ?? 0,
      diskMB: spec.reserved?.diskMB ?? 0,
      ports,
    },
    minDynamicPort: spec.minDynamicPort ?? DEFAULT_MIN_DYNAMIC_PORT,
    maxDynamicPort: spec.maxDynamicPort ?? DEFAULT_MAX_DYNAMIC_PORT,
    drivers,
    hostVolumes: { ...(spec.hostVolumes ?? {}) },
  };
}

/** Parse Nomad's port-list syntax `"22,8500-8600"`; returns undefined on a malformed list. */
export function parsePortList(text: string): number[] | undefined {
  const out: number[] = [];
  for (const raw of text.split(",")) {
    const part = raw.trim();
    if (part === "") continue;
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo || hi > 65535) return undefined;
    for (let p = lo; p <= hi; p++) out.push(p);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
