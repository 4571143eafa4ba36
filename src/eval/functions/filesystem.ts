import type { FunctionDef } from "../function.js";

export function filesystemFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
