// Properties on random clusters and jobs (issue 5): no over-commit, hard constraints hold,
// system jobs get one allocation per feasible node, the same seed gives the same plan.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeNode } from "../../src/cluster/defaults.js";
import type { Allocation, ClusterNode } from "../../src/cluster/types.js";
import type { Constraint, Job } from "../../src/jobspec/types.js";
import { meetsConstraint } from "../../src/scheduler/constraints.js";
import { schedule } from "../../src/scheduler/schedule.js";
import type { PlanResult } from "../../src/scheduler/types.js";
import { mkJob } from "./helpers.js";

const arbNode = (i: number) =>
  fc.record({
    cpu: fc.integer({ min: 500, max: 8000 }),
    memoryMB: fc.integer({ min: 256, max: 16384 }),
    diskMB: fc.integer({ min: 300, max: 5000 }),
    kernel: fc.constantFrom("linux", "windows", "darwin"),
    rack: fc.constantFrom("r1", "r2", "r3"),
    dc: fc.constantFrom("dc1", "dc2"),
    docker: fc.boolean(),
    ready: fc.boolean(),
    reservedPort: fc.constantFrom(8080, 9090, 22),
  }).map((r): ClusterNode =>
    makeNode({
      name: `n${i}`,
      cpu: r.cpu,
      memoryMB: r.memoryMB,
      diskMB: r.diskMB,
      datacenter: r.dc,
      drivers: r.docker ? ["docker", "exec"] : ["exec"],
      attributes: { "kernel.name": r.kernel },
      meta: { rack: r.rack },
      status: r.ready ? "ready" : "down",
      reserved: { cpu: 100, memoryMB: 128, ports: [r.reservedPort] },
      minDynamicPort: 20000,
      maxDynamicPort: 20004,
    }),
  );

const arbCluster = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbNode(i))));

const arbConstraint: fc.Arbitrary<Constraint> = fc.oneof(
  fc.constantFrom("linux", "windows").map((v) => ({ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: v })),
  fc.constantFrom("r1", "r2").map((v) => ({ LTarget: "${meta.rack}", Operand: "!=", RTarget: v })),
  fc.constant({ LTarget: "${node.datacenter}", Operand: "regexp", RTarget: "^dc1$" }),
);

const arbJob = fc
  .record({
    type: fc.constantFrom("service", "batch", "system", "sysbatch"),
    count: fc.integer({ min: 1, max: 15 }),
    cpu: fc.integer({ min: 50, max: 3000 }),
    mem: fc.integer({ min: 32, max: 6000 }),
    disk: fc.integer({ min: 10, max: 2000 }),
    constraints: fc.array(arbConstraint, { maxLength: 2 }),
    staticPort: fc.option(fc.constantFrom(8080, 9000), { nil: undefined }),
    dynamicPorts: fc.integer({ min: 0, max: 2 }),
    driver: fc.constantFrom("docker", "exec"),
  })
  .map((r): Job =>
    mkJob({
      Type: r.type,
      Constraints: r.constraints,
      TaskGroups: [
        {
          Count: r.count,
          EphemeralDisk: { Sticky: false, Migrate: false, SizeMB: r.disk },
          Networks: [
            {
              Mode: "host", Device: "", CIDR: "", IP: "", Hostname: "", MBits: null, DNS: null, CNI: null,
              ReservedPorts: r.staticPort === undefined ? [] : [{ Label: "s", Value: r.staticPort, To: 0, HostNetwork: "default" }],
              DynamicPorts: Array.from({ length: r.dynamicPorts }, (_, i) => ({ Label: `d${i}`, Value: 0, To: 0, HostNetwork: "default" })),
            },
          ],
          Tasks: [{ Driver: r.driver, Resources: { CPU: r.cpu, MemoryMB: r.mem } }],
        },
      ],
    }),
  );

