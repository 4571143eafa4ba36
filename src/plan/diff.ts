// Structural diff of two jobs (plan.md §2): job → groups → tasks, each with field and object
// diffs, always contextual as Nomad's server computes it.
import type { Job, Task, TaskGroup } from "../jobspec/types.js";
import { fieldDiffs, flattenDeep, flattenPrimitive, primitiveObjectDiff, stringSetDiff, cmpStr, type Flat } from "./flatten.js";
import { hashedSetDiffs, keyedDiffs, networkDiffs, serviceDiffs, structDiff } from "./objects.js";
import type { DiffType, FieldDiff, JobDiff, ObjectDiff, TaskDiff, TaskGroupDiff } from "./types.js";

const JOB_FILTER = ["ID", "Status", "StatusDescription", "Version", "Stable", "CreateIndex", "ModifyIndex", "JobModifyIndex", "Update", "SubmitTime", "NomadTokenID", "VaultToken", "Payload"];
const GROUP_FILTER = ["Name", "ShutdownDelay"];
const TASK_FILTER = ["Name", "Config"];

const push = (list: ObjectDiff[], d: ObjectDiff | null): void => {
  if (d) list.push(d);
};

function flatJob(j: Job | null): Flat {
  if (!j) return new Map();
  // Nomad's struct carries these booleans even when the API omits them
  const f = flattenPrimitive({ Stop: false, Dispatched: false, ...j }, JOB_FILTER);
  return f;
}

function flatGroup(g: TaskGroup | null): Flat {
  if (!g) return new Map();
  const f = flattenPrimitive(g, GROUP_FILTER);
  // a pointer scalar Nomad still shows
  if (g.ShutdownDelay !== null && g.ShutdownDelay !== undefined) f.set("ShutdownDelay", String(g.ShutdownDelay));
  return f;
}

function topType(old: unknown, nw: unknown, changed: boolean): DiffType {
  if (!old) return "Added";
  if (!nw) return "Deleted";
  return changed ? "Edited" : "None";
}

const nonNone = (fs: FieldDiff[]): FieldDiff[] => fs.filter((f) => f.Type !== "None");

function resourcesDiff(old: Task | null, nw: Task | null, contextual: boolean): ObjectDiff | null {
  const flat = (t: Task | null): Flat | null => {
    if (!t) return null;
    const r = t.Resources;
    return new Map([
      ["CPU", String(r.CPU ?? 0)],
      ["Cores", String(r.Cores ?? 0)],
      ["DiskMB", String(r.DiskMB ?? 0)],
      ["IOPS", String(r.IOPS ?? 0)],
      ["MemoryMB", String(r.MemoryMB ?? 0)],
      ["MemoryMaxMB", String(r.MemoryMaxMB ?? 0)],
      ["SecretsMB", String(r.SecretsMB ?? 0)],
    ]);
  };
  const children: ObjectDiff[] = [
    ...networkDiffs(old?.Resources.Networks, nw?.Resources.Networks, contextual),
    ...keyedDiffs("Device", old?.Resources.Devices, nw?.Resources.Devices, (d) => d.Name, contextual),
  ];
  push(children, structDiff("NUMA", old?.Resources.NUMA, nw?.Resources.NUMA, contextual));
  return primitiveObjectDiff("Resources", flat(old), flat(nw), contextual, children);
}

export function taskDiff(old: Task | null, nw: Task | null, contextual: boolean): TaskDiff {
  const fields = fieldDiffs(flattenPrimitive(old, TASK_FILTER), flattenPrimitive(nw, TASK_FILTER), false);
  const objects: ObjectDiff[] = [];
  objects.push(...hashedSetDiffs("Constraint", old?.Constraints, nw?.Constraints, contextual));
  objects.push(...hashedSetDiffs("Affinity", old?.Affinities, nw?.Affinities, contextual));
  push(objects, primitiveObjectDiff("Config", old ? flattenDeep(old.Config) : null, nw ? flattenDeep(nw.Config) : null, contextual));
  push(objects, resourcesDiff(old, nw, contextual));
  push(objects, structDiff("LogConfig", old?.LogConfig, nw?.LogConfig, contextual));
  push(objects, structDiff("DispatchPayload", old?.DispatchPayload, nw?.DispatchPayload, contextual));
  push(objects, structDiff("Lifecycle", old?.Lifecycle, nw?.Lifecycle, contextual));
  objects.push(...hashedSetDiffs("Artifact", old?.Artifacts, nw?.Artifacts, contextual));
  objects.push(...serviceDiffs(old?.Services, nw?.Services, contextual));
  push(objects, structDiff("Vault", old?.Vault, nw?.Vault, contextual));
  objects.push(...keyedDiffs("Secret", old?.Secrets, nw?.Secrets, (s) => s.Name, contextual));
  push(objects, structDiff("Consul", old?.Consul, nw?.Consul, contextual));
  objects.push(...keyedDiffs("Template", old?.Templates, nw?.Templates, (t) => t.DestPath, contextual));
  push(objects, structDiff("Identity", old?.Identity, nw?.Identity, contextual));
  objects.push(...keyedDiffs("Identities", old?.Identities, nw?.Identities, (i) => i.Name, contextual));
  objects.push(...keyedDiffs("Action", old?.Actions, nw?.Actions, (a) => a.Name, contextual));
  objects.push(...keyedDiffs("VolumeMount", old?.VolumeMounts, nw?.VolumeMounts, (v) => `${v.Volume}:${v.Destination}`, contextual));
  push(objects, structDiff("Schedule", old?.Schedule, nw?.Schedule, contextual));
  const name = (nw ?? old)!.Name;
  return { Type: topType(old, nw, fields.length > 0 || objects.length > 0), Name: name, Fields: fields, Objects: objects, Annotations: [] };
}

