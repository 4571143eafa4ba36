import type { FunctionDef } from "../function.js";

export function cryptoFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