/** Existing load from another job, placed by the scheduler itself. */
function load(nodes: ClusterNode[]): Allocation[] {
  const other = mkJob({ ID: "other", Name: "other", TaskGroups: [{ Count: 4, Tasks: [{ Driver: "exec", Resources: { CPU: 400, MemoryMB: 512 } }] }] });
  return schedule({ nodes, allocs: [], oldJob: null, newJob: other, options: { seed: 7 } }).placements.map((p) => ({
    id: p.allocId, name: p.name, namespace: "default", jobId: "other", group: p.group, nodeId: p.nodeId,
    desiredStatus: "run" as const, clientStatus: "running" as const, resources: p.resources,
  }));
}

function checkNoOvercommit(nodes: ClusterNode[], allocs: Allocation[], plan: PlanResult): void {
  for (const node of nodes) {
    const mine = [...allocs.filter((a) => a.nodeId === node.id).map((a) => a.resources), ...plan.placements.filter((p) => p.nodeId === node.id).map((p) => p.resources)];
    const sum = (f: (r: (typeof mine)[number]) => number): number => mine.reduce((s, r) => s + f(r), 0);
    expect(sum((r) => r.cpu)).toBeLessThanOrEqual(node.resources.cpu - node.reserved.cpu);
    expect(sum((r) => r.memoryMB)).toBeLessThanOrEqual(node.resources.memoryMB - node.reserved.memoryMB);
    expect(sum((r) => r.diskMB)).toBeLessThanOrEqual(node.resources.diskMB - node.reserved.diskMB);
    const ports = mine.flatMap((r) => r.ports.map((p) => p.value));
    expect(new Set(ports).size).toBe(ports.length);
    for (const p of ports) expect(node.reserved.ports).not.toContain(p);
  }
}

describe("scheduler properties", () => {
  it("never over-commits cpu, memory, disk or ports and honours hard constraints", () => {
    fc.assert(
      fc.property(arbCluster, arbJob, fc.integer(), (nodes, job, seed) => {
        const allocs = load(nodes);
        const plan = schedule({ nodes, allocs, oldJob: null, newJob: job, options: { seed } });
        checkNoOvercommit(nodes, allocs, plan);
        for (const p of plan.placements) {
          const node = nodes.find((n) => n.id === p.nodeId)!;
          expect(node.status).toBe("ready");
          for (const c of job.Constraints) expect(meetsConstraint(c, node)).toBe(true);
          expect(node.drivers[job.TaskGroups[0]!.Tasks[0]!.Driver]?.detected).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("system jobs get exactly one allocation per feasible node", () => {
    fc.assert(
      fc.property(arbCluster, arbJob, (nodes, base) => {
        const job = { ...base, Type: "system" };
        const plan = schedule({ nodes, allocs: [], oldJob: null, newJob: job, options: { seed: 1 } });
        const g = job.TaskGroups[0]!;
        const ask = g.Tasks[0]!.Resources;
        const feasible = nodes.filter(
          (n) =>
            n.status === "ready" &&
            job.Constraints.every((c) => meetsConstraint(c, n)) &&
            n.drivers[g.Tasks[0]!.Driver]?.detected === true &&
            ask.CPU <= n.resources.cpu - n.reserved.cpu &&
            ask.MemoryMB <= n.resources.memoryMB - n.reserved.memoryMB &&
            g.EphemeralDisk.SizeMB <= n.resources.diskMB &&
            !g.Networks[0]!.ReservedPorts.some((p) => n.reserved.ports.includes(p.Value)),
        );
        expect(plan.placements.map((p) => p.nodeId).sort()).toEqual(feasible.map((n) => n.id).sort());
      }),
      { numRuns: 150 },
    );
  });

  it("the same seed gives the same plan", () => {
    fc.assert(
      fc.property(arbCluster, arbJob, fc.integer(), (nodes, job, seed) => {
        const allocs = load(nodes);
        const a = schedule({ nodes, allocs, oldJob: null, newJob: job, options: { seed } });
        const b = schedule({ nodes: structuredClone(nodes), allocs: structuredClone(allocs), oldJob: null, newJob: structuredClone(job), options: { seed } });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
