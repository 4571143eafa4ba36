// The cross-field rules, in the order of docs/jobspec.md §4. A rule that throws becomes an
// internal-error diagnostic instead of stopping validation.
import type { Diagnostic } from "../../diagnostics/types.js";
import { Reporter, type Rule, type RuleContext } from "./context.js";
import { fileRules } from "./files.js";
import { groupRules } from "./group.js";
import { jobRules } from "./job.js";
import { networkRules } from "./network.js";
import { periodicRules } from "./periodic.js";
import { placementRules } from "./placement.js";
import { policyRules } from "./policies.js";
import { serviceRules } from "./services.js";
import { taskRules } from "./task.js";
import { volumeRules } from "./volumes.js";
import { warningRules } from "./warnings.js";

export const RULES: [string, Rule][] = [
  ["job", jobRules],
  ["group", groupRules],
  ["policies", policyRules],
  ["placement", placementRules],
  ["periodic", periodicRules],
  ["task", taskRules],
  ["services", serviceRules],
  ["files", fileRules],
  ["volumes", volumeRules],
  ["network", networkRules],
  ["warnings", warningRules],
];

export function runRules(ctx: Omit<RuleContext, "diagnostics">): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reporter = new Reporter({ job: ctx.job, instance: ctx.instance, paths: ctx.paths, origins: ctx.origins, diagnostics });
  // by index: destructuring each entry went through the iterator protocol whenever this ran unoptimized
  for (let i = 0; i < RULES.length; i++) runRule(reporter, RULES[i]![0], RULES[i]![1]);
  return diagnostics;
}

function runRule(r: Reporter, name: string, rule: Rule): void {
  try {
    rule(r);
  } catch (err) {
    r.ctx.diagnostics.push({
      severity: "error",
      code: "internal/rule",
      message: `internal error in the ${name} rules: ${err instanceof Error ? err.message : String(err)}`,
      range: r.rangeOf(r.job),
    });
  }
}
