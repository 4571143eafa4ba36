// The expression evaluator (hclsyntax `Expression.Value`), hcl-syntax.md §4. Never throws: every
// problem becomes a diagnostic and an unknown value, so one mistake does not cascade.
import type { Diagnostic, Range } from "../diagnostics/types.js";
import type {
  AnonSymbolExpr,
  BinaryExpr,
  ConditionalExpr,
  Expression,
  GetAttrExpr,
  IndexExpr,
  TemplateExpr,
  TemplateInterpolation,
  TemplatePart,
  UnaryExpr,
  VariableExpr,
} from "../parser/ast.js";
import {
  type EvalContext,
  allVariableNames,
  childContext,
  findSource,
  lookupVariable,
  passthroughEnabled,
} from "./context.js";
import { convert, unify } from "./convert.js";
import { didYouMean, evalDiag, suggest } from "./diag.js";
import { evalCall } from "./evalcall.js";
import { evalFor, evalObject, evalSplat, evalTuple } from "./evalcollections.js";
import { getAttrValue, indexValue } from "./traverse.js";
import { BOOL, DYNAMIC, NUMBER, STRING, typeName } from "./types.js";
import { NULL, UNKNOWN, type Value, bool, num, str, unknownOf, valueEquals } from "./value.js";

/**
 * Per-evaluation state: collected diagnostics and the values bound to splat placeholders (made by
 * the first splat: most expressions have none).
 */
export interface State {
  diags: Diagnostic[];
  anon: Map<AnonSymbolExpr, Value> | undefined;
}

export function evaluateExpression(expr: Expression, ctx: EvalContext): { value: Value; diagnostics: Diagnostic[] } {
  // Most attributes of a job are a plain string or number: their value needs no evaluation state.
  const constant = constantValue(expr);
  if (constant) return { value: constant, diagnostics: [] };
  const st: State = { diags: [], anon: undefined };
  let value: Value;
  try {
    value = evalExpr(expr, ctx, st);
  } catch (e) {
    // A bug in the evaluator must not crash the caller.
    st.diags.push(evalDiag("Internal evaluation error", e instanceof Error ? e.message : String(e), expr.range));
    value = UNKNOWN;
  }
  return { value, diagnostics: st.diags };
}

/** Evaluate with a fresh diagnostics list but the same splat bindings (used by `can`/`try`). */
export function evalIsolated(expr: Expression, ctx: EvalContext, st: State): { value: Value; diagnostics: Diagnostic[] } {
  const sub: State = { diags: [], anon: st.anon };
  const value = evalExpr(expr, ctx, sub);
  return { value, diagnostics: sub.diags };
}

/** `v` with `range` as its origin: a copy (values may be shared), spelled out because a spread of objects of many shapes is slow. */
const at = (v: Value, range: Range): Value =>
  v.origin === range ? v : "unknown" in v ? { type: v.type, v: v.v, unknown: v.unknown, origin: range } : { type: v.type, v: v.v, origin: range };

/** The value of a literal, or of a template that is one literal text; undefined for anything else. */
function constantValue(e: Expression): Value | undefined {
  if (e.kind === "Literal") {
    if (e.value === null) return at(NULL, e.range);
    if (typeof e.value === "boolean") return bool(e.value, e.range);
    return num(e.raw !== undefined ? Number(e.raw) : e.value, e.range);
  }
  if (e.kind === "Template") {
    if (e.value !== undefined) return str(e.value, e.range); // a plain string: no parts to make
    if (e.parts.length === 1 && e.parts[0]!.kind === "TemplateLiteral") return str(e.parts[0]!.value, e.range);
  }
  return undefined;
}

