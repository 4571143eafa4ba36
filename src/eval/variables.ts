// Declarations: `variable "x" { type default description validation {} }` and `variables { x = 1 }`
// (Nomad jobspec2/types.variables.go, hcl-syntax.md §6.2).
import type { Diagnostic, Range } from "../diagnostics/types.js";
import type { Attribute, Block, Expression } from "../parser/ast.js";
import { convert } from "./convert.js";
import { evalDiag } from "./diag.js";
import { evaluateExpression } from "./evaluate.js";
import { parseTypeExpr } from "./typeexpr.js";
import { STRING, type Type } from "./types.js";
import { UNKNOWN, type Value } from "./value.js";

export type ValueSource = "default" | "env" | "varfile" | "cmd";

export interface Assignment {
  from: ValueSource;
  value: Value;
  /** Range of the expression that set the value (in `file` when given, else in the job file). */
  range: Range;
  file?: string;
}

export interface Validation {
  condition?: Expression;
  errorMessage: string;
  /** `validation` keyword range (Go's DeclRange). */
  declRange: Range;
}

export interface VariableDecl {
  name: string;
  /** Declared type, or the default's type; undefined means "not set" (raw strings, no conversion). */
  type?: Type;
  description?: string;
  /** The block header (`variable "x"`) or the attribute in a `variables` block. */
  declRange: Range;
  values: Assignment[];
  validations: Validation[];
  /** Final value (the last assignment), set by `validateVariables`; undefined when unset. */
  value?: Value;
}

const BAD_IDENTIFIER = "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.";
const IDENT = /^[\p{L}_][\p{L}\p{N}_-]*$/u;
const NO_SCOPE = {}; // no variables and no functions: literals only

export function declareVariables(blocks: Block[], source: string, diags: Diagnostic[]): Map<string, VariableDecl> {
  const vars = new Map<string, VariableDecl>();
  for (const b of blocks) {
    if (b.type === "variable" && b.labels.length === 1) declareBlock(b, vars, diags);
    else if (b.type === "variables") {
      for (const item of b.body.items) {
        if (item.kind === "Block") {
          diags.push(evalDiag("Unexpected block", `Blocks are not allowed here.`, item.typeRange));
          continue;
        }
        declareAttribute(item, vars, diags);
      }
    }
  }
  void source;
  return vars;
}

function headerRange(b: Block): Range {
  const last = b.labels.at(-1);
  return { start: b.typeRange.start, end: last ? last.range.end : b.typeRange.end };
}

function declareAttribute(a: Attribute, vars: Map<string, VariableDecl>, diags: Diagnostic[]): void {
  if (vars.has(a.name)) {
    diags.push(evalDiag("Duplicate variable", `Duplicate ${a.name} variable definition found.`, a.nameRange));
    return;
  }
  const r = evaluateExpression(a.expr, NO_SCOPE);
  diags.push(...r.diagnostics);
  if (r.diagnostics.some((d) => d.severity === "error")) return;
  vars.set(a.name, {
    name: a.name,
    type: r.value.type,
    declRange: a.range,
    values: [{ from: "default", value: r.value, range: a.expr.range }],
    validations: [],
  });
}

