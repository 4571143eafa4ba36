// AllocMetric accumulation for one placement attempt (scheduler.md §8).
import type { ClusterNode } from "../cluster/types.js";
import type { AllocMetric, NodeOutcome, NodeScore } from "./types.js";

const TOP_K = 5;

function bump(m: Map<string, number>, k: string, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

function sorted(m: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  if (m.size === 0) return out;
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

export class MetricBuilder {
  evaluated = 0;
  filtered = 0;
  exhausted = 0;
  // created on first use: most successful selections never filter or exhaust a node
  private cf: Map<string, number> | undefined;
  private ctf: Map<string, number> | undefined;
  private ce: Map<string, number> | undefined;
  private de: Map<string, number> | undefined;
  get classFiltered(): Map<string, number> {
    return (this.cf ??= new Map());
  }
  get constraintFiltered(): Map<string, number> {
    return (this.ctf ??= new Map());
  }
  get classExhausted(): Map<string, number> {
    return (this.ce ??= new Map());
  }
  get dimExhausted(): Map<string, number> {
    return (this.de ??= new Map());
  }
  readonly scores: NodeScore[] = [];
  readonly outcomes: NodeOutcome[] | undefined;

  constructor(explain: boolean) {
    this.outcomes = explain ? [] : undefined;
  }

  filter(node: ClusterNode, reason: string): void {
    this.filtered++;
    if (node.nodeClass !== "") bump(this.classFiltered, node.nodeClass);
    bump(this.constraintFiltered, reason);
    this.outcomes?.push({ nodeId: node.id, nodeName: node.name, outcome: "filtered", reason });
  }

  exhaust(node: ClusterNode, dim: string): void {
    this.exhausted++;
    if (node.nodeClass !== "") bump(this.classExhausted, node.nodeClass);
    bump(this.dimExhausted, dim);
    this.outcomes?.push({ nodeId: node.id, nodeName: node.name, outcome: "exhausted", reason: dim });
  }

  score(node: ClusterNode, scores: Record<string, number>, normScore: number): void {
    // keep the top K by normalised score (ties: first seen)
    let at = this.scores.length;
    while (at > 0 && this.scores[at - 1]!.normScore < normScore) at--;
    if (at < TOP_K) {
      this.scores.splice(at, 0, { nodeId: node.id, nodeName: node.name, scores, normScore });
      if (this.scores.length > TOP_K) this.scores.pop();
    }
    this.outcomes?.push({ nodeId: node.id, nodeName: node.name, outcome: "scored", score: normScore });
  }

  /** Fold another attempt's counters in (system jobs merge per-node metrics). */
  merge(o: MetricBuilder): void {
    this.evaluated += o.evaluated;
    this.filtered += o.filtered;
    this.exhausted += o.exhausted;
    for (const [k, v] of o.classFiltered) bump(this.classFiltered, k, v);
    for (const [k, v] of o.constraintFiltered) bump(this.constraintFiltered, k, v);
    for (const [k, v] of o.classExhausted) bump(this.classExhausted, k, v);
    for (const [k, v] of o.dimExhausted) bump(this.dimExhausted, k, v);
  }

  build(nodesInPool: number, available: Record<string, number>): AllocMetric {
    const avail: Record<string, number> = {};
    for (const k of Object.keys(available).sort()) avail[k] = available[k]!;
    return {
      NodesEvaluated: this.evaluated,
      NodesFiltered: this.filtered,
      NodesInPool: nodesInPool,
      NodesAvailable: avail,
      ClassFiltered: sorted(this.classFiltered),
      ConstraintFiltered: sorted(this.constraintFiltered),
      NodesExhausted: this.exhausted,
      ClassExhausted: sorted(this.classExhausted),
      DimensionExhausted: sorted(this.dimExhausted),
      QuotaExhausted: [],
      ScoreMetaData: this.scores.slice(),
      CoalescedFailures: 0,
    };
  }
}
