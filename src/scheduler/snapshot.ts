// An indexed, reusable view of the cluster: node index by ID, usage totals per node, port
// holders and allocations by job. Building it is O(nodes + allocations); a scheduling pass then
// costs O(its own placements). The owner (the agent's state store, a benchmark) may keep one
// snapshot and `add` allocations as plans are applied; `schedule` never mutates it.
import { allocTerminal, type Allocation, type ClusterNode } from "../cluster/types.js";
import { classId } from "./feasible.js";

export const jobKey = (namespace: string, jobId: string): string => `${namespace}\u0000${jobId}`;

export class ClusterSnapshot {
  readonly byId = new Map<string, number>();
  readonly cpu: Float64Array;
  readonly mem: Float64Array;
  readonly disk: Float64Array;
  readonly cores: Float64Array;
  /** Live allocations holding ports, per node index. */
  readonly portAllocs = new Map<number, Allocation[]>();
  /** Every allocation (any status) per job key. */
  readonly byJob = new Map<string, Allocation[]>();
  private readonly all: Allocation[] = [];
  /** Memo of node index → computed class ID (filled lazily; invisible to callers). */
  private readonly classIds: Int32Array;

  constructor(
    readonly nodes: readonly ClusterNode[],
    allocs: readonly Allocation[] = [],
  ) {
    const n = nodes.length;
    this.cpu = new Float64Array(n);
    this.mem = new Float64Array(n);
    this.disk = new Float64Array(n);
    this.cores = new Float64Array(n);
    this.classIds = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) this.byId.set(nodes[i]!.id, i);
    for (const a of allocs) this.add(a);
  }

  get allocs(): readonly Allocation[] {
    return this.all;
  }

  /** Record an allocation (placed by an applied plan, or loaded from state). */
  add(a: Allocation): void {
    this.all.push(a);
    const key = jobKey(a.namespace, a.jobId);
    const list = this.byJob.get(key);
    if (list) list.push(a);
    else this.byJob.set(key, [a]);
    if (allocTerminal(a)) return;
    const i = this.byId.get(a.nodeId);
    if (i === undefined) return;
    this.cpu[i]! += a.resources.cpu;
    this.mem[i]! += a.resources.memoryMB;
    this.disk[i]! += a.resources.diskMB;
    this.cores[i]! += a.resources.cores;
    if (a.resources.ports.length > 0) {
      const pl = this.portAllocs.get(i);
      if (pl) pl.push(a);
      else this.portAllocs.set(i, [a]);
    }
  }

  classOf(i: number): number {
    let id = this.classIds[i]!;
    if (id < 0) this.classIds[i] = id = classId(this.nodes[i]!);
    return id;
  }

  jobAllocs(namespace: string, jobId: string): readonly Allocation[] {
    return this.byJob.get(jobKey(namespace, jobId)) ?? [];
  }
}
