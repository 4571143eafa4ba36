// Tuple and object constructors, for expressions and splats (hcl-syntax.md §3.3, §4.6).
import type { Expression, ForExpr, ObjectExpr, SplatExpr, TupleExpr } from "../parser/ast.js";
import { type EvalContext, childContext } from "./context.js";
import { convert, unifyValues } from "./convert.js";
import { evalDiag } from "./diag.js";
import { type State, evalExpr, iterate } from "./evaluate.js";
import { BOOL, DYNAMIC, STRING } from "./types.js";
import { EMPTY_TUPLE } from "./types.js";
import { UNKNOWN, type Value, list, object, tuple, unknownOf } from "./value.js";

export function evalTuple(e: TupleExpr, ctx: EvalContext, st: State): Value {
  return tuple(
    e.items.map((i) => evalExpr(i, ctx, st)),
    e.range,
  );
}

/** The literal name of a bare-identifier object key, or undefined when the key is evaluated. */
function literalKey(k: Expression): string | undefined {
  if (k.kind === "Variable") return k.name;
  if (k.kind === "Literal" && k.raw === undefined) return k.value === null ? "null" : String(k.value);
  return undefined;
}

export function evalObject(e: ObjectExpr, ctx: EvalContext, st: State): Value {
  const attrs = new Map<string, Value>();
  let unknown = false;
  for (const item of e.items) {
    const key = literalKey(item.key);
    if (key === undefined) {
      const kv = evalExpr(item.key, ctx, st);
      const value = evalExpr(item.value, ctx, st);
      if (kv.unknown) {
        unknown = true;
        continue;
      }
      if (kv.v === null) {
        st.diags.push(evalDiag("Null value as key", "Can't use a null value as a key.", item.key.range));
        unknown = true;
        continue;
      }
      const r = convert(kv, STRING);
      if (!r.ok) {
        st.diags.push(evalDiag("Incorrect key type", `Can't use this value as a key: ${r.error}.`, item.key.range));
        unknown = true;
        continue;
      }
      attrs.set(r.value.v as string, value);
      continue;
    }
    attrs.set(key, evalExpr(item.value, ctx, st));
  }
  if (unknown) return unknownOf(DYNAMIC, e.range);
  return object(attrs, e.range);
}

export function evalFor(e: ForExpr, ctx: EvalContext, st: State): Value {
  const coll = evalExpr(e.collection, ctx, st);
  const items = iterate(coll, e.collection.range, st);
  if (!items) return UNKNOWN;
  const tupleItems: Value[] = [];
  const objItems = new Map<string, Value[]>();
  let unknown = false;
  for (const [k, v] of items) {
    const vars = new Map<string, Value>([[e.valueVar, v]]);
    if (e.keyVar) vars.set(e.keyVar, k);
    const child = childContext(ctx, vars);
    if (e.condExpr) {
      const before = st.diags.length;
      const c = evalExpr(e.condExpr, child, st);
      if (st.diags.length > before) return UNKNOWN;
      if (c.unknown) {
        unknown = true;
        continue;
      }
      if (c.v === null) {
        st.diags.push(evalDiag("Condition is null", "The value of the 'if' clause must not be null.", e.condExpr.range));
        return UNKNOWN;
      }
      const b = convert(c, BOOL);
      if (!b.ok) {
        st.diags.push(evalDiag("Invalid 'for' condition", `The 'if' clause value is invalid: ${b.error}.`, e.condExpr.range));
        return UNKNOWN;
      }
      if (!b.value.v) continue;
    }
    if (!e.object || !e.keyExpr) {
      tupleItems.push(evalExpr(e.valueExpr, child, st));
      continue;
    }
    const kv = evalExpr(e.keyExpr, child, st);
    const val = evalExpr(e.valueExpr, child, st);
    if (kv.unknown) {
      unknown = true;
      continue;
    }
    if (kv.v === null) {
      st.diags.push(evalDiag("Null value as key", "Can't use a null value as a key.", e.keyExpr.range));
      return UNKNOWN;
    }
    const ks = convert(kv, STRING);
    if (!ks.ok) {
      st.diags.push(evalDiag("Invalid object key", `The key expression produced an invalid result: ${ks.error}.`, e.keyExpr.range));
      return UNKNOWN;
    }
    const key = ks.value.v as string;
    const group = objItems.get(key);
    if (group && !e.grouping) {
      st.diags.push(
        evalDiag(
          "Duplicate object key",
          `Two different items produced the key ${JSON.stringify(key)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
          e.keyExpr.range,
        ),
      );
      return UNKNOWN;
    }
    if (group) group.push(val);
    else objItems.set(key, [val]);
  }
  if (unknown) return UNKNOWN;
  if (!e.object) return tuple(tupleItems, e.range);
  const attrs = new Map<string, Value>();
  for (const [k, vs] of objItems) attrs.set(k, e.grouping ? tuple(vs) : vs[0]!);
  return object(attrs, e.range);
}

/** The placeholder at the root of a splat's `each` expression. */
function anonRoot(e: Expression): Expression | undefined {
  for (let cur: Expression = e; ; ) {
    if (cur.kind === "AnonSymbol") return cur;
    if (cur.kind === "GetAttr") cur = cur.object;
    else if (cur.kind === "Index") cur = cur.collection;
    else if (cur.kind === "Splat") cur = cur.source;
    else if (cur.kind === "Parens") cur = cur.expr;
    else return undefined;
  }
}

export function evalSplat(e: SplatExpr, ctx: EvalContext, st: State): Value {
  const before = st.diags.length;
  let src = evalExpr(e.source, ctx, st);
  if (st.diags.length > before) return UNKNOWN;
  const k = src.type.kind;
  const sequence = k === "list" || k === "set" || k === "tuple";
  if (src.unknown) return UNKNOWN;
  if (src.v === null) {
    if (!sequence) return { type: EMPTY_TUPLE, v: [] };
    st.diags.push(evalDiag("Splat of null value", "Splat expressions (with the * symbol) cannot be applied to null sequences.", e.source.range));
    return UNKNOWN;
  }
  if (!sequence) src = tuple([src]);
  const anon = anonRoot(e.each);
  const out: Value[] = [];
  for (const item of src.v as Value[]) {
    if (anon?.kind === "AnonSymbol") (st.anon ??= new Map()).set(anon, item);
    out.push(evalExpr(e.each, ctx, st));
  }
  if (anon?.kind === "AnonSymbol") st.anon?.delete(anon);
  if (k === "list" || k === "set") {
    if (out.length === 0) return list(DYNAMIC, []);
    const u = unifyValues(out);
    if (u) return list(u.type, u.values);
  }
  return tuple(out);
}
