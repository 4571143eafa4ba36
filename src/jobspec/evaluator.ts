// How the reader evaluates attribute expressions. The real implementation is the evaluator of
// src/eval (variables, locals, functions); `literalEvaluator` is a dependency-free fallback that
// understands literals, strings, tuples and objects and keeps any `${...}` as its source text.
import type { Diagnostic } from "../diagnostics/types.js";
import type { Expression, SyntaxTree, TemplatePart } from "../parser/ast.js";
import { NULL, bool, num, object, str, tuple, type Value } from "../eval/value.js";

export interface Evaluator {
  evaluate(expr: Expression): { value: Value; diagnostics: Diagnostic[] };
  /** The same evaluator with one more variable in scope (a `dynamic` block's iterator). */
  child?(name: string, value: Value): Evaluator;
}

export function literalEvaluator(tree: SyntaxTree): Evaluator {
  const source = (n: { range: { start: { offset: number }; end: { offset: number } } }) =>
    tree.text.slice(n.range.start.offset, n.range.end.offset);
  const part = (p: TemplatePart): string => (p.kind === "TemplateLiteral" ? p.value : source(p));
  const ev = (e: Expression): Value => {
    switch (e.kind) {
      case "Literal":
        return e.value === null ? NULL : typeof e.value === "number" ? num(e.value, e.range) : bool(e.value, e.range);
      case "Template":
        return str(e.parts.map(part).join(""), e.range);
      case "Tuple":
        return tuple(e.items.map(ev), e.range);
      case "Object": {
        const m = new Map<string, Value>();
        for (const it of e.items) {
          const k = it.key.kind === "Variable" ? it.key.name : it.key.kind === "Parens" ? ev(it.key.expr).v : ev(it.key).v;
          m.set(String(k), ev(it.value));
        }
        return object(m, e.range);
      }
      case "Parens":
        return ev(e.expr);
      case "Unary": {
        const v = ev(e.operand);
        if (e.op === "-" && typeof v.v === "number") return num(-v.v, e.range);
        if (e.op === "!" && typeof v.v === "boolean") return bool(!v.v, e.range);
        return str(source(e), e.range);
      }
      default:
        return str("${" + source(e) + "}", e.range);
    }
  };
  return { evaluate: (expr) => ({ value: ev(expr), diagnostics: [] }) };
}
