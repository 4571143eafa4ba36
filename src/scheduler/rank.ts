// Scoring (scheduler.md §5): bin packing or spread fit, job anti-affinity, node affinity,
// spread blocks, and the mean that normalises them.
import type { ClusterNode } from "../cluster/types.js";
import type { Affinity, Spread } from "../jobspec/types.js";
import { checkOperand, resolveTarget } from "./constraints.js";
import type { SchedulerAlgorithm } from "./types.js";

/** Fit score in 0…1 for a node whose usage after the placement is `usedCpu`/`usedMem`. */
export function fitScore(node: ClusterNode, usedCpu: number, usedMem: number, algorithm: SchedulerAlgorithm): number {
  const availCpu = node.resources.cpu - node.reserved.cpu;
  const availMem = node.resources.memoryMB - node.reserved.memoryMB;
  const freeCpu = availCpu > 0 ? 1 - usedCpu / availCpu : 0;
  const freeMem = availMem > 0 ? 1 - usedMem / availMem : 0;
  const total = 10 ** freeCpu + 10 ** freeMem;
  const raw = algorithm === "spread" ? total - 2 : 20 - total;
  return Math.min(18, Math.max(0, raw)) / 18;
}

/** `−(collisions + 1) / count`, or undefined when there is no collision (nothing appended). */
export function antiAffinityScore(collisions: number, count: number): number | undefined {
  return collisions > 0 ? -(collisions + 1) / Math.max(1, count) : undefined;
}

/** Σ weight of matching affinities / Σ |weight|. */
export function affinityScore(affinities: readonly Affinity[], node: ClusterNode): number {
  let sum = 0;
  let total = 0;
  for (const a of affinities) {
    total += Math.abs(a.Weight);
    if (checkOperand(a.Operand, resolveTarget(a.LTarget, node), resolveTarget(a.RTarget, node))) sum += a.Weight;
  }
  return total === 0 ? 0 : sum / total;
}

/** Per-selection memory of the spread iterator (lowest boost for `desired == 0` targets). */
export interface SpreadMemo {
  lowestBoost: number;
}

/**
 * Sum of spread boosts for placing one more allocation of a group of `count` on `node`;
 * `countsFor(attr)` gives the group's existing + proposed allocations per attribute value.
 */
export function spreadScore(
  spreads: readonly Spread[],
  node: ClusterNode,
  count: number,
  countsFor: (attr: string) => Map<string, number>,
  memo: SpreadMemo,
): number {
  if (spreads.length === 0) return 0;
  const sumWeights = spreads.reduce((s, sp) => s + sp.Weight, 0);
  let total = 0;
  for (const sp of spreads) {
    const r = resolveTarget(sp.Attribute, node);
    const counts = countsFor(sp.Attribute);
    const targets = sp.SpreadTarget ?? [];
    if (targets.length > 0) {
      if (!r.found) {
        total -= 1;
        continue;
      }
      const desired = new Map<string, number>();
      let sumPct = 0;
      for (const t of targets) {
        desired.set(t.Value, (t.Percent / 100) * count);
        sumPct += t.Percent;
      }
      if (sumPct < 100) desired.set("*", ((100 - sumPct) / 100) * count);
      const want = desired.get(r.value) ?? desired.get("*");
      if (want === undefined) {
        total -= 1;
        continue;
      }
      const used = (counts.get(r.value) ?? 0) + 1;
      if (want === 0) {
        total += memo.lowestBoost;
        continue;
      }
      const boost = ((want - used) / want) * (sp.Weight / sumWeights);
      if (boost < memo.lowestBoost) memo.lowestBoost = boost;
      total += boost;
    } else {
      if (counts.size === 0) continue;
      if (!r.found) {
        total -= 1;
        continue;
      }
      let min = Infinity;
      let max = -Infinity;
      for (const v of counts.values()) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const cur = counts.get(r.value) ?? 0;
      let boost: number;
      if (cur !== min) boost = min === 0 ? -1 : (min - cur) / min;
      else if (min === max) boost = -1;
      else boost = min === 0 ? 1 : (max - min) / min;
      total += boost; // Nomad does not weight even spreading
    }
  }
  return total;
}
