// Collection functions (cty stdlib collection.go, sequence.go, set.go; hcl-syntax.md §5.3).
import type { Diagnostic, Range } from "../../diagnostics/types.js";
import { convert, unify, unifyValues } from "../convert.js";
import type { FunctionDef } from "../function.js";
import { indexValue } from "../traverse.js";
import { DYNAMIC, NUMBER, STRING, type Type, listOf, setOf, typeName } from "../types.js";
import {
  FALSE,
  TRUE,
  type Value,
  compareStrings,
  list,
  map,
  num,
  object,
  set,
  sortedEntries,
  tuple,
  valueEquals,
} from "../value.js";
import { FunctionError, N, def, int, p } from "./define.js";

const items = (v: Value): Value[] => v.v as Value[];
const attrs = (v: Value): Map<string, Value> => v.v as Map<string, Value>;
const isSeq = (v: Value) => v.type.kind === "list" || v.type.kind === "tuple" || v.type.kind === "set";
const elemType = (v: Value): Type => (v.type as { elem: Type }).elem;
const LIST_ANY = listOf(DYNAMIC);
const SET_ANY = setOf(DYNAMIC);
const NOWHERE: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** A list of the values' unified type, or a tuple when they do not unify. */
function listOrTuple(vals: Value[], elem?: Type): Value {
  if (vals.length === 0) return list(elem ?? DYNAMIC, []);
  const u = unifyValues(vals);
  return u ? list(u.type, u.values) : tuple(vals);
}

function flatten(v: Value, out: Value[]): void {
  for (const e of items(v)) {
    if (e.v !== null && !e.unknown && isSeq(e)) flatten(e, out);
    else out.push(e);
  }
}

function rangeFn(args: Value[]): Value {
  if (args.length < 1 || args.length > 3) throw new FunctionError("must have one, two, or three arguments");
  let start = 0;
  let limit: number;
  let step = 1;
  if (args.length === 1) limit = N(args[0]!);
  else {
    start = N(args[0]!);
    limit = N(args[1]!);
    step = start > limit ? -1 : 1;
    if (args.length === 3) step = N(args[2]!);
  }
  if (step === 0) throw new FunctionError("step must not be zero", 2);
  const down = step < 0;
  if (down && limit > start) throw new FunctionError("when step is negative, limit must be less than start", 1);
  if (!down && limit < start) throw new FunctionError("when step is positive, limit must be greater than start", 1);
  const out: Value[] = [];
  for (let v = start; down ? v > limit : v < limit; v += step) {
    if (out.length >= 1024) throw new FunctionError("more than 1024 values were generated; either decrease the difference between start and limit or use a smaller step");
    out.push(num(v));
  }
  return list(NUMBER, out);
}

/** Set arguments converted to one common element type. */
function unifySets(args: Value[]): { elem: Type; sets: Value[][] } {
  const elem = unify(args.map(elemType));
  if (!elem) throw new FunctionError("given sets must all have compatible element types");
  return {
    elem,
    sets: args.map((a) => items(a).map((e) => {
      const r = convert(e, elem);
      return r.ok ? r.value : e;
    })),
  };
}

