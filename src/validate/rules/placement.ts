// Constraint, affinity and spread rules V40-V44 (docs/jobspec.md §4).
import semver from "semver";
import type { Affinity, Constraint, Spread } from "../../jobspec/types.js";
import { duplicates, type Reporter, type Rule } from "./context.js";

const COMPARE = ["=", "==", "is", "!=", "not", "<", "<=", ">", ">="];
const SETS = ["set_contains", "set_contains_all", "set_contains_any"];
export const CONSTRAINT_OPS = [...COMPARE, "distinct_hosts", "distinct_property", "regexp", "version", "semver", ...SETS, "is_set", "is_not_set"];
export const AFFINITY_OPS = [...COMPARE, "regexp", "version", "semver", ...SETS];
const NODE_TARGETS = ["${node.unique.id}", "${node.datacenter}", "${node.unique.name}", "${node.class}", "${node.pool}"];

/** Go's RE2 accepts neither lookaround nor backreferences; JS accepts both, so check them first. */
export function regexpError(re: string): string | undefined {
  if (/\(\?[=!<]/.test(re)) return "lookaround assertions are not supported (RE2 syntax)";
  if (/\\[1-9]/.test(re)) return "backreferences are not supported (RE2 syntax)";
  try {
    new RegExp(re.replace(/\(\?([imsU]+)\)/g, ""), "u");
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: /, "");
  }
}

