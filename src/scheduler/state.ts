// The mutable view one scheduling pass works on: node usage after this plan's stops and
// placements (Nomad's "proposed allocations"), this job's allocations per node, and lazily built
// port sets. Built fresh per call from the immutable input, so the scheduler stays pure.
import { allocTerminal, type AllocResources, type Allocation, type ClusterNode } from "../cluster/types.js";
import { resolveTarget } from "./constraints.js";
import type { ClusterSnapshot } from "./snapshot.js";

export interface JobAlloc {
  id: string;
  group: string;
  node: number;
}

export class PlanState {
  readonly byId: Map<string, number>;
  readonly nodes: readonly ClusterNode[];
  readonly cpu: Float64Array;
  readonly mem: Float64Array;
  readonly disk: Float64Array;
  readonly cores: Float64Array;
  private readonly ports = new Map<number, Set<number>>();
  private readonly portAllocs: Map<number, Allocation[]>;
  private readonly stopped = new Set<string>();
  private readonly placedPorts = new Map<number, number[]>();
  /** This job's live allocations (existing minus stopped, plus placed). */
  readonly jobAllocs = new Map<string, JobAlloc>();
  private readonly jobPerNode = new Map<number, JobAlloc[]>();
  private readonly propCounts = new Map<string, Map<string, number>>();

  constructor(
    snap: ClusterSnapshot,
    readonly namespace: string,
    readonly jobId: string,
  ) {
    // copy-on-create: the snapshot stays untouched, so the scheduler stays pure
    this.nodes = snap.nodes;
    this.byId = snap.byId;
    this.cpu = snap.cpu.slice();
    this.mem = snap.mem.slice();
    this.disk = snap.disk.slice();
    this.cores = snap.cores.slice();
    this.portAllocs = snap.portAllocs;
    for (const a of snap.jobAllocs(namespace, jobId)) {
      if (allocTerminal(a)) continue;
      const i = this.byId.get(a.nodeId);
      if (i !== undefined) this.addJobAlloc({ id: a.id, group: a.group, node: i });
    }
  }

  private addUsage(i: number, r: AllocResources, sign: 1 | -1): void {
    this.cpu[i]! += sign * r.cpu;
    this.mem[i]! += sign * r.memoryMB;
    this.disk[i]! += sign * r.diskMB;
    this.cores[i]! += sign * r.cores;
  }

  private addJobAlloc(j: JobAlloc): void {
    this.jobAllocs.set(j.id, j);
    let list = this.jobPerNode.get(j.node);
    if (!list) this.jobPerNode.set(j.node, (list = []));
    list.push(j);
    this.bumpProps(j, 1);
  }

  private removeJobAlloc(id: string): void {
    const j = this.jobAllocs.get(id);
    if (!j) return;
    this.jobAllocs.delete(id);
    const list = this.jobPerNode.get(j.node)!;
    list.splice(list.indexOf(j), 1);
    this.bumpProps(j, -1);
  }

  private bumpProps(j: JobAlloc, d: number): void {
    for (const [key, counts] of this.propCounts) {
      const [group, attr] = splitKey(key);
      if (group !== "" && group !== j.group) continue;
      const r = resolveTarget(attr, this.nodes[j.node]!);
      if (!r.found) continue;
      counts.set(r.value, (counts.get(r.value) ?? 0) + d);
    }
  }

  /** Allocations of this job (of `group`, or of any group when null) per value of `attr`. */
  propertyCounts(group: string | null, attr: string): Map<string, number> {
    const key = `${group ?? ""}\u0000${attr}`;
    let counts = this.propCounts.get(key);
    if (!counts) {
      counts = new Map();
      for (const j of this.jobAllocs.values()) {
        if (group !== null && j.group !== group) continue;
        const r = resolveTarget(attr, this.nodes[j.node]!);
        if (r.found) counts.set(r.value, (counts.get(r.value) ?? 0) + 1);
      }
      this.propCounts.set(key, counts);
    }
    return counts;
  }

  /** This job's live allocations on node `i` (of `group` when given). */
  jobAllocsOn(i: number, group?: string): number {
    const list = this.jobPerNode.get(i);
    if (!list) return 0;
    if (group === undefined) return list.length;
    let n = 0;
    for (const j of list) if (j.group === group) n++;
    return n;
  }

  /** Ports in use on node `i`: host-reserved, existing live allocs, and this plan's placements. */
  usedPorts(i: number): Set<number> {
    let set = this.ports.get(i);
    if (!set) {
      set = new Set(this.nodes[i]!.reserved.ports);
      for (const a of this.portAllocs.get(i) ?? []) if (!this.stopped.has(a.id)) for (const p of a.resources.ports) set.add(p.value);
      for (const p of this.placedPorts.get(i) ?? []) set.add(p);
      this.ports.set(i, set);
    }
    return set;
  }

  isStopped(id: string): boolean {
    return this.stopped.has(id);
  }

  /** Remove an existing allocation from the proposed state (stop, destructive update, migrate). */
  stop(a: Allocation): void {
    if (this.stopped.has(a.id) || allocTerminal(a)) return;
    const i = this.byId.get(a.nodeId);
    this.stopped.add(a.id);
    if (i === undefined) return;
    this.addUsage(i, a.resources, -1);
    const set = this.ports.get(i);
    if (set) {
      const reserved = new Set(this.nodes[i]!.reserved.ports);
      for (const p of a.resources.ports) if (!reserved.has(p.value)) set.delete(p.value);
    }
    this.removeJobAlloc(a.id);
  }

  /** Put a stopped allocation back (its replacement could not be placed). */
  restore(a: Allocation): void {
    if (!this.stopped.delete(a.id)) return;
    const i = this.byId.get(a.nodeId);
    if (i === undefined) return;
    this.addUsage(i, a.resources, 1);
    const set = this.ports.get(i);
    if (set) for (const p of a.resources.ports) set.add(p.value);
    if (a.jobId === this.jobId && a.namespace === this.namespace) this.addJobAlloc({ id: a.id, group: a.group, node: i });
  }

  /** Add a placement of this job to the proposed state. */
  place(id: string, group: string, i: number, r: AllocResources): void {
    this.addUsage(i, r, 1);
    if (r.ports.length > 0) {
      const list = this.placedPorts.get(i) ?? [];
      for (const p of r.ports) list.push(p.value);
      this.placedPorts.set(i, list);
      const set = this.ports.get(i);
      if (set) for (const p of r.ports) set.add(p.value);
    }
    this.addJobAlloc({ id, group, node: i });
  }
}

function splitKey(key: string): [string, string] {
  const k = key.indexOf("\u0000");
  return [key.slice(0, k), key.slice(k + 1)];
}

