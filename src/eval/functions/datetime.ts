import type { FunctionDef } from "../function.js";

export function datetimeFunctions(..._args: unknown[]): Record<string, FunctionDef> {
  return {};
}
