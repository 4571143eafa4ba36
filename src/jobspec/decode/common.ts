// Helpers shared by the decoders: typed reads from the schema-shaped instance, the origin index
// that maps decoded objects back to instance paths, and decoders for small shared blocks.
import { parseDuration } from "../duration.js";
import type { PathNode } from "../../validate/paths.js";
import type { Affinity, Constraint, Spread, SpreadTarget } from "../types.js";

export type Obj = Record<string, unknown>;

/** Remembers, for each decoded object, the path index node of the block it came from. */
export class Origins {
  // Objects and their nodes side by side, in the order decoded: appending costs far less than
  // hashing every decoded object into a Map, and the rules ask for few origins (none for most
  // clean files). A lookup scans a short list; a long one gets a Map on the first lookup.
  private readonly objs: object[] = [];
  private readonly nodes: PathNode[] = [];
  private map: Map<object, PathNode> | undefined = undefined;
  /** Records `obj`'s node; all records come before the first lookup (decoding precedes the rules). */
  set<T extends object>(obj: T, path: PathNode): T {
    this.objs.push(obj);
    this.nodes.push(path);
    return obj;
  }
  get(obj: object): PathNode | undefined {
    if (this.objs.length <= SCAN_MAX) {
      const i = this.objs.lastIndexOf(obj); // the last record wins, as in a Map
      return i < 0 ? undefined : this.nodes[i];
    }
    return (this.map ??= this.index()).get(obj);
  }
  private index(): Map<object, PathNode> {
    const map = new Map<object, PathNode>();
    for (let i = 0; i < this.objs.length; i++) map.set(this.objs[i]!, this.nodes[i]!);
    return map;
  }
}

/** Up to this many records a lookup scans them (a typical job file decodes to a few dozen). */
const SCAN_MAX = 64;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
// The readers below take the value a decoder read by name (`str(t?.driver)`): a read written
// at each decoder site sees one class of instance objects (structure.ts) and is a direct load,
// where `o[k]` in a shared helper saw them all, missed V8's lookup cache and went to the runtime.
export const has = (v: unknown): boolean => v !== undefined;
export const str = (v: unknown, d = ""): string => (typeof v === "string" ? v : d);
export const int = (v: unknown, d = 0): number => (typeof v === "number" ? Math.trunc(v) : d);
export const bool = (v: unknown, d = false): boolean => (typeof v === "boolean" ? v : d);
export const optInt = (v: unknown): number | null => (typeof v === "number" ? Math.trunc(v) : null);
export const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
export const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isObj(v))
    for (const kk of Object.keys(v)) {
      const x = v[kk];
      if (typeof x === "string") out[kk] = x;
    }
  return out;
};
export const anyMap = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});
/** A duration attribute in nanoseconds; `d` when unset or unparsable (the schema stage reports those). */
export const dur = (v: unknown, d = 0): number => {
  if (v === undefined) return d;
  const r = parseDuration(v);
  return r.ok ? r.ns : d;
};
export const optDur = (v: unknown): number | null => (v !== undefined ? dur(v) : null);

// shared, so read only (by type: a frozen array would slow down the loops over it)
const NO_BLOCKS: readonly Obj[] = [];
/** The blocks of a repeated block's list (read only: the instance's own list when it holds only objects, as it does unless the file is in error). */
export const blocks = (v: unknown): readonly Obj[] => {
  if (!Array.isArray(v) || v.length === 0) return NO_BLOCKS;
  for (const x of v) if (!isObj(x)) return v.filter(isObj);
  return v;
};
export const block = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);

/** The decoding context for one job. Decoders pass around the path index nodes of their blocks
 * (made on demand where nothing was recorded, e.g. a default's place), never pointer strings. */
export interface Ctx {
  origins: Origins;
}

