import type { FunctionDef } from "../function.js";

export function collectionFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
