// The cluster model the scheduler reads: client nodes and the allocations already on them.
// Plain data (JSON-serialisable) so a snapshot can come from a cluster file, a fingerprint of
// this machine, or the embedded agent's state store.
import type { Job } from "../jobspec/types.js";

export type NodeStatus = "ready" | "down" | "initializing";

export interface DriverInfo {
  detected: boolean;
  healthy: boolean;
}

export interface HostVolume {
  path: string;
  readOnly: boolean;
}

export interface NodeResources {
  /** Total CPU in MHz. */
  cpu: number;
  cores: number;
  memoryMB: number;
  diskMB: number;
}

export interface ReservedResources {
  cpu: number;
  memoryMB: number;
  diskMB: number;
  /** Host ports nothing may be placed on (sorted, unique). */
  ports: number[];
}

export interface ClusterNode {
  id: string;
  name: string;
  datacenter: string;
  nodePool: string;
  /** Node class; "" when unset. */
  nodeClass: string;
  status: NodeStatus;
  eligible: boolean;
  drain: boolean;
  attributes: Record<string, string>;
  meta: Record<string, string>;
  resources: NodeResources;
  reserved: ReservedResources;
  /** Inclusive range dynamic ports are chosen from (Nomad default 20000–32000). */
  minDynamicPort: number;
  maxDynamicPort: number;
  drivers: Record<string, DriverInfo>;
  hostVolumes: Record<string, HostVolume>;
}

export type AllocDesiredStatus = "run" | "stop" | "evict";
export type AllocClientStatus = "pending" | "running" | "complete" | "failed" | "lost" | "unknown";

export interface AllocatedPort {
  label: string;
  value: number;
}

export interface AllocResources {
  cpu: number;
  /** Whole cores reserved (their MHz is included in `cpu`). */
  cores: number;
  memoryMB: number;
  diskMB: number;
  ports: AllocatedPort[];
}

export interface Allocation {
  id: string;
  /** `<job>.<group>[<index>]` */
  name: string;
  namespace: string;
  jobId: string;
  group: string;
  nodeId: string;
  desiredStatus: AllocDesiredStatus;
  clientStatus: AllocClientStatus;
  resources: AllocResources;
  /** The job version this allocation runs; absent for foreign load declared in a cluster file. */
  job?: Job;
  /** JobModifyIndex of `job` when it was placed. */
  jobModifyIndex?: number;
  canary?: boolean;
  /** Deployment health; undefined = not yet known. */
  healthy?: boolean;
}

export interface Cluster {
  nodes: ClusterNode[];
  allocs: Allocation[];
}

/** Client-terminal or server-stopped: frees its resources. */
export function allocTerminal(a: Allocation): boolean {
  return (
    a.desiredStatus !== "run" ||
    a.clientStatus === "complete" ||
    a.clientStatus === "failed" ||
    a.clientStatus === "lost"
  );
}

/** Index in `<job>.<group>[<index>]`, or -1. */
export function allocIndex(name: string): number {
  const m = /\[(\d+)\]$/.exec(name);
  return m ? Number(m[1]) : -1;
}