/**
 * Decodes each block of the list `v`, read by name from the parent block (`t?.artifact`), with
 * `decode(ctx, block, its path index node, arg)`; `path` is the parent block's node and `k` the
 * list's key under it. Decoders are module-level functions, not closures: a closure would be made
 * on every call, and most lists are empty.
 */
export function eachBlock<T, A = undefined>(ctx: Ctx, v: unknown, path: PathNode, k: string, decode: (ctx: Ctx, b: Obj, at: PathNode, arg: A) => T, arg?: A): T[] {
  // Most lists are unset: answered here, in a function small enough for V8 to inline at most
  // sites (not all: the big decoders spend their inlining budget), where a call was ~15 ns.
  return v === undefined ? [] : decodeEach(ctx, v, path, k, decode, arg as A);
}

function decodeEach<T, A>(ctx: Ctx, v: unknown, path: PathNode, k: string, decode: (ctx: Ctx, b: Obj, at: PathNode, arg: A) => T, arg: A): T[] {
  const list = blocks(v);
  if (list.length === 0) return [];
  const under = path.child(k);
  if (list.length === 1) return [decode(ctx, list[0]!, under.child(0), arg)]; // most lists (no map call, no closure)
  return list.map((b, i) => decode(ctx, b, under.child(i), arg));
}

/** The first label of the block at a path index node ("" if none). */
export const label = (path: PathNode): string => path.label(0) ?? "";

function placement(b: Obj): { LTarget: string; RTarget: string; Operand: string } {
  let LTarget = str(b?.attribute);
  let RTarget = str(b?.value);
  let Operand = str(b?.operator, "=");
  // an operator shorthand (`version = "..."`) sets both; the last one set wins
  const sh =
    b?.set_contains_any !== undefined ? "set_contains_any"
    : b?.set_contains_all !== undefined ? "set_contains_all"
    : b?.set_contains !== undefined ? "set_contains"
    : b?.regexp !== undefined ? "regexp"
    : b?.semver !== undefined ? "semver"
    : b?.version !== undefined ? "version"
    : undefined;
  if (sh !== undefined) {
    Operand = sh;
    RTarget = str(b[sh]); // keyed, but only for the few blocks with a shorthand
  }
  if (has(b?.distinct_hosts)) {
    Operand = "distinct_hosts";
    RTarget = String(bool(b?.distinct_hosts));
  }
  if (has(b?.distinct_property)) {
    Operand = "distinct_property";
    LTarget = str(b?.distinct_property);
  }
  return { LTarget, RTarget, Operand };
}

const constraint = (ctx: Ctx, b: Obj, at: PathNode): Constraint => ctx.origins.set(placement(b), at);
const affinity = (ctx: Ctx, b: Obj, at: PathNode): Affinity => ctx.origins.set({ ...placement(b), Weight: int(b?.weight, 50) }, at);
const spreadTarget = (ctx: Ctx, t: Obj, at: PathNode): SpreadTarget => ctx.origins.set({ Value: label(at), Percent: int(t?.percent) }, at);
const spread = (ctx: Ctx, b: Obj, at: PathNode): Spread =>
  ctx.origins.set({ Attribute: str(b?.attribute), Weight: int(b?.weight, 50), SpreadTarget: eachBlock(ctx, b?.target, at, "target", spreadTarget) }, at);

// each takes the parent block's list (`g?.constraint`) and node
export const constraints = (ctx: Ctx, v: unknown, path: PathNode): Constraint[] => eachBlock(ctx, v, path, "constraint", constraint);
export const affinities = (ctx: Ctx, v: unknown, path: PathNode): Affinity[] => eachBlock(ctx, v, path, "affinity", affinity);
export const spreads = (ctx: Ctx, v: unknown, path: PathNode): Spread[] => eachBlock(ctx, v, path, "spread", spread);

/** snake_case keys to PascalCase, recursively (free-form blocks with an API shape, e.g. `connect`). */
export function pascalKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascalKeys);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v)) out[pascal(k)] = pascalKeys(v[k]);
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
