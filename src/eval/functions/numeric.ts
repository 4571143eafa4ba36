import type { FunctionDef } from "../function.js";

export function numericFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
