// `caravan fmt [PATHS|-]`: rewrite HCL files in the canonical layout (as `nomad fmt`).
//
// Exit codes: 0 nothing to do or files rewritten; 1 `--check` found files to change, or a file has
// syntax errors (left untouched); 2 a path cannot be read or written.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { Diagnostic } from "../../diagnostics/types.js";
import { format } from "../../format/index.js";

export interface FmtOptions {
  check?: boolean;
  diff?: boolean;
  /** Print the names of changed files (default true). */
  list?: boolean;
}

export interface FmtIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

const defaultIO: FmtIO = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

export async function runFmt(paths: string[], options: FmtOptions = {}, io: FmtIO = defaultIO): Promise<number> {
  let code = 0;
  const raise = (c: number): void => {
    code = Math.max(code, c);
  };
  const targets = paths.length === 0 ? ["."] : paths;
  for (const target of targets) {
    if (target === "-") {
      raise(formatStdin(await io.readStdin(), options, io));
      continue;
    }
    let files: string[];
    try {
      files = statSync(target).isDirectory() ? hclFilesUnder(target) : [target];
    } catch (err) {
      io.stderr(`${target}: error: ${ioMessage(err)}\n`);
      raise(2);
      continue;
    }
    for (const file of files) raise(formatFile(file, options, io));
  }
  return code;
}

function formatStdin(text: string, options: FmtOptions, io: FmtIO): number {
  const result = format(text);
  if (result.diagnostics.length > 0) return report("<stdin>", text, result.diagnostics, io);
  if (options.diff && result.changed) io.stdout(unifiedDiff("<stdin>", text, result.text));
  if (options.check) {
    if (result.changed && options.list !== false) io.stdout("<stdin>\n");
    return result.changed ? 1 : 0;
  }
  if (!options.diff) io.stdout(result.text);
  return 0;
}

function formatFile(file: string, options: FmtOptions, io: FmtIO): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    io.stderr(`${file}: error: ${ioMessage(err)}\n`);
    return 2;
  }
  const result = format(text);
  if (result.diagnostics.length > 0) return report(file, text, result.diagnostics, io);
  if (!result.changed) return 0;
  if (options.list !== false) io.stdout(`${file}\n`);
  if (options.diff) io.stdout(unifiedDiff(file, text, result.text));
  if (options.check) return 1;
  try {
    writeFileSync(file, result.text);
  } catch (err) {
    io.stderr(`${file}: error: ${ioMessage(err)}\n`);
    return 2;
  }
  return 0;
}

/** `diff -u` style: `--- file`, `+++ file`, hunks. */
function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(file, file, before, after).replace(/^(Index: .*\n)?=+\n/, "");
}

/** `*.hcl` and `*.nomad` files under `dir`, sorted; hidden folders and node_modules are skipped. */
export function hclFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith(".") && e.name !== "node_modules") out.push(...hclFilesUnder(path));
    } else if (e.isFile() && /\.(hcl|nomad)$/.test(e.name)) {
      out.push(path);
    }
  }
  return out;
}

/** Print syntax errors as `file:line:col: error: message`, with the line and a caret. */
function report(file: string, text: string, diagnostics: readonly Diagnostic[], io: FmtIO): number {
  const lines = text.split(/\r?\n/);
  for (const d of diagnostics) {
    const { line, column } = d.range.start;
    io.stderr(`${file}:${line}:${column}: error: ${d.message}${d.detail ? `; ${d.detail}` : ""}\n`);
    const src = lines[line - 1];
    if (src !== undefined) io.stderr(`  ${src}\n  ${" ".repeat(Math.max(0, column - 1))}^\n`);
  }
  io.stderr(`${file}: not formatted (syntax errors)\n`);
  return 1;
}

function ioMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === "ENOENT") return "no such file or directory";
  if (e.code === "EACCES") return "permission denied";
  return e.message ?? String(err);
}
