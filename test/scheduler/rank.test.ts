import { describe, expect, it } from "vitest";
import { makeNode } from "../../src/cluster/defaults.js";
import { affinityScore, antiAffinityScore, fitScore, spreadScore } from "../../src/scheduler/rank.js";

const node = makeNode({ name: "a", cpu: 4000, memoryMB: 8192 });

describe("binpack (scheduler.md §6.1, §6.2)", () => {
  it("scores one node as hand-computed", () => {
    expect(fitScore(node, 1500, 2304, "binpack")).toBeCloseTo(0.58611, 5);
    expect(fitScore(node, 1500, 2304, "spread")).toBeCloseTo(0.41389, 5);
  });
  it("prefers the fullest node", () => {
    expect(fitScore(node, 500, 256, "binpack")).toBeCloseTo(0.17752, 5);
    expect(fitScore(node, 3500, 7936, "binpack")).toBeCloseTo(0.97733, 5);
  });
  it("subtracts reserved resources from what is available", () => {
    const r = makeNode({ name: "r", cpu: 4100, memoryMB: 8448, reserved: { cpu: 100, memoryMB: 256 } });
    expect(fitScore(r, 1500, 2304, "binpack")).toBeCloseTo(0.58611, 5);
  });
  it("clamps to 0…1", () => {
    expect(fitScore(node, 0, 0, "binpack")).toBe(0);
    expect(fitScore(node, 4000, 8192, "binpack")).toBe(1);
  });
});

describe("job anti-affinity (§5.2)", () => {
  it("penalises collisions and appends nothing without one", () => {
    expect(antiAffinityScore(1, 3)).toBeCloseTo(-0.66667, 5);
    expect(antiAffinityScore(0, 3)).toBeUndefined();
    // §6.2: (0.97733 − 0.66667) / 2
    expect((0.97733 + antiAffinityScore(1, 3)!) / 2).toBeCloseTo(0.15533, 5);
  });
});

describe("node affinity (§6.3)", () => {
  const affs = [
    { LTarget: "${node.class}", Operand: "=", RTarget: "fast", Weight: 50 },
    { LTarget: "${meta.rack}", Operand: "=", RTarget: "r1", Weight: -25 },
  ];
  it("sums matching weights over total absolute weight", () => {
    expect(affinityScore(affs, makeNode({ name: "x", nodeClass: "fast", meta: { rack: "r1" } }))).toBeCloseTo(0.33333, 5);
    expect(affinityScore(affs, makeNode({ name: "y" }))).toBe(0);
    expect(affinityScore(affs, makeNode({ name: "z", nodeClass: "fast" }))).toBeCloseTo(0.66667, 5);
  });
});

describe("spread (§6.4)", () => {
  const spread = [{ Attribute: "${node.datacenter}", Weight: 100, SpreadTarget: [{ Value: "dc1", Percent: 70 }, { Value: "dc2", Percent: 30 }] }];
  const counts = () => new Map([["dc1", 3], ["dc2", 3]]);
  it("boosts under-used targets and penalises over-used ones", () => {
    expect(spreadScore(spread, makeNode({ name: "a", datacenter: "dc1" }), 10, counts, { lowestBoost: 0 })).toBeCloseTo(0.42857, 5);
    expect(spreadScore(spread, makeNode({ name: "b", datacenter: "dc2" }), 10, counts, { lowestBoost: 0 })).toBeCloseTo(-0.33333, 5);
  });
  it("gives −1 to a value with no target and no remainder", () => {
    expect(spreadScore(spread, makeNode({ name: "c", datacenter: "dc3" }), 10, counts, { lowestBoost: 0 })).toBe(-1);
  });
  it("even spread without targets", () => {
    const even = [{ Attribute: "${meta.rack}", Weight: 50, SpreadTarget: [] }];
    const c = () => new Map([["r1", 2], ["r2", 1]]);
    expect(spreadScore(even, makeNode({ name: "a", meta: { rack: "r1" } }), 6, c, { lowestBoost: 0 })).toBe(-1); // (1−2)/1
    expect(spreadScore(even, makeNode({ name: "b", meta: { rack: "r2" } }), 6, c, { lowestBoost: 0 })).toBe(1); // (2−1)/1
    expect(spreadScore(even, makeNode({ name: "c", meta: { rack: "r3" } }), 6, c, { lowestBoost: 0 })).toBe(1); // (1−0)/1
    expect(spreadScore(even, makeNode({ name: "d" }), 6, c, { lowestBoost: 0 })).toBe(-1);
    expect(spreadScore(even, makeNode({ name: "e", meta: { rack: "r1" } }), 6, () => new Map([["r1", 1]]), { lowestBoost: 0 })).toBe(-1);
    expect(spreadScore(even, makeNode({ name: "f", meta: { rack: "r1" } }), 6, () => new Map(), { lowestBoost: 0 })).toBe(0);
  });
});
