// Converts evaluated values to the JSON the schema expects, the way cty converts values to a
// Go struct field's type: numbers and bools become strings where a string is wanted, numeric
// strings become numbers, tuples become lists. A value that cannot be converted is left as it
// is, for the schema stage to report with the attribute's range.
import type { Diagnostic } from "../diagnostics/types.js";
import type { Body, Expression } from "../parser/ast.js";
import { NULL, bool, formatNumber, num, setOwn, str, toJSON, type Value } from "../eval/value.js";
import type { Evaluator } from "../jobspec/evaluator.js";
import type { PropSchema } from "../jobspec/schema.js";
import { AttributePath, BlockPath, type PathNode } from "./paths.js";

/**
 * The value of an attribute's expression, its diagnostics pushed to `diags`. A plain quoted string
 * or a literal (most attributes are) has the same value whatever the evaluator, and that value
 * needs no origin (the attribute's own path entry points at it): so it skips the evaluator and
 * the parser's range.
 */
export function attributeValue(ev: Evaluator, expr: Expression, diags: Diagnostic[]): Value {
  if (expr.kind === "Template" && expr.value !== undefined) return str(expr.value);
  if (expr.kind === "Literal") return expr.value === null ? NULL : typeof expr.value === "number" ? num(expr.value) : bool(expr.value);
  const { value, diagnostics } = ev.evaluate(expr);
  if (diagnostics.length > 0) diags.push(...diagnostics);
  return value;
}

function types(prop: PropSchema): string[] {
  return prop.type === undefined ? [] : Array.isArray(prop.type) ? prop.type : [prop.type];
}

/** `value` is the one at `key` under the instance node `parent` (nodes under it are made only for origins and lists/maps). */
export function coerce(value: Value, prop: PropSchema, parent: PathNode, key: string | number): unknown {
  if (value.origin) parent.child(key).info ??= { range: value.origin, nameRange: value.origin, valueRange: value.origin };
  const raw = value.v;
  const want = types(prop);
  if (want.length === 0) return toJSON(value);
  if (Array.isArray(raw)) {
    if (!want.includes("array") || !prop.items) return toJSON(value);
    const node = parent.child(key);
    return raw.map((item, i) => coerce(item, prop.items!, node, i));
  }
  if (raw instanceof Map) {
    if (!want.includes("object")) return toJSON(value);
    const ap = typeof prop.additionalProperties === "object" ? prop.additionalProperties : undefined;
    const out: Record<string, unknown> = {};
    const node = ap ? parent.child(key) : undefined;
    for (const [k, v] of raw) {
      if (v.v === null) continue;
      setOwn(out, k, node ? coerce(v, ap!, node, k) : toJSON(v));
    }
    return out;
  }
  return primitive(raw, want);
}

function primitive(raw: string | number | boolean | null, want: string[]): unknown {
  if (raw === null) return null;
  if (want.includes(typeof raw === "boolean" ? "boolean" : typeof raw === "number" ? (Number.isInteger(raw) ? "integer" : "number") : "string")) return raw;
  if (typeof raw === "number" && want.includes("number")) return raw;
  if (want.includes("string")) return typeof raw === "number" ? formatNumber(raw) : String(raw);
  if (typeof raw === "string") {
    if ((want.includes("integer") || want.includes("number")) && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)) return Number(raw);
    if (want.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  }
  return raw;
}

/**
 * A free-form block (`config`, `meta`, `policy`, ...): attributes become keys; nested blocks become
 * lists of objects under their type (labels nest as keys), as Nomad's HCL2 decoder builds maps.
 */
export function freeformBody(body: Body, ev: Evaluator, prop: PropSchema, at: PathNode, diags: Diagnostic[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ap = typeof prop.additionalProperties === "object" ? prop.additionalProperties : undefined;
  for (const item of body.items) {
    if (item.kind === "Attribute") {
      at.child(item.name).info = new AttributePath(item);
      const value = attributeValue(ev, item.expr, diags);
      if (value.unknown || value.v === null) continue;
      setOwn(out, item.name, ap ? coerce(value, ap, at, item.name) : toJSON(value));
      continue;
    }
    if (ap) {
      diags.push({ severity: "error", code: "structure/unknown-block", message: `Unsupported block type: "${item.type}" is not expected here; only attributes are allowed`, range: item.typeRange });
      continue;
    }
    const list = ((out[item.type] as unknown[] | undefined) ?? []) as unknown[];
    if (!(item.type in out)) setOwn(out, item.type, list);
    const node = at.child(item.type).child(list.length);
    node.info = new BlockPath(item, false);
    let inner: unknown = freeformBody(item.body, ev, {}, node, diags);
    for (const l of [...item.labels].reverse()) inner = { [l.value]: inner };
    list.push(inner);
  }
  return out;
}
