// cty-like values. A value is a type plus a payload; every value built from source may carry the
// range of the expression it came from (`origin`) so later stages can point at it.
//
// Numbers are JS doubles. cty uses 512-bit big floats: integers beyond 2^53 lose precision here;
// arithmetic on short decimals is done exactly (evaluate.ts, exactDecimal), so `0.1 + 0.2` is `0.3`.
import type { Range } from "../diagnostics/types.js";
import {
  BOOL,
  DYNAMIC,
  NUMBER,
  STRING,
  type ObjectType,
  type Type,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  typeEquals,
} from "./types.js";

export type Payload = string | number | boolean | Value[] | Map<string, Value> | null;

export interface Value {
  readonly type: Type;
  /** string | number | boolean for primitives, `Value[]` for list/set/tuple, `Map` for map/object; `null` when null or unknown. */
  readonly v: Payload;
  /** An unknown value (only produced after an error, so that one mistake does not cascade). */
  readonly unknown?: boolean;
  /** Range of the expression the value was produced by. */
  origin?: Range;
}

/** Sets the origin on a value just built (never on a shared one): no copy on the hot path. */
const withOrigin = (v: Value, origin?: Range): Value => {
  if (origin) v.origin = origin;
  return v;
};

/** Strings are NFC-normalised, as cty does, so `"e\u0301" == "é"`. */
export const str = (s: string, origin?: Range): Value => withOrigin({ type: STRING, v: nfc(s) }, origin);

/** `s` in Unicode normal form C. ASCII text (most of it) is found by a scan: quicker than a regular expression on short strings. */
export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize("NFC");
  return s;
}
export const num = (n: number, origin?: Range): Value => withOrigin({ type: NUMBER, v: n }, origin);
export const bool = (b: boolean, origin?: Range): Value => withOrigin({ type: BOOL, v: b }, origin);
export const nullOf = (type: Type, origin?: Range): Value => withOrigin({ type, v: null }, origin);
export const unknownOf = (type: Type = DYNAMIC, origin?: Range): Value =>
  withOrigin({ type, v: null, unknown: true }, origin);
export const NULL: Value = { type: DYNAMIC, v: null };
export const UNKNOWN: Value = { type: DYNAMIC, v: null, unknown: true };
export const TRUE: Value = { type: BOOL, v: true };
export const FALSE: Value = { type: BOOL, v: false };

export function tuple(items: Value[], origin?: Range): Value {
  return withOrigin({ type: tupleOf(items.map((i) => i.type)), v: items }, origin);
}

export function object(attrs: Map<string, Value>, origin?: Range): Value {
  const types: Record<string, Type> = {};
  for (const [k, v] of attrs) types[k] = v.type;
  return withOrigin({ type: objectOf(types), v: attrs }, origin);
}

/** A list of the given element type (items must already have that type). */
export function list(elem: Type, items: Value[], origin?: Range): Value {
  return withOrigin({ type: listOf(elem), v: items }, origin);
}

/** A set: duplicates removed, elements in cty's set order. */
export function set(elem: Type, items: Value[], origin?: Range): Value {
  return withOrigin({ type: setOf(elem), v: normalizeSet(items) }, origin);
}

export function map(elem: Type, entries: Map<string, Value>, origin?: Range): Value {
  return withOrigin({ type: mapOf(elem), v: entries }, origin);
}

export const isNull = (v: Value): boolean => v.v === null && !v.unknown;
export const isKnown = (v: Value): boolean => !v.unknown;

/** True if the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  if (v.unknown) return true;
  if (Array.isArray(v.v)) return v.v.some(containsUnknown);
  if (v.v instanceof Map) for (const e of v.v.values()) if (containsUnknown(e)) return true;
  return false;
}

export function elements(v: Value): Value[] {
  return Array.isArray(v.v) ? v.v : [];
}

export function attributes(v: Value): Map<string, Value> {
  return v.v instanceof Map ? v.v : new Map();
}

/** Entries of a map/object in lexicographic key order (cty's iteration order). */
export function sortedEntries(v: Value): [string, Value][] {
  return [...attributes(v).entries()].sort((a, b) => compareStrings(a[0], b[0]));
}

