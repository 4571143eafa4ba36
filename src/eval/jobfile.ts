// File-level evaluation of a Nomad job file (jobspec2): `variable`/`variables` declarations,
// values from defaults, env, -var-file and -var (hcl-syntax.md §6.2-6.3), `locals` evaluated to a
// fixpoint (§6.4), and the EvalContext used for everything inside the `job` block.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Diagnostic, Range } from "../diagnostics/types.js";
import type { Attribute, Block, Body, Expression, SyntaxTree } from "../parser/ast.js";
import { parse } from "../parser/parse.js";
import type { EvalContext } from "./context.js";
import { evalDiag } from "./diag.js";
import { evaluateExpression } from "./evaluate.js";
import { createFunctions } from "./functions/index.js";
import type { FunctionTable } from "./function.js";
import { declareVariables, type VariableDecl } from "./variables.js";
import { assignValues, validateVariables } from "./varvalues.js";
import { type Value, object, unknownOf } from "./value.js";

export interface JobFileOptions {
  /** Path of the job file (for messages); its directory is the default `baseDir`. */
  file?: string;
  /** Directory that `file()` and friends resolve relative paths against. */
  baseDir: string;
  /** `-var 'k=v'` flags, in command-line order. */
  vars?: string[];
  /** `-var-file` paths, in command-line order (read from disk, relative to the process cwd). */
  varFiles?: string[];
  /** Already-loaded var files (used instead of reading `varFiles` from disk, e.g. by the LSP). */
  varFileSources?: { path: string; text: string }[];
  /** The process environment (NOMAD_VAR_x / CARAVAN_VAR_x). */
  env?: Record<string, string | undefined>;
  /** Undefined -var / var-file variables are errors instead of warnings. */
  strict?: boolean;
  /** Filesystem functions enabled (default true, as in the CLI). */
  allowFS?: boolean;
}

export interface JobFileContext {
  ctx: EvalContext;
  diagnostics: Diagnostic[];
  /** Declared variables with their final values. */
  variables: Map<string, VariableDecl>;
  /** Evaluated locals. */
  locals: Map<string, Value>;
  functions: FunctionTable;
}

export function createJobFileContext(tree: SyntaxTree, options: JobFileOptions): JobFileContext & { ctx: EvalContext } {
  const diagnostics: Diagnostic[] = [];
  const functions = createFunctions({ baseDir: options.baseDir, allowFS: options.allowFS ?? true });
  const blocks = tree.body.items.filter((i): i is Block => i.kind === "Block");
  if (!hasValues(blocks, options)) {
    // most job files: nothing to declare, assign or evaluate, and `var` and `local` are empty
    const ctx: EvalContext = { variables: emptyScope(), functions, source: tree.text, passthroughUnknownRoots: true };
    return { ctx, diagnostics, variables: new Map(), locals: new Map(), functions };
  }

  const variables = declareVariables(blocks, tree.text, diagnostics);
  const varFiles = loadVarFiles(options, diagnostics);
  assignValues(variables, { env: options.env ?? {}, varFiles, vars: options.vars ?? [], strict: options.strict ?? false }, diagnostics);
  validateVariables(variables, options.file, diagnostics);

  const varObject = new Map<string, Value>();
  for (const [name, v] of variables) varObject.set(name, v.value ?? unknownOf(v.type));

  const locals = new Map<string, Value>();
  const makeCtx = (): EvalContext => ({
    variables: new Map([
      ["var", object(varObject)],
      ["local", object(locals)],
    ]),
    functions,
    source: tree.text,
    passthroughUnknownRoots: true,
  });
  evaluateLocals(collectLocals(blocks, diagnostics), locals, makeCtx, diagnostics);
  return { ctx: makeCtx(), diagnostics, variables, locals, functions };
}

/** Whether the file declares variables or locals, or the options give variable values (to check even if none are declared). */
function hasValues(blocks: Block[], options: JobFileOptions): boolean {
  if (blocks.some((b) => b.type === "variable" || b.type === "variables" || b.type === "locals")) return true;
  return (options.vars ?? []).length > 0 || (options.varFileSources ?? options.varFiles ?? []).length > 0;
}

let emptyVarAndLocal: ReadonlyMap<string, Value> | undefined;

