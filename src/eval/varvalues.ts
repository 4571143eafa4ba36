// Variable values from env, -var-file and -var (last wins: -var > -var-file > env > default), and
// validation of the final value (Nomad jobspec2 collectInputVariableValues / Variable.Value).
import type { Diagnostic, Range } from "../diagnostics/types.js";
import type { Attribute } from "../parser/ast.js";
import { convert } from "./convert.js";
import { evalDiag } from "./diag.js";
import { evaluateExpression } from "./evaluate.js";
import type { FunctionTable } from "./function.js";
import { createFunctions } from "./functions/index.js";
import { type VarFile, ZERO_RANGE, parseValueExpression } from "./jobfile.js";
import { UNKNOWN, type Value, fromJSON, object, str } from "./value.js";
import type { Assignment, ValueSource, VariableDecl } from "./variables.js";

export interface ValueSources {
  env: Record<string, string | undefined>;
  varFiles: VarFile[];
  vars: string[];
  strict: boolean;
}

export function assignValues(vars: Map<string, VariableDecl>, src: ValueSources, diags: Diagnostic[]): void {
  // Environment: CARAVAN_VAR_x wins over NOMAD_VAR_x; undeclared names are ignored.
  for (const [name, v] of vars) {
    const raw = src.env[`CARAVAN_VAR_${name}`] ?? src.env[`NOMAD_VAR_${name}`];
    if (raw === undefined) continue;
    const file = `<value for var.${name} from env>`;
    addTextValue(v, raw, "env", file, "Invalid value for variable", `The value for ${name} is not compatible with the variable's type constraint`, diags);
  }

  const undefSeverity = src.strict ? "error" : "warning";
  for (const vf of src.varFiles) {
    if (vf.body) {
      let declared = false;
      for (const item of vf.body.items) {
        if (item.kind === "Block" && item.type === "variable") {
          declared = true;
          const name = item.labels[0]?.value ?? "";
          diags.push({
            ...evalDiag(
              "Variable declaration in a .var file",
              `A .var file is used to assign values to variables that have already been declared in job files, not to declare new variables. To declare variable ${JSON.stringify(name)}, place this block in one of your job files\n\nTo set a value for this variable in ${vf.path}, use the definition syntax instead:\n    ${name} = <value>`,
              item.typeRange,
            ),
            file: vf.path,
          });
        }
      }
      if (declared) return;
      for (const item of vf.body.items) {
        if (item.kind === "Block") {
          diags.push({ ...evalDiag("Unexpected block", "Blocks are not allowed here.", item.typeRange), file: vf.path });
          continue;
        }
        addFileValue(vars, item, vf, undefSeverity, diags);
      }
    } else if (vf.json) {
      for (const [name, data] of Object.entries(vf.json)) {
        const v = vars.get(name);
        if (!v) {
          diags.push({ ...evalDiag("Undefined variable", undefinedDetail(name), ZERO_RANGE, undefSeverity), file: vf.path });
          continue;
        }
        pushConverted(v, fromJSON(data), "varfile", ZERO_RANGE, vf.path, "Invalid value for variable", `The value for ${name} is not compatible with the variable's type constraint`, diags);
      }
    }
  }

  // -var flags: split at the first "="; entries without one are ignored; the last flag for a name wins.
  const argv = new Map<string, string>();
  for (const a of src.vars) {
    const eq = a.indexOf("=");
    if (eq >= 0) argv.set(a.slice(0, eq), a.slice(eq + 1));
  }
  for (const [name, raw] of argv) {
    const v = vars.get(name);
    const file = `<value for var.${name} from arguments>`;
    if (!v) {
      diags.push({
        ...evalDiag(
          "Undefined -var variable",
          `A ${JSON.stringify(name)} variable was passed in the command line but was not found in known variables. To declare variable ${JSON.stringify(name)}, place this block in your job file`,
          ZERO_RANGE,
          undefSeverity,
        ),
        file,
      });
      continue;
    }
    addTextValue(v, raw, "cmd", file, "Invalid argument value for -var variable", `The received arg value for ${name} is not compatible with the variable's type constraint`, diags);
  }
}

const undefinedDetail = (name: string) =>
  `A ${JSON.stringify(name)} variable was set but was not found in known variables. To declare variable ${JSON.stringify(name)}, place this block in your job files`;

function addFileValue(vars: Map<string, VariableDecl>, a: Attribute, vf: VarFile, sev: "error" | "warning", diags: Diagnostic[]): void {
  const v = vars.get(a.name);
  if (!v) {
    diags.push({ ...evalDiag("Undefined variable", undefinedDetail(a.name), a.range, sev), file: vf.path });
    return;
  }
  const r = evaluateExpression(a.expr, { source: vf.text });
  diags.push(...r.diagnostics.map((d) => ({ ...d, file: vf.path })));
  pushConverted(v, r.value, "varfile", a.expr.range, vf.path, "Invalid value for variable", `The value for ${a.name} is not compatible with the variable's type constraint`, diags);
}