/** hashicorp/go-version constraint: comma-separated `op version`. */
export function versionConstraintOk(v: string): boolean {
  return v.split(",").every((part) => /^\s*(=|!=|>|<|>=|<=|~>)?\s*v?\d+(\.\d+)*(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?\s*$/.test(part));
}

export function semverConstraintOk(v: string): boolean {
  return v.split(",").every((part) => /^\s*(=|!=|>|<|>=|<=)?\s*\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?\s*$/.test(part) && semver.validRange(part.trim()) !== null);
}

function attributeOk(a: string): boolean {
  if (!a.startsWith("$")) return true;
  if (!(a.startsWith("${") && a.endsWith("}"))) return false;
  return NODE_TARGETS.includes(a) || a.startsWith("${attr.") || a.startsWith("${meta.") || a.startsWith("${device.");
}

/** Where a bad value is reported (asked only for a report: it costs origin lookups). */
const valueField = (r: Reporter, c: Constraint | Affinity): string => (r.isSet(c, "value") ? "value" : r.isSet(c, c.Operand) ? c.Operand : "operator");

function checkOperand(r: Reporter, c: Constraint | Affinity, kind: "constraint" | "affinity"): void {
  const ops = kind === "constraint" ? CONSTRAINT_OPS : AFFINITY_OPS;
  if (!ops.includes(c.Operand)) {
    r.error(`rule/${kind}-operator`, `Unknown ${kind} operator "${c.Operand}"`, c, "operator");
    return;
  }
  if (c.Operand !== "distinct_hosts" && c.LTarget === "")
    r.error(`rule/${kind}-attribute`, `${kind === "constraint" ? "Constraint" : "Affinity"} with operator "${c.Operand}" needs an attribute`, c);
  else if (c.Operand !== "distinct_hosts" && !attributeOk(c.LTarget))
    r.error(`rule/${kind}-attribute`, `Unsupported interpolation in attribute "${c.LTarget}": use \${node.*}, \${attr.*}, \${meta.*} or \${device.*}`, c, c.Operand === "distinct_property" && r.isSet(c, "distinct_property") ? "distinct_property" : "attribute");
  const v = c.RTarget;
  if (COMPARE.includes(c.Operand) || SETS.includes(c.Operand)) {
    if (v === "") r.error(`rule/${kind}-value`, `Operator "${c.Operand}" needs a value`, c, valueField(r, c));
  } else if (c.Operand === "regexp") {
    const err = regexpError(v);
    if (err) r.error(`rule/${kind}-regexp`, `Invalid regular expression "${v}": ${err}`, c, valueField(r, c));
  } else if (c.Operand === "version") {
    if (!versionConstraintOk(v)) r.error(`rule/${kind}-version`, `Invalid version constraint "${v}"`, c, valueField(r, c));
  } else if (c.Operand === "semver") {
    if (!semverConstraintOk(v)) r.error(`rule/${kind}-semver`, `Invalid semver constraint "${v}"`, c, valueField(r, c));
  } else if (c.Operand === "distinct_property") {
    if (v !== "" && !(/^\d+$/.test(v) && Number(v) >= 1)) r.error("rule/constraint-value", `distinct_property value must be a whole number of at least 1, not "${v}"`, c, "value");
  } else if (c.Operand === "is_set" || c.Operand === "is_not_set") {
    if (v !== "") r.error("rule/constraint-value", `Operator "${c.Operand}" takes no value`, c, "value");
  } else if (c.Operand === "distinct_hosts") {
    if (v !== "" && v !== "true" && v !== "false") r.error("rule/constraint-value", `distinct_hosts value must be "true" or "false", not "${v}"`, c, "value");
  }
}

export const placementRules: Rule = (r) => {
  // constraints, then affinities, then spreads, each job → group → task → device (the order of the reports)
  const j = r.job;
  for (const c of j.Constraints) constraint(r, c, false);
  for (const g of j.TaskGroups) {
    for (const c of g.Constraints) constraint(r, c, false);
    for (const t of g.Tasks) {
      for (const c of t.Constraints) constraint(r, c, true);
      for (const d of t.Resources.Devices) for (const c of d.Constraints) constraint(r, c, false);
    }
  }
  for (const a of j.Affinities) affinity(r, a);
  for (const g of j.TaskGroups) {
    for (const a of g.Affinities) affinity(r, a);
    for (const t of g.Tasks) {
      for (const a of t.Affinities) affinity(r, a);
      for (const d of t.Resources.Devices) for (const a of d.Affinities) affinity(r, a);
    }
  }
  for (const s of j.Spreads) spread(r, s);
  for (const g of j.TaskGroups) for (const s of g.Spreads) spread(r, s);
};

function constraint(r: Reporter, c: Constraint, taskLevel: boolean): void {
  checkOperand(r, c, "constraint");
  if (taskLevel && (c.Operand === "distinct_hosts" || c.Operand === "distinct_property"))
    r.error("rule/constraint-task-level", `The ${c.Operand} constraint cannot be used on a task; put it on the group or job`, c);
}

function affinity(r: Reporter, a: Affinity): void {
  checkOperand(r, a, "affinity");
  if (a.Weight === 0) r.error("rule/affinity-weight", "Affinity weight must not be 0", a, "weight");
  else if (a.Weight < -100 || a.Weight > 100) r.error("rule/affinity-weight", `Affinity weight must be between -100 and 100, not ${a.Weight}`, a, "weight");
}

function spread(r: Reporter, s: Spread): void {
  if (s.Attribute === "") r.error("rule/spread-attribute", "Spread needs an attribute", s);
  if (s.Weight <= 0 || s.Weight > 100) r.error("rule/spread-weight", `Spread weight must be between 1 and 100, not ${s.Weight}`, s, "weight");
  for (const t of duplicates(s.SpreadTarget, (t) => t.Value)) r.report("rule/spread-target", `Duplicate spread target "${t.Value}"`, r.labelRange(t));
  let sum = 0;
  for (const t of s.SpreadTarget) {
    if (t.Percent < 0 || t.Percent > 100) r.error("rule/spread-percent", `Spread target percent must be between 0 and 100, not ${t.Percent}`, t, "percent");
    sum += t.Percent;
  }
  if (sum > 100) r.error("rule/spread-percent", `Spread target percentages add up to ${sum}, more than 100`, s);
}
