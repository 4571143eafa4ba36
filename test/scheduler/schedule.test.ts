import { describe, expect, it } from "vitest";
import { makeNode } from "../../src/cluster/defaults.js";
import type { Allocation, ClusterNode } from "../../src/cluster/types.js";
import type { Job } from "../../src/jobspec/types.js";
import { schedule } from "../../src/scheduler/schedule.js";
import { edit, mkJob } from "./helpers.js";

const nodes = (n: number, spec: Partial<Parameters<typeof makeNode>[0]> = {}): ClusterNode[] =>
  Array.from({ length: n }, (_, i) => makeNode({ name: `node-${i + 1}`, drivers: ["docker", "exec"], ...spec }));

/** Allocations as if `job` had been placed by the scheduler. */
function running(job: Job, ns: ClusterNode[], seed = 1): Allocation[] {
  const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job, options: { seed } });
  return plan.placements.map((p) => ({
    id: p.allocId,
    name: p.name,
    namespace: job.Namespace,
    jobId: job.ID,
    group: p.group,
    nodeId: p.nodeId,
    desiredStatus: "run",
    clientStatus: "running",
    resources: p.resources,
    job,
  }));
}

describe("service jobs", () => {
  it("places a new job", () => {
    const plan = schedule({ nodes: nodes(3), allocs: [], oldJob: null, newJob: mkJob(), options: { seed: 1 } });
    expect(plan.desiredUpdates).toEqual({ cache: { Ignore: 0, Place: 1, Stop: 0, Migrate: 0, InPlaceUpdate: 0, DestructiveUpdate: 0, Canary: 0, Preemptions: 0 } });
    expect(plan.placements.map((p) => [p.name, p.resources.cpu, p.resources.memoryMB, p.resources.diskMB])).toEqual([["example.cache[0]", 100, 300, 300]]);
    expect(plan.failedTGAllocs).toEqual({});
  });

  it("count 1 → 3 places two and updates one in place", () => {
    const old = mkJob();
    const ns = nodes(3);
    const next = edit(old, (j) => (j.TaskGroups[0]!.Count = 3));
    const plan = schedule({ nodes: ns, allocs: running(old, ns), oldJob: old, newJob: next, options: { seed: 1 } });
    expect(plan.desiredUpdates["cache"]).toMatchObject({ Place: 2, InPlaceUpdate: 1 });
    expect(plan.placements.map((p) => p.name)).toEqual(["example.cache[1]", "example.cache[2]"]);
  });

  it("count 5 → 3 stops the highest indexes", () => {
    const old = edit(mkJob(), (j) => (j.TaskGroups[0]!.Count = 5));
    const ns = nodes(3);
    const next = edit(old, (j) => (j.TaskGroups[0]!.Count = 3));
    const plan = schedule({ nodes: ns, allocs: running(old, ns), oldJob: old, newJob: next });
    expect(plan.stops.map((s) => [s.name, s.reason])).toEqual([["example.cache[3]", "count"], ["example.cache[4]", "count"]]);
    expect(plan.desiredUpdates["cache"]).toMatchObject({ Stop: 2, InPlaceUpdate: 3 });
  });

  it("an identical resubmission ignores every allocation", () => {
    const job = edit(mkJob(), (j) => (j.TaskGroups[0]!.Count = 2));
    const ns = nodes(2);
    const plan = schedule({ nodes: ns, allocs: running(job, ns), oldJob: job, newJob: structuredClone(job) });
    expect(plan.desiredUpdates["cache"]).toMatchObject({ Ignore: 2, Place: 0, InPlaceUpdate: 0 });
  });

  it("a config change is destructive and limited by max_parallel", () => {
    const old = edit(mkJob(), (j) => {
      j.TaskGroups[0]!.Count = 3;
      j.TaskGroups[0]!.Update = { Stagger: 0, MaxParallel: 1, HealthCheck: "checks", MinHealthyTime: 0, HealthyDeadline: 0, ProgressDeadline: 0, Canary: 0, AutoRevert: false, AutoPromote: false };
    });
    const ns = nodes(3);
    const next = edit(old, (j) => (j.TaskGroups[0]!.Tasks[0]!.Config["image"] = "redis:8"));
    const plan = schedule({ nodes: ns, allocs: running(old, ns), oldJob: old, newJob: next });
    expect(plan.desiredUpdates["cache"]).toMatchObject({ DestructiveUpdate: 1, Ignore: 2 });
    expect(plan.placements.map((p) => [p.name, p.kind])).toEqual([["example.cache[0]", "destructive"]]);
    expect(plan.stops.map((s) => [s.name, s.reason])).toEqual([["example.cache[0]", "destructive update"]]);
  });

  it("canaries come before destructive updates", () => {
    const old = edit(mkJob(), (j) => {
      j.TaskGroups[0]!.Count = 3;
      j.TaskGroups[0]!.Update = { Stagger: 0, MaxParallel: 1, HealthCheck: "checks", MinHealthyTime: 0, HealthyDeadline: 0, ProgressDeadline: 0, Canary: 1, AutoRevert: false, AutoPromote: false };
    });
    const ns = nodes(3);
    const next = edit(old, (j) => (j.TaskGroups[0]!.Tasks[0]!.Resources.MemoryMB = 512));
    const plan = schedule({ nodes: ns, allocs: running(old, ns), oldJob: old, newJob: next });
    expect(plan.desiredUpdates["cache"]).toMatchObject({ Canary: 1, Ignore: 3, DestructiveUpdate: 0 });
    expect(plan.placements.map((p) => [p.name, p.kind, p.canary])).toEqual([["example.cache[0]", "canary", true]]);
  });

  it("a removed group is stopped", () => {
    const old = mkJob({ TaskGroups: [{ Name: "a" }, { Name: "b" }] });
    const ns = nodes(2);
    const next = mkJob({ TaskGroups: [{ Name: "a" }] });
    const plan = schedule({ nodes: ns, allocs: running(old, ns), oldJob: old, newJob: next });
    expect(plan.desiredUpdates["b"]).toMatchObject({ Stop: 1 });
    expect(plan.stops.map((s) => [s.name, s.reason])).toEqual([["example.b[0]", "group removed"]]);
  });

  it("allocations on a down node are lost and replaced", () => {
    const job = edit(mkJob(), (j) => (j.TaskGroups[0]!.Count = 2));
    const ns = nodes(3);
    const allocs = running(job, ns);
    const downId = allocs[0]!.nodeId;
    const after = ns.map((n) => (n.id === downId ? { ...n, status: "down" as const } : n));
    const plan = schedule({ nodes: after, allocs, oldJob: job, newJob: job });
    expect(plan.desiredUpdates["cache"]).toMatchObject({ Stop: 1, Place: 1, Ignore: 1 });
    expect(plan.placements[0]!.nodeId).not.toBe(downId);
    expect(plan.placements[0]!.kind).toBe("reschedule");
  });
});

