// hclwrite's formatting algorithm (hashicorp/hcl `hclwrite/format.go`), on FmtTokens.
//
// The token stream is cut into lines (at newlines and line comments); each line has up to three
// cells: `lead`, `assign` (from an `=` that starts a whole expression) and a trailing `comment`.
// Three passes then set only the spaces before tokens: indentation from an indent stack of
// bracket counts, spacing between neighbours by a fixed rule list, and vertical alignment of `=`
// and trailing comments over runs of consecutive lines. See docs/hcl-syntax.md §7.
import { K, bracketChange, isIn, type FmtTokens } from "./tokens.js";

export interface LayoutOptions {
  /** Columns per indentation level (hclwrite: 2). */
  indentWidth: number;
}

/** A line as index ranges into the tokens: lead [s, a), assign [a, c), comment [c, e). */
interface Line {
  s: number;
  a: number;
  c: number;
  e: number;
}

/** Set `spaces` on tokens [from, to) as hclwrite would, treating them as a whole file. */
export function layout(t: FmtTokens, options: LayoutOptions, from = 0, to = t.length): void {
  const lines = splitLines(t, from, to);
  formatIndent(t, lines, options.indentWidth);
  formatSpaces(t, lines);
  alignCells(t, lines);
}

function splitLines(t: FmtTokens, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    if (t.nl[i]) {
      lines.push(cells(t, s, i + 1));
      s = i + 1;
    }
  }
  if (s < to) lines.push(cells(t, s, to));
  return lines;
}

function cells(t: FmtTokens, s: number, e: number): Line {
  let c = e;
  if (e - s > 1 && t.kind[e - 1] === K.Comment) c = e - 1;
  let a = c;
  for (let i = s + 1; i < c; i++) {
    if (t.kind[i] !== K.Equal) continue;
    // Only a whole expression after `=` makes an assign cell (`a = {` opens a multi-line one).
    let net = 0;
    for (let j = i; j < c; j++) net += bracketChange(t.kind[j]!);
    if (net === 0) a = i;
    break;
  }
  return { s, a, c, e };
}

function formatIndent(t: FmtTokens, lines: Line[], width: number): void {
  const indents: number[] = [];
  for (const line of lines) {
    if (line.s === line.e) continue;
    const first = line.s;
    if (t.kind[first] === K.Newline) {
      t.spaces[first] = 0;
      continue;
    }
    let net = 0;
    for (let i = line.s; i < line.a; i++) {
      const kind = t.kind[i]!;
      net += bracketChange(kind);
      if (kind === K.OHeredoc) break;
    }
    for (let i = line.a; i < line.c; i++) net += bracketChange(t.kind[i]!);
    if (net > 0) {
      t.spaces[first] = indents.length * width;
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
    t.spaces[first] = indents.length * width;
  }
}

function formatSpaces(t: FmtTokens, lines: Line[]): void {
  for (const line of lines) {
    spaceCell(t, line.s, line.a);
    if (line.a < line.c) {
      t.spaces[line.a] = 1;
      spaceCell(t, line.a, line.c);
    }
  }
}

function spaceCell(t: FmtTokens, from: number, to: number): void {
  for (let i = from; i < to - 1; i++) {
    const before = i > from ? t.kind[i - 1]! : K.EOF;
    t.spaces[i + 1] = spaceAfter(t, i, before, t.kind[i + 1]!) ? 1 : 0;
  }
}

/** hclwrite's `spaceAfterToken` for token `i`; `before` is K.EOF at the start of a cell (Go's TokenNil). */
function spaceAfter(t: FmtTokens, i: number, before: number, after: number): boolean {
  const subject = t.kind[i]!;
  if (after === K.Newline || after === K.EOF) return false;
  if (subject === K.Ident && after === K.OParen) return false;
  if (subject === K.Dot || after === K.Dot) return false;
  if (after === K.Comma || after === K.Ellipsis) return false;
  if (subject === K.Comma) return true;
  if (subject === K.Text || subject === K.OQuote || subject === K.OHeredoc) return false;
  if (after === K.Text || after === K.CQuote || after === K.CHeredoc) return false;
  if (subject === K.Ident && before === K.Ident && isIn(t, i)) return true;
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

function alignCells(t: FmtTokens, lines: Line[]): void {
  // `=` first: moving it also moves the trailing comments.
  alignRuns(t, lines, (l) => l.a < l.c, (l) => columns(t, l.s, l.a), (l) => l.a);
  alignRuns(t, lines, (l) => l.c < l.e, (l) => columns(t, l.s, l.c), (l) => l.c);
}

function alignRuns(t: FmtTokens, lines: Line[], has: (l: Line) => boolean, width: (l: Line) => number, target: (l: Line) => number): void {
  let start = -1;
  let max = 0;
  const close = (end: number): void => {
    for (let i = start; i < end; i++) t.spaces[target(lines[i]!)] = max - width(lines[i]!) + 1;
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
function columns(t: FmtTokens, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += t.spaces[i]! + graphemes(t.text, t.start[i]!, t.end[i]!);
  return n;
}

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string, start: number, end: number): number {
  let n = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return segmentCount(text.slice(start, end));
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a && i + 1 < end) n--; // CRLF is one cluster
  }
  return n;
}

function segmentCount(s: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}
