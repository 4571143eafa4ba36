// cty-like types. Primitive types are singletons so they can be compared by identity;
// use `typeEquals` for the structural comparison of composite types.

export type Type =
  | PrimitiveType
  | DynamicType
  | { kind: "list"; elem: Type }
  | { kind: "set"; elem: Type }
  | { kind: "map"; elem: Type }
  | { kind: "tuple"; elems: Type[] }
  | ObjectType;

export interface PrimitiveType {
  kind: "string" | "number" | "bool";
}

/** cty.DynamicPseudoType: "any type", the type of the `null` literal and of unknown-typed values. */
export interface DynamicType {
  kind: "dynamic";
}

export interface ObjectType {
  kind: "object";
  attrs: Record<string, Type>;
  /** Attributes declared with `optional(T)` in a type constraint (only for conversion targets). */
  optional?: string[];
}

export const STRING: PrimitiveType = { kind: "string" };
export const NUMBER: PrimitiveType = { kind: "number" };
export const BOOL: PrimitiveType = { kind: "bool" };
export const DYNAMIC: DynamicType = { kind: "dynamic" };

export const listOf = (elem: Type): Type => ({ kind: "list", elem });
export const setOf = (elem: Type): Type => ({ kind: "set", elem });
export const mapOf = (elem: Type): Type => ({ kind: "map", elem });
export const tupleOf = (elems: Type[]): Type => ({ kind: "tuple", elems });
export const objectOf = (attrs: Record<string, Type>, optional?: string[]): ObjectType =>
  optional && optional.length > 0 ? { kind: "object", attrs, optional } : { kind: "object", attrs };

export const EMPTY_OBJECT: ObjectType = { kind: "object", attrs: {} };
export const EMPTY_TUPLE: Type = { kind: "tuple", elems: [] };

export function isPrimitive(t: Type): t is PrimitiveType {
  return t.kind === "string" || t.kind === "number" || t.kind === "bool";
}

export function isCollection(t: Type): t is Extract<Type, { elem: Type }> {
  return t.kind === "list" || t.kind === "set" || t.kind === "map";
}

export function typeEquals(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "list":
    case "set":
    case "map":
      return typeEquals(a.elem, (b as typeof a).elem);
    case "tuple": {
      const be = (b as typeof a).elems;
      return a.elems.length === be.length && a.elems.every((t, i) => typeEquals(t, be[i]!));
    }
    case "object": {
      const ba = (b as ObjectType).attrs;
      const ak = Object.keys(a.attrs);
      if (ak.length !== Object.keys(ba).length) return false;
      return ak.every((k) => Object.hasOwn(ba, k) && typeEquals(a.attrs[k]!, ba[k]!));
    }
    default:
      return true;
  }
}

/** True if the type contains the dynamic pseudo-type anywhere (not an exact type). */
export function hasDynamic(t: Type): boolean {
  switch (t.kind) {
    case "dynamic":
      return true;
    case "list":
    case "set":
    case "map":
      return hasDynamic(t.elem);
    case "tuple":
      return t.elems.some(hasDynamic);
    case "object":
      return Object.values(t.attrs).some(hasDynamic);
    default:
      return false;
  }
}

/** The type in words, as cty's `FriendlyNameForConstraint` prints it (used in messages). */
export function typeName(t: Type): string {
  switch (t.kind) {
    case "dynamic":
      return "any type";
    case "string":
    case "number":
    case "bool":
      return t.kind;
    case "list":
    case "set":
    case "map":
      return t.elem.kind === "dynamic" ? t.kind : `${t.kind} of ${typeName(t.elem)}`;
    case "tuple":
      return "tuple";
    case "object":
      return "object";
  }
}

/** Type constraint syntax: `list(string)`, `object({a=number})`. */
export function typeString(t: Type): string {
  switch (t.kind) {
    case "dynamic":
      return "any";
    case "string":
    case "number":
    case "bool":
      return t.kind;
    case "list":
    case "set":
    case "map":
      return `${t.kind}(${typeString(t.elem)})`;
    case "tuple":
      return `tuple([${t.elems.map(typeString).join(", ")}])`;
    case "object": {
      const opt = new Set(t.optional ?? []);
      const parts = Object.keys(t.attrs)
        .sort()
        .map((k) => `${k}=${opt.has(k) ? `optional(${typeString(t.attrs[k]!)})` : typeString(t.attrs[k]!)}`);
      return `object({${parts.join(", ")}})`;
    }
  }
}
