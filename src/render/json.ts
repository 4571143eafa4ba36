// `--format json`: a stable, documented shape (version 1). Fields are only ever added.
//
// {
//   "version": 1,
//   "valid": boolean,                       // no errors in any file
//   "summary": { "files": n, "errors": n, "warnings": n },
//   "files": [{
//     "path": string, "valid": boolean, "errors": n, "warnings": n,
//     "diagnostics": [{
//       "severity": "error" | "warning" | "info" | "hint",
//       "code": string,                     // e.g. "structure/unknown-attribute"
//       "message": string, "detail"?: string,
//       "range": { "start": {line, column, offset}, "end": {line, column, offset} },  // 1-based line/column
//       "fixes"?: [{ "title": string, "edits": [{ "range": ..., "newText": string }] }],
//       "related"?: [{ "message": string, "range": ... }]
//     }]
//   }]
// }
import type { Diagnostic } from "../diagnostics/types.js";
import { count, type FileReport } from "./report.js";

export const JSON_REPORT_VERSION = 1;

function diag(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = { severity: d.severity, code: d.code, message: d.message };
  if (d.detail) out.detail = d.detail;
  out.range = d.range;
  if (d.fixes?.length) out.fixes = d.fixes;
  if (d.related?.length) out.related = d.related;
  return out;
}

export function renderJson(files: FileReport[]): string {
  const total = count(files);
  const report = {
    version: JSON_REPORT_VERSION,
    valid: total.errors === 0,
    summary: { files: files.length, ...total },
    files: files.map((f) => {
      const c = count([f]);
      return { path: f.path, valid: c.errors === 0, ...c, diagnostics: f.diagnostics.map(diag) };
    }),
  };
  return JSON.stringify(report, null, 2) + "\n";
}
