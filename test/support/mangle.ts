// Deterministic whitespace-mangled variants of HCL files, for the formatter's oracle goldens.
//
// Each variant changes only spaces and tabs between tokens and at line starts (never newlines,
// comments, string or heredoc text, nor the whitespace at the very end of the file), so a correct
// formatter must give the same output as for the original file. The golden generator checks
// that hclwrite agrees on each variant before it keeps it.
import { C, classify } from "./regions.js";
import { prng, seedOf } from "./mutate.js";

export type MangleKind = "reindent" | "squeeze" | "spread" | "tabs";
export const MANGLE_KINDS: readonly MangleKind[] = ["reindent", "squeeze", "spread", "tabs"];

/** Characters that may glue to a neighbour into another token (`= =`, `/ /`, `< <`, `a -b`...). */
const OPERATOR = "=!<>&|:./*-+%~?";
const WORD = /[\p{L}\p{N}_-]/u;
/** Places where an extra space may be inserted between two code characters. */
const PUNCT = "()[]{},=:?";

function mayJoin(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (WORD.test(a) && WORD.test(b)) return false;
  if (OPERATOR.includes(a) && OPERATOR.includes(b)) return false;
  if ((a === "-" && WORD.test(b)) || (WORD.test(a) && b === "-")) return false;
  return true;
}

/** A whitespace-mangled version of `text`; `file` seeds the PRNG so each file gets its own mix. */
export function mangle(text: string, kind: MangleKind, file = ""): string {
  const cls = classify(text);
  const rand = prng(seedOf(`${file}:${kind}`));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // trailing whitespace at end of file is kept by hclwrite: leave it alone
  let eofWs = text.length;
  while (eofWs > 0 && cls[eofWs - 1] === C.Space) eofWs--;

  let out = "";
  let i = 0;
  while (i < text.length) {
    if (cls[i] === C.Space && i < eofWs) {
      let end = i;
      while (end < text.length && cls[end] === C.Space) end++;
      const run = text.slice(i, end);
      const atLineStart = i === 0 || text[i - 1] === "\n";
      out += atLineStart ? indent(run, kind, pick) : inline(run, kind, pick, mayJoin(text[i - 1], text[end]));
      i = end;
      continue;
    }
    out += text[i];
    // spread: sometimes add a space between two code characters next to punctuation
    if (
      kind === "spread" && cls[i] === C.Code && cls[i + 1] === C.Code && i + 1 < text.length &&
      (PUNCT.includes(text[i]!) || PUNCT.includes(text[i + 1]!)) &&
      !(OPERATOR.includes(text[i]!) && OPERATOR.includes(text[i + 1]!)) &&
      text[i] !== "\n" && text[i + 1] !== "\n" && text[i + 1] !== "\r" && rand() < 0.5
    ) {
      out += pick([" ", "  ", "\t"]);
    }
    i++;
  }
  return out;
}

function indent(run: string, kind: MangleKind, pick: <T>(xs: readonly T[]) => T): string {
  switch (kind) {
    case "reindent":
      return pick(["", " ", "   ", "\t", "      ", "  \t", "        "]);
    case "squeeze":
      return "";
    case "spread":
      return run + run;
    case "tabs":
      return "\t".repeat(Math.max(1, Math.round(run.length / 2)));
  }
}

function inline(run: string, kind: MangleKind, pick: <T>(xs: readonly T[]) => T, removable: boolean): string {
  switch (kind) {
    case "reindent":
      return pick([" ", run, "  ", "    "]);
    case "squeeze":
      return removable ? "" : " ";
    case "spread":
      return pick([run + run, "   ", "\t ", "  \t"]);
    case "tabs":
      return "\t";
  }
}
