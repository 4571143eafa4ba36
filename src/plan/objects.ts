// Object diffs for the nested blocks of a job (plan.md §2.4): generic structs, keyed and
// hashed collections, networks and services.
import type { NetworkResource, Port, Service } from "../jobspec/types.js";
import { canon } from "../scheduler/update.js";
import { MAP_FIELDS, flattenPrimitive, objectType, primitiveObjectDiff, sortObjects, stringSetDiff } from "./flatten.js";
import type { ObjectDiff } from "./types.js";

type Obj = Record<string, unknown>;

const isPrim = (v: unknown): boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * A nested struct: scalar members are fields; lists of scalars become string-set objects,
 * nested structs and lists of structs become child objects named after the member.
 */
export function structDiff(name: string, old: unknown, nw: unknown, contextual: boolean, filter: readonly string[] = []): ObjectDiff | null {
  const o = (old ?? null) as Obj | null;
  const n = (nw ?? null) as Obj | null;
  if (!o && !n) return null;
  const children: ObjectDiff[] = [];
  const keys = [...new Set([...Object.keys(o ?? {}), ...Object.keys(n ?? {})])].filter((k) => !filter.includes(k)).sort();
  for (const k of keys) {
    const a = o?.[k];
    const b = n?.[k];
    if (Array.isArray(a) || Array.isArray(b)) {
      const la = (a ?? []) as unknown[];
      const lb = (b ?? []) as unknown[];
      if ([...la, ...lb].every(isPrim)) {
        const d = stringSetDiff(k, la.map(String), lb.map(String), contextual);
        if (d) children.push(d);
      } else {
        for (let i = 0; i < Math.max(la.length, lb.length); i++) {
          const d = structDiff(k, la[i], lb[i], contextual);
          if (d) children.push(d);
        }
      }
    } else if (!MAP_FIELDS.has(k) && ((a && typeof a === "object") || (b && typeof b === "object"))) {
      const d = structDiff(k, a, b, contextual);
      if (d) children.push(d);
    }
  }
  return primitiveObjectDiff(name, o ? flattenPrimitive(o, filter) : null, n ? flattenPrimitive(n, filter) : null, contextual, children);
}

/** Blocks compared as sets keyed by their whole content (constraints, affinities, artifacts). */
export function hashedSetDiffs(name: string, old: readonly unknown[] | undefined, nw: readonly unknown[] | undefined, contextual: boolean): ObjectDiff[] {
  const o = new Map((old ?? []).map((x) => [canon(x), x]));
  const n = new Map((nw ?? []).map((x) => [canon(x), x]));
  const out: ObjectDiff[] = [];
  for (const [k, v] of o) if (!n.has(k)) out.push(structDiff(name, v, null, contextual)!);
  for (const [k, v] of n) if (!o.has(k)) out.push(structDiff(name, null, v, contextual)!);
  return sortObjects(out.filter(Boolean));
}

/** Blocks matched by a key (volumes by name, templates by destination, …). */
export function keyedDiffs<T>(name: string, old: readonly T[] | undefined, nw: readonly T[] | undefined, key: (x: T) => string, contextual: boolean, filter: readonly string[] = []): ObjectDiff[] {
  const o = old ?? [];
  const n = nw ?? [];
  const out: ObjectDiff[] = [];
  if (o.length === 1 && n.length === 1) {
    const d = structDiff(name, o[0], n[0], contextual, filter);
    return d ? [d] : [];
  }
  const om = new Map(o.map((x) => [key(x), x]));
  const nm = new Map(n.map((x) => [key(x), x]));
  for (const k of new Set([...om.keys(), ...nm.keys()])) {
    const d = structDiff(name, om.get(k) ?? null, nm.get(k) ?? null, contextual, filter);
    if (d) out.push(d);
  }
  return sortObjects(out);
}

function portDiffs(name: string, old: readonly Port[], nw: readonly Port[], dynamic: boolean, contextual: boolean): ObjectDiff[] {
  return keyedDiffs(name, old, nw, (p) => p.Label, contextual, dynamic ? ["Value"] : []);
}

export function networkDiffs(old: readonly NetworkResource[] | undefined, nw: readonly NetworkResource[] | undefined, contextual: boolean): ObjectDiff[] {
  const o = old ?? [];
  const n = nw ?? [];
  const out: ObjectDiff[] = [];
  for (let i = 0; i < Math.max(o.length, n.length); i++) {
    const a = o[i];
    const b = n[i];
    const children = [
      ...portDiffs("Static Port", a?.ReservedPorts ?? [], b?.ReservedPorts ?? [], false, contextual),
      ...portDiffs("Dynamic Port", a?.DynamicPorts ?? [], b?.DynamicPorts ?? [], true, contextual),
    ];
    const dns = structDiff("DNS", a?.DNS, b?.DNS, contextual);
    if (dns) children.push(dns);
    const filter = ["ReservedPorts", "DynamicPorts", "DNS", "CNI", "Device", "CIDR", "IP"];
    const d = primitiveObjectDiff("Network", a ? flattenPrimitive(a, filter) : null, b ? flattenPrimitive(b, filter) : null, contextual, children);
    if (d) out.push(d);
  }
  return out;
}

function serviceDiff(old: Service | null, nw: Service | null, contextual: boolean): ObjectDiff | null {
  const filter = ["Checks", "Tags", "CanaryTags", "Connect", "CheckRestart", "Identity", "Weights", "Meta", "CanaryMeta", "TaggedAddresses"];
  const children: ObjectDiff[] = [];
  for (const k of ["CanaryTags", "Tags"] as const) {
    const d = stringSetDiff(k, old?.[k] ?? [], nw?.[k] ?? [], contextual);
    if (d) children.push(d);
  }
  children.push(...keyedDiffs("Check", old?.Checks, nw?.Checks, (c) => c.Name, contextual));
  for (const k of ["CheckRestart", "Connect", "Identity"] as const) {
    const d = structDiff(k, old?.[k], nw?.[k], contextual);
    if (d) children.push(d);
  }
  const flat = (s: Service | null) => {
    if (!s) return null;
    const f = flattenPrimitive(s, filter);
    for (const [k, v] of Object.entries(s.Meta ?? {})) f.set(`Meta[${k}]`, v);
    return f;
  };
  return primitiveObjectDiff("Service", flat(old), flat(nw), contextual, children);
}

/** Services: a single pair is matched directly, otherwise by score (name 3, port 2, position 1). */
export function serviceDiffs(old: readonly Service[] | undefined, nw: readonly Service[] | undefined, contextual: boolean): ObjectDiff[] {
  const o = old ?? [];
  const n = nw ?? [];
  const out: ObjectDiff[] = [];
  if (o.length === 1 && n.length === 1) {
    const d = serviceDiff(o[0]!, n[0]!, contextual);
    return d ? [d] : [];
  }
  const used = new Set<number>();
  o.forEach((s, i) => {
    let best = -1;
    let bestScore = 2;
    n.forEach((t, j) => {
      if (used.has(j)) return;
      const score = (s.Name === t.Name ? 3 : 0) + (s.PortLabel === t.PortLabel ? 2 : 0) + (i === j ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    });
    if (best >= 0) used.add(best);
    const d = serviceDiff(s, best >= 0 ? n[best]! : null, contextual);
    if (d) out.push(d);
  });
  n.forEach((t, j) => {
    if (used.has(j)) return;
    const d = serviceDiff(null, t, contextual);
    if (d) out.push(d);
  });
  return sortObjects(out);
}

export { objectType };
