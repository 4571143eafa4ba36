// Service and batch jobs: reconcile each group's allocations against `count` (scheduler.md §9),
// then place what is missing through the generic stack.
import { allocIndex, allocTerminal, type Allocation } from "../cluster/types.js";
import type { TaskGroup } from "../jobspec/types.js";
import type { Ctx } from "./context.js";
import type { PlacementKind } from "./types.js";

interface PendingPlacement {
  group: string;
  index: number;
  kind: PlacementKind;
  previous?: Allocation;
  canary?: boolean;
}

export function scheduleGeneric(ctx: Ctx): void {
  const newJob = ctx.input.newJob;
  const byGroup = ctx.jobAllocs();
  const names = new Set<string>([...byGroup.keys(), ...(newJob?.TaskGroups.map((g) => g.Name) ?? [])]);
  const destructive: PendingPlacement[] = [];
  const place: PendingPlacement[] = [];
  for (const name of [...names].sort()) {
    const tg = newJob?.TaskGroups.find((g) => g.Name === name);
    reconcileGroup(ctx, name, tg, byGroup.get(name) ?? [], destructive, place);
  }
  // destructive updates first (their old allocations free room), then everything else
  for (const p of [...destructive, ...place]) {
    if (ctx.hasFailed(p.group)) {
      ctx.fail(p.group);
      continue;
    }
    if (p.previous) ctx.state.stop(p.previous);
    const { info, checker } = ctx.group(p.group);
    const sel = ctx.stack.select(info, checker);
    if (sel.option) {
      ctx.commit(p.group, p.index, p.kind, sel.option, sel.metric, p.previous, p.canary);
    } else {
      if (p.previous && p.kind === "destructive") ctx.state.restore(p.previous);
      ctx.fail(p.group, sel.metric);
    }
  }
  // a destructive update whose replacement was placed also stops the old allocation
  const replaced = new Set(ctx.result.placements.map((p) => p.previousAllocId).filter((x): x is string => x !== undefined));
  for (const p of destructive) if (p.previous && replaced.has(p.previous.id)) ctx.result.stops.push(stopOf(p.previous, "destructive update"));
  for (const p of place) if (p.previous && p.kind === "migrate" && replaced.has(p.previous.id)) ctx.result.stops.push(stopOf(p.previous, "migrate"));
}

function stopOf(a: Allocation, reason: "destructive update" | "migrate"): Ctx["result"]["stops"][number] {
  return { allocId: a.id, name: a.name, group: a.group, nodeId: a.nodeId, reason };
}

function reconcileGroup(ctx: Ctx, name: string, tg: TaskGroup | undefined, allocs: Allocation[], destructive: PendingPlacement[], place: PendingPlacement[]): void {
  const live = allocs.filter((a) => !allocTerminal(a));
  if (!tg || tg.Count === 0 || ctx.input.newJob === null) {
    for (const a of live) ctx.stop(a, ctx.input.newJob === null ? "job stopped" : "group removed");
    if (live.length > 0 || tg) ctx.du(name).Stop += live.length;
    return;
  }
  const du = ctx.du(name);
  const batch = ctx.job.Type === "batch";
  const untainted: Allocation[] = [];
  const migrate: Allocation[] = [];
  const lost: Allocation[] = [];
  for (const a of live) {
    const u = ctx.nodeUsable(a.nodeId);
    if (u === "ok") untainted.push(a);
    else if (u === "drain") migrate.push(a);
    else lost.push(a);
  }
  // batch allocations that completed stay done and keep their name
  const done = batch ? allocs.filter((a) => a.desiredStatus === "run" && a.clientStatus === "complete") : [];
  const used = new Set<number>([...untainted, ...migrate, ...done].map((a) => allocIndex(a.name)));

  // count decrease: stop migrating allocs first, then the highest indexes
  let remove = untainted.length + migrate.length + done.length - tg.Count;
  for (const a of [...migrate].reverse()) {
    if (remove <= 0) break;
    migrate.splice(migrate.indexOf(a), 1);
    ctx.stop(a, "count");
    used.delete(allocIndex(a.name));
    du.Stop++;
    remove--;
  }
  const byIndexDesc = [...untainted].sort((x, y) => allocIndex(y.name) - allocIndex(x.name));
  for (const a of byIndexDesc) {
    if (remove <= 0) break;
    untainted.splice(untainted.indexOf(a), 1);
    ctx.stop(a, "count");
    used.delete(allocIndex(a.name));
    du.Stop++;
    remove--;
  }
  du.Ignore += done.length;
  for (const a of lost) {
    ctx.stop(a, "lost");
    du.Stop++;
  }

  // updates of what remains, in name order
  const toReplace: Allocation[] = [];
  for (const a of untainted) {
    const kind = ctx.updateKind(a);
    if (kind === "ignore") du.Ignore++;
    else if (kind === "inplace") {
      du.InPlaceUpdate++;
      ctx.inPlace(a);
    } else toReplace.push(a);
  }
  const update = batch ? null : (tg.Update ?? ctx.input.newJob.Update);
  const canaries = update && update.Canary > 0 && toReplace.length > 0 ? update.Canary : 0;
  if (canaries > 0) {
    // canaries first; no destructive update until the deployment is promoted
    du.Ignore += toReplace.length;
    const indexes = [...toReplace.map((a) => allocIndex(a.name)), ...freeIndexes(used, canaries)];
    for (let k = 0; k < canaries; k++) {
      du.Canary++;
      place.push({ group: name, index: indexes[k]!, kind: "canary", canary: true });
    }
  } else {
    const limit = update && update.MaxParallel > 0 ? update.MaxParallel : Infinity;
    toReplace.forEach((a, k) => {
      if (k < limit) {
        du.DestructiveUpdate++;
        destructive.push({ group: name, index: allocIndex(a.name), kind: "destructive", previous: a });
      } else du.Ignore++;
    });
  }
  for (const a of migrate) {
    du.Migrate++;
    place.push({ group: name, index: allocIndex(a.name), kind: "migrate", previous: a });
  }
  // fill missing names lowest first, capped at count
  const missing = tg.Count - used.size;
  for (const index of freeIndexes(used, missing)) {
    du.Place++;
    const lostOne = lost.find((a) => allocIndex(a.name) === index);
    const failed = allocs.some((a) => allocIndex(a.name) === index && a.desiredStatus === "run" && (a.clientStatus === "failed" || (!batch && a.clientStatus === "complete")));
    place.push({ group: name, index, kind: lostOne || failed ? "reschedule" : "create" });
  }
}

/** Free indexes ascending: gaps first, then past the highest used. */
function freeIndexes(used: Set<number>, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; out.length < n && i < used.size + n + 1; i++) if (!used.has(i)) out.push(i);
  return out;
}
