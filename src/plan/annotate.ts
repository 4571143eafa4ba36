// Plan annotations on the diff (plan.md §3): group update counts from the scheduler, the
// Count field's create/destroy note, and per-task "forces …" display heuristics.
import type { DesiredUpdates } from "../scheduler/types.js";
import type { JobDiff, TaskDiff, TaskGroupDiff } from "./types.js";

export const UPDATE_KEYS: [keyof DesiredUpdates, string][] = [
  ["Canary", "canary"],
  ["Place", "create"],
  ["DestructiveUpdate", "create/destroy update"],
  ["Stop", "destroy"],
  ["Ignore", "ignore"],
  ["InPlaceUpdate", "in-place update"],
  ["Migrate", "migrate"],
];

export const FORCES_CREATE = "forces create";
export const FORCES_DESTROY = "forces destroy";
export const FORCES_DESTRUCTIVE = "forces create/destroy update";
export const FORCES_INPLACE = "forces in-place update";

const IN_PLACE_OBJECTS = new Set(["Service", "Constraint", "Affinity", "Spread"]);

function annotateTask(t: TaskDiff, g: TaskGroupDiff): void {
  if (t.Type === "None") return;
  if (g.Type === "Added" && t.Type === "Added") {
    t.Annotations.push(FORCES_CREATE);
    return;
  }
  if (g.Type === "Deleted" && t.Type === "Deleted") {
    t.Annotations.push(FORCES_DESTROY);
    return;
  }
  let destructive = t.Fields.some((f) => f.Name !== "KillTimeout");
  if (!destructive) {
    destructive = t.Objects.some((o) => {
      if (IN_PLACE_OBJECTS.has(o.Name)) return false;
      if (o.Name === "LogConfig") return o.Fields.some((f) => f.Name === "Disabled" && f.Type !== "None");
      return true;
    });
  }
  t.Annotations.push(destructive ? FORCES_DESTRUCTIVE : FORCES_INPLACE);
}

export function annotate(diff: JobDiff, updates: Record<string, DesiredUpdates>): void {
  for (const g of diff.TaskGroups) {
    const u = updates[g.Name];
    if (u) for (const [field, key] of UPDATE_KEYS) if (u[field] > 0) g.Updates[key] = u[field];
    const count = g.Fields.find((f) => f.Name === "Count");
    if (count) {
      const o = Number(count.Old || "0");
      const n = Number(count.New || "0");
      if (o < n) count.Annotations.push(FORCES_CREATE);
      else if (n < o) count.Annotations.push(FORCES_DESTROY);
    }
    for (const t of g.Tasks) annotateTask(t, g);
  }
}
