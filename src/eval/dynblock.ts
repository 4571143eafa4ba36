// `dynamic "type" { for_each = ...; iterator = ...; labels = [...]; content { ... } }` expansion
// (hcl ext/dynblock). Not implemented yet: returns the body unchanged.
import type { Diagnostic } from "../diagnostics/types.js";
import type { Body } from "../parser/ast.js";
import type { EvalContext } from "./context.js";

export function expandDynamicBlocks(body: Body, _ctx: EvalContext): { body: Body; diagnostics: Diagnostic[] } {
  return { body, diagnostics: [] };
}
