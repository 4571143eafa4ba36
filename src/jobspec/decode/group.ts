// Task groups (docs/jobspec.md §1.2): count from scaling, policies merged job → group with type
// defaults, ephemeral disk, volumes, disconnect, and the tasks.
import type { PathNode } from "../../validate/paths.js";
import type { Job, ScalingPolicy, TaskGroup, VolumeRequest } from "../types.js";
import { affinities, anyMap, block, bool, constraints, dur, eachBlock, has, int, label, optDur, optInt, spreads, str, strList, strMap, type Ctx, type Obj } from "./common.js";
import { consul, secretBlocks, type SecretBlock } from "./identity.js";
import { networks } from "./network.js";
import { DEFAULT_MIGRATE, DEFAULT_UPDATE, defaultReschedule, defaultRestart, mergeMigrate, mergeReschedule, mergeRestart, mergeUpdate, overlay } from "./policies.js";
import { services } from "./service.js";
import { task, type Inherited } from "./task.js";

export interface JobLevel {
  job: Pick<Job, "ID" | "Type" | "Update" | "ConsulNamespace">;
  path: PathNode;
  reschedule?: Obj;
  migrate?: Obj;
  vault?: { block: Obj; path: PathNode };
  secrets: readonly SecretBlock[];
}

/**
 * A group from its instance object; `tasks` lists the task objects with their paths. The job-level
 * `task` shorthand passes its task and no group object (not an empty stand-in: an object of another
 * class would make every read of `g` below polymorphic).
 */
export function group(ctx: Ctx, g: Obj | undefined, path: PathNode, name: string, tasks: { obj: Obj; path: PathNode }[], jl: JobLevel): TaskGroup {
  const type = jl.job.Type;
  const sc = block(g?.scaling);
  const count = has(g?.count) ? int(g?.count) : sc && has(sc?.min) ? int(sc?.min) : 1;
  const restartBlock = block(g?.restart);
  const restartOrigin = restartBlock ? path.child("restart") : path;
  const restart = ctx.origins.set(mergeRestart(defaultRestart(type), restartBlock), restartOrigin);

  const reschedBase = defaultReschedule(type);
  const rb = block(g?.reschedule);
  const reschedule = reschedBase || rb || jl.reschedule
    ? ctx.origins.set(
        overlay(mergeReschedule, reschedBase ?? defaultReschedule("service")!, jl.reschedule, rb),
        rb ? path.child("reschedule") : jl.reschedule ? jl.path.child("reschedule") : path,
      )
    : null;

  const ub = block(g?.update);
  const update = jl.job.Update || ub ? ctx.origins.set(mergeUpdate(jl.job.Update ?? DEFAULT_UPDATE, ub), ub ? path.child("update") : jl.path.child("update")) : null;

  const mb = block(g?.migrate);
  const migrate = type === "service" || mb || jl.migrate
    ? ctx.origins.set(overlay(mergeMigrate, DEFAULT_MIGRATE, jl.migrate, mb), mb ? path.child("migrate") : jl.migrate ? jl.path.child("migrate") : path)
    : null;

  const ed = block(g?.ephemeral_disk);
  const dc = block(g?.disconnect);
  const volumes: Record<string, VolumeRequest> = {};
  for (const v of eachBlock(ctx, g?.volume, path, "volume", volume)) volumes[v.Name] = v;
  const scaling: ScalingPolicy | null = sc
    ? ctx.origins.set({ Min: has(sc?.min) ? int(sc?.min) : count, Max: optInt(sc?.max), Policy: has(sc?.policy) ? anyMap(sc?.policy) : null, Enabled: bool(sc?.enabled, true), Type: str(sc?.type, "horizontal") }, path.child("scaling"))
    : null;

  const gv = block(g?.vault);
  const groupSecrets = secretBlocks(ctx, g?.secret, path);
  const inh: Inherited = {
    jobID: jl.job.ID,
    group: name,
    restart,
    restartOrigin,
    vault: gv ? { block: gv, path: path.child("vault") } : jl.vault,
    secrets: groupSecrets.length === 0 ? jl.secrets : [...jl.secrets, ...groupSecrets],
    consulNamespace: jl.job.ConsulNamespace ?? "",
  };
  const gc = block(g?.consul);
  return ctx.origins.set(
    {
      Name: name,
      Count: count,
      Constraints: constraints(ctx, g?.constraint, path),
      Affinities: affinities(ctx, g?.affinity, path),
      Spreads: spreads(ctx, g?.spread, path),
      Tasks: tasks.map((t) => task(ctx, t.obj, t.path, inh)),
      Volumes: volumes,
      RestartPolicy: restart,
      ReschedulePolicy: reschedule,
      Disconnect: dc
        ? ctx.origins.set({ LostAfter: dur(dc?.lost_after), StopOnClientAfter: optDur(dc?.stop_on_client_after), Replace: bool(dc?.replace, true), Reconcile: str(dc?.reconcile, "best_score") }, path.child("disconnect"))
        : null,
      EphemeralDisk: ctx.origins.set({ Sticky: bool(ed?.sticky), Migrate: bool(ed?.migrate), SizeMB: int(ed?.size, 300) }, ed ? path.child("ephemeral_disk") : path),
      Update: update,
      Migrate: migrate,
      Networks: networks(ctx, g?.network, path),
      Meta: strMap(g?.meta),
      // the services' default name built only for a group that has services (most have none)
      Services: g?.service === undefined ? [] : services(ctx, g.service, path, `${jl.job.ID}-${name}`),
      ShutdownDelay: optDur(g?.shutdown_delay),
      MaxRunDuration: optDur(g?.max_run_duration),
      StopAfterClientDisconnect: optDur(g?.stop_after_client_disconnect),
      MaxClientDisconnect: optDur(g?.max_client_disconnect),
      PreventRescheduleOnLost: bool(g?.prevent_reschedule_on_lost),
      Scaling: scaling,
      Consul: gc ? consul(ctx, gc, path.child("consul"), inh.consulNamespace) : null,
    },
    path,
  );
}

function volume(ctx: Ctx, v: Obj, at: PathNode): VolumeRequest {
  const mo = block(v?.mount_options);
  return ctx.origins.set(
    {
      Name: label(at),
      Type: str(v?.type),
      Source: str(v?.source),
      ReadOnly: bool(v?.read_only),
      Sticky: bool(v?.sticky),
      AccessMode: str(v?.access_mode),
      AttachmentMode: str(v?.attachment_mode),
      MountOptions: mo ? { FSType: str(mo?.fs_type), MountFlags: strList(mo?.mount_flags) } : null,
      PerAlloc: bool(v?.per_alloc),
    },
    at,
  );
}
