// Regions the formatter leaves as written: whole lines of the top-level items that overlap a
// syntax error (architecture principle 9), and items marked for Prettier to ignore.
import type { Diagnostic } from "../diagnostics/types.js";
import type { SyntaxTree } from "../parser/ast.js";

/** An offset range; `end` is inclusive (the offset of the newline that ends the last line). */
export interface Region {
  start: number;
  end: number;
}

/** From the start of the line holding `start` to the end of the line holding `end` (before its newline). */
export function wholeLines(text: string, start: number, end: number): Region {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", end);
  let to = nl < 0 ? text.length : nl;
  if (to > from && text[to - 1] === "\r") to--;
  return { start: from, end: Math.max(to, from) };
}

/** Whole-line regions of the top-level items (or, outside any item, the lines) of each error. */
export function errorRegions(tree: SyntaxTree, errors: readonly Diagnostic[]): Region[] {
  const regions: Region[] = [];
  for (const d of errors) {
    let start = d.range.start.offset;
    let end = d.range.end.offset;
    for (const item of tree.body.items) {
      if (item.range.start.offset <= end && item.range.end.offset >= start) {
        start = Math.min(start, item.range.start.offset);
        end = Math.max(end, item.range.end.offset);
      }
    }
    regions.push(wholeLines(tree.text, start, end));
  }
  return mergeRegions(regions);
}

/** Sorted, with overlapping or touching regions merged. */
export function mergeRegions(regions: readonly Region[]): Region[] {
  const sorted = [...regions].sort((a, b) => a.start - b.start);
  const out: Region[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 2) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
