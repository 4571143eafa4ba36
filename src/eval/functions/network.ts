import type { FunctionDef } from "../function.js";

export function networkFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
