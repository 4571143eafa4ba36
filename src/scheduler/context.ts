// Shared machinery of one scheduling pass: the proposed state, the stack, result builders and
// the in-place check (plan.md §5 steps 4–6).
import { allocIndex, type Allocation } from "../cluster/types.js";
import type { Job } from "../jobspec/types.js";
import { candidateNodes, FeasibilityChecker, inJobScope, nodeReady, type Candidates } from "./feasible.js";
import { fitOn } from "./fit.js";
import { groupInfo, type GroupInfo } from "./group.js";
import type { MetricBuilder } from "./metrics.js";
import { Rng, seedFrom } from "./rng.js";
import { GenericStack, type Option, type StackConfig } from "./select.js";
import { ClusterSnapshot } from "./snapshot.js";
import { PlanState } from "./state.js";
import { emptyDesiredUpdates, type DesiredUpdates, type PlacementKind, type PlanResult, type ScheduleInput, type StopReason } from "./types.js";
import { specEqual, tasksUpdated } from "./update.js";

export type UpdateKind = "ignore" | "inplace" | "destructive";

export class Ctx {
  readonly state: PlanState;
  readonly rng: Rng;
  readonly stack: GenericStack;
  readonly candidates: Candidates;
  readonly cfg: StackConfig;
  readonly result: PlanResult;
  private readonly infos = new Map<string, { info: GroupInfo; checker: FeasibilityChecker }>();
  private readonly failed = new Map<string, MetricBuilder>();
  readonly snapshot: ClusterSnapshot;
  /** Reference job for scope/namespace: the new job, or the old one when deregistering. */
  readonly job: Job;

  constructor(readonly input: ScheduleInput) {
    const job = input.newJob ?? input.oldJob;
    if (!job) throw new Error("schedule: neither an old nor a new job");
    this.job = job;
    const o = input.options ?? {};
    this.rng = new Rng(seedFrom(o.seed ?? job.ID));
    this.snapshot = input.snapshot ?? new ClusterSnapshot(input.nodes, input.allocs);
    this.state = new PlanState(this.snapshot, job.Namespace || "default", job.ID);
    const system = job.Type === "system" || job.Type === "sysbatch";
    this.cfg = {
      algorithm: o.algorithm ?? "binpack",
      affinityLimit: o.affinityLimit ?? 100,
      explain: o.explain ?? false,
      generic: !system,
      batch: job.Type === "batch",
    };
    this.candidates = candidateNodes(job, this.snapshot.nodes);
    this.stack = new GenericStack(this.state, this.candidates, this.rng, this.cfg);
    this.result = {
      jobId: job.ID,
      jobType: job.Type,
      desiredUpdates: {},
      placements: [],
      inPlaceUpdates: [],
      stops: [],
      failedTGAllocs: {},
      nodesAvailable: this.candidates.nodes.length,
    };
  }

  group(name: string): { info: GroupInfo; checker: FeasibilityChecker } {
    let g = this.infos.get(name);
    if (!g) {
      const tg = this.input.newJob!.TaskGroups.find((x) => x.Name === name)!;
      const info = groupInfo(this.input.newJob!, tg);
      g = { info, checker: new FeasibilityChecker(info, this.snapshot) };
      this.infos.set(name, g);
    }
    return g;
  }

  du(group: string): DesiredUpdates {
    return (this.result.desiredUpdates[group] ??= emptyDesiredUpdates());
  }

  /** This job's allocations (any status), by group. */
  jobAllocs(): Map<string, Allocation[]> {
    const out = new Map<string, Allocation[]>();
    for (const a of this.snapshot.jobAllocs(this.job.Namespace || "default", this.job.ID)) {
      let list = out.get(a.group);
      if (!list) out.set(a.group, (list = []));
      list.push(a);
    }
    for (const list of out.values()) list.sort((x, y) => allocIndex(x.name) - allocIndex(y.name) || (x.id < y.id ? -1 : 1));
    return out;
  }