export function evalExpr(e: Expression, ctx: EvalContext, st: State): Value {
  switch (e.kind) {
    case "Literal":
      return constantValue(e)!;
    case "Template":
      return evalTemplate(e, ctx, st);
    case "Variable":
    case "GetAttr":
    case "Index":
      return at(evalTraversal(e, ctx, st), e.range);
    case "AnonSymbol":
      return st.anon?.get(e) ?? UNKNOWN;
    case "Splat":
      return at(evalSplat(e, ctx, st), e.range);
    case "FunctionCall":
      return at(evalCall(e, ctx, st), e.range);
    case "Tuple":
      return evalTuple(e, ctx, st);
    case "Object":
      return evalObject(e, ctx, st);
    case "For":
      return at(evalFor(e, ctx, st), e.range);
    case "Conditional":
      return at(evalConditional(e, ctx, st), e.range);
    case "Binary":
      return at(evalBinary(e, ctx, st), e.range);
    case "Unary":
      return at(evalUnary(e, ctx, st), e.range);
    case "Parens":
      return evalExpr(e.expr, ctx, st);
    case "Invalid":
      return UNKNOWN;
  }
}

// ------------------------------------------------------------------ traversals

/** The root variable of a traversal made only of `.name`, `[literal]` and `.N` steps (hcl's static traversal). */
export function staticTraversalRoot(e: Expression): VariableExpr | undefined {
  for (let cur: Expression = e; ; ) {
    if (cur.kind === "Variable") return cur;
    if (cur.kind === "GetAttr") cur = cur.object;
    else if (cur.kind === "Index" && isStaticKey(cur.key)) cur = cur.collection;
    else return undefined;
  }
}

function isStaticKey(k: Expression): boolean {
  if (k.kind === "Literal") return true;
  return k.kind === "Template" && !k.heredoc && k.parts.every((p) => p.kind === "TemplateLiteral");
}

function sourceText(ctx: EvalContext, r: Range): string | undefined {
  const src = findSource(ctx);
  return src === undefined ? undefined : src.slice(r.start.offset, r.end.offset);
}

/**
 * Nomad's UnknownVariable hook: the reference's source text wrapped in `${...}`, or undefined when
 * it does not apply. The value has no origin: its callers give it theirs (or only want its text).
 */
function passthrough(e: Expression, ctx: EvalContext, inner?: string): Value | undefined {
  const root = staticTraversalRoot(e);
  if (!root || !passthroughEnabled(ctx) || lookupVariable(ctx, root.name).found) return undefined;
  const text = inner ?? sourceText(ctx, e.range);
  if (text === undefined) return undefined;
  return str("${" + text + "}");
}

function evalTraversal(e: VariableExpr | GetAttrExpr | IndexExpr, ctx: EvalContext, st: State): Value {
  const p = passthrough(e, ctx);
  if (p) return p;
  switch (e.kind) {
    case "Variable": {
      const r = lookupVariable(ctx, e.name);
      if (r.found) return r.value!;
      if (!r.anyScope) {
        st.diags.push(evalDiag("Variables not allowed", "Variables may not be used here.", e.range));
      } else {
        const s = suggest(e.name, allVariableNames(ctx));
        st.diags.push(evalDiag("Unknown variable", `There is no variable named ${JSON.stringify(e.name)}.${didYouMean(s)}`, e.range));
      }
      return UNKNOWN;
    }
    case "GetAttr": {
      const obj = evalExpr(e.object, ctx, st);
      return getAttrValue(obj, e.name, rangeFrom(e.object.range, e.nameRange), st.diags);
    }
    case "Index": {
      const coll = evalExpr(e.collection, ctx, st);
      const key = evalExpr(e.key, ctx, st);
      return indexValue(coll, key, e.range, st.diags);
    }
  }
}

const rangeFrom = (a: Range, b: Range): Range => ({ start: a.start, end: b.end });

// ------------------------------------------------------------------ templates

function evalTemplate(e: TemplateExpr, ctx: EvalContext, st: State): Value {
  // a plain quoted string (no escapes or sequences) is its text: the parser makes its parts only if asked
  if (e.value !== undefined) return str(e.value, e.range);
  const parts = e.parts;
  if (!e.heredoc && parts.length === 1 && parts[0]!.kind === "TemplateInterpolation") {
    // Unwrapping: "${x}" is x's value, unconverted.
    return at(evalInterpolationExpr(parts[0], ctx, st), e.range);
  }
  const out = { s: "", unknown: false };
  renderParts(parts, ctx, st, out);
  return out.unknown ? unknownOf(STRING, e.range) : str(out.s, e.range);
}

