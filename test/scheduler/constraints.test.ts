import { describe, expect, it } from "vitest";
import { makeNode } from "../../src/cluster/defaults.js";
import { checkOperand, constraintString, meetsConstraint, resolveTarget } from "../../src/scheduler/constraints.js";
import { versionSatisfies } from "../../src/scheduler/version.js";

const node = makeNode({
  name: "web-1",
  id: "node-1",
  datacenter: "dc2",
  nodeClass: "large",
  nodePool: "prod",
  attributes: { "kernel.name": "linux", "cpu.numcores": "8", "nomad.version": "1.7.3", "os.version": "22.04", tags: "a, b,c", "app.version": "2.0.0-beta.1" },
  meta: { rack: "r1" },
});

const check = (l: string, op: string, r: string): boolean => meetsConstraint({ LTarget: l, Operand: op, RTarget: r }, node);

describe("target resolution", () => {
  it("resolves node fields, attributes and meta", () => {
    expect(resolveTarget("${node.unique.id}", node)).toEqual({ value: "node-1", found: true });
    expect(resolveTarget("${node.unique.name}", node)).toEqual({ value: "web-1", found: true });
    expect(resolveTarget("${node.datacenter}", node)).toEqual({ value: "dc2", found: true });
    expect(resolveTarget("${node.class}", node)).toEqual({ value: "large", found: true });
    expect(resolveTarget("${node.pool}", node)).toEqual({ value: "prod", found: true });
    expect(resolveTarget("${attr.kernel.name}", node)).toEqual({ value: "linux", found: true });
    expect(resolveTarget("${attr.unique.hostname}", node)).toEqual({ value: "web-1", found: true });
    expect(resolveTarget("${meta.rack}", node)).toEqual({ value: "r1", found: true });
    expect(resolveTarget("${meta.zone}", node)).toEqual({ value: "", found: false });
    expect(resolveTarget("${env.HOME}", node)).toEqual({ value: "", found: false });
    expect(resolveTarget("linux", node)).toEqual({ value: "linux", found: true });
  });
});

describe("operators", () => {
  it("equality: =, ==, is need both sides found", () => {
    expect(check("${attr.kernel.name}", "=", "linux")).toBe(true);
    expect(check("${attr.kernel.name}", "==", "linux")).toBe(true);
    expect(check("${attr.kernel.name}", "is", "windows")).toBe(false);
    expect(check("${meta.zone}", "=", "")).toBe(false);
  });
  it("inequality: !=, not treat a missing side as empty", () => {
    expect(check("${attr.kernel.name}", "!=", "windows")).toBe(true);
    expect(check("${attr.kernel.name}", "not", "linux")).toBe(false);
    expect(check("${meta.zone}", "!=", "a")).toBe(true);
    expect(check("${meta.zone}", "!=", "")).toBe(false);
  });
  it("ordering compares integers, then floats, then bytes", () => {
    expect(check("${attr.cpu.numcores}", ">", "4")).toBe(true);
    expect(check("${attr.cpu.numcores}", ">=", "8")).toBe(true);
    expect(check("${attr.cpu.numcores}", "<", "10")).toBe(true); // 8 < 10 numerically, "8" > "10" lexically
    expect(check("${attr.cpu.numcores}", "<=", "7")).toBe(false);
    expect(check("${attr.os.version}", ">", "22.1")).toBe(false); // 22.04 < 22.1 as floats
    expect(checkOperand(">", { value: "10a", found: true }, { value: "9a", found: true })).toBe(false);
    expect(checkOperand(">", { value: "10", found: true }, { value: "9", found: true })).toBe(true);
    expect(check("${meta.zone}", "<", "5")).toBe(false);
  });
  it("is_set and is_not_set look only at the left side", () => {
    expect(check("${meta.rack}", "is_set", "")).toBe(true);
    expect(check("${meta.zone}", "is_set", "")).toBe(false);
    expect(check("${meta.zone}", "is_not_set", "")).toBe(true);
    expect(check("${meta.rack}", "is_not_set", "")).toBe(false);
  });
  it("regexp is unanchored and false on an invalid pattern", () => {
    expect(check("${attr.kernel.name}", "regexp", "^lin")).toBe(true);
    expect(check("${attr.kernel.name}", "regexp", "nu")).toBe(true);
    expect(check("${attr.kernel.name}", "regexp", "^win")).toBe(false);
    expect(check("${attr.kernel.name}", "regexp", "(")).toBe(false);
    expect(check("${attr.kernel.name}", "regexp", "(?i)LINUX")).toBe(true);
  });
  it("set_contains(_all) needs every element, set_contains_any one", () => {
    expect(check("${attr.tags}", "set_contains", "a,c")).toBe(true);
    expect(check("${attr.tags}", "set_contains_all", "b, c")).toBe(true);
    expect(check("${attr.tags}", "set_contains", "a,d")).toBe(false);
    expect(check("${attr.tags}", "set_contains_any", "d,c")).toBe(true);
    expect(check("${attr.tags}", "set_contains_any", "d,e")).toBe(false);
    expect(check("${meta.zone}", "set_contains_any", "a")).toBe(false);
  });
  it("version uses go-version constraint lists", () => {
    expect(check("${attr.nomad.version}", "version", ">= 1.7, < 2.0")).toBe(true);
    expect(check("${attr.nomad.version}", "version", "~> 1.6")).toBe(true);
    expect(check("${attr.nomad.version}", "version", "~> 1.6.0")).toBe(false);
    expect(check("${attr.nomad.version}", "version", "= 1.7.3")).toBe(true);
    expect(check("${attr.nomad.version}", "version", "!= 1.7.3")).toBe(false);
    expect(check("${attr.nomad.version}", "version", "> 1.7.3")).toBe(false);
    expect(check("${attr.app.version}", "version", ">= 1.0")).toBe(false); // prerelease vs plain constraint
    expect(versionSatisfies("v1.2", ">= 1.2.0", false)).toBe(true);
    expect(versionSatisfies("garbage", ">= 1.0", false)).toBe(false);
  });
  it("semver is strict", () => {
    expect(check("${attr.nomad.version}", "semver", ">= 1.7.0")).toBe(true);
    expect(check("${attr.app.version}", "semver", ">= 2.0.0-alpha")).toBe(true);
    expect(check("${attr.app.version}", "semver", "= 2.0.0-beta.1")).toBe(true);
    expect(check("${attr.app.version}", "semver", "<= 2.0.0")).toBe(false);
    expect(versionSatisfies("1.2", ">= 1.0.0", true)).toBe(false); // not full semver
  });
  it("distinct_* pass here (own iterators) and unknown operators fail", () => {
    expect(check("", "distinct_hosts", "true")).toBe(true);
    expect(check("${meta.rack}", "distinct_property", "1")).toBe(true);
    expect(check("${meta.rack}", "like", "r1")).toBe(false);
  });
  it("prints the metric key", () => {
    expect(constraintString({ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "windows" })).toBe("${attr.kernel.name} = windows");
  });
});
