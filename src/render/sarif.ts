// `--format sarif`: SARIF 2.1.0 (one run, one rule per diagnostic code), for code-scanning UIs.
import type { Diagnostic, Severity } from "../diagnostics/types.js";
import type { FileReport } from "./report.js";

const LEVEL: Record<Severity, string> = { error: "error", warning: "warning", info: "note", hint: "note" };

function uri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join("/").replace(/^\.\//, "");
}

function region(d: Diagnostic) {
  const { start, end } = d.range;
  const r: Record<string, number> = { startLine: start.line, startColumn: start.column };
  if (end.line > start.line || end.column > start.column) Object.assign(r, { endLine: end.line, endColumn: end.column });
  return r;
}

export function renderSarif(files: FileReport[], version = "0.1.0"): string {
  const codes = [...new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)))].sort();
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: codes.indexOf(d.code),
      level: LEVEL[d.severity],
      message: { text: d.detail ? `${d.message}\n${d.detail}` : d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) }, region: region(d) } }],
      ...(d.fixes?.length
        ? {
            fixes: d.fixes.map((fx) => ({
              description: { text: fx.title },
              artifactChanges: [{ artifactLocation: { uri: uri(f.path) }, replacements: fx.edits.map((e) => ({ deletedRegion: region({ ...d, range: e.range }), insertedContent: { text: e.newText } })) }],
            })),
          }
        : {}),
    })),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "caravan",
            version,
            informationUri: "https://github.com/caravan-hcl/caravan",
            rules: codes.map((id) => ({ id, name: id.replace(/[/-](.)/g, (_, c: string) => c.toUpperCase()), shortDescription: { text: `caravan check ${id}` } })),
          },
        },
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