function evalInterpolationExpr(p: TemplateInterpolation, ctx: EvalContext, st: State): Value {
  // A runtime reference directly inside `${ }` keeps the interpolation's own text (spacing included).
  const src = findSource(ctx);
  if (src !== undefined) {
    let inner = src.slice(p.range.start.offset + 2, p.range.end.offset - 1);
    if (p.stripLeft) inner = inner.slice(1);
    if (p.stripRight) inner = inner.slice(0, -1);
    const pv = passthrough(p.expr, ctx, inner);
    if (pv) return pv;
  }
  return evalExpr(p.expr, ctx, st);
}

function renderParts(parts: TemplatePart[], ctx: EvalContext, st: State, out: { s: string; unknown: boolean }): void {
  for (const p of parts) {
    switch (p.kind) {
      case "TemplateLiteral":
        out.s += p.value;
        break;
      case "TemplateInterpolation":
        appendValue(evalInterpolationExpr(p, ctx, st), p.expr, st, out);
        break;
      case "TemplateIf": {
        const c = evalExpr(p.cond, ctx, st);
        const b = conditionValue(c, p.cond.range, st);
        if (b === undefined) out.unknown = true;
        else if (b) renderParts(p.then, ctx, st, out);
        else if (p.else) renderParts(p.else, ctx, st, out);
        break;
      }
      case "TemplateFor": {
        const coll = evalExpr(p.collection, ctx, st);
        const items = iterate(coll, p.collection.range, st);
        if (!items) {
          out.unknown = true;
          break;
        }
        for (const [k, v] of items) {
          const vars = new Map<string, Value>([[p.valueVar, v]]);
          if (p.keyVar) vars.set(p.keyVar, k);
          renderParts(p.body, childContext(ctx, vars), st, out);
        }
        break;
      }
    }
  }
}

/** `e`: the interpolated expression, asked for its range only for a diagnostic. */
function appendValue(v: Value, e: Expression, st: State, out: { s: string; unknown: boolean }): void {
  if (v.unknown) {
    out.unknown = true;
    return;
  }
  if (v.v === null) {
    st.diags.push(
      evalDiag("Invalid template interpolation value", "The expression result is null. Cannot include a null value in a string template.", e.range),
    );
    out.unknown = true;
    return;
  }
  if (v.type === STRING) {
    out.s += v.v as string; // already a string: no conversion to make
    return;
  }
  const r = convert(v, STRING);
  if (!r.ok) {
    st.diags.push(evalDiag("Invalid template interpolation value", `Cannot include the given value in a string template: ${r.error}.`, e.range));
    out.unknown = true;
    return;
  }
  out.s += r.value.v as string;
}

/** Condition of `?:` and `%{if}`: undefined when unknown or invalid (a diagnostic was reported if invalid). */
function conditionValue(c: Value, range: Range, st: State): boolean | undefined {
  if (c.unknown) return undefined;
  if (c.v === null) {
    st.diags.push(evalDiag("Null condition", "The condition value is null. Conditions must either be true or false.", range));
    return undefined;
  }
  const r = convert(c, BOOL);
  if (!r.ok) {
    st.diags.push(evalDiag("Incorrect condition type", "The condition expression must be of type bool.", range));
    return undefined;
  }
  return r.value.v as boolean;
}

/** Iteration pairs (key, value) of a for-expression collection; undefined when unknown or invalid. */
export function iterate(coll: Value, range: Range, st: State): [Value, Value][] | undefined {
  if (coll.unknown) return undefined;
  if (coll.v === null) {
    st.diags.push(evalDiag("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", range));
    return undefined;
  }
  switch (coll.type.kind) {
    case "list":
    case "tuple":
      return (coll.v as Value[]).map((v, i) => [num(i), v]);
    case "set":
      return (coll.v as Value[]).map((v) => [v, v]);
    case "map":
    case "object":
      return [...(coll.v as Map<string, Value>).entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([k, v]) => [str(k), v]);
    default:
      st.diags.push(
        evalDiag(
          "Iteration over non-iterable value",
          `A value of type ${typeName(coll.type)} cannot be used as the collection in a 'for' expression.`,
          range,
        ),
      );
      return undefined;
  }
}

