// hclwrite's formatting algorithm (hashicorp/hcl `hclwrite/format.go`), on FmtTokens.
//
// The token stream is cut into lines (at newlines and line comments); each line has up to three
// cells: `lead`, `assign` (from an `=` that starts a whole expression) and a trailing `comment`.
// Three passes then set only the spaces before tokens: indentation from an indent stack of
// bracket counts, spacing between neighbours by a fixed rule list, and vertical alignment of `=`
// and trailing comments over runs of consecutive lines. See docs/hcl-syntax.md §7.
import { K, bracketChange, type FmtToken, type Kind } from "./tokens.js";

export interface LayoutOptions {
  /** Columns per indentation level (hclwrite: 2). */
  indentWidth: number;
}

/** A line as index ranges into the token array: lead [s, a), assign [a, c), comment [c, e). */
interface Line {
  s: number;
  a: number;
  c: number;
  e: number;
}

/** Set `spaces` on every token as hclwrite would. */
export function layout(tokens: FmtToken[], options: LayoutOptions): void {
  const lines = splitLines(tokens);
  formatIndent(tokens, lines, options.indentWidth);
  formatSpaces(tokens, lines);
  alignCells(tokens, lines);
}

function splitLines(tokens: FmtToken[]): Line[] {
  const lines: Line[] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.nl) {
      lines.push(cells(tokens, s, i + 1));
      s = i + 1;
    }
  }
  if (s < tokens.length) lines.push(cells(tokens, s, tokens.length));
  return lines;
}

function cells(tokens: FmtToken[], s: number, e: number): Line {
  let c = e;
  if (e - s > 1 && tokens[e - 1]!.kind === K.Comment) c = e - 1;
  let a = c;
  for (let i = s + 1; i < c; i++) {
    if (tokens[i]!.kind !== K.Equal) continue;
    // Only a whole expression after `=` makes an assign cell (`a = {` opens a multi-line one).
    let net = 0;
    for (let j = i; j < c; j++) net += bracketChange(tokens[j]!.kind);
    if (net === 0) a = i;
    break;
  }
  return { s, a, c, e };
}

function formatIndent(tokens: FmtToken[], lines: Line[], width: number): void {
  const indents: number[] = [];
  for (const line of lines) {
    if (line.s === line.e) continue;
    const first = tokens[line.s]!;
    if (first.kind === K.Newline) {
      first.spaces = 0;
      continue;
    }
    let net = 0;
    for (let i = line.s; i < line.a; i++) {
      const kind = tokens[i]!.kind;
      net += bracketChange(kind);
      if (kind === K.OHeredoc) break;
    }
    for (let i = line.a; i < line.c; i++) net += bracketChange(tokens[i]!.kind);
    if (net > 0) {
      first.spaces = indents.length * width;
      indents.push(net);
      continue;
    }
    let closed = -net;
    while (closed > 0 && indents.length > 0) {
      const top = indents[indents.length - 1]!;
      if (closed > top) {
        closed -= top;
        indents.pop();
      } else if (closed < top) {
        indents[indents.length - 1] = top - closed;
        closed = 0;
      } else {
        indents.pop();
        closed = 0;
      }
    }
    first.spaces = indents.length * width;
  }
}

function formatSpaces(tokens: FmtToken[], lines: Line[]): void {
  for (const line of lines) {
    spaceCell(tokens, line.s, line.a);
    if (line.a < line.c) {
      tokens[line.a]!.spaces = 1;
      spaceCell(tokens, line.a, line.c);
    }
  }
}

function spaceCell(tokens: FmtToken[], from: number, to: number): void {
  for (let i = from; i < to - 1; i++) {
    const before = i > from ? tokens[i - 1]!.kind : K.EOF;
    tokens[i + 1]!.spaces = spaceAfter(tokens[i]!, before, tokens[i + 1]!.kind) ? 1 : 0;
  }
}

/** hclwrite's `spaceAfterToken`; `before` is K.EOF at the start of a cell (Go's TokenNil). */
function spaceAfter(subjectTok: FmtToken, before: Kind, after: Kind): boolean {
  const subject = subjectTok.kind;
  if (after === K.Newline || after === K.EOF) return false;
  if (subject === K.Ident && after === K.OParen) return false;
  if (subject === K.Dot || after === K.Dot) return false;
  if (after === K.Comma || after === K.Ellipsis) return false;
  if (subject === K.Comma) return true;
  if (subject === K.Text || subject === K.OQuote || subject === K.OHeredoc) return false;
  if (after === K.Text || after === K.CQuote || after === K.CHeredoc) return false;
  if (subject === K.Ident && subjectTok.image === "in" && before === K.Ident) return true;
  if (after === K.OBrack && (subject === K.Ident || subject === K.Number || bracketChange(subject) < 0)) return false;
  if (subject === K.Bang) return false;
  if (subject === K.Minus) {
    switch (before) {
      case K.EOF:
      case K.OParen:
      case K.OBrace:
      case K.OBrack:
      case K.Equal:
      case K.Comma:
      case K.Minus:
      case K.Bang:
      case K.UnaryContext:
        return false;
      default:
        return true;
    }
  }
  if (subject === K.OBrace || after === K.CBrace) return !(subject === K.OBrace && after === K.CBrace);
  if ((subject === K.TemplateInterp || subject === K.TemplateControl) && after === K.OBrace) return true;
  if (subject === K.CBrace && after === K.TemplateSeqEnd) return true;
  if (subject === K.TemplateSeqEnd && (after === K.TemplateInterp || after === K.TemplateControl)) return false;
  if (bracketChange(subject) > 0) return false;
  if (bracketChange(after) < 0) return false;
  return true;
}

function alignCells(tokens: FmtToken[], lines: Line[]): void {
  // `=` first: moving it also moves the trailing comments.
  alignRuns(lines, (l) => l.a < l.c, (l) => columns(tokens, l.s, l.a), (l) => tokens[l.a]!);
  alignRuns(lines, (l) => l.c < l.e, (l) => columns(tokens, l.s, l.c), (l) => tokens[l.c]!);
}

function alignRuns(lines: Line[], has: (l: Line) => boolean, width: (l: Line) => number, target: (l: Line) => FmtToken): void {
  let start = -1;
  let max = 0;
  const close = (end: number): void => {
    for (let i = start; i < end; i++) target(lines[i]!).spaces = max - width(lines[i]!) + 1;
    start = -1;
    max = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!has(line)) {
      if (start !== -1) close(i);
      continue;
    }
    if (start === -1) start = i;
    max = Math.max(max, width(line));
  }
  if (start !== -1) close(lines.length);
}

/** Display width of tokens [from, to) with their spaces, in grapheme clusters (as hclwrite). */
function columns(tokens: FmtToken[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    n += t.spaces + graphemes(t.image);
  }
  return n;
}

let segmenter: Intl.Segmenter | undefined;
const ASCII = /^[\x00-\x7f]*$/;

function graphemes(s: string): number {
  if (ASCII.test(s)) return s.includes("\r\n") ? s.length - s.split("\r\n").length + 1 : s.length;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}