  stop(a: Allocation, reason: StopReason): void {
    this.state.stop(a);
    this.result.stops.push({ allocId: a.id, name: a.name, group: a.group, nodeId: a.nodeId, reason });
  }

  /** plan.md §5: ignore, in place, or destroy and recreate an existing allocation. */
  updateKind(a: Allocation): UpdateKind {
    const newJob = this.input.newJob!;
    const oldJob = a.job ?? this.input.oldJob;
    if (oldJob && specEqual(oldJob, newJob)) return "ignore";
    if (!oldJob || tasksUpdated(oldJob, newJob, a.group)) return "destructive";
    const i = this.state.byId.get(a.nodeId);
    if (i === undefined) return "destructive";
    const node = this.state.nodes[i]!;
    if (node.status === "down" || !inJobScope(newJob, node)) return "destructive";
    const { info, checker } = this.group(a.group);
    if (checker.check(node, i) !== null) return "destructive";
    // re-check fit on the current node with the allocation's own usage discounted
    const ask = { ...info.ask, staticPorts: [], dynamicPorts: [] };
    return typeof fitOn(this.state, i, ask, this.rng, a.resources) === "string" ? "destructive" : "inplace";
  }

  inPlace(a: Allocation): void {
    this.result.inPlaceUpdates.push({ allocId: a.id, name: a.name, group: a.group, nodeId: a.nodeId });
  }

  nodeUsable(nodeId: string): "ok" | "down" | "drain" | "gone" {
    const i = this.state.byId.get(nodeId);
    if (i === undefined) return "gone";
    const n = this.state.nodes[i]!;
    if (n.status === "down") return "down";
    if (n.drain) return "drain";
    return nodeReady(n) || n.status === "ready" ? "ok" : "down";
  }

  /** Record a successful placement. */
  commit(group: string, index: number, kind: PlacementKind, opt: Option, metric: MetricBuilder, previous?: Allocation, canary = false): void {
    const node = this.state.nodes[opt.node]!;
    const allocId = this.rng.uuid();
    this.state.place(allocId, group, opt.node, opt.resources);
    this.result.placements.push({
      allocId,
      name: `${this.job.ID}.${group}[${index}]`,
      group,
      index,
      kind,
      nodeId: node.id,
      nodeName: node.name,
      datacenter: node.datacenter,
      score: opt.score,
      resources: opt.resources,
      ...(previous ? { previousAllocId: previous.id } : {}),
      ...(canary ? { canary: true } : {}),
      topScores: metric.scores,
      ...(metric.outcomes ? { metric: metric.build(this.candidates.nodesInPool, this.candidates.available), outcomes: metric.outcomes } : {}),
    });
  }

  /** Record a failed attempt; later ones of the same group coalesce into it. */
  fail(group: string, metric?: MetricBuilder): void {
    const prev = this.failed.get(group);
    if (prev) {
      const m = this.result.failedTGAllocs[group]!;
      m.CoalescedFailures++;
      return;
    }
    if (!metric) return;
    this.failed.set(group, metric);
    this.result.failedTGAllocs[group] = metric.build(this.candidates.nodesInPool, this.candidates.available);
  }

  hasFailed(group: string): boolean {
    return this.failed.has(group);
  }

  /** Sort maps and lists so the result is deterministic and reads in name order. */
  finish(): PlanResult {
    const r = this.result;
    const sortObj = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
    r.desiredUpdates = sortObj(r.desiredUpdates);
    r.failedTGAllocs = sortObj(r.failedTGAllocs);
    const byName = (x: { group: string; name: string }, y: { group: string; name: string }): number =>
      x.group < y.group ? -1 : x.group > y.group ? 1 : allocIndex(x.name) - allocIndex(y.name);
    r.stops.sort(byName);
    r.placements.sort((x, y) => byName(x, y) || (x.nodeName < y.nodeName ? -1 : x.nodeName > y.nodeName ? 1 : 0));
    r.inPlaceUpdates.sort(byName);
    return r;
  }
}
