// Per task group facts the scheduler needs on every candidate node, computed once per plan.
import type { Affinity, Constraint, Job, Spread, TaskGroup } from "../jobspec/types.js";
import { escapesClass } from "./constraints.js";

export interface PortAsk {
  label: string;
  value: number;
}

export interface ResourceAsk {
  cpu: number;
  cores: number;
  memoryMB: number;
  diskMB: number;
  staticPorts: PortAsk[];
  dynamicPorts: string[];
}

export interface DistinctProperty {
  attr: string;
  limit: number;
  /** Job-level counts allocations of every group; group-level only its own. */
  jobLevel: boolean;
  key: string;
}

export interface GroupInfo {
  job: Job;
  group: TaskGroup;
  drivers: string[];
  jobConstraints: Constraint[];
  groupConstraints: Constraint[];
  distinctHostsJob: boolean;
  distinctHostsGroup: boolean;
  distinctProperties: DistinctProperty[];
  affinities: Affinity[];
  spreads: Spread[];
  ask: ResourceAsk;
  hostVolumes: { source: string; readOnly: boolean }[];
  networkMode: string;
  /** A constraint names a unique property: never cache results per node class. */
  escaped: boolean;
}

const DISTINCT = new Set(["distinct_hosts", "distinct_property"]);

function distinctHostsOn(cs: Constraint[]): boolean {
  // empty or unparsable RTarget counts as true; only an explicit false disables it
  return cs.some((c) => c.Operand === "distinct_hosts" && !/^(false|0|f)$/i.test(c.RTarget.trim()));
}

function distinctProps(cs: Constraint[], jobLevel: boolean): DistinctProperty[] {
  return cs
    .filter((c) => c.Operand === "distinct_property")
    .map((c) => {
      const n = Number.parseInt(c.RTarget, 10);
      return { attr: c.LTarget, limit: c.RTarget.trim() === "" || !(n > 0) ? 1 : n, jobLevel, key: `${c.LTarget} distinct_property ${c.RTarget}` };
    });
}

export function groupInfo(job: Job, group: TaskGroup): GroupInfo {
  const taskConstraints = group.Tasks.flatMap((t) => t.Constraints ?? []);
  const groupAll = [...(group.Constraints ?? []), ...taskConstraints];
  const jobAll = job.Constraints ?? [];
  const drivers = [...new Set(group.Tasks.map((t) => t.Driver).filter((d) => d !== ""))].sort();
  const staticPorts: PortAsk[] = [];
  const dynamicPorts: string[] = [];
  const networks = [...(group.Networks ?? []), ...group.Tasks.flatMap((t) => t.Resources?.Networks ?? [])];
  for (const net of networks) {
    for (const p of net.ReservedPorts ?? []) staticPorts.push({ label: p.Label, value: p.Value });
    for (const p of net.DynamicPorts ?? []) dynamicPorts.push(p.Label);
  }
  const hostVolumes = Object.values(group.Volumes ?? {})
    .filter((v) => v.Type === "host" || v.Type === "")
    .map((v) => ({ source: v.Source, readOnly: v.ReadOnly }));
  const cons = [...jobAll, ...groupAll];
  return {
    job,
    group,
    drivers,
    jobConstraints: jobAll.filter((c) => !DISTINCT.has(c.Operand)),
    groupConstraints: groupAll.filter((c) => !DISTINCT.has(c.Operand)),
    distinctHostsJob: distinctHostsOn(jobAll),
    distinctHostsGroup: distinctHostsOn(groupAll),
    distinctProperties: [...distinctProps(jobAll, true), ...distinctProps(groupAll, false)],
    affinities: [...(job.Affinities ?? []), ...(group.Affinities ?? []), ...group.Tasks.flatMap((t) => t.Affinities ?? [])],
    spreads: [...(group.Spreads ?? []), ...(job.Spreads ?? [])],
    ask: {
      cpu: group.Tasks.reduce((s, t) => s + (t.Resources?.Cores ? 0 : (t.Resources?.CPU ?? 0)), 0),
      cores: group.Tasks.reduce((s, t) => s + (t.Resources?.Cores ?? 0), 0),
      memoryMB: group.Tasks.reduce((s, t) => s + (t.Resources?.MemoryMB ?? 0), 0),
      diskMB: group.EphemeralDisk?.SizeMB ?? 300,
      staticPorts,
      dynamicPorts,
    },
    hostVolumes,
    networkMode: group.Networks?.[0]?.Mode || "host",
    escaped: cons.some(escapesClass),
  };
}
