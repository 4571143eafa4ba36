// Flattening values to strings (plan.md §2.2) and the field/object diff primitives (§2.3, §2.5).
import type { DiffType, FieldDiff, ObjectDiff } from "./types.js";

export type Flat = Map<string, string>;

export function valueText(v: unknown): string {
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return String(v);
}

/** Members that are Go maps (flattened as `Name[key]`); every other object is a nested struct. */
export const MAP_FIELDS = new Set(["Meta", "Env", "CanaryMeta", "TaggedAddresses", "GetterOptions", "GetterHeaders", "ExtraClaims", "Args", "Header"]);

const isPrimitive = (v: unknown): boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * "Primitive only" flattening of a struct: scalars become fields, maps of scalars `Name[key]`;
 * nested objects, lists and nulls are left to explicit object diffs.
 */
export function flattenPrimitive(obj: object | null | undefined, filter: readonly string[] = []): Flat {
  const out: Flat = new Map();
  if (!obj) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (filter.includes(k) || v === null || v === undefined) continue;
    if (isPrimitive(v)) out.set(k, valueText(v));
    else if (MAP_FIELDS.has(k) && typeof v === "object" && !Array.isArray(v) && Object.values(v).every(isPrimitive)) {
      for (const [mk, mv] of Object.entries(v)) out.set(`${k}[${mk}]`, valueText(mv));
    }
  }
  return out;
}

/** Full flattening (driver `Config`): nested maps `a[b]`, lists `args[0]`. */
export function flattenDeep(v: unknown, prefix = "", out: Flat = new Map()): Flat {
  if (v === null || v === undefined) return out;
  if (Array.isArray(v)) {
    v.forEach((x, i) => flattenDeep(x, `${prefix}[${i}]`, out));
  } else if (typeof v === "object") {
    for (const [k, x] of Object.entries(v)) flattenDeep(x, prefix === "" ? k : `${prefix}[${k}]`, out);
  } else {
    out.set(prefix, valueText(v));
  }
  return out;
}

export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortFields(fs: FieldDiff[]): FieldDiff[] {
  return fs.sort((a, b) => cmpStr(a.Name, b.Name) || cmpStr(a.Old, b.Old) || cmpStr(a.New, b.New));
}

export function fieldDiff(name: string, old: string | undefined, nw: string | undefined, contextual: boolean): FieldDiff | null {
  const o = old ?? "";
  const n = nw ?? "";
  let type: DiffType;
  if (o === n) {
    if (!contextual) return null;
    type = "None";
  } else if (o === "") type = "Added";
  else if (n === "") type = "Deleted";
  else type = "Edited";
  return { Type: type, Name: name, Old: o, New: n, Annotations: [] };
}

export function fieldDiffs(old: Flat, nw: Flat, contextual: boolean): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const k of new Set([...old.keys(), ...nw.keys()])) {
    const d = fieldDiff(k, old.get(k), nw.get(k), contextual);
    if (d) out.push(d);
  }
  return sortFields(out);
}

/** Type of an object from its field diffs; null when nothing changed. */
export function objectType(fields: readonly FieldDiff[], objects: readonly ObjectDiff[] = []): DiffType | null {
  const types = new Set([...fields.map((f) => f.Type), ...objects.map((o) => o.Type)]);
  if (types.has("Edited") || (types.has("Added") && types.has("Deleted"))) return "Edited";
  if (types.has("Added")) return "Added";
  if (types.has("Deleted")) return "Deleted";
  return null;
}

/** A diff of two flat structs as one object (Nomad's `primitiveObjectDiff`). */
export function primitiveObjectDiff(name: string, old: Flat | null, nw: Flat | null, contextual: boolean, objects: ObjectDiff[] = []): ObjectDiff | null {
  if (!old && !nw) return null;
  const fields = fieldDiffs(old ?? new Map(), nw ?? new Map(), contextual);
  let type = objectType(fields, objects);
  if (type === null) return null;
  if (!old) type = "Added";
  else if (!nw) type = "Deleted";
  return { Type: type, Name: name, Fields: contextual || type === "Edited" ? fields : fields.filter((f) => f.Type !== "None"), Objects: objects };
}

/** A set of strings as one object whose fields all carry the set's name (`Datacenters`, `Tags`). */
export function stringSetDiff(name: string, old: readonly string[], nw: readonly string[], contextual: boolean): ObjectDiff | null {
  const o = new Set(old);
  const n = new Set(nw);
  const fields: FieldDiff[] = [];
  for (const v of o) if (!n.has(v)) fields.push({ Type: "Deleted", Name: name, Old: v, New: "", Annotations: [] });
  for (const v of n) if (!o.has(v)) fields.push({ Type: "Added", Name: name, Old: "", New: v, Annotations: [] });
  const type = objectType(fields);
  if (type === null) return null;
  if (contextual) for (const v of n) if (o.has(v)) fields.push({ Type: "None", Name: name, Old: v, New: v, Annotations: [] });
  return { Type: type, Name: name, Fields: sortFields(fields), Objects: [] };
}

const TYPE_ORDER: Record<DiffType, number> = { Edited: 0, Added: 1, Deleted: 2, None: 3 };

export function sortObjects(os: ObjectDiff[]): ObjectDiff[] {
  return os.sort((a, b) => {
    const c = cmpStr(a.Name, b.Name) || TYPE_ORDER[a.Type] - TYPE_ORDER[b.Type] || a.Fields.length - b.Fields.length || a.Objects.length - b.Objects.length;
    if (c !== 0) return c;
    for (let i = 0; i < a.Fields.length; i++) {
      const x = a.Fields[i]!;
      const y = b.Fields[i]!;
      const d = cmpStr(x.Name, y.Name) || cmpStr(x.Old, y.Old) || cmpStr(x.New, y.New);
      if (d !== 0) return d;
    }
    return 0;
  });
}