function declareBlock(b: Block, vars: Map<string, VariableDecl>, diags: Diagnostic[]): void {
  const name = b.labels[0]!.value;
  if (vars.has(name)) {
    diags.push(evalDiag("Duplicate variable", `Duplicate ${name} variable definition found.`, headerRange(b)));
    return;
  }
  const attrs = new Map<string, Attribute>();
  const validationBlocks: Block[] = [];
  for (const item of b.body.items) {
    if (item.kind === "Attribute") {
      if (item.name === "type" || item.name === "default" || item.name === "description") attrs.set(item.name, item);
      else diags.push(evalDiag("Unsupported argument", `An argument named ${JSON.stringify(item.name)} is not expected here.`, item.nameRange));
    } else if (item.type === "validation") validationBlocks.push(item);
    else diags.push(evalDiag("Unsupported block type", `Blocks of type ${JSON.stringify(item.type)} are not expected here.`, item.typeRange));
  }
  if (!IDENT.test(name)) diags.push(evalDiag("Invalid variable name", BAD_IDENTIFIER, b.labels[0]!.range));
  const v: VariableDecl = { name, declRange: headerRange(b), values: [], validations: [] };

  const desc = attrs.get("description");
  if (desc) {
    const s = stringAttr(desc, diags);
    if (s !== undefined) v.description = s;
  }
  const typeAttr = attrs.get("type");
  if (typeAttr) {
    const t = parseTypeExpr(typeAttr.expr, { constraint: false });
    diags.push(...t.diagnostics);
    if (!t.type) return; // Nomad drops the whole declaration
    v.type = t.type;
  }
  const def = attrs.get("default");
  if (def) {
    const r = evaluateExpression(def.expr, NO_SCOPE);
    diags.push(...r.diagnostics);
    if (r.diagnostics.some((d) => d.severity === "error")) return;
    let value = r.value;
    if (v.type) {
      const c = convert(value, v.type);
      if (c.ok) value = c.value;
      else {
        diags.push(
          evalDiag(
            "Invalid default value for variable",
            `This default value is not compatible with the variable's type constraint: ${c.error}.`,
            def.expr.range,
          ),
        );
        value = UNKNOWN;
      }
    }
    v.values.push({ from: "default", value, range: def.expr.range });
    v.type ??= value.type;
  }
  for (const vb of validationBlocks) v.validations.push(decodeValidation(name, vb, diags));
  vars.set(name, v);
}

function stringAttr(a: Attribute, diags: Diagnostic[]): string | undefined {
  const r = evaluateExpression(a.expr, NO_SCOPE);
  diags.push(...r.diagnostics);
  if (r.diagnostics.length) return undefined;
  const c = convert(r.value, STRING);
  if (!c.ok || c.value.v === null) {
    diags.push(evalDiag("Unsuitable value type", `Unsuitable value: ${c.ok ? "value must not be null" : c.error}`, a.expr.range));
    return undefined;
  }
  return c.value.unknown ? undefined : (c.value.v as string);
}

function decodeValidation(varName: string, b: Block, diags: Diagnostic[]): Validation {
  const val: Validation = { errorMessage: "", declRange: b.typeRange };
  const attrs = new Map<string, Attribute>();
  for (const item of b.body.items) {
    if (item.kind === "Attribute" && (item.name === "condition" || item.name === "error_message")) attrs.set(item.name, item);
    else if (item.kind === "Attribute")
      diags.push(evalDiag("Unsupported argument", `An argument named ${JSON.stringify(item.name)} is not expected here.`, item.nameRange));
    else diags.push(evalDiag("Unsupported block type", `Blocks of type ${JSON.stringify(item.type)} are not expected here.`, item.typeRange));
  }
  for (const req of ["condition", "error_message"]) {
    if (!attrs.has(req))
      diags.push(evalDiag("Missing required argument", `The argument ${JSON.stringify(req)} is required, but no definition was found.`, b.openBraceRange));
  }
  const cond = attrs.get("condition");
  if (cond) {
    val.condition = cond.expr;
    let good = 0;
    for (const ref of references(cond.expr)) {
      if (ref.root === "var" && ref.attr === varName) {
        good++;
        continue;
      }
      diags.push(
        evalDiag(
          "Invalid reference in variable validation",
          `The condition for variable ${JSON.stringify(varName)} can only refer to the variable itself, using var.${varName}.`,
          ref.range,
        ),
      );
    }
    if (good < 1)
      diags.push(
        evalDiag(
          "Invalid variable validation condition",
          `The condition for variable ${JSON.stringify(varName)} must refer to var.${varName} in order to test incoming values.`,
          cond.expr.range,
        ),
      );
  }
  const msg = attrs.get("error_message");
  if (msg) {
    const s = stringAttr(msg, diags);
    if (s !== undefined) {
      val.errorMessage = s;
      if (s === "")
        diags.push(evalDiag("Invalid validation error message", "An empty string is not a valid nor useful error message.", msg.expr.range));
      else if (!looksLikeSentences(s))
        diags.push(
          evalDiag(
            "Invalid validation error message",
            "Validation error message must be at least one full sentence starting with an uppercase letter ( if the alphabet permits it ) and ending with a period or question mark.",
            msg.expr.range,
          ),
        );
    }
  }
  return val;
}

