// The validation pipeline for one job file, in stages (architecture principle 7):
// syntax → eval (variables, locals) → structure → schema (ajv) → decode → cross-field rules.
// A stage with errors mutes the noisy stages after it; the decoded job is returned whenever the
// file got far enough to decode. Never throws.
import type { Diagnostic, Range } from "../diagnostics/types.js";
import { decodeJob } from "../jobspec/decode/index.js";
import type { Evaluator } from "../jobspec/evaluator.js";
import type { Job } from "../jobspec/types.js";
import { parse } from "../parser/parse.js";
import type { SyntaxTree } from "../parser/ast.js";
import { runRules } from "./rules/index.js";
import { schemaStage } from "./schema-stage.js";
import { readJobFile } from "./structure.js";

export type MakeEvaluator = (tree: SyntaxTree) => { evaluator: Evaluator; diagnostics: Diagnostic[] };

export interface ValidateResult {
  job?: Job;
  diagnostics: Diagnostic[];
  tree: SyntaxTree;
}

const isError = (d: Diagnostic) => d.severity === "error";

export function validateWith(text: string, makeEvaluator: MakeEvaluator): ValidateResult {
  const { tree, diagnostics: out } = parse(text);
  // parse made this list for this call alone: the later stages' diagnostics are appended to it
  const syntaxError = out.some(isError);
  try {
    const { evaluator, diagnostics: evalDiags } = makeEvaluator(tree);
    append(out, evalDiags);
    if (syntaxError) return { diagnostics: out, tree };
    const read = readJobFile(tree, evaluator);
    append(out, read.diagnostics);
    append(out, schemaStage(read.instance, read.paths, fileStart()));
    const decoded = decodeJob(read.instance, read.paths);
    if (!decoded) return { diagnostics: out, tree };
    if (!out.some(isError)) append(out, runRules({ job: decoded.job, instance: read.instance, paths: read.paths, origins: decoded.origins }));
    return { job: decoded.job, diagnostics: sortDiagnostics(out), tree };
  } catch (err) {
    out.push({
      severity: "error",
      code: "internal/validate",
      message: `internal error: ${err instanceof Error ? err.message : String(err)}`,
      range: fileStart(),
    });
    return { diagnostics: out, tree };
  }
}

/** The start of the file, where a diagnostic with no better place goes (the body's range, without working it out). */
const fileStart = (): Range => ({ start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } });

function append(out: Diagnostic[], ds: readonly Diagnostic[]): void {
  for (const d of ds) out.push(d);
}

/** Sorts by position, then code (in place; returns `ds`). */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.length < 2 ? ds : ds.sort((a, b) => a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code));
}
