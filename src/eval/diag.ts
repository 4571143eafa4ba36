// Diagnostic helpers for the evaluator: Go HCL summaries as messages, `eval/<kebab-summary>` codes.
import type { Diagnostic, Range, Severity } from "../diagnostics/types.js";
import { editDistance } from "../diagnostics/didyoumean.js";

// Summaries are nearly a fixed set, and the regexes ran for every diagnostic the evaluator made.
// The few that quote a name could grow the memo in a long session, hence the cap.
const codes = new Map<string, string>();

export function codeFor(summary: string): string {
  let code = codes.get(summary);
  if (code === undefined) {
    code =
      "eval/" +
      summary
        .replace(/"[^"]*"/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    if (codes.size < 256) codes.set(summary, code);
  }
  return code;
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
