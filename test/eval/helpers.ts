// Test helpers: evaluate HCL source text in a job-file context.
import { parse } from "../../src/parser/parse.js";
import { createJobFileContext, evaluateExpression, toJSON, type JobFileOptions, type Value } from "../../src/eval/index.js";
import type { Attribute } from "../../src/parser/ast.js";
import type { Diagnostic } from "../../src/diagnostics/types.js";

/** Evaluate `expr` (the right-hand side of an attribute) with `prelude` (variable/locals blocks) before it. */
export function evalSource(expr: string, prelude = "", options: Partial<JobFileOptions> = {}): { value: Value; diagnostics: Diagnostic[]; json: unknown } {
  const text = `${prelude}\nx = ${expr}\n`;
  const { tree, diagnostics: syntax } = parse(text);
  if (syntax.length) throw new Error(`syntax error: ${syntax.map((d) => d.message).join("; ")}`);
  const { ctx, diagnostics: fileDiags } = createJobFileContext(tree, { baseDir: ".", ...options });
  const attr = tree.body.items.find((i): i is Attribute => i.kind === "Attribute" && i.name === "x")!;
  const r = evaluateExpression(attr.expr, ctx);
  return { value: r.value, diagnostics: [...fileDiags, ...r.diagnostics], json: toJSON(r.value) };
}

/** The JSON value of an expression that must evaluate without diagnostics. */
export function ok(expr: string, prelude = "", options: Partial<JobFileOptions> = {}): unknown {
  const r = evalSource(expr, prelude, options);
  if (r.diagnostics.length) throw new Error(`unexpected diagnostics for ${expr}: ${r.diagnostics.map((d) => `${d.message}: ${d.detail}`).join("; ")}`);
  return r.json;
}

/** The first error of an expression that must fail: [message, detail]. */
export function err(expr: string, prelude = "", options: Partial<JobFileOptions> = {}): [string, string | undefined] {
  const r = evalSource(expr, prelude, options);
  const d = r.diagnostics.find((x) => x.severity === "error");
  if (!d) throw new Error(`expected an error for ${expr}, got ${JSON.stringify(r.json)}`);
  return [d.message, d.detail];
}
