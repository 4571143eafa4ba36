// Public API of the evaluation layer.
export type { EvalContext } from "./context.js";
export { childContext } from "./context.js";
export { evaluateExpression } from "./evaluate.js";
export { createJobFileContext, type JobFileOptions, type JobFileContext } from "./jobfile.js";
export type { VariableDecl, Assignment, ValueSource } from "./variables.js";
export { createFunctions, type FunctionOptions } from "./functions/index.js";
export type { FunctionDef, FunctionTable, Param } from "./function.js";
export { convert, unify, type ConvertResult } from "./convert.js";
export { parseTypeExpr } from "./typeexpr.js";
export * from "./types.js";
export {
  type Value,
  toJSON,
  fromJSON,
  formatNumber,
  valueEquals,
  str,
  num,
  bool,
  nullOf,
  unknownOf,
  tuple,
  object,
  list,
  set,
  map,
  isNull,
  isKnown,
  containsUnknown,
  elements,
  attributes,
  sortedEntries,
  NULL,
  UNKNOWN,
} from "./value.js";
