// `caravan fmt [PATHS|-]`: rewrite HCL files in the canonical layout (as `nomad fmt`).
//
// Exit codes: 0 nothing to do or files rewritten; 1 `--check` found files to change, or a file has
// syntax errors (left untouched); 2 a path cannot be read or written.
import { readFileSync, writeFileSync } from "node:fs";
import { createTwoFilesPatch } from "diff";
import type { Diagnostic } from "../../diagnostics/types.js";
import { format } from "../../format/index.js";
import { formatDiagnostic } from "../../render/text.js";
import { expandPaths, processIO, ioMessage, type CliIO } from "../io.js";

export interface FmtOptions {
  check?: boolean;
  diff?: boolean;
  /** Print the names of changed files (default true). */
  list?: boolean;
}

export type FmtIO = Pick<CliIO, "stdout" | "stderr" | "readStdin">;

export async function runFmt(paths: string[], options: FmtOptions = {}, io: FmtIO = processIO()): Promise<number> {
  let code = 0;
  const raise = (c: number): void => {
    code = Math.max(code, c);
  };
  const { files, failed } = expandPaths(paths, io);
  if (failed) raise(2);
  for (const file of files) raise(file === "-" ? formatStdin(await io.readStdin(), options, io) : formatFile(file, options, io));
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

/** Print syntax errors as `file:line:col: error: message`, with the line and a caret. */
function report(file: string, text: string, diagnostics: readonly Diagnostic[], io: FmtIO): number {
  for (const d of diagnostics) io.stderr(formatDiagnostic(d, text, { file, showCode: false }));
  io.stderr(`${file}: not formatted (syntax errors)\n`);
  return 1;
}
