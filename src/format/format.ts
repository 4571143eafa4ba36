// format(text) → { text, edits, diagnostics }: the canonical HCL layout (hclwrite's, as `nomad fmt`).
//
// Pure: used by `caravan fmt`, the Prettier plugin and (for whole-document and range formatting)
// the language server. Only whitespace between tokens changes. In a text with syntax errors the
// top-level items that overlap an error are left as written and the errors are returned: callers
// that rewrite files (`caravan fmt`, Prettier) refuse such texts, like `nomad fmt` does.
import type { Diagnostic, Pos, TextEdit } from "../diagnostics/types.js";
import type { SyntaxTree } from "../parser/ast.js";
import { parse } from "../parser/parse.js";
import { layout } from "./layout.js";
import { errorRegions, mergeRegions, type Region } from "./regions.js";
import { toFmtTokens, type FmtTokens } from "./tokens.js";

export interface FormatOptions {
  /** Columns per indentation level; hclwrite uses 2. */
  indentWidth?: number;
  /** Indent with one tab per level instead of spaces (alignment still uses spaces). */
  useTabs?: boolean;
  /** Only change whitespace inside this half-open offset range (LSP range formatting). */
  range?: { start: number; end: number };
  /** Offset ranges (end inclusive) whose whitespace is kept as written (e.g. items marked `// prettier-ignore`). */
  preserve?: readonly Region[];
}

export interface FormatResult {
  /** The formatted text (around syntax errors, the input as written). */
  text: string;
  /** Replacements of whitespace runs, in source order, that turn the input into `text`. */
  edits: TextEdit[];
  /** Syntax errors (their top-level items were left unformatted); empty when the whole text was formatted. */
  diagnostics: Diagnostic[];
  /** Whether `text` differs from the input. */
  changed: boolean;
}

export function format(text: string, options: FormatOptions = {}): FormatResult {
  const { tree, diagnostics } = parse(text);
  return formatTree(tree, diagnostics, options);
}

/** Format from an existing parse (the language server keeps one per document). */
export function formatTree(tree: SyntaxTree, diagnostics: readonly Diagnostic[], options: FormatOptions = {}): FormatResult {
  const text = tree.text;
  const errors = diagnostics.filter((d) => d.severity === "error");
  const width = options.indentWidth ?? 2;
  const fmt = toFmtTokens(tree);
  const broken = errors.length > 0 ? errorRegions(tree, errors) : [];
  if (broken.length === 0) layout(fmt, { indentWidth: width });
  else layoutAround(fmt, broken, width);

  // Replacements as parallel lists (cheap even with a million of them); TextEdits only on demand.
  const starts: number[] = [];
  const ends: number[] = [];
  const texts: string[] = [];
  const { start: from, end: to } = options.range ?? { start: 0, end: text.length };
  const add = (gapStart: number, start: number, gap: string): void => {
    const old = start - gapStart;
    if (old === gap.length && (old === 0 || text.startsWith(gap, gapStart))) return;
    if (gapStart < from || start > to) return;
    starts.push(gapStart);
    ends.push(start);
    texts.push(gap);
  };
  const preserve = mergeRegions([...broken, ...(options.preserve ?? [])]);
  let p = 0;
  let lineStart = true;
  for (let i = 0; i < fmt.length; i++) {
    const n = fmt.spaces[i]!;
    const start = fmt.start[i]!;
    const gapStart = fmt.gapStart[i]!;
    const gap = lineStart && options.useTabs && n > 0 ? indentTabs(n, width) : spaces(n);
    lineStart = fmt.nl[i] === 1;
    while (p < preserve.length && preserve[p]!.end < start) p++;
    if (p < preserve.length && gapStart >= preserve[p]!.start) continue;
    add(gapStart, start, gap);
  }
  // hclwrite keeps the width of the whitespace at the very end, as spaces
  const last = preserve[preserve.length - 1];
  const eof = fmt.eofGapStart;
  if (!last || last.end < eof) add(eof, text.length, spaces(text.length - eof));
  if (starts.length === 0) return { text, edits: [], diagnostics: errors, changed: false };

  const out: string[] = [];
  let at = 0;
  for (let k = 0; k < starts.length; k++) {
    out.push(text.slice(at, starts[k]), texts[k]!);
    at = ends[k]!;
  }
  out.push(text.slice(at));
  const result = out.join("");
  let edits: TextEdit[] | undefined;
  return {
    text: result,
    get edits(): TextEdit[] {
      return (edits ??= toTextEdits(text, starts, ends, texts));
    },
    diagnostics: errors,
    changed: result !== text,
  };
}

function toTextEdits(text: string, starts: number[], ends: number[], texts: string[]): TextEdit[] {
  const positions = new PositionFinder(text);
  return starts.map((s, k) => ({ range: { start: positions.at(s), end: positions.at(ends[k]!) }, newText: texts[k]! }));
}

/** Lay out each stretch of tokens between broken regions on its own (their brackets may not balance). */
function layoutAround(t: FmtTokens, broken: readonly Region[], width: number): void {
  let r = 0;
  let from = 0;
  for (let i = 0; i <= t.length; i++) {
    const atEnd = i === t.length;
    const start = atEnd ? 0 : t.start[i]!;
    while (!atEnd && r < broken.length && broken[r]!.end < start) r++;
    const inside = !atEnd && r < broken.length && start >= broken[r]!.start;
    if (inside || atEnd) {
      if (i > from) layout(t, { indentWidth: width }, from, i);
      from = i + 1;
    }
  }
}

const SPACES: string[] = [];
function spaces(n: number): string {
  return n < 64 ? (SPACES[n] ??= " ".repeat(n)) : " ".repeat(n);
}

/** Tabs for an indentation of `spaces` columns (any remainder stays spaces). */
function indentTabs(spaces: number, width: number): string {
  const tabs = Math.floor(spaces / width);
  return "\t".repeat(tabs) + " ".repeat(spaces - tabs * width);
}

/** Line/column of offsets queried in increasing order (columns in code points). */
class PositionFinder {
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  at(offset: number): Pos {
    let nl = this.text.indexOf("\n", this.lineStart);
    while (nl >= 0 && nl < offset) {
      this.line++;
      this.lineStart = nl + 1;
      nl = this.text.indexOf("\n", this.lineStart);
    }
    let column = 1;
    for (let i = this.lineStart; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    return { offset, line: this.line, column };
  }
}
