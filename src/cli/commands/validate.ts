// `caravan job validate [FILES|DIRS|-]...`: the CI lint step. Every file is checked even when
// another one is broken; output as compiler-style text, JSON, SARIF or GitHub annotations.
//
// Exit codes: 0 no errors (warnings allowed unless --strict); 1 errors (or warnings with
// --strict); 2 usage errors or unreadable files.
import { readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { Diagnostic } from "../../diagnostics/types.js";
import type { FileReport } from "../../render/report.js";
import { count } from "../../render/report.js";
import { expandPaths, ioMessage, processIO, type CliIO } from "../io.js";
import { formatDiagnostic } from "../../render/text.js";

export type Format = "text" | "json" | "sarif" | "github";

export interface ValidateCliOptions {
  format?: Format;
  strict?: boolean;
  var?: string[];
  varFile?: string[];
  color?: boolean;
}

export async function runValidate(paths: string[], opts: ValidateCliOptions = {}, io: CliIO = processIO()): Promise<number> {
  const { validateJobText } = await import("../../validate/index.js");
  let ioError = false;
  const varFiles = opts.varFile ?? [];
  for (const vf of varFiles) {
    try {
      statSync(vf);
    } catch (err) {
      io.stderr(`${vf}: error: cannot read var file: ${ioMessage(err)}\n`);
      return 2;
    }
  }
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();
  const check = (path: string, text: string, baseDir: string) => {
    const r = validateJobText(text, { file: path, baseDir, vars: opts.var ?? [], varFiles, env: io.env });
    const diagnostics = r.diagnostics.map((d): Diagnostic => ({ ...d, file: path }));
    reports.push({ path, diagnostics });
    sources.set(path, text);
  };
  const expanded = expandPaths(paths, io);
  if (expanded.failed) ioError = true;
  for (const file of expanded.files) {
    if (file === "-") {
      check("<stdin>", await io.readStdin(), process.cwd());
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      io.stderr(`${file}: error: ${ioMessage(err)}\n`);
      ioError = true;
      continue;
    }
    check(file, text, dirname(file));
  }
  io.stdout(await render(reports, sources, opts.format ?? "text", opts.color ?? io.isTTY));
  const { errors, warnings } = count(reports);
  if (ioError) return 2;
  return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
}

async function render(reports: FileReport[], sources: Map<string, string>, format: Format, color: boolean): Promise<string> {
  switch (format) {
    case "json":
      return (await import("../../render/json.js")).renderJson(reports);
    case "sarif":
      return (await import("../../render/sarif.js")).renderSarif(reports);
    case "github":
      return (await import("../../render/github.js")).renderGithub(reports);
    default:
      return renderText(reports, sources, color);
  }
}

function renderText(reports: FileReport[], sources: Map<string, string>, color: boolean): string {
  let out = "";
  for (const r of reports) for (const d of r.diagnostics) out += formatDiagnostic(d, sources.get(r.path) ?? "", { file: r.path, color });
  const { errors, warnings } = count(reports);
  const bad = reports.filter((r) => r.diagnostics.some((d) => d.severity === "error")).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  out += `${plural(reports.length, "file")} checked: ${plural(errors, "error")}, ${plural(warnings, "warning")}${bad ? ` (${plural(bad, "invalid file")})` : ""}\n`;
  return out;
}