describe("failures as data", () => {
  it("counts every node under the constraint that filtered its class", () => {
    const job = mkJob({ Constraints: [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "windows" }] });
    const plan = schedule({ nodes: nodes(3), allocs: [], oldJob: null, newJob: job });
    const m = plan.failedTGAllocs["cache"]!;
    expect(m.NodesEvaluated).toBe(3);
    expect(m.NodesFiltered).toBe(3);
    expect(m.ConstraintFiltered).toEqual({ "${attr.kernel.name} = windows": 3 });
    expect(m.CoalescedFailures).toBe(0);
  });

  it("reports missing drivers and class filters", () => {
    const ns = [...nodes(2, { drivers: ["exec"], nodeClass: "small" }), makeNode({ name: "gpu-1", drivers: ["docker"], nodeClass: "gpu", attributes: { "kernel.name": "windows" } })];
    const job = mkJob({ Constraints: [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "linux" }] });
    const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job });
    const m = plan.failedTGAllocs["cache"]!;
    expect(m.ConstraintFiltered).toEqual({ "${attr.kernel.name} = linux": 1, "missing drivers": 2 });
    expect(m.ClassFiltered).toEqual({ gpu: 1, small: 2 });
  });

  it("names exhausted dimensions and coalesces later failures", () => {
    const job = edit(mkJob(), (j) => {
      j.TaskGroups[0]!.Count = 3;
      j.TaskGroups[0]!.Tasks[0]!.Resources.MemoryMB = 12000;
    });
    const plan = schedule({ nodes: nodes(2), allocs: [], oldJob: null, newJob: job });
    const m = plan.failedTGAllocs["cache"]!;
    expect(m.NodesExhausted).toBe(2);
    expect(m.DimensionExhausted).toEqual({ memory: 2 });
    expect(m.CoalescedFailures).toBe(2);
    expect(plan.desiredUpdates["cache"]!.Place).toBe(3);
  });

  it("reports a static port collision", () => {
    const job = edit(mkJob(), (j) => {
      j.TaskGroups[0]!.Count = 2;
      j.TaskGroups[0]!.Networks = [{ Mode: "host", Device: "", CIDR: "", IP: "", Hostname: "", MBits: null, DNS: null, ReservedPorts: [{ Label: "http", Value: 8080, To: 0, HostNetwork: "default" }], DynamicPorts: [], CNI: null }];
    });
    const plan = schedule({ nodes: nodes(1), allocs: [], oldJob: null, newJob: job });
    expect(plan.placements).toHaveLength(1);
    expect(plan.failedTGAllocs["cache"]!.DimensionExhausted).toEqual({ "network: reserved port collision http=8080": 1 });
  });

  it("host volumes must exist and be writable when asked", () => {
    const job = edit(mkJob(), (j) => {
      j.TaskGroups[0]!.Volumes = { data: { Name: "data", Type: "host", Source: "data", ReadOnly: false, Sticky: false, AccessMode: "", AttachmentMode: "", MountOptions: null, PerAlloc: false } };
    });
    const ns = [makeNode({ name: "ro", drivers: ["docker"], hostVolumes: { data: { path: "/d", readOnly: true } } }), makeNode({ name: "rw", drivers: ["docker"], hostVolumes: { data: { path: "/d", readOnly: false } } })];
    const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job });
    expect(plan.placements.map((p) => p.nodeName)).toEqual(["rw"]);
    const only = schedule({ nodes: [ns[0]!], allocs: [], oldJob: null, newJob: job });
    expect(only.failedTGAllocs["cache"]!.ConstraintFiltered).toEqual({ "missing compatible host volumes": 1 });
  });

  it("distinct_hosts spreads a group over nodes", () => {
    const job = mkJob({ Constraints: [{ LTarget: "", Operand: "distinct_hosts", RTarget: "true" }], TaskGroups: [{ Count: 3 }] });
    const plan = schedule({ nodes: nodes(2), allocs: [], oldJob: null, newJob: job });
    expect(new Set(plan.placements.map((p) => p.nodeId)).size).toBe(2);
    expect(plan.failedTGAllocs["cache"]!.ConstraintFiltered).toEqual({ distinct_hosts: 2 });
  });

  it("distinct_property limits allocations per value", () => {
    const ns = [makeNode({ name: "a", drivers: ["docker"], meta: { rack: "r1" } }), makeNode({ name: "b", drivers: ["docker"], meta: { rack: "r1" } }), makeNode({ name: "c", drivers: ["docker"], meta: { rack: "r2" } })];
    const job = mkJob({ TaskGroups: [{ Count: 3, Constraints: [{ LTarget: "${meta.rack}", Operand: "distinct_property", RTarget: "" }] }] });
    const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job });
    expect(plan.placements).toHaveLength(2);
    expect(new Set(plan.placements.map((p) => ns.find((n) => n.id === p.nodeId)!.meta["rack"]))).toEqual(new Set(["r1", "r2"]));
  });

  it("bin-packs onto the fullest node (2 nodes: both within the candidate limit)", () => {
    const ns = nodes(2);
    const busy: Allocation = { id: "x", name: "other.g[0]", namespace: "default", jobId: "other", group: "g", nodeId: ns[1]!.id, desiredStatus: "run", clientStatus: "running", resources: { cpu: 3000, cores: 0, memoryMB: 6000, diskMB: 0, ports: [] } };
    const plan = schedule({ nodes: ns, allocs: [busy], oldJob: null, newJob: mkJob() });
    expect(plan.placements[0]!.nodeName).toBe("node-2");
  });
});

