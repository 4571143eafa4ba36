// `validateJobText`: the pipeline of pipeline.ts with the real evaluator of src/eval (variables,
// locals, functions, -var / -var-file / NOMAD_VAR_*).
import type { Diagnostic } from "../diagnostics/types.js";
import { evaluateExpression } from "../eval/evaluate.js";
import { childContext, type EvalContext } from "../eval/context.js";
import { createJobFileContext, type JobFileOptions } from "../eval/jobfile.js";
import type { Expression, SyntaxTree } from "../parser/ast.js";
import type { Evaluator } from "../jobspec/evaluator.js";
import { validateWith, type ValidateResult } from "./pipeline.js";

export type { ValidateResult } from "./pipeline.js";
export type ValidateOptions = Partial<JobFileOptions>;

export function evalEvaluator(options: ValidateOptions) {
  return (tree: SyntaxTree): { evaluator: Evaluator; diagnostics: Diagnostic[] } => {
    const fc = createJobFileContext(tree, { ...options, baseDir: options.baseDir ?? process.cwd() });
    return { evaluator: contextEvaluator(fc.ctx), diagnostics: fc.diagnostics };
  };
}

function contextEvaluator(ctx: EvalContext): Evaluator {
  return {
    evaluate: (e: Expression) => evaluateExpression(e, ctx),
    child: (name, value) => contextEvaluator(childContext(ctx, new Map([[name, value]]))),
  };
}

export function validateJobText(text: string, options: ValidateOptions = {}): ValidateResult {
  return validateWith(text, evalEvaluator(options));
}