// ------------------------------------------------------------------ conditional

function evalConditional(e: ConditionalExpr, ctx: EvalContext, st: State): Value {
  const tDiags: Diagnostic[] = [];
  const fDiags: Diagnostic[] = [];
  const t = evalExpr(e.trueExpr, ctx, { diags: tDiags, anon: st.anon });
  const f = evalExpr(e.falseExpr, ctx, { diags: fDiags, anon: st.anon });
  let resultType = DYNAMIC as Value["type"];
  const isNullLiteral = (v: Value) => v.v === null && !v.unknown && v.type.kind === "dynamic";
  if (isNullLiteral(t)) resultType = f.type;
  else if (isNullLiteral(f)) resultType = t.type;
  else if (t.type.kind !== "dynamic" && f.type.kind !== "dynamic") {
    const u = unify([t.type, f.type]);
    if (!u) {
      st.diags.push(
        evalDiag(
          "Inconsistent conditional result types",
          `The true and false result expressions must have consistent types. ${describeMismatch(t.type, f.type)}.`,
          rangeFrom(e.trueExpr.range, e.falseExpr.range),
        ),
      );
      return UNKNOWN;
    }
    resultType = u;
  }
  const c = evalExpr(e.cond, ctx, st);
  const b = conditionValue(c, e.cond.range, st);
  if (b === undefined) return unknownOf(resultType);
  const chosen = b ? t : f;
  st.diags.push(...(b ? tDiags : fDiags));
  const r = convert(chosen, resultType);
  if (!r.ok) {
    st.diags.push(
      evalDiag(
        "Inconsistent conditional result types",
        `The ${b ? "true" : "false"} result value has the wrong type: ${r.error}.`,
        (b ? e.trueExpr : e.falseExpr).range,
      ),
    );
    return UNKNOWN;
  }
  return r.value;
}

/** HCL's describeConditionalTypeMismatch (the common cases). */
function describeMismatch(t: Value["type"], f: Value["type"]): string {
  if (t.kind === "object" && f.kind === "object") {
    for (const k of Object.keys(t.attrs).sort())
      if (!Object.hasOwn(f.attrs, k)) return `The 'true' value includes object attribute ${JSON.stringify(k)}, which is absent in the 'false' value`;
    for (const k of Object.keys(f.attrs).sort())
      if (!Object.hasOwn(t.attrs, k)) return `The 'false' value includes object attribute ${JSON.stringify(k)}, which is absent in the 'true' value`;
  }
  if (t.kind === "tuple" && f.kind === "tuple" && t.elems.length !== f.elems.length)
    return `The 'true' tuple has length ${t.elems.length}, but the 'false' tuple has length ${f.elems.length}`;
  return `The 'true' value is ${typeName(t)}, but the 'false' value is ${typeName(f)}`;
}

// ------------------------------------------------------------------ operators

function operand(v: Value, want: typeof NUMBER, side: string, range: Range, st: State): Value | undefined {
  const r = convert(v, want);
  if (!r.ok) {
    st.diags.push(evalDiag("Invalid operand", `Unsuitable value for ${side} operand: ${r.error}.`, range));
    return undefined;
  }
  return r.value;
}

function opFailed(msg: string, range: Range, st: State): Value {
  st.diags.push(evalDiag("Operation failed", `Error during operation: ${msg}.`, range));
  return UNKNOWN;
}