/** env and -var text: a string literal for string/number/unset types, otherwise an HCL expression. */
function addTextValue(v: VariableDecl, raw: string, from: ValueSource, file: string, summary: string, detail: string, diags: Diagnostic[]): void {
  const t = v.type;
  let value: Value;
  let range: Range = textRange(raw);
  if (!t || t.kind === "string" || t.kind === "number") value = str(raw);
  else {
    const p = parseValueExpression(raw);
    if (!p.expr) {
      diags.push(...p.diagnostics.map((d) => ({ ...d, file })));
      return;
    }
    const r = evaluateExpression(p.expr, { source: p.source });
    range = shift(p.expr.range, -4);
    diags.push(...r.diagnostics.map((d) => ({ ...d, file, range: shift(d.range, -4) })));
    value = r.value;
  }
  pushConverted(v, value, from, range, file, summary, detail, diags);
}

function pushConverted(
  v: VariableDecl,
  value: Value,
  from: ValueSource,
  range: Range,
  file: string,
  summary: string,
  detail: string,
  diags: Diagnostic[],
): void {
  let out = stripOrigins(value);
  if (v.type) {
    const c = convert(out, v.type);
    if (c.ok) out = c.value;
    else {
      diags.push({ ...evalDiag(summary, `${detail}: ${c.error}.`, range), file });
      out = UNKNOWN;
    }
  }
  const a: Assignment = { from, value: out, range, file };
  v.values.push(a);
}

/** Values from outside the job file carry no origin (their ranges index another text). */
function stripOrigins(v: Value): Value {
  if (Array.isArray(v.v)) return { type: v.type, v: v.v.map(stripOrigins), ...(v.unknown ? { unknown: true } : {}) };
  if (v.v instanceof Map) {
    const m = new Map<string, Value>();
    for (const [k, x] of v.v) m.set(k, stripOrigins(x));
    return { type: v.type, v: m, ...(v.unknown ? { unknown: true } : {}) };
  }
  return v.unknown ? { type: v.type, v: null, unknown: true } : { type: v.type, v: v.v };
}

function textRange(raw: string): Range {
  const lines = raw.split("\n");
  return {
    start: { offset: 0, line: 1, column: 1 },
    end: { offset: raw.length, line: lines.length, column: [...lines.at(-1)!].length + 1 },
  };
}

function shift(r: Range, by: number): Range {
  const f = (p: Range["start"]) => ({ offset: Math.max(0, p.offset + by), line: p.line, column: p.line === 1 ? Math.max(1, p.column + by) : p.column });
  return { start: f(r.start), end: f(r.end) };
}

/** Pick each variable's final value, report unset variables, and run validations on final values. */
let validationFunctions: FunctionTable | undefined;

export function validateVariables(vars: Map<string, VariableDecl>, jobFile: string | undefined, diags: Diagnostic[]): void {
  // the same table for every file, made once (asking createFunctions each time evicts the job file's table from its last-used slot)
  const functions = (validationFunctions ??= createFunctions({ baseDir: "", allowFS: false }));
  for (const v of vars.values()) {
    const last = v.values.at(-1);
    if (!last) {
      diags.push({
        ...evalDiag(
          `Unset variable ${JSON.stringify(v.name)}`,
          "A used variable must be set or have a default value; see https://www.nomadproject.io/docs/job-specification/hcl2/variables for details.",
          v.declRange,
        ),
        code: "eval/unset-variable",
      });
      continue;
    }
    v.value = last.value;
    for (const val of v.validations) {
      if (!val.condition) continue;
      const ctx = { variables: new Map([["var", object(new Map([[v.name, last.value]]))]]), functions };
      const r = evaluateExpression(val.condition, ctx);
      diags.push(...r.diagnostics);
      const res = r.value;
      if (res.unknown) continue;
      if (res.v === null) {
        diags.push(evalDiag("Invalid variable validation result", "Validation condition expression must return either true or false, not null.", val.condition.range));
        continue;
      }
      const c = convert(res, { kind: "bool" });
      if (!c.ok) {
        diags.push(evalDiag("Invalid variable validation result", `Invalid validation condition result value: ${c.error}.`, val.condition.range));
        continue;
      }
      if (c.value.v === false) {
        const where = `${jobFile ?? "<job>"}:${val.declRange.start.line},${val.declRange.start.column}-${val.declRange.end.column}`;
        const d: Diagnostic = {
          ...evalDiag(`Invalid value for ${last.from} variable`, `${val.errorMessage}\n\nThis was checked by the validation rule at ${where}.`, last.range),
          code: "eval/variable-validation-failed",
        };
        if (last.file) d.file = last.file;
        diags.push(d);
      }
    }
  }
}
