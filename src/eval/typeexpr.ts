// Type-constraint expressions (hcl ext/typeexpr): `string`, `list(string)`, `object({a = number})`, ...
import type { Diagnostic } from "../diagnostics/types.js";
import type { Expression } from "../parser/ast.js";
import { evalDiag } from "./diag.js";
import { BOOL, DYNAMIC, NUMBER, STRING, type Type, listOf, mapOf, objectOf, setOf, tupleOf } from "./types.js";

const SUMMARY = "Invalid type specification";
const GENERIC =
  "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).";

export interface TypeExprOptions {
  /** Allow `any` (type constraints, as in `convert`); `variable` types require exact types. */
  constraint: boolean;
}

/** The keyword an expression stands for, when it is a bare identifier (hcl.ExprAsKeyword). */
export function exprAsKeyword(e: Expression): string | undefined {
  if (e.kind === "Variable") return e.name;
  if (e.kind === "Literal" && e.raw === undefined) return e.value === null ? "null" : String(e.value);
  return undefined;
}

export function parseTypeExpr(expr: Expression, opts: TypeExprOptions): { type?: Type; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const type = getType(expr, opts.constraint, false, diagnostics);
  return diagnostics.length ? { diagnostics } : { type, diagnostics };
}

function getType(e: Expression, constraint: boolean, inObject: boolean, diags: Diagnostic[]): Type | undefined {
  const err = (detail: string, at: Expression = e) => {
    diags.push(evalDiag(SUMMARY, detail, at.range));
    return undefined;
  };
  if (e.kind === "Parens") return getType(e.expr, constraint, inObject, diags);
  const kw = exprAsKeyword(e);
  if (kw !== undefined) {
    switch (kw) {
      case "bool":
        return BOOL;
      case "string":
        return STRING;
      case "number":
        return NUMBER;
      case "any":
        if (constraint) return DYNAMIC;
        return err(`The keyword "any" cannot be used in this type specification: an exact type is required.`);
      case "list":
      case "map":
      case "set":
        return err(`The ${kw} type constructor requires one argument specifying the element type.`);
      case "object":
        return err("The object type constructor requires one argument specifying the attribute types as a map.");
      case "tuple":
        return err("The tuple type constructor requires one argument specifying the element types as a list.");
      case "optional":
        return err(`Keyword "optional" is valid only as a modifier for object type attributes.`);
      default:
        return err(`The keyword ${JSON.stringify(kw)} is not a valid type specification.`);
    }
  }
  if (e.kind !== "FunctionCall") return err(GENERIC);
  const name = e.name;
  switch (name) {
    case "list":
    case "map":
    case "set": {
      if (e.args.length !== 1) return err(`The ${name} type constructor requires one argument specifying the element type.`);
      const el = getType(e.args[0]!, constraint, false, diags);
      if (!el) return undefined;
      return name === "list" ? listOf(el) : name === "map" ? mapOf(el) : setOf(el);
    }
    case "object": {
      const arg = e.args[0];
      if (e.args.length !== 1 || !arg || arg.kind !== "Object")
        return err("Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.");
      const attrs: Record<string, Type> = {};
      const optional: string[] = [];
      for (const item of arg.items) {
        const key = exprAsKeyword(item.key);
        if (key === undefined) return err("Object constructor map keys must be attribute names.", item.key);
        let ve = item.value;
        if (ve.kind === "FunctionCall" && ve.name === "optional") {
          if (ve.args.length !== 1) return err("Optional attribute modifier expects only one argument: the attribute type.", ve);
          optional.push(key);
          ve = ve.args[0]!;
        }
        const t = getType(ve, constraint, true, diags);
        if (!t) return undefined;
        attrs[key] = t;
      }
      return objectOf(attrs, optional);
    }
    case "tuple": {
      const arg = e.args[0];
      if (e.args.length !== 1 || !arg || arg.kind !== "Tuple") return err("Tuple type constructor requires a list of element types.");
      const elems: Type[] = [];
      for (const it of arg.items) {
        const t = getType(it, constraint, false, diags);
        if (!t) return undefined;
        elems.push(t);
      }
      return tupleOf(elems);
    }
    case "optional":
      return err(`Keyword "optional" is valid only as a modifier for object type attributes.`);
    default:
      return err(`Keyword ${JSON.stringify(name)} is not a valid type constructor.`, e);
  }
}
