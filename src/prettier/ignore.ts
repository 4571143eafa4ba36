// Prettier's `// prettier-ignore` convention for HCL: a comment line `# prettier-ignore` or
// `// prettier-ignore` keeps the next attribute or block (its whole lines) exactly as written.
import * as T from "../lexer/tokens.js";
import { wholeLines, type Region } from "../format/regions.js";
import type { Body, SyntaxTree } from "../parser/ast.js";

const IGNORE = /^(#|\/\/)\s*prettier-ignore\s*$/;

/** Sorted, merged offset ranges of the items marked with a prettier-ignore comment. */
export function ignoredRanges(tree: SyntaxTree): Region[] {
  const { tokens, text } = tree;
  const starts = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.tokenType !== T.LineComment || !IGNORE.test(tok.image.trimEnd())) continue;
    // the next significant token after the comment, on a following line
    let j = i + 1;
    while (j < tokens.length && (tokens[j]!.tokenType === T.Whitespace || tokens[j]!.tokenType === T.Newline)) j++;
    if (j < tokens.length) starts.add(tokens[j]!.startOffset);
  }
  if (starts.size === 0) return [];
  const ranges: Region[] = [];
  const visit = (body: Body): void => {
    for (const item of body.items) {
      if (starts.has(item.range.start.offset)) ranges.push(wholeLines(text, item.range.start.offset, item.range.end.offset));
      else if (item.kind === "Block") visit(item.body);
    }
  };
  visit(tree.body);
  return ranges.sort((a, b) => a.start - b.start);
}
