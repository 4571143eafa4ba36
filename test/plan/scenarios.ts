// Plan scenarios of issue 5, built in code (old state included) until job decoding lands.
import { makeNode, type NodeSpec } from "../../src/cluster/defaults.js";
import type { Allocation, ClusterNode } from "../../src/cluster/types.js";
import type { Job } from "../../src/jobspec/types.js";
import { NS } from "../../src/jobspec/types.js";
import { schedule } from "../../src/scheduler/schedule.js";
import { edit, mkJob } from "../scheduler/helpers.js";

export interface Scenario {
  name: string;
  nodes: ClusterNode[];
  allocs: Allocation[];
  oldJob: Job | null;
  newJob: Job;
  verbose?: boolean;
  /** Expected exit code (plan.md §6). */
  exit: 0 | 1;
}

export const NOW = Date.UTC(2026, 0, 15, 10, 30, 0);

export function cluster(n: number, spec: Partial<NodeSpec> = {}, prefix = "node"): ClusterNode[] {
  return Array.from({ length: n }, (_, i) => makeNode({ name: `${prefix}-${i + 1}`, drivers: ["docker", "exec", "raw_exec"], ...spec }));
}

/** The allocations `job` would have after being run on `nodes` (placed by the scheduler). */
export function runJob(job: Job, nodes: ClusterNode[], index = 7): { job: Job; allocs: Allocation[] } {
  const stored = { ...structuredClone(job), JobModifyIndex: index, Version: 0 };
  const plan = schedule({ nodes, allocs: [], oldJob: null, newJob: stored, options: { seed: "previous" } });
  const allocs = plan.placements.map(
    (p): Allocation => ({
      id: p.allocId,
      name: p.name,
      namespace: stored.Namespace,
      jobId: stored.ID,
      group: p.group,
      nodeId: p.nodeId,
      desiredStatus: "run",
      clientStatus: "running",
      resources: p.resources,
      job: stored,
      jobModifyIndex: index,
    }),
  );
  return { job: stored, allocs };
}

function change(name: string, nodes: ClusterNode[], old: Job, f: (j: Job) => void, exit: 0 | 1, index = 7): Scenario {
  const prev = runJob(old, nodes, index);
  return { name, nodes, allocs: prev.allocs, oldJob: prev.job, newJob: edit(old, f), exit };
}

const redis = (count = 1): Job => mkJob({ TaskGroups: [{ Count: count, Tasks: [{ Resources: { CPU: 500, MemoryMB: 256 } }] }] });
const update = (maxParallel: number, canary = 0) => ({
  Stagger: 30 * NS.second,
  MaxParallel: maxParallel,
  HealthCheck: "checks",
  MinHealthyTime: 10 * NS.second,
  HealthyDeadline: 5 * NS.minute,
  ProgressDeadline: 10 * NS.minute,
  Canary: canary,
  AutoRevert: false,
  AutoPromote: false,
});
const service = (tags: string[]) => ({
  Name: "redis-cache", Tags: tags, CanaryTags: [], EnableTagOverride: false, PortLabel: "db", AddressMode: "auto", Address: "",
  Checks: [], CheckRestart: null, Connect: null, Meta: {}, CanaryMeta: {}, TaggedAddresses: {}, TaskName: "", OnUpdate: "require_healthy",
  Identity: null, Weights: null, Provider: "consul", Cluster: "default", Kind: "",
});

