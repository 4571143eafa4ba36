// Function calls (hclsyntax FunctionCallExpr.Value): lookup, `...` expansion, arity, argument
// conversion, raw (expression / type) parameters, and errors from implementations.
import type { Expression, FunctionCallExpr } from "../parser/ast.js";
import { type EvalContext, findFunctions } from "./context.js";
import { convert } from "./convert.js";
import { didYouMean, evalDiag, suggest } from "./diag.js";
import { type State, evalExpr, evalIsolated } from "./evaluate.js";
import { type CallInfo, DiagnosticsError, FunctionError, type Param } from "./function.js";
import { parseTypeExpr } from "./typeexpr.js";
import type { Type } from "./types.js";
import { UNKNOWN, type Value } from "./value.js";

export function evalCall(e: FunctionCallExpr, ctx: EvalContext, st: State): Value {
  const fns = findFunctions(ctx);
  if (!fns) {
    st.diags.push(evalDiag("Function calls not allowed", "Functions may not be called here.", e.range));
    return UNKNOWN;
  }
  const name = e.name.startsWith("core::") ? e.name.slice(6) : e.name;
  const fn = fns.get(name);
  if (!fn) {
    const s = suggest(name, fns.keys());
    st.diags.push(
      evalDiag("Call to unknown function", `There is no function named ${JSON.stringify(e.name)}.${didYouMean(s)}`, e.nameRange),
    );
    return UNKNOWN;
  }
  const closeRange = e.closeParenRange ?? e.range;

  // Argument expressions, with `...` expansion of the last one (only for value parameters).
  const argExprs: Expression[] = [...e.args];
  const argValues: (Value | undefined)[] = argExprs.map(() => undefined);
  if (e.expandFinal && argExprs.length > 0) {
    const last = argExprs[argExprs.length - 1]!;
    const lv = evalExpr(last, ctx, st);
    argExprs.pop();
    argValues.pop();
    if (lv.unknown) return UNKNOWN;
    const k = lv.type.kind;
    if (lv.v === null || (k !== "list" && k !== "tuple" && k !== "set")) {
      st.diags.push(
        evalDiag(
          "Invalid expanding argument value",
          lv.v === null
            ? "The expanding argument (indicated by ...) must not be null."
            : "The expanding argument (indicated by ...) must be of a tuple, list, or set type.",
          last.range,
        ),
      );
      return UNKNOWN;
    }
    for (const item of lv.v as Value[]) {
      argExprs.push(last);
      argValues.push(item);
    }
  }

  const params = fn.params;
  if (argExprs.length < params.length) {
    const missing = params[argExprs.length]!;
    const qual = fn.varParam ? "at least " : "";
    st.diags.push(
      evalDiag(
        "Not enough function arguments",
        `Function ${JSON.stringify(e.name)} expects ${qual}${params.length} argument(s). Missing value for ${JSON.stringify(missing.name)}.`,
        closeRange,
      ),
    );
    return UNKNOWN;
  }
  if (argExprs.length > params.length && !fn.varParam) {
    st.diags.push(
      evalDiag(
        "Too many function arguments",
        `Function ${JSON.stringify(e.name)} expects only ${params.length} argument(s).`,
        argExprs[params.length]!.range,
      ),
    );
    return UNKNOWN;
  }

  const args: Value[] = [];
  const types: (Type | undefined)[] = [];
  let unknown = false;
  let failed = false;
  for (let i = 0; i < argExprs.length; i++) {
    const p: Param = i < params.length ? params[i]! : fn.varParam!;
    const ex = argExprs[i]!;
    if (p.raw === "expr") {
      args.push(UNKNOWN);
      types.push(undefined);
      continue;
    }
    if (p.raw === "type") {
      const t = parseTypeExpr(ex, { constraint: true });
      st.diags.push(...t.diagnostics);
      if (!t.type) failed = true;
      args.push(UNKNOWN);
      types.push(t.type);
      continue;
    }
    types.push(undefined);
    const before = st.diags.length;
    const v = argValues[i] ?? evalExpr(ex, ctx, st);
    if (st.diags.length > before) failed = true;
    if (v.unknown && !p.allowUnknown) unknown = true;
    if (v.v === null && !v.unknown && !p.allowNull) {
      st.diags.push(invalidArg(p, "argument must not be null", ex));
      failed = true;
      args.push(v);
      continue;
    }
    const r = convert(v, p.type);
    if (!r.ok) {
      st.diags.push(invalidArg(p, r.error, ex));
      failed = true;
      args.push(v);
      continue;
    }
    args.push(r.value);
  }
  if (failed || unknown) return UNKNOWN;

  const call: CallInfo = {
    exprs: argExprs,
    types,
    evaluate: (x) => evalIsolated(x, ctx, st),
  };
  try {
    return fn.impl(args, call);
  } catch (err) {
    if (err instanceof DiagnosticsError) {
      st.diags.push(...err.diagnostics);
    } else if (err instanceof FunctionError && err.arg !== undefined && err.arg < argExprs.length) {
      const p = err.arg < params.length ? params[err.arg]! : fn.varParam!;
      st.diags.push(invalidArg(p, err.message, argExprs[err.arg]!));
    } else {
      const msg = err instanceof Error ? err.message : String(err);
      st.diags.push(evalDiag("Error in function call", `Call to function ${JSON.stringify(e.name)} failed: ${msg}.`, e.range));
    }
    return UNKNOWN;
  }
}

function invalidArg(p: Param, msg: string, ex: Expression) {
  return evalDiag("Invalid function argument", `Invalid value for ${JSON.stringify(p.name)} parameter: ${msg}.`, ex.range);
}
