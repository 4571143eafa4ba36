// Checks the scanner's incremental line/column bookkeeping against positions counted from scratch:
// lines by "\n", columns in code points as JavaScript iterates a string.
import type { SyntaxTree } from "../../src/parser/ast.js";

/** The first token whose line:column disagrees with its offset, as a message; undefined if none. */
export function positionMismatch(text: string, tree: SyntaxTree): string | undefined {
  for (const t of tree.tokens) {
    const before = text.slice(0, t.startOffset);
    const line = before.split("\n").length;
    const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
    if (t.startLine !== line || t.startColumn !== column) {
      return `token ${JSON.stringify(t.image)} at offset ${t.startOffset} is at ${t.startLine}:${t.startColumn}, expected ${line}:${column}`;
    }
  }
  return undefined;
}