export function collectionFunctions(): Record<string, FunctionDef> {
  return {
    chunklist: def([p("list", LIST_ANY), p("size", NUMBER)], ([l, s]) => {
      const size = int(s!, 1, "the size argument");
      if (size < 0) throw new FunctionError("the size argument must be positive", 1);
      const all = items(l!);
      const et = elemType(l!);
      if (all.length === 0) return list(listOf(et), []);
      const chunks: Value[] = [];
      const n = size === 0 ? all.length : size;
      for (let i = 0; i < all.length; i += n) chunks.push(list(et, all.slice(i, i + n)));
      return list(listOf(et), chunks);
    }),
    coalesce: def(
      [],
      (args) => {
        const u = unifyValues(args);
        if (!u) throw new FunctionError("all arguments must have the same type");
        const found = u.values.find((v) => v.v !== null);
        if (!found) throw new FunctionError("no non-null arguments");
        return found;
      },
      p("vals", DYNAMIC, { allowNull: true }),
    ),
    coalescelist: def(
      [],
      (args) => {
        args.forEach((a, i) => {
          if (a.v !== null && a.type.kind !== "list" && a.type.kind !== "tuple")
            throw new FunctionError(`coalescelist arguments must be lists or tuples, got ${typeName(a.type)}`, i);
        });
        const found = args.find((a) => a.v !== null && items(a).length > 0);
        if (!found) throw new FunctionError("no non-null arguments");
        return found;
      },
      p("vals", DYNAMIC, { allowNull: true }),
    ),
    compact: def([p("list", listOf(STRING))], ([l]) =>
      list(
        STRING,
        items(l!).filter((e) => e.v !== null && e.v !== ""),
      ),
    ),
    concat: def(
      [],
      (args) => {
        if (args.length === 0) throw new FunctionError("at least one argument is required");
        const out: Value[] = [];
        args.forEach((a, i) => {
          if (a.type.kind !== "list" && a.type.kind !== "tuple") throw new FunctionError(`all arguments must be lists or tuples; got ${typeName(a.type)}`, i);
          out.push(...items(a));
        });
        if (args.every((a) => a.type.kind === "list")) {
          const et = unify(args.map(elemType));
          if (et) return listOrTuple(out, et);
        }
        return tuple(out);
      },
      p("seqs", DYNAMIC),
    ),
    contains: def([p("list", DYNAMIC), p("value", DYNAMIC, { allowNull: true })], ([l, v]) => {
      if (!isSeq(l!)) throw new FunctionError("argument must be list, tuple, or set", 0);
      return items(l!).some((e) => valueEquals(e, v!)) ? TRUE : FALSE;
    }),
    distinct: def([p("list", LIST_ANY)], ([l]) => {
      const out: Value[] = [];
      for (const e of items(l!)) if (!out.some((o) => valueEquals(o, e))) out.push(e);
      return list(elemType(l!), out);
    }),
    element: def([p("list", DYNAMIC), p("index", NUMBER)], ([l, i]) => {
      if (l!.type.kind !== "list" && l!.type.kind !== "tuple") throw new FunctionError("cannot read elements from " + typeName(l!.type), 0);
      const idx = int(i!, 1, "invalid index");
      if (idx < 0) throw new FunctionError("cannot use element function with a negative index", 1);
      const all = items(l!);
      if (all.length === 0) throw new FunctionError("cannot use element function with an empty list", 0);
      return all[idx % all.length]!;
    }),
    flatten: def([p("list", DYNAMIC)], ([l]) => {
      if (!isSeq(l!)) throw new FunctionError("can only flatten lists, sets and tuples", 0);
      const out: Value[] = [];
      flatten(l!, out);
      return tuple(out);
    }),
    index: def([p("collection", DYNAMIC), p("key", DYNAMIC)], ([c, k]) => {
      const diags: Diagnostic[] = [];
      const v = indexValue(c!, k!, NOWHERE, diags);
      if (diags.length) throw new FunctionError(`${diags[0]!.detail ?? diags[0]!.message}`.replace(/\.$/, ""));
      return v;
    }),
    keys: def([p("inputMap", DYNAMIC)], ([m]) => {
      const k = m!.type.kind;
      if (k !== "map" && k !== "object") throw new FunctionError("must have map or object type", 0);
      const names = sortedEntries(m!).map(([key]) => ({ type: STRING, v: key }) as Value);
      return k === "map" ? list(STRING, names) : tuple(names);
    }),
    values: def([p("mapping", DYNAMIC)], ([m]) => {
      const k = m!.type.kind;
      if (k !== "map" && k !== "object") throw new FunctionError("values() requires a map as the first argument", 0);
      const vals = sortedEntries(m!).map(([, v]) => v);
      return k === "map" ? list(elemType(m!), vals) : tuple(vals);
    }),
    length: def([p("collection", DYNAMIC)], ([c]) => {
      const k = c!.type.kind;
      if (k === "list" || k === "set" || k === "tuple") return num(items(c!).length);
      if (k === "map" || k === "object") return num(attrs(c!).size);
      throw new FunctionError("collection must be a list, a map or a tuple", 0);
    }),
    lookup: def([p("inputMap", DYNAMIC), p("key", STRING), p("default", DYNAMIC, { allowNull: true })], ([m, k, d]) => {
      const kind = m!.type.kind;
      if (kind !== "map" && kind !== "object") throw new FunctionError("the given value is not a map or object", 0);
      const got = attrs(m!).get(k!.v as string);
      if (kind === "map") {
        const want = elemType(m!);
        if (got) return got;
        const r = convert(d!, want);
        if (!r.ok) throw new FunctionError(`the default value is not compatible with the map's element type: ${r.error}`, 2);
        return r.value;
      }
      return got ?? d!;
    }),
    merge: def(
      [],
      (args) => {
        const out = new Map<string, Value>();
        let allMaps = true;
        args.forEach((a, i) => {
          if (a.v === null) return;
          const k = a.type.kind;
          if (k !== "map" && k !== "object") throw new FunctionError(`arguments must be maps or objects, got ${JSON.stringify(typeName(a.type))}`, i);
          if (k === "object") allMaps = false;
          for (const [key, v] of attrs(a)) out.set(key, v);
        });
        if (allMaps) {
          const u = unifyValues([...out.values()]);
          if (u) {
            const keys = [...out.keys()];
            return map(out.size ? u.type : DYNAMIC, new Map(keys.map((key, i) => [key, u.values[i]!])));
          }
        }
        return object(out);
      },
      p("maps", DYNAMIC, { allowNull: true }),
    ),
    range: def([], rangeFn, p("params", NUMBER)),
    setintersection: def(
      [p("first_set", SET_ANY)],
      (args) => {
        const { elem, sets } = unifySets(args);
        return set(elem, sets[0]!.filter((e) => sets.slice(1).every((s) => s.some((x) => valueEquals(x, e)))));
      },
      p("other_sets", SET_ANY),
    ),
    setunion: def(
      [p("first_set", SET_ANY)],
      (args) => {
        const { elem, sets } = unifySets(args);
        return set(elem, sets.flat());
      },
      p("other_sets", SET_ANY),
    ),
    setproduct: def(
      [],
      (args) => {
        if (args.length < 2) throw new FunctionError("at least two arguments are required");
        args.forEach((a, i) => {
          if (!isSeq(a)) throw new FunctionError("a set or a list is required", i);
        });
        const asList = args.every((a) => a.type.kind === "list" || a.type.kind === "tuple");
        let rows: Value[][] = [[]];
        for (const a of args) {
          const next: Value[][] = [];
          for (const r of rows) for (const e of items(a)) next.push([...r, e]);
          rows = next;
        }
        const tuples = rows.map((r) => tuple(r));
        if (tuples.length === 0) return asList ? list(DYNAMIC, []) : set(DYNAMIC, []);
        const t = unify(tuples.map((x) => x.type)) ?? tuples[0]!.type;
        const conv = tuples.map((x) => {
          const r = convert(x, t);
          return r.ok ? r.value : x;
        });
        return asList ? list(t, conv) : set(t, conv);
      },
      p("sets", DYNAMIC),
    ),
    slice: def([p("list", DYNAMIC), p("start_index", NUMBER), p("end_index", NUMBER)], ([l, s, e]) => {
      if (l!.type.kind !== "list" && l!.type.kind !== "tuple") throw new FunctionError("must be a list or tuple value", 0);
      const start = int(s!, 1, "start index");
      const end = int(e!, 2, "end index");
      const all = items(l!);
      if (start < 0) throw new FunctionError("start index must not be less than zero", 1);
      if (end > all.length) throw new FunctionError("end index must not be greater than the length of the list", 2);
      if (start > end) throw new FunctionError("start index must not be greater than end index", 1);
      const part = all.slice(start, end);
      return l!.type.kind === "list" ? list(elemType(l!), part) : tuple(part);
    }),
    sort: def([p("list", listOf(STRING))], ([l]) => {
      const all = items(l!);
      all.forEach((e, i) => {
        if (e.v === null) throw new FunctionError(`given list element ${i} is null; a null string cannot be sorted`, 0);
      });
      return list(STRING, [...all].sort((a, b) => compareStrings(a.v as string, b.v as string)));
    }),
    zipmap: def([p("keys", listOf(STRING)), p("values", DYNAMIC)], ([k, v]) => {
      const keys = items(k!);
      if (v!.type.kind !== "list" && v!.type.kind !== "tuple") throw new FunctionError("values must be a list or tuple", 1);
      const vals = items(v!);
      if (keys.length !== vals.length)
        throw new FunctionError(`number of keys (${keys.length}) does not match number of values (${vals.length})`);
      const out = new Map<string, Value>();
      keys.forEach((key, i) => {
        if (key.v === null) throw new FunctionError(`keys list has null value at index ${i}`, 0);
        out.set(key.v as string, vals[i]!);
      });
      return v!.type.kind === "list" ? map(elemType(v!), out) : object(out);
    }),
  };
}

