// Small helpers for declaring library functions.
import { FunctionError, type FunctionDef, type Param } from "../function.js";
import { DYNAMIC, NUMBER, STRING, type Type } from "../types.js";
import { type Value, str } from "../value.js";

export const p = (name: string, type: Type, extra: Partial<Param> = {}): Param => ({ name, type, ...extra });

export function def(params: Param[], impl: FunctionDef["impl"], varParam?: Param): FunctionDef {
  return varParam ? { params, varParam, impl } : { params, impl };
}

/** A function of one string returning a string. */
export function strFn(name: string, f: (s: string) => string): FunctionDef {
  return def([p(name, STRING)], ([a]) => str(f(a!.v as string)));
}

export const S = (v: Value): string => v.v as string;
export const N = (v: Value): number => v.v as number;

/** A whole number argument, or a FunctionError on that argument. */
export function int(v: Value, arg: number, what = "value"): number {
  const n = v.v as number;
  if (!Number.isInteger(n)) throw new FunctionError(`${what} must be a whole number`, arg);
  return n;
}

export { DYNAMIC, NUMBER, STRING, FunctionError };
