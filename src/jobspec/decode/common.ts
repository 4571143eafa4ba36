// Helpers shared by the decoders: typed reads from the schema-shaped instance, the origin index
// that maps decoded objects back to instance paths, and decoders for small shared blocks.
import { parseDuration } from "../duration.js";
import type { PathNode } from "../../validate/paths.js";
import type { Affinity, Constraint, Spread } from "../types.js";

export type Obj = Record<string, unknown>;

/** Remembers, for each decoded object, the path index node of the block it came from. */
export class Origins {
  // a Map, not a WeakMap: it lives no longer than the job it indexes, and is much cheaper to fill
  private map = new Map<object, PathNode>();
  set<T extends object>(obj: T, path: PathNode): T {
    this.map.set(obj, path);
    return obj;
  }
  get(obj: object): PathNode | undefined {
    return this.map.get(obj);
  }
}

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
export const has = (o: Obj | undefined, k: string): boolean => o !== undefined && o[k] !== undefined;
export const str = (o: Obj | undefined, k: string, d = ""): string => (typeof o?.[k] === "string" ? (o[k] as string) : d);
export const int = (o: Obj | undefined, k: string, d = 0): number => (typeof o?.[k] === "number" ? Math.trunc(o[k] as number) : d);
export const bool = (o: Obj | undefined, k: string, d = false): boolean => (typeof o?.[k] === "boolean" ? (o[k] as boolean) : d);
export const optInt = (o: Obj | undefined, k: string): number | null => (typeof o?.[k] === "number" ? Math.trunc(o[k] as number) : null);
export const strList = (o: Obj | undefined, k: string): string[] =>
  Array.isArray(o?.[k]) ? (o![k] as unknown[]).filter((x): x is string => typeof x === "string") : [];
export const strMap = (o: Obj | undefined, k: string): Record<string, string> => {
  const v = o?.[k];
  const out: Record<string, string> = {};
  if (isObj(v)) for (const [kk, vv] of Object.entries(v)) if (typeof vv === "string") out[kk] = vv;
  return out;
};
export const anyMap = (o: Obj | undefined, k: string): Record<string, unknown> => (isObj(o?.[k]) ? (o![k] as Obj) : {});
/** A duration attribute in nanoseconds; `d` when unset or unparsable (the schema stage reports those). */
export const dur = (o: Obj | undefined, k: string, d = 0): number => {
  if (!has(o, k)) return d;
  const r = parseDuration(o![k]);
  return r.ok ? r.ns : d;
};
export const optDur = (o: Obj | undefined, k: string): number | null => (has(o, k) ? dur(o, k) : null);
export const blocks = (o: Obj | undefined, k: string): Obj[] => (Array.isArray(o?.[k]) ? (o![k] as unknown[]).filter(isObj) : []);
export const block = (o: Obj | undefined, k: string): Obj | undefined => (isObj(o?.[k]) ? (o![k] as Obj) : undefined);

/** The decoding context for one job. Decoders pass around the path index nodes of their blocks
 * (made on demand where nothing was recorded, e.g. a default's place), never pointer strings. */
export interface Ctx {
  origins: Origins;
  /** Labels of the block at a path index node. */
  labels(path: PathNode): string[];
}

const SHORTHANDS = ["version", "semver", "regexp", "set_contains", "set_contains_all", "set_contains_any"] as const;

function placement(b: Obj): { LTarget: string; RTarget: string; Operand: string } {
  let LTarget = str(b, "attribute");
  let RTarget = str(b, "value");
  let Operand = str(b, "operator", "=");
  for (const s of SHORTHANDS) if (has(b, s)) {
    Operand = s;
    RTarget = str(b, s);
  }
  if (has(b, "distinct_hosts")) {
    Operand = "distinct_hosts";
    RTarget = String(bool(b, "distinct_hosts"));
  }
  if (has(b, "distinct_property")) {
    Operand = "distinct_property";
    LTarget = str(b, "distinct_property");
  }
  return { LTarget, RTarget, Operand };
}

export function constraints(ctx: Ctx, o: Obj | undefined, path: PathNode): Constraint[] {
  return blocks(o, "constraint").map((b, i) => ctx.origins.set(placement(b), path.child("constraint").child(i)));
}

export function affinities(ctx: Ctx, o: Obj | undefined, path: PathNode): Affinity[] {
  return blocks(o, "affinity").map((b, i) => ctx.origins.set({ ...placement(b), Weight: int(b, "weight", 50) }, path.child("affinity").child(i)));
}

export function spreads(ctx: Ctx, o: Obj | undefined, path: PathNode): Spread[] {
  return blocks(o, "spread").map((b, i) => {
    const p = path.child("spread").child(i);
    const SpreadTarget = blocks(b, "target").map((t, j) =>
      ctx.origins.set({ Value: ctx.labels(p.child("target").child(j))[0] ?? "", Percent: int(t, "percent") }, p.child("target").child(j)),
    );
    return ctx.origins.set({ Attribute: str(b, "attribute"), Weight: int(b, "weight", 50), SpreadTarget }, p);
  });
}

/** snake_case keys to PascalCase, recursively (free-form blocks with an API shape, e.g. `connect`). */
export function pascalKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascalKeys);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) out[pascal(k)] = pascalKeys(x);
  return out;
}

// The keys are mostly the same few field names from file to file: convert each once.
const pascalCache = new Map<string, string>();

function pascal(k: string): string {
  let p = pascalCache.get(k);
  if (p === undefined) {
    p = k.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
    if (pascalCache.size >= 1000) pascalCache.clear(); // bounded: keys of free-form blocks are arbitrary
    pascalCache.set(k, p);
  }
  return p;
}