describe("system jobs", () => {
  it("places one allocation per feasible node", () => {
    const ns = [...nodes(8), ...nodes(2, { attributes: { "kernel.name": "windows" } }).map((n, i) => ({ ...n, id: `w${i}`, name: `win-${i}` }))];
    const job = mkJob({ Type: "system", Constraints: [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "linux" }] });
    const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job });
    expect(plan.placements).toHaveLength(8);
    expect(new Set(plan.placements.map((p) => p.nodeId)).size).toBe(8);
    expect(plan.placements.every((p) => p.name === "example.cache[0]")).toBe(true);
    expect(plan.desiredUpdates["cache"]!.Place).toBe(8);
    expect(plan.failedTGAllocs).toEqual({});
  });
  it("reports a group that fits no node", () => {
    const job = mkJob({ Type: "sysbatch", Constraints: [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "plan9" }] });
    const plan = schedule({ nodes: nodes(4), allocs: [], oldJob: null, newJob: job });
    expect(plan.failedTGAllocs["cache"]!.ConstraintFiltered).toEqual({ "${attr.kernel.name} = plan9": 4 });
  });
});

describe("ranking in a plan", () => {
  it("affinities steer placements and raise the candidate limit to every node", () => {
    const ns = [...nodes(6), makeNode({ name: "fast-1", drivers: ["docker"], nodeClass: "fast" })];
    const job = mkJob({ Affinities: [{ LTarget: "${node.class}", Operand: "=", RTarget: "fast", Weight: 100 }] });
    const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job, options: { seed: 3 } });
    expect(plan.placements[0]!.nodeName).toBe("fast-1");
    expect(plan.placements[0]!.topScores[0]!.scores["node-affinity"]).toBe(1);
  });

  it("spread targets split a group across datacenters", () => {
    const ns = [...nodes(4, { datacenter: "dc1" }), ...nodes(4, { datacenter: "dc2" }).map((n, i) => ({ ...n, id: `b${i}`, name: `b-${i}` }))];
    const job = mkJob({
      TaskGroups: [{ Count: 4, Spreads: [{ Attribute: "${node.datacenter}", Weight: 100, SpreadTarget: [{ Value: "dc1", Percent: 75 }, { Value: "dc2", Percent: 25 }] }] }],
    });
    const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job, options: { seed: 5 } });
    expect(plan.placements.filter((p) => p.datacenter === "dc1")).toHaveLength(3);
    expect(plan.placements.filter((p) => p.datacenter === "dc2")).toHaveLength(1);
  });

  it("explain records every evaluated node's outcome", () => {
    const ns = [...nodes(2), makeNode({ name: "win", drivers: ["docker"], attributes: { "kernel.name": "windows" } })];
    const job = mkJob({ Constraints: [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "linux" }], Affinities: [{ LTarget: "${node.unique.name}", Operand: "=", RTarget: "node-2", Weight: 50 }] });
    const plan = schedule({ nodes: ns, allocs: [], oldJob: null, newJob: job, options: { explain: true } });
    const outcomes = plan.placements[0]!.outcomes!.map((o) => [o.nodeName, o.outcome, o.reason]).sort();
    expect(outcomes).toEqual([["node-1", "scored", undefined], ["node-2", "chosen", undefined], ["win", "filtered", "${attr.kernel.name} = linux"]]);
    expect(plan.placements[0]!.metric!.NodesEvaluated).toBe(3);
  });

  it("a new constraint the current node fails turns an in-place update destructive", () => {
    const ns = nodes(2);
    const old = mkJob();
    const allocs = running(old, ns);
    const here = ns.find((n) => n.id === allocs[0]!.nodeId)!;
    const next = edit(old, (j) => (j.Constraints = [{ LTarget: "${node.unique.name}", Operand: "!=", RTarget: here.name }]));
    const plan = schedule({ nodes: ns, allocs, oldJob: old, newJob: next });
    expect(plan.desiredUpdates["cache"]).toMatchObject({ DestructiveUpdate: 1, InPlaceUpdate: 0 });
    expect(plan.placements[0]!.nodeId).not.toBe(here.id);
  });

  it("a job meta change is destructive for every task", () => {
    const ns = nodes(2);
    const old = mkJob();
    const plan = schedule({ nodes: ns, allocs: running(old, ns), oldJob: old, newJob: edit(old, (j) => (j.Meta = { v: "2" })) });
    expect(plan.desiredUpdates["cache"]).toMatchObject({ DestructiveUpdate: 1 });
  });
});
