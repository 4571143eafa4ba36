// The job (docs/jobspec.md §1.1, §2): identity, placement, update defaults by type, periodic,
// parameterized, and the groups (job-level `task` shorthands first, each as its own group).
import type { PathNode } from "../../validate/paths.js";
import type { Job, Multiregion, MultiregionRegion, TaskGroup } from "../types.js";
import { affinities, block, blocks, bool, constraints, eachBlock, int, label, spreads, str, strList, strMap, type Ctx, type Obj } from "./common.js";
import { group, type JobLevel } from "./group.js";
import { secretBlocks } from "./identity.js";
import { DEFAULT_UPDATE, isBatchLike, mergeUpdate } from "./policies.js";

export function decodeJobObject(ctx: Ctx, j: Obj, path: PathNode, jobLabel: string): Job {
  const ID = str(j?.id, jobLabel);
  const Type = str(j?.type, "service");
  const ub = block(j?.update);
  const Update = ub || !isBatchLike(Type) ? ctx.origins.set(mergeUpdate(DEFAULT_UPDATE, ub), ub ? path.child("update") : path) : null;
  const per = block(j?.periodic);
  const par = block(j?.parameterized);
  const mr = block(j?.multiregion);
  const ui = block(j?.ui);
  const jv = block(j?.vault);
  const job: Job = {
    ID,
    Name: str(j?.name, ID),
    Type,
    Region: str(j?.region, "global"),
    Namespace: str(j?.namespace, "default"),
    Priority: int(j?.priority, 50),
    AllAtOnce: bool(j?.all_at_once),
    Datacenters: Array.isArray(j.datacenters) ? strList(j?.datacenters) : ["*"],
    NodePool: str(j?.node_pool, "default"),
    Constraints: constraints(ctx, j?.constraint, path),
    Affinities: affinities(ctx, j?.affinity, path),
    Spreads: spreads(ctx, j?.spread, path),
    TaskGroups: [],
    Update,
    Multiregion: mr ? multiregion(ctx, mr, path.child("multiregion")) : null,
    Periodic: per
      ? ctx.origins.set(
          { Enabled: bool(per?.enabled, true), Spec: str(per?.cron), Specs: strList(per?.crons), SpecType: "cron", ProhibitOverlap: bool(per?.prohibit_overlap), TimeZone: str(per?.time_zone, "UTC") },
          path.child("periodic"),
        )
      : null,
    ParameterizedJob: par
      ? ctx.origins.set({ Payload: str(par?.payload, "optional"), MetaRequired: strList(par?.meta_required), MetaOptional: strList(par?.meta_optional) }, path.child("parameterized"))
      : null,
    Reschedule: null,
    Migrate: null,
    Meta: strMap(j?.meta),
    UI: ui
      ? { Description: str(ui?.description), Links: blocks(ui?.link).map((l) => ({ Label: str(l?.label), URL: str(l?.url) })) }
      : null,
  };
  ctx.origins.set(job, path);
  const jl: JobLevel = {
    job,
    path,
    reschedule: block(j?.reschedule),
    migrate: block(j?.migrate),
    vault: jv ? { block: jv, path: path.child("vault") } : undefined,
    secrets: secretBlocks(ctx, j?.secret, path),
  };
  const shorthand = eachBlock(ctx, j?.task, path, "task", taskGroup, jl);
  const groups = eachBlock(ctx, j?.group, path, "group", groupOf, jl);
  job.TaskGroups = shorthand.length === 0 ? groups : shorthand.concat(groups);
  return job;
}

/** A job-level task: a group of its own (the group and the task are the same block). */
const taskGroup = (ctx: Ctx, t: Obj, at: PathNode, jl: JobLevel): TaskGroup => group(ctx, undefined, at, label(at), [{ obj: t, path: at }], jl);

const groupOf = (ctx: Ctx, g: Obj, at: PathNode, jl: JobLevel): TaskGroup => group(ctx, g, at, label(at), eachBlock(ctx, g?.task, at, "task", groupTask), jl);
const groupTask = (_: Ctx, t: Obj, at: PathNode) => ({ obj: t, path: at });

function multiregion(ctx: Ctx, mr: Obj, path: PathNode): Multiregion {
  const st = block(mr?.strategy);
  return ctx.origins.set(
    {
      Strategy: st ? { MaxParallel: int(st?.max_parallel), OnFailure: str(st?.on_failure) } : null,
      Regions: eachBlock(ctx, mr?.region, path, "region", region),
    },
    path,
  );
}

const region = (ctx: Ctx, r: Obj, at: PathNode): MultiregionRegion => ({
  Name: label(at),
  Count: int(r?.count, 1),
  Datacenters: strList(r?.datacenters),
  NodePool: str(r?.node_pool),
  Meta: strMap(r?.meta),
});
