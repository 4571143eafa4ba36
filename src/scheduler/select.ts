// Node selection (scheduler.md §5, §7): shuffled source visited lazily, feasibility, fit,
// scoring, limit with skip of non-positive scores, and max score.
import type { AllocResources } from "../cluster/types.js";
import type { Candidates, FeasibilityChecker } from "./feasible.js";
import { distinctFilter } from "./feasible.js";
import { fitOn } from "./fit.js";
import type { GroupInfo } from "./group.js";
import { MetricBuilder } from "./metrics.js";
import { affinityScore, antiAffinityScore, fitScore, spreadScore, type SpreadMemo } from "./rank.js";
import type { Rng } from "./rng.js";
import type { PlanState } from "./state.js";
import type { SchedulerAlgorithm } from "./types.js";

export interface Option {
  node: number;
  resources: AllocResources;
  scores: Record<string, number>;
  score: number;
}

export interface Selection {
  option: Option | null;
  metric: MetricBuilder;
}

export interface StackConfig {
  algorithm: SchedulerAlgorithm;
  affinityLimit: number;
  explain: boolean;
  /** Service/batch stacks add job anti-affinity and spreads; system stacks only bin-pack. */
  generic: boolean;
  batch: boolean;
}

const SKIP_THRESHOLD = 0;
const MAX_SKIP = 3;

/** Score node `i` for group `g` given the resources it would take there. */
export function scoreOption(state: PlanState, i: number, g: GroupInfo, res: AllocResources, cfg: StackConfig, memo: SpreadMemo): Option {
  const node = state.nodes[i]!;
  const scores: Record<string, number> = {};
  const fit = fitScore(node, state.cpu[i]! + res.cpu, state.mem[i]! + res.memoryMB, cfg.algorithm);
  scores["binpack"] = fit;
  // the final score is the mean of the appended scores (normalisation)
  let sum = fit;
  let n = 1;
  if (cfg.generic) {
    const anti = antiAffinityScore(state.jobAllocsOn(i, g.group.Name), g.group.Count);
    scores["job-anti-affinity"] = anti ?? 0;
    if (anti !== undefined) {
      sum += anti;
      n++;
    }
    if (g.affinities.length > 0) {
      const aff = affinityScore(g.affinities, node);
      scores["node-affinity"] = aff;
      sum += aff;
      n++;
    }
    if (g.spreads.length > 0) {
      const sp = spreadScore(g.spreads, node, g.group.Count, (attr) => state.propertyCounts(g.group.Name, attr), memo);
      scores["allocation-spread"] = sp;
      if (sp !== 0) {
        sum += sp;
        n++;
      }
    }
  }
  return { node: i, resources: res, scores, score: sum / n };
}

export class GenericStack {
  private readonly order: number[];
  private offset = 0;

  constructor(
    private readonly state: PlanState,
    readonly candidates: Candidates,
    private readonly rng: Rng,
    private readonly cfg: StackConfig,
  ) {
    this.order = rng.shuffle(candidates.nodes.slice());
  }

  private limitFor(g: GroupInfo): number {
    if (this.cfg.batch) return 2;
    let limit = Math.max(2, Math.ceil(Math.log2(Math.max(1, this.order.length))));
    if (g.affinities.length > 0 || g.spreads.length > 0) limit = Math.max(limit, g.group.Count < this.cfg.affinityLimit ? this.cfg.affinityLimit : g.group.Count);
    return limit;
  }

  select(g: GroupInfo, checker: FeasibilityChecker): Selection {
    const metric = new MetricBuilder(this.cfg.explain);
    const limit = this.limitFor(g);
    const memo: SpreadMemo = { lowestBoost: 0 };
    const options: Option[] = [];
    const skipped: Option[] = [];
    const n = this.order.length;
    for (let seen = 0; seen < n && options.length < limit; seen++) {
      const i = this.order[this.offset]!;
      this.offset = (this.offset + 1) % n;
      const opt = this.evaluate(i, g, checker, metric, memo);
      if (!opt) continue;
      if (opt.score <= SKIP_THRESHOLD && skipped.length < MAX_SKIP) skipped.push(opt);
      else options.push(opt);
    }
    while (options.length < limit && skipped.length > 0) options.push(skipped.shift()!);
    let best: Option | null = null;
    for (const o of options) if (!best || o.score > best.score) best = o;
    this.markChosen(metric, best);
    return { option: best, metric };
  }

  /** Evaluate exactly one node (system jobs: the stack's node set is that node). */
  selectOn(i: number, g: GroupInfo, checker: FeasibilityChecker): Selection {
    const metric = new MetricBuilder(this.cfg.explain);
    const opt = this.evaluate(i, g, checker, metric, { lowestBoost: 0 });
    this.markChosen(metric, opt);
    return { option: opt, metric };
  }

  private markChosen(metric: MetricBuilder, best: Option | null): void {
    if (!best || !metric.outcomes) return;
    const id = this.state.nodes[best.node]!.id;
    for (const o of metric.outcomes) if (o.nodeId === id && o.outcome === "scored") o.outcome = "chosen";
  }

  private evaluate(i: number, g: GroupInfo, checker: FeasibilityChecker, metric: MetricBuilder, memo: SpreadMemo): Option | null {
    const node = this.state.nodes[i]!;
    metric.evaluated++;
    const reason = checker.check(node, i) ?? distinctFilter(g, this.state, i);
    if (reason !== null) {
      metric.filter(node, reason);
      return null;
    }
    const fit = fitOn(this.state, i, g.ask, this.rng);
    if (typeof fit === "string") {
      metric.exhaust(node, fit);
      return null;
    }
    const opt = scoreOption(this.state, i, g, fit, this.cfg, memo);
    metric.score(node, opt.scores, opt.score);
    return opt;
  }
}