export function scenarios(): Scenario[] {
  const three = cluster(3);
  const out: Scenario[] = [];
  out.push({ name: "new-job", nodes: three, allocs: [], oldJob: null, newJob: redis(), exit: 1 });
  out.push({ name: "new-job-verbose", nodes: three, allocs: [], oldJob: null, newJob: redis(), verbose: true, exit: 1 });
  out.push(change("count-up", three, redis(1), (j) => (j.TaskGroups[0]!.Count = 3), 1));
  out.push(change("count-down", three, redis(3), (j) => (j.TaskGroups[0]!.Count = 1), 1));
  out.push(change("inplace-kill-timeout", three, redis(3), (j) => (j.TaskGroups[0]!.Tasks[0]!.KillTimeout = 10 * NS.second), 0, 12));
  {
    const old = edit(redis(2), (j) => (j.TaskGroups[0]!.Services = [service(["cache", "v1"])]));
    out.push(change("inplace-service-tags", three, old, (j) => (j.TaskGroups[0]!.Services[0]!.Tags = ["cache", "v2"]), 0));
  }
  {
    const old = edit(redis(2), (j) => (j.TaskGroups[0]!.Update = update(1)));
    out.push(change("inplace-update-block", three, old, (j) => (j.TaskGroups[0]!.Update = update(2)), 0));
  }
  {
    // plan.md §8.4: image and memory changed, count 2, max_parallel 1, 8 GiB nodes
    const nodes = [...cluster(3, { memoryMB: 8192 }), ...cluster(2, { attributes: { "kernel.name": "windows" } }, "win")];
    const old = edit(redis(2), (j) => {
      j.Constraints = [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "linux" }];
      j.TaskGroups[0]!.Update = update(1);
    });
    out.push(
      change("destructive-fails", nodes, old, (j) => {
        j.TaskGroups[0]!.Tasks[0]!.Config["image"] = "redis:8";
        j.TaskGroups[0]!.Tasks[0]!.Resources.MemoryMB = 12000;
      }, 1, 15),
    );
  }
  out.push(change("destructive-config", three, redis(2), (j) => (j.TaskGroups[0]!.Tasks[0]!.Config["image"] = "redis:8"), 1));
  out.push(change("destructive-resources", three, redis(2), (j) => (j.TaskGroups[0]!.Tasks[0]!.Resources.CPU = 1000), 1));
  out.push(change("canary", three, edit(redis(3), (j) => (j.TaskGroups[0]!.Update = update(1, 1))), (j) => (j.TaskGroups[0]!.Tasks[0]!.Config["image"] = "redis:8"), 1));
  {
    const old = mkJob({ TaskGroups: [{ Name: "cache" }, { Name: "web", Tasks: [{ Name: "nginx", Config: { image: "nginx:1.25" } }] }] });
    out.push(
      change("group-added-removed", three, old, (j) => {
        j.TaskGroups = j.TaskGroups.filter((g) => g.Name !== "web");
        j.TaskGroups.push({ ...structuredClone(j.TaskGroups[0]!), Name: "api", Tasks: [{ ...structuredClone(j.TaskGroups[0]!.Tasks[0]!), Name: "server", Config: { image: "api:2" } }] });
      }, 1),
    );
  }
  out.push({
    name: "periodic",
    nodes: three,
    allocs: [],
    oldJob: null,
    newJob: mkJob({
      ID: "report",
      Name: "report",
      Type: "batch",
      Periodic: { Enabled: true, Spec: "0 */6 * * *", Specs: ["0 */6 * * *"], SpecType: "cron", ProhibitOverlap: true, TimeZone: "UTC" },
      TaskGroups: [{ Name: "report", Tasks: [{ Name: "run", Driver: "raw_exec", Config: { command: "/usr/local/bin/report" } }] }],
    }),
    exit: 1,
  });
  out.push({
    name: "constraints-filter-all",
    nodes: three,
    allocs: [],
    oldJob: null,
    newJob: mkJob({ Constraints: [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "windows" }] }),
    exit: 1,
  });
  out.push({
    name: "resources-exhausted",
    nodes: cluster(2, { cpu: 2000, memoryMB: 2048 }),
    allocs: [],
    oldJob: null,
    newJob: edit(redis(3), (j) => (j.TaskGroups[0]!.Tasks[0]!.Resources.MemoryMB = 1500)),
    exit: 1,
  });
  out.push({
    name: "missing-driver",
    nodes: [...cluster(2, { drivers: ["exec", "raw_exec"], nodeClass: "small" }), ...cluster(1, { drivers: ["exec"] }, "edge")],
    allocs: [],
    oldJob: null,
    newJob: mkJob({ TaskGroups: [{ Count: 2 }] }),
    exit: 1,
  });
  {
    const ten = [...cluster(8), ...cluster(2, { attributes: { "kernel.name": "darwin" } }, "mac")];
    const linux = [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "linux" }];
    out.push({
      name: "system",
      nodes: ten,
      allocs: [],
      oldJob: null,
      newJob: mkJob({ ID: "node-exporter", Name: "node-exporter", Type: "system", Constraints: linux, TaskGroups: [{ Name: "exporter", Tasks: [{ Name: "exporter", Config: { image: "prom/node-exporter:v1.8.0" } }] }] }),
      exit: 1,
    });
    out.push({
      name: "sysbatch",
      nodes: ten,
      allocs: [],
      oldJob: null,
      newJob: mkJob({ ID: "gc", Name: "gc", Type: "sysbatch", TaskGroups: [{ Name: "gc", Tasks: [{ Name: "gc", Driver: "raw_exec", Config: { command: "/usr/bin/gc" } }] }] }),
      exit: 1,
    });
    const sys = mkJob({ ID: "node-exporter", Name: "node-exporter", Type: "system", Constraints: linux, TaskGroups: [{ Name: "exporter", Tasks: [{ Name: "exporter", Config: { image: "prom/node-exporter:v1.8.0" } }] }] });
    out.push(change("system-update", ten, sys, (j) => (j.TaskGroups[0]!.Tasks[0]!.Config["image"] = "prom/node-exporter:v1.9.0"), 1));
  }
  out.push({ ...change("unchanged", three, redis(2), () => undefined, 0) });
  return out;
}
