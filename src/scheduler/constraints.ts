// Constraint target resolution and operators (scheduler.md §3.2); affinities use the same.
import type { ClusterNode } from "../cluster/types.js";
import { versionSatisfies } from "./version.js";

export interface Resolved {
  value: string;
  found: boolean;
}

export function resolveTarget(target: string, node: ClusterNode): Resolved {
  if (!target.startsWith("${")) return { value: target, found: true };
  switch (target) {
    case "${node.unique.id}":
      return { value: node.id, found: true };
    case "${node.unique.name}":
      return { value: node.name, found: true };
    case "${node.datacenter}":
      return { value: node.datacenter, found: true };
    case "${node.class}":
      return { value: node.nodeClass, found: true };
    case "${node.pool}":
      return { value: node.nodePool, found: true };
  }
  if (target.startsWith("${attr.") && target.endsWith("}")) return lookup(node.attributes, target.slice(7, -1));
  if (target.startsWith("${meta.") && target.endsWith("}")) return lookup(node.meta, target.slice(7, -1));
  return { value: "", found: false };
}

function lookup(map: Record<string, string>, key: string): Resolved {
  const v = map[key];
  return v === undefined ? { value: "", found: false } : { value: v, found: true };
}

const regexCache = new Map<string, RegExp | null>();

function regex(src: string): RegExp | null {
  let re = regexCache.get(src);
  if (re === undefined) {
    try {
      // Go RE2 spells flags as a `(?i)` prefix; JS takes them separately.
      const m = /^\(\?([ims]+)\)/.exec(src);
      re = m ? new RegExp(src.slice(m[0].length), m[1]!) : new RegExp(src);
    } catch {
      re = null;
    }
    regexCache.set(src, re);
  }
  return re;
}

const INT = /^[+-]?\d+$/;

function ordered(op: string, l: string, r: string): boolean {
  let cmp: number;
  if (INT.test(l) && INT.test(r)) {
    const a = BigInt(l);
    const b = BigInt(r);
    cmp = a < b ? -1 : a > b ? 1 : 0;
  } else if (l.trim() !== "" && r.trim() !== "" && !Number.isNaN(Number(l)) && !Number.isNaN(Number(r))) {
    cmp = Number(l) - Number(r);
  } else {
    cmp = l < r ? -1 : l > r ? 1 : 0;
  }
  switch (op) {
    case "<":
      return cmp < 0;
    case "<=":
      return cmp <= 0;
    case ">":
      return cmp > 0;
    default:
      return cmp >= 0;
  }
}

const splitSet = (s: string): string[] => s.split(",").map((x) => x.trim());

/** Evaluate one operator on resolved sides (scheduler.md §3.2 table). */
export function checkOperand(operand: string, l: Resolved, r: Resolved): boolean {
  switch (operand) {
    case "=":
    case "==":
    case "is":
      return l.found && r.found && l.value === r.value;
    case "!=":
    case "not":
      return l.value !== r.value;
    case "<":
    case "<=":
    case ">":
    case ">=":
      return l.found && r.found && ordered(operand, l.value, r.value);
    case "is_set":
      return l.found;
    case "is_not_set":
      return !l.found;
    case "regexp": {
      if (!l.found || !r.found) return false;
      const re = regex(r.value);
      return re !== null && re.test(l.value);
    }
    case "set_contains":
    case "set_contains_all": {
      if (!l.found || !r.found) return false;
      const have = new Set(splitSet(l.value));
      return splitSet(r.value).every((x) => have.has(x));
    }
    case "set_contains_any": {
      if (!l.found || !r.found) return false;
      const have = new Set(splitSet(l.value));
      return splitSet(r.value).some((x) => have.has(x));
    }
    case "version":
      return l.found && r.found && versionSatisfies(l.value, r.value, false);
    case "semver":
      return l.found && r.found && versionSatisfies(l.value, r.value, true);
    case "distinct_hosts":
    case "distinct_property":
      return true;
    default:
      return false;
  }
}

export interface TargetTriple {
  LTarget: string;
  RTarget: string;
  Operand: string;
}

export function meetsConstraint(c: TargetTriple, node: ClusterNode): boolean {
  return checkOperand(c.Operand, resolveTarget(c.LTarget, node), resolveTarget(c.RTarget, node));
}

/** The metric key / display form: `${attr.kernel.name} = linux`. */
export function constraintString(c: TargetTriple): string {
  return `${c.LTarget} ${c.Operand} ${c.RTarget}`;
}

/** Targets naming unique node properties make class-level caching unsound. */
export function escapesClass(c: TargetTriple): boolean {
  const u = (t: string): boolean =>
    t.startsWith("${node.unique.") || t.startsWith("${attr.unique.") || t.startsWith("${meta.unique.") || t.startsWith("${unique.");
  return u(c.LTarget) || u(c.RTarget);
}
