import type { FunctionDef } from "../function.js";

export function encodingFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
