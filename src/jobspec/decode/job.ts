// The job (docs/jobspec.md §1.1, §2): identity, placement, update defaults by type, periodic,
// parameterized, and the groups (job-level `task` shorthands first, each as its own group).
import type { PathNode } from "../../validate/paths.js";
import type { Job, Multiregion } from "../types.js";
import { affinities, block, blocks, bool, constraints, int, spreads, str, strList, strMap, type Ctx, type Obj } from "./common.js";
import { group, type JobLevel } from "./group.js";
import { defaultUpdate, isBatchLike, mergeUpdate } from "./policies.js";

export function decodeJobObject(ctx: Ctx, j: Obj, path: PathNode, label: string): Job {
  const ID = str(j, "id", label);
  const Type = str(j, "type", "service");
  const ub = block(j, "update");
  const Update = ub || !isBatchLike(Type) ? ctx.origins.set(mergeUpdate(defaultUpdate(), ub), ub ? path.child("update") : path) : null;
  const per = block(j, "periodic");
  const par = block(j, "parameterized");
  const mr = block(j, "multiregion");
  const ui = block(j, "ui");
  const jv = block(j, "vault");
  const job: Job = {
    ID,
    Name: str(j, "name", ID),
    Type,
    Region: str(j, "region", "global"),
    Namespace: str(j, "namespace", "default"),
    Priority: int(j, "priority", 50),
    AllAtOnce: bool(j, "all_at_once"),
    Datacenters: Array.isArray(j.datacenters) ? strList(j, "datacenters") : ["*"],
    NodePool: str(j, "node_pool", "default"),
    Constraints: constraints(ctx, j, path),
    Affinities: affinities(ctx, j, path),
    Spreads: spreads(ctx, j, path),
    TaskGroups: [],
    Update,
    Multiregion: mr ? multiregion(ctx, mr, path.child("multiregion")) : null,
    Periodic: per
      ? ctx.origins.set(
          { Enabled: bool(per, "enabled", true), Spec: str(per, "cron"), Specs: strList(per, "crons"), SpecType: "cron", ProhibitOverlap: bool(per, "prohibit_overlap"), TimeZone: str(per, "time_zone", "UTC") },
          path.child("periodic"),
        )
      : null,
    ParameterizedJob: par
      ? ctx.origins.set({ Payload: str(par, "payload", "optional"), MetaRequired: strList(par, "meta_required"), MetaOptional: strList(par, "meta_optional") }, path.child("parameterized"))
      : null,
    Reschedule: null,
    Migrate: null,
    Meta: strMap(j, "meta"),
    UI: ui
      ? { Description: str(ui, "description"), Links: blocks(ui, "link").map((l) => ({ Label: str(l, "label"), URL: str(l, "url") })) }
      : null,
  };
  ctx.origins.set(job, path);
  const jl: JobLevel = {
    job,
    path,
    reschedule: block(j, "reschedule"),
    migrate: block(j, "migrate"),
    vault: jv ? { block: jv, path: path.child("vault") } : undefined,
    secrets: blocks(j, "secret").map((s, i) => ({ name: ctx.labels(path.child("secret").child(i))[0] ?? "", block: s, path: path.child("secret").child(i) })),
  };
  const shorthand = blocks(j, "task").map((t, i) => {
    const tp = path.child("task").child(i);
    return group(ctx, {}, tp, ctx.labels(tp)[0] ?? "", [{ obj: t, path: tp }], jl);
  });
  const groups = blocks(j, "group").map((g, i) => {
    const gp = path.child("group").child(i);
    return group(ctx, g, gp, ctx.labels(gp)[0] ?? "", blocks(g, "task").map((t, k) => ({ obj: t, path: gp.child("task").child(k) })), jl);
  });
  job.TaskGroups = [...shorthand, ...groups];
  return job;
}

function multiregion(ctx: Ctx, mr: Obj, path: PathNode): Multiregion {
  const st = block(mr, "strategy");
  return ctx.origins.set(
    {
      Strategy: st ? { MaxParallel: int(st, "max_parallel"), OnFailure: str(st, "on_failure") } : null,
      Regions: blocks(mr, "region").map((r, i) => ({
        Name: ctx.labels(path.child("region").child(i))[0] ?? "",
        Count: int(r, "count", 1),
        Datacenters: strList(r, "datacenters"),
        NodePool: str(r, "node_pool"),
        Meta: strMap(r, "meta"),
      })),
    },
    path,
  );
}