/** `var` and `local` without members, shared by the files that have none (values are never changed). */
function emptyScope(): ReadonlyMap<string, Value> {
  return (emptyVarAndLocal ??= new Map([
    ["var", object(new Map())],
    ["local", object(new Map())],
  ]));
}

function collectLocals(blocks: Block[], diagnostics: Diagnostic[]): Attribute[] {
  const seen = new Set<string>();
  const out: Attribute[] = [];
  for (const b of blocks) {
    if (b.type !== "locals") continue;
    for (const item of b.body.items) {
      if (item.kind !== "Attribute") continue; // nested blocks are a structure error reported by the decoder
      if (seen.has(item.name)) {
        diagnostics.push(evalDiag("Duplicate value in locals", `Duplicate ${item.name} definition found.`, item.nameRange));
        return out; // Nomad stops collecting locals here
      }
      seen.add(item.name);
      out.push(item);
    }
  }
  return out;
}

/** Nomad's evaluateLocalVariables: evaluate in order, push failures to the back, give up after 100 rounds without progress. */
function evaluateLocals(queue: Attribute[], locals: Map<string, Value>, makeCtx: () => EvalContext, diagnostics: Diagnostic[]): void {
  let retry = 0;
  let previousL = 0;
  const q = [...queue];
  while (q.length > 0) {
    const local = q[0]!;
    const r = evaluateExpression(local.expr, makeCtx());
    const failed = r.diagnostics.some((d) => d.severity === "error");
    if (failed) {
      if (q.length === 1) {
        diagnostics.push(...r.diagnostics);
        return;
      }
      if (previousL === q.length) {
        if (retry === 100) {
          diagnostics.push(...r.diagnostics);
          return;
        }
        retry++;
      }
      previousL = q.length;
      q.push(local);
    } else {
      retry = 0;
      diagnostics.push(...r.diagnostics);
      locals.set(local.name, r.value);
    }
    q.shift();
  }
}

export interface VarFile {
  path: string;
  body?: Body;
  text?: string;
  /** JSON var files: the parsed top-level object. */
  json?: Record<string, unknown>;
}

function loadVarFiles(options: JobFileOptions, diagnostics: Diagnostic[]): VarFile[] {
  const sources =
    options.varFileSources ??
    (options.varFiles ?? []).flatMap((path) => {
      try {
        return [{ path, text: readFileSync(resolve(path), "utf8") }];
      } catch (e) {
        diagnostics.push({
          ...evalDiag("Failed to read variable file", `Could not read ${path}: ${e instanceof Error ? e.message : String(e)}`, ZERO_RANGE),
          file: path,
        });
        return [];
      }
    });
  const out: VarFile[] = [];
  for (const { path, text } of sources) {
    if (path.endsWith(".json")) {
      try {
        const json = JSON.parse(text) as unknown;
        if (json && typeof json === "object" && !Array.isArray(json)) out.push({ path, json: json as Record<string, unknown> });
        else diagnostics.push({ ...evalDiag("Invalid variable file", "The root of a JSON variable file must be an object.", ZERO_RANGE), file: path });
      } catch (e) {
        diagnostics.push({ ...evalDiag("Invalid variable file", e instanceof Error ? e.message : String(e), ZERO_RANGE), file: path });
      }
      continue;
    }
    const parsed = parse(text);
    diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, file: path })));
    out.push({ path, body: parsed.tree.body, text });
  }
  return out;
}

export const ZERO_RANGE: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** Parse a `-var`/env value as an HCL expression (for variables of a non-primitive type). */
export function parseValueExpression(text: string): { expr?: Expression; source: string; diagnostics: Diagnostic[] } {
  const prefix = "v = ";
  const source = `${prefix}${text}\n`;
  const r = parse(source);
  const attr = r.tree.body.items[0];
  if (r.diagnostics.length > 0 || r.tree.body.items.length !== 1 || attr?.kind !== "Attribute")
    return {
      source,
      diagnostics: r.diagnostics.length ? r.diagnostics : [evalDiag("Invalid expression", "Expected a single expression.", ZERO_RANGE)],
    };
  return { expr: attr.expr, source, diagnostics: [] };
}
