// Diagnostic helpers for the evaluator: Go HCL summaries as messages, `eval/<kebab-summary>` codes.
import type { Diagnostic, Range, Severity } from "../diagnostics/types.js";

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

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
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
