// Which job changes force a destructive (create/destroy) update: Nomad's `tasksUpdated`
// (plan.md §5.1). Everything else can be applied in place if the node still fits.
import type { Job, NetworkResource, Task, TaskGroup } from "../jobspec/types.js";

/** Canonical JSON (sorted keys) for deep comparison. */
export function canon(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(o).sort()) out[k] = o[k];
      return out;
    }
    return v;
  });
}

const same = (a: unknown, b: unknown): boolean => canon(a ?? null) === canon(b ?? null);

const SERVER_FIELDS = ["Status", "StatusDescription", "Version", "Stable", "CreateIndex", "ModifyIndex", "JobModifyIndex", "SubmitTime", "Stop"];

/** Same specification (server-set fields ignored): an identical resubmission. */
export function specEqual(a: Job, b: Job): boolean {
  const strip = (j: Job): Record<string, unknown> => {
    const o: Record<string, unknown> = { ...j };
    for (const f of SERVER_FIELDS) delete o[f];
    return o;
  };
  return canon(strip(a)) === canon(strip(b));
}

function networksDiffer(a: NetworkResource[] | undefined, b: NetworkResource[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return true;
  const ports = (n: NetworkResource): unknown => [
    (n.ReservedPorts ?? []).map((p) => [p.Label, p.Value, p.To, p.HostNetwork]),
    (n.DynamicPorts ?? []).map((p) => [p.Label, p.To, p.HostNetwork]), // a dynamic port's value is ignored
  ];
  return x.some((n, i) => {
    const m = y[i]!;
    return n.Mode !== m.Mode || (n.MBits ?? 0) !== (m.MBits ?? 0) || n.Hostname !== m.Hostname || !same(n.DNS, m.DNS) || !same(n.CNI, m.CNI) || !same(ports(n), ports(m));
  });
}

function connectDiffers(a: TaskGroup, b: TaskGroup): boolean {
  const c = (g: TaskGroup): unknown => (g.Services ?? []).filter((s) => s.Connect).map((s) => [s.Name, s.PortLabel, s.Cluster, s.Connect]);
  return !same(c(a), c(b));
}

function taskDiffers(aJob: Job, a: TaskGroup, at: Task, bJob: Job, b: TaskGroup, bt: Task): boolean {
  if (at.Driver !== bt.Driver || at.User !== bt.User) return true;
  if (!same(at.Config, bt.Config) || !same(at.Env, bt.Env) || !same(at.Artifacts, bt.Artifacts)) return true;
  if (!same(at.Vault, bt.Vault) || !same(at.Secrets, bt.Secrets) || !same(at.Templates, bt.Templates)) return true;
  if (!same(at.Consul, bt.Consul) || !same(at.CSIPluginConfig, bt.CSIPluginConfig) || !same(at.VolumeMounts, bt.VolumeMounts)) return true;
  // meta is combined job + group + task meta, so a job-level meta change is destructive everywhere
  const meta = (j: Job, g: TaskGroup, t: Task): unknown => ({ ...(j.Meta ?? {}), ...(g.Meta ?? {}), ...(t.Meta ?? {}) });
  if (!same(meta(aJob, a, at), meta(bJob, b, bt))) return true;
  const ra = at.Resources;
  const rb = bt.Resources;
  if (ra.CPU !== rb.CPU || ra.Cores !== rb.Cores || ra.MemoryMB !== rb.MemoryMB || ra.MemoryMaxMB !== rb.MemoryMaxMB) return true;
  if (!same(ra.Devices, rb.Devices) || !same(ra.NUMA, rb.NUMA) || (ra.SecretsMB ?? 0) !== (rb.SecretsMB ?? 0)) return true;
  if (networksDiffer(ra.Networks, rb.Networks)) return true;
  if (!same(at.Identity, bt.Identity) || !same(at.Identities, bt.Identities)) return true;
  if ((at.LogConfig?.Disabled ?? false) !== (bt.LogConfig?.Disabled ?? false)) return true;
  if ((at.RestartPolicy?.RenderTemplates ?? false) !== (bt.RestartPolicy?.RenderTemplates ?? false)) return true;
  return false;
}

/** True when moving group `name` from job `a` to job `b` needs new allocations. */
export function tasksUpdated(a: Job, b: Job, name: string): boolean {
  const ga = a.TaskGroups.find((g) => g.Name === name);
  const gb = b.TaskGroups.find((g) => g.Name === name);
  if (!ga || !gb) return true;
  if (ga.Tasks.length !== gb.Tasks.length) return true;
  if (!same(ga.EphemeralDisk, gb.EphemeralDisk)) return true;
  if (networksDiffer(ga.Networks, gb.Networks)) return true;
  if (!same(ga.Consul, gb.Consul) || connectDiffers(ga, gb) || !same(ga.Volumes, gb.Volumes)) return true;
  if ((ga.RestartPolicy?.RenderTemplates ?? false) !== (gb.RestartPolicy?.RenderTemplates ?? false)) return true;
  for (const at of ga.Tasks) {
    const bt = gb.Tasks.find((t) => t.Name === at.Name);
    if (!bt || taskDiffers(a, ga, at, b, gb, bt)) return true;
  }
  return false;
}
