// `--format github`: GitHub Actions workflow commands, one annotation per diagnostic:
// `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message`.
import type { Diagnostic } from "../diagnostics/types.js";
import type { FileReport } from "./report.js";

/** Escaping of workflow command data (the message). */
export const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** Escaping of workflow command properties (file, title, ...). */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function line(path: string, d: Diagnostic): string {
  const kind = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
  const { start, end } = d.range;
  const props = [`file=${escapeProperty(path)}`, `line=${start.line}`, `col=${start.column}`];
  if (end.line >= start.line) props.push(`endLine=${end.line}`, `endColumn=${end.column}`);
  props.push(`title=${escapeProperty(d.code)}`);
  return `::${kind} ${props.join(",")}::${escapeData(d.detail ? `${d.message}\n${d.detail}` : d.message)}`;
}

export function renderGithub(files: FileReport[]): string {
  return files.flatMap((f) => f.diagnostics.map((d) => line(f.path, d) + "\n")).join("");
}