function evalBinary(e: BinaryExpr, ctx: EvalContext, st: State): Value {
  const lv = evalExpr(e.left, ctx, st);
  const rv = evalExpr(e.right, ctx, st);
  if (e.op === "==" || e.op === "!=") {
    if (lv.unknown || rv.unknown) return unknownOf(BOOL);
    const eq = valueEquals(lv, rv);
    return bool(e.op === "==" ? eq : !eq);
  }
  const want = e.op === "&&" || e.op === "||" ? BOOL : NUMBER;
  const l = operand(lv, want, "left", e.left.range, st);
  const r = operand(rv, want, "right", e.right.range, st);
  if (!l || !r) return UNKNOWN;
  const resultType = e.op === "&&" || e.op === "||" || e.op.startsWith("<") || e.op.startsWith(">") ? BOOL : NUMBER;
  if (l.unknown || r.unknown) return unknownOf(resultType);
  if (l.v === null || r.v === null) return opFailed("argument must not be null", e.range, st);
  if (want === BOOL) {
    const a = l.v as boolean;
    const b = r.v as boolean;
    return bool(e.op === "&&" ? a && b : a || b);
  }
  const a = l.v as number;
  const b = r.v as number;
  switch (e.op) {
    case "+":
    case "-": {
      const res = e.op === "+" ? a + b : a - b;
      if (Number.isNaN(res)) return opFailed("can't compute difference of opposing infinities", e.range, st);
      return num(exactDecimal(e.op, a, b) ?? res);
    }
    case "*": {
      const res = a * b;
      if (Number.isNaN(res)) return opFailed("can't multiply zero by infinity", e.range, st);
      return num(exactDecimal(e.op, a, b) ?? res);
    }
    case "/":
      if ((a === 0 && b === 0) || (!Number.isFinite(a) && !Number.isFinite(b)))
        return opFailed("can't divide zero by zero or infinity by infinity", e.range, st);
      return num(decimal(a / b, a, b));
    case "%":
      if (b === 0) return num(a);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return opFailed("can't use modulo with infinity", e.range, st);
      return num(exactDecimal("%", a, b) ?? a % b);
    case "<":
      return bool(a < b);
    case "<=":
      return bool(a <= b);
    case ">":
      return bool(a > b);
    case ">=":
      return bool(a >= b);
    default:
      return UNKNOWN;
  }
}

function evalUnary(e: UnaryExpr, ctx: EvalContext, st: State): Value {
  const v = evalExpr(e.operand, ctx, st);
  const o = operand(v, e.op === "!" ? BOOL : NUMBER, "unary", e.operand.range, st);
  if (!o) return UNKNOWN;
  if (o.unknown) return unknownOf(o.type);
  if (o.v === null) return opFailed("argument must not be null", e.range, st);
  return e.op === "!" ? bool(!(o.v as boolean)) : num(-(o.v as number));
}

/**
 * cty computes in arbitrary-precision decimal, so `0.1 + 0.2` is `0.3` and `11 % 5.1` is `0.8`.
 * For the short decimals job files hold, do `+ - * %` on scaled integers to get the same answer;
 * quotients of short decimals are rounded to 15 significant digits. Other inputs stay doubles.
 */
function exactDecimal(op: string, a: number, b: number): number | undefined {
  const da = fractionDigits(a);
  const db = fractionDigits(b);
  if (da <= 0 && db <= 0) return undefined;
  if (da < 0 || db < 0) return undefined;
  const f = 10 ** Math.max(da, db);
  const ia = Math.round(a * f);
  const ib = Math.round(b * f);
  if (!Number.isSafeInteger(ia) || !Number.isSafeInteger(ib)) return undefined;
  switch (op) {
    case "+": return (ia + ib) / f;
    case "-": return (ia - ib) / f;
    case "%": return (ia % ib) / f;
    case "*": return Number.isSafeInteger(ia * ib) ? (ia * ib) / (f * f) : undefined;
  }
  return undefined;
}

/** Digits after the point in the shortest decimal form of x; -1 when it needs an exponent. */
function fractionDigits(x: number): number {
  const s = String(x);
  if (s.includes("e")) return -1;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

function decimal(n: number, a: number, b: number): number {
  if (Number.isInteger(n) || !Number.isFinite(n) || !short(a) || !short(b)) return n;
  return Number(n.toPrecision(15));
}

/** Written with at most 15 significant digits (so a double holds it as the decimal it was). */
const short = (x: number): boolean => !Number.isFinite(x) || Number(x.toPrecision(15)) === x;
