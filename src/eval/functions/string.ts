import type { FunctionDef } from "../function.js";

export function stringFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
