// Feasibility (scheduler.md §2–§3): candidate node set, class-cacheable checks, host volumes
// and the distinct_* iterators. Results are cached per computed node class, but a node filtered
// from the cache is counted under the reason that filtered its class, never "computed class
// ineligible".
import type { ClusterNode } from "../cluster/types.js";
import type { Job } from "../jobspec/types.js";
import { constraintString, meetsConstraint, resolveTarget } from "./constraints.js";
import type { GroupInfo } from "./group.js";
import type { PlanState } from "./state.js";

const classCache = new WeakMap<ClusterNode, string>();

/** Nomad's computed class: everything but `unique.*` keys, so alike nodes share feasibility. */
export function computedClass(node: ClusterNode): string {
  let c = classCache.get(node);
  if (c === undefined) {
    // \u0001 and \u0002 cannot occur in HCL-written names, so the join is unambiguous
    const part = (m: Record<string, string>): string => {
      let out = "";
      for (const k of Object.keys(m).sort()) if (!k.startsWith("unique.")) out += `${k}\u0001${m[k]}\u0002`;
      return out;
    };
    let drivers = "";
    for (const d of Object.keys(node.drivers).sort()) drivers += `${d}:${node.drivers[d]!.detected ? 1 : 0}${node.drivers[d]!.healthy ? 1 : 0}\u0002`;
    c = `${node.datacenter}\u0003${node.nodeClass}\u0003${node.nodePool}\u0003${part(node.attributes)}\u0003${part(node.meta)}\u0003${drivers}`;
    classCache.set(node, c);
  }
  return c;
}

const globCache = new Map<string, RegExp>();

export function datacenterMatches(pattern: string, dc: string): boolean {
  if (!pattern.includes("*")) return pattern === dc;
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split("*").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    globCache.set(pattern, re);
  }
  return re.test(dc);
}

export function nodeReady(n: ClusterNode): boolean {
  return n.status === "ready" && !n.drain && n.eligible;
}

export function inJobScope(job: Job, n: ClusterNode): boolean {
  const pool = job.NodePool || "default";
  if (pool !== "all" && n.nodePool !== pool) return false;
  const dcs = job.Datacenters?.length ? job.Datacenters : ["*"];
  return dcs.some((p) => datacenterMatches(p, n.datacenter));
}

export interface Candidates {
  /** Indexes into `state.nodes` of ready nodes in the job's datacenters and pool. */
  nodes: number[];
  nodesInPool: number;
  available: Record<string, number>;
}

export function candidateNodes(job: Job, nodes: readonly ClusterNode[]): Candidates {
  const out: number[] = [];
  const available: Record<string, number> = {};
  const pool = job.NodePool || "default";
  let nodesInPool = 0;
  for (const dc of job.Datacenters ?? []) if (!dc.includes("*")) available[dc] = 0;
  nodes.forEach((n, i) => {
    if (pool === "all" || n.nodePool === pool) nodesInPool++;
    if (!nodeReady(n) || !inJobScope(job, n)) return;
    out.push(i);
    available[n.datacenter] = (available[n.datacenter] ?? 0) + 1;
  });
  return { nodes: out, nodesInPool, available };
}

function driverOk(node: ClusterNode, d: string): boolean {
  const info = node.drivers[d];
  if (info) return info.detected && info.healthy;
  const attr = node.attributes[`driver.${d}`];
  return attr !== undefined && /^(1|t|true)$/i.test(attr);
}

function networkOk(node: ClusterNode, mode: string): boolean {
  if (mode === "host" || mode === "bridge" || mode === "none" || mode === "") return true;
  if (mode.startsWith("cni/")) return node.attributes[`plugins.cni.version.${mode.slice(4)}`] !== undefined;
  return false;
}

/** The class-cacheable checks, in Nomad's order; returns the filter reason or null. */
export function staticFilter(g: GroupInfo, node: ClusterNode): string | null {
  for (const c of g.jobConstraints) if (!meetsConstraint(c, node)) return constraintString(c);
  for (const d of g.drivers) if (!driverOk(node, d)) return "missing drivers";
  for (const c of g.groupConstraints) if (!meetsConstraint(c, node)) return constraintString(c);
  if (!networkOk(node, g.networkMode)) return "missing network";
  return null;
}

function hostVolumesOk(g: GroupInfo, node: ClusterNode): boolean {
  for (const v of g.hostVolumes) {
    const hv = node.hostVolumes[v.source];
    if (!hv || (hv.readOnly && !v.readOnly)) return false;
  }
  return true;
}

const classIds = new WeakMap<ClusterNode, number>();
const classRegistry = new Map<string, number>();

/** A small integer per computed class, stable for the process (cheap cache keys). */
export function classId(node: ClusterNode): number {
  let id = classIds.get(node);
  if (id === undefined) {
    const key = computedClass(node);
    id = classRegistry.get(key);
    if (id === undefined) classRegistry.set(key, (id = classRegistry.size));
    classIds.set(node, id);
  }
  return id;
}

/** Node index → computed class ID (a ClusterSnapshot provides it). */
export interface ClassIndex {
  classOf(i: number): number;
}

const UNKNOWN = undefined;

/** Feasibility with a per-class cache that remembers the reason, not just the verdict. */
export class FeasibilityChecker {
  private readonly cache: (string | null | undefined)[] = [];
  constructor(
    readonly g: GroupInfo,
    private readonly classes: ClassIndex,
  ) {}

  check(node: ClusterNode, i: number): string | null {
    let reason: string | null;
    if (this.g.escaped) {
      reason = staticFilter(this.g, node);
    } else {
      const id = this.classes.classOf(i);
      const cached = this.cache[id];
      if (cached === UNKNOWN) {
        reason = staticFilter(this.g, node);
        this.cache[id] = reason;
      } else {
        reason = cached;
      }
    }
    if (reason !== null) return reason;
    if (!hostVolumesOk(this.g, node)) return "missing compatible host volumes";
    return null;
  }
}

/** distinct_hosts / distinct_property against the proposed state; returns the reason or null. */
export function distinctFilter(g: GroupInfo, state: PlanState, i: number): string | null {
  if (g.distinctHostsJob && state.jobAllocsOn(i) > 0) return "distinct_hosts";
  if (g.distinctHostsGroup && state.jobAllocsOn(i, g.group.Name) > 0) return "distinct_hosts";
  for (const p of g.distinctProperties) {
    const r = resolveTarget(p.attr, state.nodes[i]!);
    if (!r.found) return `missing property ${JSON.stringify(p.attr)}`;
    const used = state.propertyCounts(p.jobLevel ? null : g.group.Name, p.attr).get(r.value) ?? 0;
    if (used >= p.limit) return `distinct_property: ${p.attr}=${r.value} used by ${used} allocs`;
  }
  return null;
}