function looksLikeSentences(s: string): boolean {
  const chars = [...s];
  if (chars.length < 1) return false;
  const first = chars[0]!;
  const last = chars.at(-1)!;
  if (/\p{L}/u.test(first) && !/\p{Lu}/u.test(first)) return false;
  return last === "." || last === "?" || last === "!";
}

interface Reference {
  root: string;
  attr?: string;
  range: Range;
}

/** The traversals an expression refers to (hcl `Expression.Variables()`), minus for-expression symbols. */
export function references(e: Expression, bound: ReadonlySet<string> = new Set()): Reference[] {
  const out: Reference[] = [];
  const walk = (x: Expression, b: ReadonlySet<string>): void => {
    switch (x.kind) {
      case "Variable":
        if (!b.has(x.name)) out.push({ root: x.name, range: x.range });
        return;
      case "GetAttr":
        if (x.object.kind === "Variable") {
          if (!b.has(x.object.name)) out.push({ root: x.object.name, attr: x.name, range: x.range });
          return;
        }
        return walk(x.object, b);
      case "Index":
        if (x.collection.kind === "Variable" && x.key.kind === "Template" && x.key.parts.length === 1 && x.key.parts[0]!.kind === "TemplateLiteral") {
          if (!b.has(x.collection.name)) out.push({ root: x.collection.name, attr: x.key.parts[0]!.value, range: x.range });
          return;
        }
        walk(x.collection, b);
        return walk(x.key, b);
      case "Splat":
        walk(x.source, b);
        return walk(x.each, b);
      case "FunctionCall":
        return x.args.forEach((a) => walk(a, b));
      case "Tuple":
        return x.items.forEach((a) => walk(a, b));
      case "Object":
        return x.items.forEach((i) => {
          if (i.key.kind !== "Variable") walk(i.key, b);
          walk(i.value, b);
        });
      case "For": {
        walk(x.collection, b);
        const inner = new Set(b);
        inner.add(x.valueVar);
        if (x.keyVar) inner.add(x.keyVar);
        if (x.keyExpr) walk(x.keyExpr, inner);
        walk(x.valueExpr, inner);
        if (x.condExpr) walk(x.condExpr, inner);
        return;
      }
      case "Conditional":
        walk(x.cond, b);
        walk(x.trueExpr, b);
        return walk(x.falseExpr, b);
      case "Binary":
        walk(x.left, b);
        return walk(x.right, b);
      case "Unary":
        return walk(x.operand, b);
      case "Parens":
        return walk(x.expr, b);
      case "Template":
        for (const p of x.parts) walkPart(p, b);
        return;
      default:
        return;
    }
  };
  const walkPart = (p: import("../parser/ast.js").TemplatePart, b: ReadonlySet<string>): void => {
    switch (p.kind) {
      case "TemplateInterpolation":
        return walk(p.expr, b);
      case "TemplateIf":
        walk(p.cond, b);
        p.then.forEach((q) => walkPart(q, b));
        p.else?.forEach((q) => walkPart(q, b));
        return;
      case "TemplateFor": {
        walk(p.collection, b);
        const inner = new Set(b);
        inner.add(p.valueVar);
        if (p.keyVar) inner.add(p.keyVar);
        p.body.forEach((q) => walkPart(q, inner));
        return;
      }
      default:
        return;
    }
  };
  walk(e, bound);
  return out;
}
