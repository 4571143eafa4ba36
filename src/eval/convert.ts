// Value conversion and type unification, after cty's `convert` package (hcl-syntax.md §4.2).
// Conversions here are cty's "unsafe" ones (string → number/bool allowed), as HCL uses them.
import {
  BOOL,
  DYNAMIC,
  NUMBER,
  STRING,
  type ObjectType,
  type Type,
  isPrimitive,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  typeEquals,
  typeName,
} from "./types.js";
import { type Value, formatNumber, normalizeSet, nullOf, unknownOf } from "./value.js";

export type ConvertResult = { ok: true; value: Value } | { ok: false; error: string };

const ok = (value: Value): ConvertResult => ({ ok: true, value });
const fail = (error: string): ConvertResult => ({ ok: false, error });
const keep = (v: Value, type: Type, payload: Value["v"]): Value =>
  v.origin ? { type, v: payload, origin: v.origin } : { type, v: payload };

const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** cty.ParseNumberVal: decimal syntax with optional sign and exponent (and `Inf`). */
export function parseNumber(s: string): number | undefined {
  if (NUMBER_RE.test(s)) return Number(s);
  if (/^[-+]?inf$/i.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  return undefined;
}

/** Convert `v` to type `want`. */
export function convert(v: Value, want: Type): ConvertResult {
  if (want.kind === "dynamic" || typeEquals(v.type, want)) return ok(v);
  if (v.unknown) return ok(unknownOf(want, v.origin));
  if (v.v === null) {
    if (v.type.kind !== "dynamic" && !typeConvertible(v.type, want)) return fail(mismatch(v.type, want));
    return ok(nullOf(want, v.origin));
  }
  switch (want.kind) {
    case "string":
      if (typeof v.v === "number") return ok(keep(v, STRING, formatNumber(v.v)));
      if (typeof v.v === "boolean") return ok(keep(v, STRING, v.v ? "true" : "false"));
      return fail(mismatch(v.type, want));
    case "number":
      if (typeof v.v === "string") {
        const n = parseNumber(v.v);
        return n === undefined ? fail("a number is required") : ok(keep(v, NUMBER, n));
      }
      return fail(mismatch(v.type, want));
    case "bool":
      if (typeof v.v === "string") {
        if (v.v === "true" || v.v === "1") return ok(keep(v, BOOL, true));
        if (v.v === "false" || v.v === "0") return ok(keep(v, BOOL, false));
        const low = v.v.toLowerCase();
        if (low === "true" || low === "false")
          return fail(`a bool is required; to convert from string, use lowercase "${low}"`);
        return fail("a bool is required");
      }
      return fail(mismatch(v.type, want));
    case "list":
    case "set":
      return toListOrSet(v, want);
    case "map":
      return toMap(v, want);
    case "tuple":
      return toTuple(v, want);
    case "object":
      return toObject(v, want);
  }
}

function toListOrSet(v: Value, want: Extract<Type, { kind: "list" | "set" }>): ConvertResult {
  const k = v.type.kind;
  if (k !== "list" && k !== "set" && k !== "tuple") return fail(mismatch(v.type, want));
  const items = v.v as Value[];
  let elem = want.elem;
  if (elem.kind === "dynamic") {
    if (k === "tuple") {
      if (items.length === 0) return ok(keep(v, want, []));
      const u = unify(items.map((i) => i.type));
      if (!u) return fail(`all ${want.kind} elements must have the same type`);
      elem = u;
    } else elem = (v.type as { elem: Type }).elem;
  }
  const out: Value[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = convert(items[i]!, elem);
    if (!r.ok) return fail(k === "tuple" && !isValueLevel(r.error) ? `element ${i}: ${r.error}` : r.error);
    out.push(r.value);
  }
  const type = want.kind === "list" ? listOf(elem) : setOf(elem);
  return ok(keep(v, type, want.kind === "set" ? normalizeSet(out) : out));
}

function toMap(v: Value, want: Extract<Type, { kind: "map" }>): ConvertResult {
  const k = v.type.kind;
  if (k !== "map" && k !== "object") return fail(mismatch(v.type, want));
  const attrs = v.v as Map<string, Value>;
  let elem = want.elem;
  if (elem.kind === "dynamic") {
    if (k === "object") {
      if (attrs.size === 0) return ok(keep(v, want, new Map()));
      const u = unify([...attrs.values()].map((i) => i.type));
      if (!u) return fail("all map elements must have the same type");
      elem = u;
    } else elem = (v.type as { elem: Type }).elem;
  }
  const out = new Map<string, Value>();
  for (const [key, x] of attrs) {
    const r = convert(x, elem);
    if (!r.ok) return fail(k === "object" && !isValueLevel(r.error) ? `element ${JSON.stringify(key)}: ${r.error}` : r.error);
    out.set(key, r.value);
  }
  return ok(keep(v, mapOf(elem), out));
}

function toTuple(v: Value, want: Extract<Type, { kind: "tuple" }>): ConvertResult {
  const k = v.type.kind;
  if (k !== "tuple" && k !== "list" && k !== "set") return fail(mismatch(v.type, want));
  const items = v.v as Value[];
  if (items.length !== want.elems.length)
    return fail(k === "tuple" ? `tuple required with ${want.elems.length} elements` : "incorrect number of elements");
  const out: Value[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = convert(items[i]!, want.elems[i]!);
    if (!r.ok) return fail(`element ${i}: ${r.error}`);
    out.push(r.value);
  }
  return ok(keep(v, tupleOf(out.map((o, i) => (want.elems[i]!.kind === "dynamic" ? o.type : want.elems[i]!))), out));
}

function toObject(v: Value, want: ObjectType): ConvertResult {
  const k = v.type.kind;
  if (k !== "object" && k !== "map") return fail(mismatch(v.type, want));
  const attrs = v.v as Map<string, Value>;
  const optional = new Set(want.optional ?? []);
  const missing = Object.keys(want.attrs)
    .filter((n) => !attrs.has(n) && !optional.has(n))
    .sort();
  if (missing.length === 1) return fail(`attribute ${JSON.stringify(missing[0])} is required`);
  if (missing.length === 2) return fail(`attributes ${JSON.stringify(missing[0])} and ${JSON.stringify(missing[1])} are required`);
  if (missing.length > 2)
    return fail(
      `attributes ${missing.slice(0, -1).map((m) => JSON.stringify(m)).join(", ")}, and ${JSON.stringify(missing.at(-1))} are required`,
    );
  if (k === "map") {
    for (const key of attrs.keys()) if (!Object.hasOwn(want.attrs, key)) return fail(`unsupported attribute ${JSON.stringify(key)}`);
  }
  const out = new Map<string, Value>();
  const types: Record<string, Type> = {};
  for (const [name, t] of Object.entries(want.attrs)) {
    const x = attrs.get(name);
    if (!x) {
      out.set(name, nullOf(t));
      types[name] = t;
      continue;
    }
    const r = convert(x, t);
    if (!r.ok) return fail(`attribute ${JSON.stringify(name)}: ${r.error}`);
    out.set(name, r.value);
    types[name] = t.kind === "dynamic" ? r.value.type : t;
  }
  return ok(keep(v, objectOf(types), out));
}

/** Errors raised by values (not by types) are reported without a path prefix, as cty does. */
function isValueLevel(msg: string): boolean {
  return msg.startsWith("a number is required") || msg.startsWith("a bool is required");
}

/** cty's MismatchMessage for a failed type-level conversion. */
export function mismatch(got: Type, want: Type): string {
  if (got.kind === "tuple" && (want.kind === "list" || want.kind === "set") && want.elem.kind === "dynamic")
    return `all ${want.kind} elements must have the same type`;
  if (got.kind === "object" && want.kind === "map" && want.elem.kind === "dynamic") return "all map elements must have the same type";
  if ((got.kind === "list" || got.kind === "set") && (want.kind === "list" || want.kind === "set"))
    return `incorrect ${want.kind} element type: ${mismatch(got.elem, want.elem)}`;
  if (got.kind === "map" && want.kind === "map") return `incorrect map element type: ${mismatch(got.elem, want.elem)}`;
  return `${typeName(want)} required`;
}

/** Whether a conversion between the types may exist (used to type nulls). */
export function typeConvertible(from: Type, to: Type): boolean {
  if (to.kind === "dynamic" || from.kind === "dynamic" || typeEquals(from, to)) return true;
  if (isPrimitive(to)) {
    if (!isPrimitive(from)) return false;
    return to.kind === "string" || from.kind === "string";
  }
  switch (to.kind) {
    case "list":
    case "set":
      if (from.kind === "list" || from.kind === "set") return typeConvertible(from.elem, to.elem);
      if (from.kind === "tuple") return to.elem.kind === "dynamic" ? unify(from.elems) !== undefined : from.elems.every((e) => typeConvertible(e, to.elem));
      return false;
    case "map":
      if (from.kind === "map") return typeConvertible(from.elem, to.elem);
      if (from.kind === "object") {
        const ts = Object.values(from.attrs);
        return to.elem.kind === "dynamic" ? ts.length === 0 || unify(ts) !== undefined : ts.every((e) => typeConvertible(e, to.elem));
      }
      return false;
    case "tuple":
      if (from.kind === "tuple") return from.elems.length === to.elems.length && from.elems.every((e, i) => typeConvertible(e, to.elems[i]!));
      return from.kind === "list" || from.kind === "set";
    case "object": {
      if (from.kind === "map") return Object.values(to.attrs).every((t) => typeConvertible(from.elem, t));
      if (from.kind !== "object") return false;
      const opt = new Set(to.optional ?? []);
      return Object.entries(to.attrs).every(([n, t]) =>
        Object.hasOwn(from.attrs, n) ? typeConvertible(from.attrs[n]!, t) : opt.has(n),
      );
    }
  }
  return false;
}

/** cty's UnifyUnsafe: a type every given type converts to, or undefined. */
export function unify(all: Type[]): Type | undefined {
  // Dynamic types (null literals, unknowns) convert to anything: they do not take part.
  const types = all.filter((t) => t.kind !== "dynamic");
  if (types.length === 0) return DYNAMIC;
  if (types.every((t) => typeEquals(t, types[0]!))) return types[0];
  const count = (k: Type["kind"]) => types.filter((t) => t.kind === k).length;
  const n = types.length;
  const [maps, lists, sets, objects, tuples] = [count("map"), count("list"), count("set"), count("object"), count("tuple")];
  if (maps === n || lists === n || sets === n) {
    const e = unify(types.map((t) => (t as { elem: Type }).elem));
    if (!e) return undefined;
    return { kind: types[0]!.kind as "map", elem: e };
  }
  if (maps > 0 && maps + objects === n) {
    const e = unify(types.flatMap((t) => (t.kind === "map" ? [t.elem] : Object.values((t as ObjectType).attrs))));
    if (e) return mapOf(e);
  }
  if (lists > 0 && lists + tuples === n) {
    const e = unify(types.flatMap((t) => (t.kind === "list" ? [t.elem] : (t as { elems: Type[] }).elems)));
    if (e) return listOf(e);
  }
  if (objects === n) {
    const names = Object.keys((types[0] as ObjectType).attrs).sort();
    const sameNames = types.every((t) => {
      const ks = Object.keys((t as ObjectType).attrs).sort();
      return ks.length === names.length && ks.every((k, i) => k === names[i]);
    });
    if (!sameNames) return undefined;
    const attrs: Record<string, Type> = {};
    for (const name of names) {
      const u = unify(types.map((t) => (t as ObjectType).attrs[name]!));
      if (!u) return undefined;
      attrs[name] = u;
    }
    return objectOf(attrs);
  }
  if (tuples === n) {
    const len = (types[0] as { elems: Type[] }).elems.length;
    if (!types.every((t) => (t as { elems: Type[] }).elems.length === len)) return undefined;
    const elems: Type[] = [];
    for (let i = 0; i < len; i++) {
      const u = unify(types.map((t) => (t as { elems: Type[] }).elems[i]!));
      if (!u) return undefined;
      elems.push(u);
    }
    return tupleOf(elems);
  }
  if (objects > 0 && tuples > 0) return undefined;
  // General case: the first candidate (in preference order) that every type converts to.
  for (const want of preferenceOrder(types)) {
    if (types.every((t) => typeEquals(t, want) || safeConvertible(t, want))) return want;
  }
  return undefined;
}

/** Primitive "safe" conversions only go to string; structural types use the general rules. */
function safeConvertible(from: Type, to: Type): boolean {
  if (isPrimitive(to) && isPrimitive(from)) return to.kind === "string";
  return typeConvertible(from, to);
}

function preferenceOrder(types: Type[]): Type[] {
  const rank = (t: Type) => (t.kind === "string" ? 0 : isPrimitive(t) ? 1 : 2);
  return [...types].sort((a, b) => rank(a) - rank(b));
}

/** Unify the types of the values and convert each one; undefined if unification fails. */
export function unifyValues(values: Value[]): { type: Type; values: Value[] } | undefined {
  const type = unify(values.map((v) => v.type));
  if (!type) return undefined;
  const out: Value[] = [];
  for (const v of values) {
    const r = convert(v, type);
    if (!r.ok) return undefined;
    out.push(r.value);
  }
  return { type, values: out };
}
