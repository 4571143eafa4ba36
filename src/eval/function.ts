// The shape of a function in the library (after cty's function.Spec), kept small: parameters with
// types, an optional variadic parameter, and an implementation that throws FunctionError to fail.
import type { Diagnostic } from "../diagnostics/types.js";
import type { Expression } from "../parser/ast.js";
import type { Type } from "./types.js";
import type { Value } from "./value.js";

export interface Param {
  name: string;
  type: Type;
  /** Null arguments are passed through instead of being rejected. */
  allowNull?: boolean;
  /** Unknown arguments are passed through instead of making the result unknown. */
  allowUnknown?: boolean;
  /**
   * "expr": the argument is not evaluated; the implementation gets it through `CallInfo.exprs`
   * (`can`, `try`). "type": the argument is a type-constraint expression (`convert`).
   */
  raw?: "expr" | "type";
}

export interface CallInfo {
  /** The argument expressions as written (for `raw` parameters). */
  exprs: Expression[];
  /** Type constraints of `raw: "type"` parameters, by argument index. */
  types: (Type | undefined)[];
  /** Evaluate an argument expression in the caller's context. */
  evaluate(expr: Expression): { value: Value; diagnostics: Diagnostic[] };
}

export interface FunctionDef {
  params: Param[];
  varParam?: Param;
  impl(args: Value[], call: CallInfo): Value;
}

export type FunctionTable = ReadonlyMap<string, FunctionDef>;

/** Thrown by implementations; `arg` is the index of the argument at fault, when there is one. */
export class FunctionError extends Error {
  constructor(
    message: string,
    readonly arg?: number,
  ) {
    super(message);
  }
}

/** A failure that already carries its diagnostics (e.g. `try` when every argument failed). */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics[0]?.message ?? "failed");
  }
}