/** Byte-order comparison of strings (UTF-8 order equals code point order). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** Set elements: unique by `valueEquals`, then ordered (strings lexically, numbers numerically, false < true). */
export function normalizeSet(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const it of items) if (!out.some((o) => valueEquals(o, it))) out.push(it);
  return out.sort(compareSetElements);
}

function compareSetElements(a: Value, b: Value): number {
  if (a.unknown || b.unknown) return a.unknown === b.unknown ? 0 : a.unknown ? 1 : -1;
  if (a.v === null || b.v === null) return a.v === b.v ? 0 : a.v === null ? 1 : -1;
  if (typeof a.v === "string" && typeof b.v === "string") return compareStrings(a.v, b.v);
  if (typeof a.v === "number" && typeof b.v === "number") return a.v - b.v;
  if (typeof a.v === "boolean" && typeof b.v === "boolean") return Number(a.v) - Number(b.v);
  return compareStrings(JSON.stringify(toJSON(a)), JSON.stringify(toJSON(b)));
}

/** cty `Equals` on known values: identical types and equal contents (nulls are equal to each other). */
export function valueEquals(a: Value, b: Value): boolean {
  if (a.v === null || b.v === null) return a.v === null && b.v === null && !a.unknown && !b.unknown;
  if (!typeEquals(a.type, b.type)) return false;
  if (Array.isArray(a.v)) {
    const bv = b.v as Value[];
    return a.v.length === bv.length && a.v.every((x, i) => valueEquals(x, bv[i]!));
  }
  if (a.v instanceof Map) {
    const bv = b.v as Map<string, Value>;
    if (a.v.size !== bv.size) return false;
    for (const [k, x] of a.v) {
      const y = bv.get(k);
      if (!y || !valueEquals(x, y)) return false;
    }
    return true;
  }
  return a.v === b.v;
}

/** cty's number-to-string: the shortest decimal, never in exponent form (`1e21` → `"1000000000000000000000"`). */
export function formatNumber(n: number): string {
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const neg = s.startsWith("-");
  const mant = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mant.indexOf(".");
  const digits = mant.replace(".", "");
  let point = (dot < 0 ? mant.length : dot) + exp;
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  return (neg ? "-" : "") + out;
}

/** out[k] = v as an own data property, even for `__proto__` (the one setter on Object.prototype). */
export function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__") Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/** Plain JS data: objects, arrays, strings, numbers, booleans, null (unknown becomes null). */
export function toJSON(v: Value): unknown {
  if (v.v === null) return null;
  if (Array.isArray(v.v)) return v.v.map(toJSON);
  if (v.v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.v) setOwn(out, k, toJSON(x));
    return out;
  }
  return v.v;
}

/** The value of plain JS data, typed as cty's JSON implied type would (arrays → tuple, objects → object). */
export function fromJSON(data: unknown, origin?: Range): Value {
  if (data === null || data === undefined) return nullOf(DYNAMIC, origin);
  if (typeof data === "string") return str(data, origin);
  if (typeof data === "number") return num(data, origin);
  if (typeof data === "boolean") return bool(data, origin);
  if (typeof data === "bigint") return num(Number(data), origin);
  if (Array.isArray(data)) return tuple(data.map((d) => fromJSON(d, origin)), origin);
  if (data instanceof Date) return str(data.toISOString(), origin);
  const m = new Map<string, Value>();
  for (const [k, x] of Object.entries(data as Record<string, unknown>)) m.set(k, fromJSON(x, origin));
  return object(m, origin);
}

/** Object type of a value known to be an object. */
export function objectType(v: Value): ObjectType {
  return v.type as ObjectType;
}
