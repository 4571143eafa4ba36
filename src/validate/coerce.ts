// Converts evaluated values to the JSON the schema expects, the way cty converts values to a
// Go struct field's type: numbers and bools become strings where a string is wanted, numeric
// strings become numbers, tuples become lists. A value that cannot be converted is left as it
// is, for the schema stage to report with the attribute's range.
import type { Diagnostic } from "../diagnostics/types.js";
import type { Body, Expression, LiteralExpr, TemplateExpr } from "../parser/ast.js";
import { formatNumber, nfc, setOwn, toJSON, type Value } from "../eval/value.js";
import type { Evaluator } from "../jobspec/evaluator.js";
import { JSON_TYPE, ValueSchema } from "../jobspec/schema.js";
import { AttributePath, BlockPath, ExpressionPath, type PathNode } from "./paths.js";

type PlainStringExpr = TemplateExpr & { value: string };

const { string: STRING, integer: INTEGER, number: NUMBER, boolean: BOOLEAN, array: ARRAY, object: OBJECT } = JSON_TYPE;

/** Any JSON: the values of nested free-form blocks. */
const ANY = new ValueSchema({});

/**
 * The JSON of an attribute's expression converted to `want`, its diagnostics pushed to `diags`;
 * undefined when the value is null or unknown (unset). A plain quoted string or a literal (most
 * attributes are) has the same value whatever the evaluator, and that value needs no origin (the
 * attribute's own path entry points at it): so it skips the evaluator, the value wrapper and the
 * parser's range.
 */
export function attributeJSON(ev: Evaluator, expr: Expression, want: ValueSchema, parent: PathNode, key: string, diags: Diagnostic[]): unknown {
  if (isConstant(expr)) {
    const v = constant(expr);
    return v === null ? undefined : primitive(v, want.types);
  }
  if (expr.kind === "Tuple" && expr.items.every(isConstant)) return constantList(expr.items, want, parent, key);
  const { value, diagnostics } = ev.evaluate(expr);
  if (diagnostics.length > 0) diags.push(...diagnostics);
  if (value.unknown || value.v === null) return undefined;
  return coerce(value, want, parent, key);
}

/** A plain quoted string or a literal: the same value whatever the evaluator. */
function isConstant(e: Expression): e is PlainStringExpr | LiteralExpr {
  return (e.kind === "Template" && e.value !== undefined) || e.kind === "Literal";
}

function constant(e: PlainStringExpr | LiteralExpr): string | number | boolean | null {
  return e.kind === "Template" ? nfc(e.value) : e.value;
}

/**
 * A list of constants, as `coerce` converts the tuple the evaluator would make of it; each item's
 * path entry keeps the item's expression and asks it for its range only if a diagnostic wants it.
 */
function constantList(items: (PlainStringExpr | LiteralExpr)[], want: ValueSchema, parent: PathNode, key: string): unknown[] {
  const itemSchema = want.types & ARRAY ? want.items : undefined;
  if (!itemSchema) return items.map(constant);
  const node = parent.child(key);
  return items.map((item, i) => {
    node.child(i).info ??= new ExpressionPath(item);
    return primitive(constant(item), itemSchema.types);
  });
}

/** `value` is the one at `key` under the instance node `parent` (nodes under it are made only for origins and lists/maps). */
export function coerce(value: Value, want: ValueSchema, parent: PathNode, key: string | number): unknown {
  if (value.origin) parent.child(key).info ??= { range: value.origin, nameRange: value.origin, valueRange: value.origin };
  const raw = value.v;
  if (want.types === 0) return toJSON(value);
  if (Array.isArray(raw)) {
    if (!(want.types & ARRAY) || !want.items) return toJSON(value);
    const node = parent.child(key);
    return raw.map((item, i) => coerce(item, want.items!, node, i));
  }
  if (raw instanceof Map) {
    if (!(want.types & OBJECT)) return toJSON(value);
    const values = want.values;
    const out: Record<string, unknown> = {};
    const node = values ? parent.child(key) : undefined;
    for (const [k, v] of raw) {
      if (v.v === null) continue;
      setOwn(out, k, node ? coerce(v, values!, node, k) : toJSON(v));
    }
    return out;
  }
  return primitive(raw, want.types);
}

/** A primitive converted to one of the JSON types `types` (bit flags) if it can be; else as it is. */
function primitive(raw: string | number | boolean | null, types: number): unknown {
  if (raw === null) return null;
  if (types & (typeof raw === "boolean" ? BOOLEAN : typeof raw === "number" ? (Number.isInteger(raw) ? INTEGER : NUMBER) : STRING)) return raw;
  if (typeof raw === "number" && types & NUMBER) return raw;
  if (types & STRING) return typeof raw === "number" ? formatNumber(raw) : String(raw);
  if (typeof raw === "string") {
    if (types & (INTEGER | NUMBER) && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)) return Number(raw);
    if (types & BOOLEAN && (raw === "true" || raw === "false")) return raw === "true";
  }
  return raw;
}

/**
 * A free-form block (`config`, `meta`, `policy`, ...): attributes become keys; nested blocks become
 * lists of objects under their type (labels nest as keys), as Nomad's HCL2 decoder builds maps.
 */
export function freeformBody(body: Body, ev: Evaluator, want: ValueSchema, at: PathNode, diags: Diagnostic[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const values = want.values;
  for (const item of body.items) {
    if (item.kind === "Attribute") {
      const node = at.child(item.name);
      node.info = new AttributePath(item);
      const json = attributeJSON(ev, item.expr, values ?? ANY, at, item.name, diags);
      if (json !== undefined) setOwn(out, item.name, json);
      continue;
    }
    if (values) {
      diags.push({ severity: "error", code: "structure/unknown-block", message: `Unsupported block type: "${item.type}" is not expected here; only attributes are allowed`, range: item.typeRange });
      continue;
    }
    const list = ((out[item.type] as unknown[] | undefined) ?? []) as unknown[];
    if (!(item.type in out)) setOwn(out, item.type, list);
    const node = at.child(item.type).child(list.length);
    node.info = new BlockPath(item, false);
    let inner: unknown = freeformBody(item.body, ev, ANY, node, diags);
    for (const l of [...item.labels].reverse()) inner = { [l.value]: inner };
    list.push(inner);
  }
  return out;
}
