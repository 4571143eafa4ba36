// Diagnostic helpers for the evaluator: Go HCL summaries as messages, `eval/<kebab-summary>` codes.
import type { Diagnostic, Range, Severity } from "../diagnostics/types.js";
import { editDistance } from "../diagnostics/didyoumean.js";

export function codeFor(summary: string): string {
  return (
    "eval/" +
    summary
      .replace(/"[^"]*"/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
  );
}

export function evalDiag(summary: string, detail: string | undefined, range: Range, severity: Severity = "error"): Diagnostic {
  const d: Diagnostic = { severity, code: codeFor(summary), message: summary, range };
  if (detail !== undefined) d.detail = detail;
  return d;
}

/** HCL's nameSuggestion: the first candidate within edit distance 2 (case-insensitive), else undefined. */
export function suggest(given: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = 3;
  for (const c of candidates) {
    const d = editDistance(given.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

export const didYouMean = (s: string | undefined): string => (s ? ` Did you mean "${s}"?` : "");
