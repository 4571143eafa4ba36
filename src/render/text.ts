// Compiler-style rendering of a diagnostic: `path:line:col: error[CODE]: message`, then the
// source line and a caret under the range. Colours only when asked (the CLI asks on a TTY).
import pc from "picocolors";
import type { Diagnostic } from "../diagnostics/types.js";

export interface TextOptions {
  /** Path shown before the position; defaults to the diagnostic's own `file`, else `<stdin>`. */
  file?: string;
  color?: boolean;
  /** Include the `[code]` after the severity (default true). */
  showCode?: boolean;
}

export function formatDiagnostic(diag: Diagnostic, source: string | undefined, opts: TextOptions = {}): string {
  const c = pc.createColors(opts.color ?? false);
  const { line, column } = diag.range.start;
  const file = opts.file ?? diag.file ?? "<stdin>";
  const sev = diag.severity === "error" ? c.red(c.bold("error")) : diag.severity === "warning" ? c.yellow(c.bold("warning")) : c.cyan(c.bold(diag.severity));
  const code = opts.showCode === false ? "" : c.dim(`[${diag.code}]`);
  let out = `${c.bold(`${file}:${line}:${column}:`)} ${sev}${code}: ${c.bold(diag.message)}\n`;
  const snippet = source === undefined ? undefined : sourceSnippet(source, diag);
  if (snippet) out += c.dim(`${snippet.gutter} | `) + snippet.line + "\n" + c.dim(`${" ".repeat(snippet.gutter.length)} | `) + c.red(snippet.caret) + "\n";
  if (diag.detail && diag.detail !== diag.message) out += `  ${c.dim("=")} ${diag.detail}\n`;
  for (const fix of diag.fixes ?? []) out += `  ${c.dim("=")} ${c.green("help")}: ${fix.title}\n`;
  return out;
}

/** The source line of the range's start, tabs expanded, and a caret line under the range. */
export function sourceSnippet(source: string, diag: Diagnostic): { gutter: string; line: string; caret: string } | undefined {
  const { line, column } = diag.range.start;
  const lines = source.split("\n");
  const raw = lines[line - 1];
  if (raw === undefined) return undefined;
  const chars = [...raw.replace(/\r$/, "")];
  const expand = (cs: string[]) => cs.map((ch) => (ch === "\t" ? "    " : ch)).join("");
  const before = expand(chars.slice(0, column - 1));
  const endCol = diag.range.end.line === line ? diag.range.end.column : chars.length + 1;
  const width = Math.max(1, expand(chars.slice(column - 1, Math.max(column, endCol) - 1)).length);
  return { gutter: String(line), line: expand(chars), caret: " ".repeat(before.length) + "^".repeat(width) };
}
