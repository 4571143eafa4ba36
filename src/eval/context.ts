// The evaluation context: variables in scope, functions, and the hooks Nomad adds.
import type { FunctionTable } from "./function.js";
import type { Value } from "./value.js";

export interface EvalContext {
  /** Root names in scope (`var`, `local`, for-expression symbols). Absent: "Variables not allowed". */
  variables?: ReadonlyMap<string, Value>;
  /** Functions. Absent everywhere up the chain: "Function calls not allowed". */
  functions?: FunctionTable;
  parent?: EvalContext;
  /** The source text the expressions' ranges index into (needed for runtime references). */
  source?: string;
  /**
   * Nomad's `UnknownVariable` hook: a reference whose root is not in scope evaluates to its own
   * source text wrapped in `${...}` (hcl-syntax.md §6.5) instead of failing.
   */
  passthroughUnknownRoots?: boolean;
}

export function lookupVariable(ctx: EvalContext | undefined, name: string): { found: boolean; value?: Value; anyScope: boolean } {
  let anyScope = false;
  for (let c = ctx; c; c = c.parent) {
    if (!c.variables) continue;
    anyScope = true;
    const v = c.variables.get(name);
    if (v) return { found: true, value: v, anyScope };
  }
  return { found: false, anyScope };
}

export function allVariableNames(ctx: EvalContext | undefined): string[] {
  const out: string[] = [];
  for (let c = ctx; c; c = c.parent) if (c.variables) out.push(...c.variables.keys());
  return out;
}

export function findFunctions(ctx: EvalContext | undefined): FunctionTable | undefined {
  for (let c = ctx; c; c = c.parent) if (c.functions) return c.functions;
  return undefined;
}

export function findSource(ctx: EvalContext | undefined): string | undefined {
  for (let c = ctx; c; c = c.parent) if (c.source !== undefined) return c.source;
  return undefined;
}

export function passthroughEnabled(ctx: EvalContext | undefined): boolean {
  for (let c = ctx; c; c = c.parent) if (c.passthroughUnknownRoots !== undefined) return c.passthroughUnknownRoots;
  return false;
}

/** A child scope (for-expression iteration symbols). */
export function childContext(parent: EvalContext, variables: Map<string, Value>): EvalContext {
  return { parent, variables };
}