export function groupDiff(old: TaskGroup | null, nw: TaskGroup | null, contextual: boolean): TaskGroupDiff {
  const fields = nonNone(fieldDiffs(flatGroup(old), flatGroup(nw), false));
  const objects: ObjectDiff[] = [];
  objects.push(...hashedSetDiffs("Constraint", old?.Constraints, nw?.Constraints, contextual));
  objects.push(...hashedSetDiffs("Affinity", old?.Affinities, nw?.Affinities, contextual));
  objects.push(...hashedSetDiffs("Spread", old?.Spreads, nw?.Spreads, contextual));
  push(objects, structDiff("RestartPolicy", old?.RestartPolicy, nw?.RestartPolicy, contextual));
  push(objects, structDiff("Migrate", old?.Migrate, nw?.Migrate, contextual));
  push(objects, structDiff("ReschedulePolicy", old?.ReschedulePolicy, nw?.ReschedulePolicy, contextual));
  push(objects, structDiff("EphemeralDisk", old?.EphemeralDisk, nw?.EphemeralDisk, contextual));
  push(objects, structDiff("Consul", old?.Consul, nw?.Consul, contextual));
  push(objects, structDiff("Update", old?.Update, nw?.Update, contextual, ["Stagger"]));
  push(objects, structDiff("Disconnect", old?.Disconnect, nw?.Disconnect, contextual));
  objects.push(...networkDiffs(old?.Networks, nw?.Networks, contextual));
  push(objects, structDiff("Scaling", old?.Scaling, nw?.Scaling, contextual));
  objects.push(...serviceDiffs(old?.Services, nw?.Services, contextual));
  const vols = (g: TaskGroup | null) => Object.values(g?.Volumes ?? {});
  objects.push(...keyedDiffs("Volume", vols(old), vols(nw), (v) => v.Name, contextual));
  const names = [...new Set([...(old?.Tasks ?? []).map((t) => t.Name), ...(nw?.Tasks ?? []).map((t) => t.Name)])].sort(cmpStr);
  const tasks = names.map((n) => taskDiff(old?.Tasks.find((t) => t.Name === n) ?? null, nw?.Tasks.find((t) => t.Name === n) ?? null, contextual));
  const changed = fields.length > 0 || objects.length > 0 || tasks.some((t) => t.Type !== "None");
  return { Type: topType(old, nw, changed), Name: (nw ?? old)!.Name, Fields: fields, Objects: objects, Tasks: tasks, Updates: {} };
}

/** `old.Diff(new, contextual)`; `old` null for a new job. */
export function jobDiff(old: Job | null, nw: Job | null, contextual = true): JobDiff {
  const fields = nonNone(fieldDiffs(flatJob(old), flatJob(nw), false));
  const objects: ObjectDiff[] = [];
  push(objects, stringSetDiff("Datacenters", old?.Datacenters ?? [], nw?.Datacenters ?? [], contextual));
  objects.push(...hashedSetDiffs("Constraint", old?.Constraints, nw?.Constraints, contextual));
  objects.push(...hashedSetDiffs("Affinity", old?.Affinities, nw?.Affinities, contextual));
  objects.push(...hashedSetDiffs("Spread", old?.Spreads, nw?.Spreads, contextual));
  push(objects, structDiff("Periodic", old?.Periodic, nw?.Periodic, contextual));
  push(objects, structDiff("ParameterizedJob", old?.ParameterizedJob, nw?.ParameterizedJob, contextual));
  push(objects, structDiff("Multiregion", old?.Multiregion, nw?.Multiregion, contextual));
  push(objects, structDiff("UI", old?.UI, nw?.UI, contextual));
  const names = [...new Set([...(old?.TaskGroups ?? []).map((g) => g.Name), ...(nw?.TaskGroups ?? []).map((g) => g.Name)])].sort(cmpStr);
  const groups = names.map((n) => groupDiff(old?.TaskGroups.find((g) => g.Name === n) ?? null, nw?.TaskGroups.find((g) => g.Name === n) ?? null, contextual));
  const changed = fields.length > 0 || objects.length > 0 || groups.some((g) => g.Type !== "None");
  return { Type: topType(old, nw, changed), ID: (nw ?? old)!.ID, Fields: fields, Objects: objects, TaskGroups: groups };
}
