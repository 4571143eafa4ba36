// System and sysbatch jobs: one allocation of each group per eligible node (scheduler.md §1.1,
// §9). Nodes that fail only feasibility are skipped silently; the group is reported as failed
// for filtering only if it fits no node and has no allocations; exhausted nodes always report.
import { allocTerminal, type Allocation } from "../cluster/types.js";
import type { Ctx } from "./context.js";
import { MetricBuilder } from "./metrics.js";

export function scheduleSystem(ctx: Ctx): void {
  const newJob = ctx.input.newJob;
  const byGroup = ctx.jobAllocs();
  const eligible = new Set(ctx.candidates.nodes);
  const groups = new Set<string>([...byGroup.keys(), ...(newJob?.TaskGroups.map((g) => g.Name) ?? [])]);
  const sysbatch = ctx.job.Type === "sysbatch";
  for (const name of [...groups].sort()) {
    const tg = newJob?.TaskGroups.find((g) => g.Name === name);
    const allocs = byGroup.get(name) ?? [];
    const live = allocs.filter((a) => !allocTerminal(a));
    if (!tg || newJob === null || tg.Count === 0) {
      for (const a of live) ctx.stop(a, newJob === null ? "job stopped" : "group removed");
      ctx.du(name).Stop += live.length;
      continue;
    }
    const du = ctx.du(name);
    const onNode = new Map<string, Allocation>();
    for (const a of live) onNode.set(a.nodeId, a);
    // sysbatch: a node whose allocation completed is done
    const doneNodes = new Set(sysbatch ? allocs.filter((a) => a.clientStatus === "complete" && a.desiredStatus === "run").map((a) => a.nodeId) : []);
    const toReplace: Allocation[] = [];
    for (const a of live) {
      const i = ctx.state.byId.get(a.nodeId);
      const node = i === undefined ? undefined : ctx.state.nodes[i];
      if (!node || node.status === "down") {
        ctx.stop(a, "lost");
        du.Stop++;
        onNode.delete(a.nodeId);
      } else if (!eligible.has(i!)) {
        // ready but ineligible nodes keep their allocations; out of scope or draining stops them
        if (node.status === "ready" && !node.drain && !node.eligible) du.Ignore++;
        else {
          ctx.stop(a, node.drain ? "migrate" : "node ineligible");
          du.Stop++;
        }
      } else {
        const kind = ctx.updateKind(a);
        if (kind === "ignore") du.Ignore++;
        else if (kind === "inplace") {
          du.InPlaceUpdate++;
          ctx.inPlace(a);
        } else toReplace.push(a);
      }
    }
    du.Ignore += [...doneNodes].filter((n) => !onNode.has(n)).length;
    const update = sysbatch ? null : (tg.Update ?? newJob.Update);
    const limit = update && update.MaxParallel > 0 ? update.MaxParallel : Infinity;
    const { info, checker } = ctx.group(name);
    const merged = new MetricBuilder(false);
    let placedAny = false;
    let exhaustedFailure = false;
    toReplace.forEach((a, k) => {
      if (k >= limit) {
        du.Ignore++;
        return;
      }
      du.DestructiveUpdate++;
      ctx.state.stop(a);
      const sel = ctx.stack.selectOn(ctx.state.byId.get(a.nodeId)!, info, checker);
      if (sel.option) {
        ctx.commit(name, 0, "destructive", sel.option, sel.metric, a);
        ctx.result.stops.push({ allocId: a.id, name: a.name, group: a.group, nodeId: a.nodeId, reason: "destructive update" });
      } else {
        ctx.state.restore(a);
        ctx.fail(name, sel.metric);
        exhaustedFailure = true;
      }
    });
    for (const i of ctx.candidates.nodes.slice().sort((x, y) => cmpName(ctx, x, y))) {
      const node = ctx.state.nodes[i]!;
      if (onNode.has(node.id) || doneNodes.has(node.id)) continue;
      const sel = ctx.stack.selectOn(i, info, checker);
      if (sel.option) {
        du.Place++;
        placedAny = true;
        ctx.commit(name, 0, "create", sel.option, sel.metric);
      } else if (sel.metric.exhausted > 0) {
        du.Place++;
        exhaustedFailure = true;
        ctx.fail(name, sel.metric);
      } else {
        merged.merge(sel.metric);
      }
    }
    // filtered everywhere and nothing running: report the merged filter metrics
    if (!placedAny && !exhaustedFailure && live.length === 0 && merged.filtered > 0) ctx.fail(name, merged);
  }
}

function cmpName(ctx: Ctx, x: number, y: number): number {
  const a = ctx.state.nodes[x]!.name;
  const b = ctx.state.nodes[y]!.name;
  return a < b ? -1 : a > b ? 1 : 0;
}
