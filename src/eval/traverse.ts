// Index and attribute access on values (hcl.Index / hcl.GetAttr), with Go HCL's diagnostics.
import type { Diagnostic, Range } from "../diagnostics/types.js";
import { convert } from "./convert.js";
import { didYouMean, evalDiag, suggest } from "./diag.js";
import { NUMBER, STRING, type ObjectType, typeName } from "./types.js";
import { UNKNOWN, type Value, unknownOf } from "./value.js";

const NO_ELEMENT = "The given key does not identify an element in this collection value.";

export function indexValue(coll: Value, key: Value, range: Range, diags: Diagnostic[]): Value {
  if (coll.v === null && !coll.unknown) {
    diags.push(evalDiag("Attempt to index null value", "This value is null, so it does not have any indices.", range));
    return UNKNOWN;
  }
  if (key.v === null && !key.unknown) {
    diags.push(evalDiag("Invalid index", "Can't use a null value as an indexing key.", range));
    return UNKNOWN;
  }
  const t = coll.type;
  if (t.kind === "dynamic" || key.type.kind === "dynamic") return UNKNOWN;
  switch (t.kind) {
    case "list":
    case "tuple":
    case "map": {
      const want = t.kind === "map" ? STRING : NUMBER;
      const k = convert(key, want);
      if (!k.ok) {
        diags.push(evalDiag("Invalid index", `The given key does not identify an element in this collection value: ${k.error}.`, range));
        return UNKNOWN;
      }
      if (coll.unknown || k.value.unknown) return t.kind === "tuple" ? UNKNOWN : unknownOf(t.elem);
      if (t.kind === "map") {
        const got = (coll.v as Map<string, Value>).get(k.value.v as string);
        if (got) return got;
      } else {
        const i = k.value.v as number;
        const items = coll.v as Value[];
        if (Number.isInteger(i) && i >= 0 && i < items.length) return items[i]!;
      }
      diags.push(evalDiag("Invalid index", NO_ELEMENT, range));
      return UNKNOWN;
    }
    case "object": {
      const k = convert(key, STRING);
      if (!k.ok) {
        diags.push(evalDiag("Invalid index", `The given key does not identify an element in this collection value: ${k.error}.`, range));
        return UNKNOWN;
      }
      if (k.value.unknown) return UNKNOWN;
      const name = k.value.v as string;
      if (!Object.hasOwn(t.attrs, name)) {
        diags.push(evalDiag("Invalid index", NO_ELEMENT, range));
        return UNKNOWN;
      }
      if (coll.unknown) return unknownOf(t.attrs[name]);
      return (coll.v as Map<string, Value>).get(name) ?? UNKNOWN;
    }
    case "set":
      diags.push(
        evalDiag(
          "Invalid index",
          "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
          range,
        ),
      );
      return UNKNOWN;
    default:
      diags.push(evalDiag("Invalid index", "This value does not have any indices.", range));
      return UNKNOWN;
  }
}

export function getAttrValue(obj: Value, name: string, range: Range, diags: Diagnostic[]): Value {
  if (obj.v === null && !obj.unknown) {
    diags.push(evalDiag("Attempt to get attribute from null value", "This value is null, so it does not have any attributes.", range));
    return UNKNOWN;
  }
  const t = obj.type;
  switch (t.kind) {
    case "dynamic":
      return UNKNOWN;
    case "object": {
      if (!Object.hasOwn(t.attrs, name)) {
        const s = suggest(name, Object.keys((t as ObjectType).attrs));
        diags.push(evalDiag("Unsupported attribute", `This object does not have an attribute named ${JSON.stringify(name)}.${didYouMean(s)}`, range));
        return UNKNOWN;
      }
      if (obj.unknown) return unknownOf(t.attrs[name]);
      return (obj.v as Map<string, Value>).get(name) ?? UNKNOWN;
    }
    case "map": {
      if (obj.unknown) return unknownOf(t.elem);
      const got = (obj.v as Map<string, Value>).get(name);
      if (got) return got;
      diags.push(evalDiag("Missing map element", `This map does not have an element with the key ${JSON.stringify(name)}.`, range));
      return UNKNOWN;
    }
    case "list":
    case "set":
    case "tuple": {
      const what = t.kind === "tuple" ? "tuple" : t.kind;
      diags.push(
        evalDiag(
          "Unsupported attribute",
          `Can't access attributes on a ${what} of objects. Did you mean to access attribute ${JSON.stringify(name)} for a specific element of the ${what}, or across all elements of the ${what}?`,
          range,
        ),
      );
      return UNKNOWN;
    }
    default:
      diags.push(evalDiag("Unsupported attribute", `Can't access attributes on a primitive-typed value (${typeName(t)}).`, range));
      return UNKNOWN;
  }
}
