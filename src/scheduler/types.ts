// Inputs and outputs of the scheduler: plain data, so the same result serves `job plan`
// (rendered), `job run` (applied by the agent's worker) and benchmarks.
import type { AllocResources, Allocation, ClusterNode } from "../cluster/types.js";
import type { Job } from "../jobspec/types.js";
import type { ClusterSnapshot } from "./snapshot.js";

export type SchedulerAlgorithm = "binpack" | "spread";

export interface ScheduleOptions {
  /** Seeds node shuffling and dynamic port picks; same seed, same plan. */
  seed?: number | string;
  algorithm?: SchedulerAlgorithm;
  /** `NodeLimitForFeasibilityChecks`: candidate limit when a group has affinities or spreads. */
  affinityLimit?: number;
  /** Record every evaluated node's outcome per placement (for `plan --verbose`). */
  explain?: boolean;
}

export interface ScheduleInput {
  nodes: readonly ClusterNode[];
  /** Every allocation in the cluster (any job, any status). */
  allocs: readonly Allocation[];
  /** A prebuilt index of `nodes` + `allocs` (then those two are ignored); never mutated. */
  snapshot?: ClusterSnapshot;
  /** The job version the cluster currently runs; null when the job is new. */
  oldJob: Job | null;
  /** The submitted version; null to deregister (stop everything). */
  newJob: Job | null;
  options?: ScheduleOptions;
}

/** Nomad's `DesiredUpdates` for one task group. */
export interface DesiredUpdates {
  Ignore: number;
  Place: number;
  Stop: number;
  Migrate: number;
  InPlaceUpdate: number;
  DestructiveUpdate: number;
  Canary: number;
  Preemptions: number;
}

/** One scored candidate (Nomad's `NodeScoreMeta`). */
export interface NodeScore {
  nodeId: string;
  nodeName: string;
  /** Per-scorer values: `binpack`, `job-anti-affinity`, `node-affinity`, `allocation-spread`. */
  scores: Record<string, number>;
  normScore: number;
}

/** Why a node was (not) chosen, recorded with `explain`. */
export interface NodeOutcome {
  nodeId: string;
  nodeName: string;
  outcome: "chosen" | "scored" | "filtered" | "exhausted";
  /** Filter reason or exhausted dimension. */
  reason?: string;
  score?: number;
}

/** Nomad's `AllocMetric`: what one placement attempt saw. Maps are sorted by key. */
export interface AllocMetric {
  NodesEvaluated: number;
  NodesFiltered: number;
  NodesInPool: number;
  NodesAvailable: Record<string, number>;
  ClassFiltered: Record<string, number>;
  ConstraintFiltered: Record<string, number>;
  NodesExhausted: number;
  ClassExhausted: Record<string, number>;
  DimensionExhausted: Record<string, number>;
  QuotaExhausted: string[];
  ScoreMetaData: NodeScore[];
  CoalescedFailures: number;
}

export type PlacementKind = "create" | "destructive" | "canary" | "migrate" | "reschedule";

export interface Placement {
  allocId: string;
  name: string;
  group: string;
  index: number;
  kind: PlacementKind;
  nodeId: string;
  nodeName: string;
  datacenter: string;
  score: number;
  resources: AllocResources;
  /** The allocation this one replaces (destructive update, migration, lost or failed alloc). */
  previousAllocId?: string;
  canary?: boolean;
  /** The best-scoring candidates (Nomad's `ScoreMetaData`, top 5). */
  topScores: NodeScore[];
  /** The full placement metric, only with `explain` (kept small otherwise: plans hold thousands). */
  metric?: AllocMetric;
  /** Every evaluated node's outcome, only with `explain`. */
  outcomes?: NodeOutcome[];
}

export type StopReason = "count" | "group removed" | "job stopped" | "destructive update" | "migrate" | "lost" | "node ineligible";

export interface AllocStop {
  allocId: string;
  name: string;
  group: string;
  nodeId: string;
  reason: StopReason;
}

export interface InPlaceUpdate {
  allocId: string;
  name: string;
  group: string;
  nodeId: string;
}

export interface PlanResult {
  jobId: string;
  jobType: string;
  /** Per task group, sorted by group name. */
  desiredUpdates: Record<string, DesiredUpdates>;
  placements: Placement[];
  inPlaceUpdates: InPlaceUpdate[];
  stops: AllocStop[];
  /** Groups that could not be fully placed → metric of the first failed attempt. */
  failedTGAllocs: Record<string, AllocMetric>;
  /** Nodes in the candidate set (ready, in datacenters and pool). */
  nodesAvailable: number;
}

export function emptyDesiredUpdates(): DesiredUpdates {
  return { Ignore: 0, Place: 0, Stop: 0, Migrate: 0, InPlaceUpdate: 0, DestructiveUpdate: 0, Canary: 0, Preemptions: 0 };
}
