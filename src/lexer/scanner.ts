// The HCL native-syntax scanner: text → every token, trivia included, in source order.
//
// The token types are chevrotain's (see tokens.ts) and the parser is a chevrotain parser, but the
// scanning itself is a hand-written modal state machine, like HashiCorp's ragel scanner: heredocs
// end at a line that matches the marker of *their* opener, and `}` ends an interpolation only at
// the brace depth where it opened. Both need state that chevrotain's regex-per-mode lexer cannot
// carry. Scanning never throws; problems become diagnostics and `Invalid` tokens.
import type { TokenType } from "chevrotain";
import type { Diagnostic, Pos, Range } from "../diagnostics/types.js";
import * as T from "./tokens.js";
import type { Token } from "./tokens.js";

export interface ScanResult {
  /** Every token as an object; built on first access. */
  tokens: Token[];
  /** The packed token data (the parser reads it directly). */
  store: TokenStore;
  diagnostics: Diagnostic[];
}

type Mode =
  | { kind: "main"; depth: number; template: boolean; opener?: number }
  | { kind: "quoted" }
  | { kind: "heredoc"; marker: string; lineStart: boolean };

const IDENT_START = /[\p{ID_Start}_]/u;
const IDENT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const NUMBER = /[0-9](?:[0-9]|\.(?=[0-9])|[eE][+-]?(?=[0-9]))*/y;
const HEREDOC_OPEN = /<<(-?)([\p{ID_Start}_][\p{ID_Continue}-]*)(\r?\n)/uy;

/** Operators of one character that no longer operator starts with. */
const SINGLE_CHAR = new Map<number, TokenType>([
  [43, T.Plus], [45, T.Minus], [42, T.Star], [37, T.Percent], [63, T.Question], [44, T.Comma],
  [40, T.LParen], [41, T.RParen], [91, T.LBracket], [93, T.RBracket],
]);

const isAsciiIdentStart = (k: number): boolean => (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95;
const isAsciiIdentPart = (k: number): boolean => (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95 || k === 45;

export function scan(text: string): ScanResult {
  return new Scanner(text).run();
}

/**
 * A ScanResult whose `tokens` are made on first use. A class, not an object literal with a getter:
 * such a literal gets a map of its own that points at its closure, and that kept every scan's
 * tokens alive through the young-generation collections.
 */
class Scanned implements ScanResult {
  constructor(
    readonly store: TokenStore,
    readonly diagnostics: Diagnostic[],
  ) {}

  get tokens(): Token[] {
    return this.store.tokens();
  }
}

class Scanner {
  private readonly store: TokenStore;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly modes: Mode[] = [{ kind: "main", depth: 0, template: false }];
  /** The innermost mode: the top of `modes`. */
  private mode: Mode = this.modes[0]!;

  private enter(mode: Mode): void {
    this.modes.push(mode);
    this.mode = mode;
  }

  private leave(): void {
    this.modes.pop();
    this.mode = this.modes[this.modes.length - 1]!;
  }
  private offset = 0;
  private line = 1;
  private column = 1;

  /** Only a text with astral characters needs code-point counting for columns. */
  private readonly astral: boolean;

  constructor(private readonly text: string) {
    this.astral = /[\uD800-\uDFFF]/.test(text);
    if (text.length < BIG_TEXT) {
      this.data = slabs.data;
      this.base = slabs.used;
    } else {
      // Job files have about one token (4 numbers) per 3 characters: room for one per 2 characters
      // is rarely outgrown (it grows if it is).
      this.data = new Int32Array(text.length * 2 + 8);
      this.base = 0;
    }
    this.store = new TokenStore(text);
    // A leading byte-order mark is skipped by Go hcl; keep it as trivia so the tree stays lossless.
    if (text.charCodeAt(0) === 0xfeff) this.emit(T.Whitespace, 1);
  }

  run(): ScanResult {
    const length = this.text.length;
    while (this.offset < length) {
      const mode = this.mode;
      if (mode.kind === "main") this.scanMain(mode);
      else if (mode.kind === "quoted") this.scanQuoted();
      else this.scanHeredoc(mode);
    }
    this.finish();
    const store = this.store;
    const n = this.record(T.Invalid); // the end entry: only its position is read
    store.count = n;
    const end = this.base + (n + 1) * 4;
    if (this.data === slabs.data) slabs.used = end;
    store.data = this.base === 0 && end === this.data.length ? this.data : this.data.subarray(this.base, end);
    return new Scanned(store, this.diagnostics);
  }

  // ------------------------------------------------------------------ main (expression) mode

  private scanMain(mode: Extract<Mode, { kind: "main" }>): void {
    const text = this.text;
    const at = this.offset;
    const c = text.charCodeAt(at);
    // Identifiers and whitespace are most tokens: ASCII fast paths first.
    if (isAsciiIdentStart(c)) {
      let i = at + 1;
      while (i < text.length && isAsciiIdentPart(text.charCodeAt(i))) i++;
      // a non-ASCII identifier character continues it: let the Unicode pattern finish the job
      if (i >= text.length || text.charCodeAt(i) < 128) return this.emitAscii(T.Identifier, i - at);
    } else if (c === 32 || c === 9) {
      let i = at + 1;
      while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      return this.emitAscii(T.Whitespace, i - at);
    } else if (c >= 48 && c <= 57) {
      NUMBER.lastIndex = at;
      NUMBER.test(text); // test, not exec: no match array to throw away
      return this.emitAscii(T.NumberLit, NUMBER.lastIndex - at);
    }
    const next = text.charCodeAt(at + 1);
    switch (c) {
      case 10: // \n
        return this.emit(T.Newline, 1);
      case 13: // \r
        if (next === 10) return this.emit(T.Newline, 2);
        return this.invalid(1, "Invalid character", "Carriage return characters are only allowed before a newline.");
      case 35: // #
        return this.emit(T.LineComment, this.lineEnd(at) - at);
      case 47: // /
        if (next === 47) return this.emit(T.LineComment, this.lineEnd(at) - at);
        if (next === 42) return this.blockComment();
        return this.emitAscii(T.Slash, 1);
      case 34: // "
        this.emitAscii(T.OpenQuote, 1);
        this.enter({ kind: "quoted" });
        return;
      case 123: // {
        mode.depth++;
        return this.emitAscii(T.LBrace, 1);
      case 125: // }
        if (mode.depth === 0 && mode.template) {
          this.emitAscii(T.TemplateSeqEnd, 1);
          this.leave();
          return;
        }
        if (mode.depth > 0) mode.depth--;
        return this.emitAscii(T.RBrace, 1);
      case 126: // ~
        if (next === 125 && mode.depth === 0 && mode.template) {
          this.emitAscii(T.TemplateSeqEnd, 2);
          this.leave();
          return;
        }
        break;
      case 60: // <
        if (next === 60) {
          HEREDOC_OPEN.lastIndex = at;
          const m = HEREDOC_OPEN.exec(text);
          if (m) {
            this.emit(T.HeredocOpen, m[0].length);
            this.enter({ kind: "heredoc", marker: m[2]!, lineStart: true });
            return;
          }
        }
        return next === 61 ? this.emitAscii(T.LessEqual, 2) : this.emitAscii(T.Less, 1);
      case 62: // >
        return next === 61 ? this.emitAscii(T.GreaterEqual, 2) : this.emitAscii(T.Greater, 1);
      case 61: // =
        return next === 61 ? this.emitAscii(T.EqualEqual, 2) : next === 62 ? this.emitAscii(T.FatArrow, 2) : this.emitAscii(T.Equals, 1);
      case 33: // !
        return next === 61 ? this.emitAscii(T.NotEqual, 2) : this.emitAscii(T.Bang, 1);
      case 46: // .
        return next === 46 && text.charCodeAt(at + 2) === 46 ? this.emitAscii(T.Ellipsis, 3) : this.emitAscii(T.Dot, 1);
      case 58: // :
        return next === 58 ? this.emitAscii(T.DoubleColon, 2) : this.emitAscii(T.Colon, 1);
      case 38: // &
      case 124: // |
        if (next === c) return this.emitAscii(c === 38 ? T.And : T.Or, 2);
        this.emitAscii(T.BitwiseOp, 1);
        return this.error(at, at + 1, "Unsupported operator", `Bitwise operators are not supported. Did you mean boolean ${c === 38 ? 'AND ("&&")' : 'OR ("||")'}?`);
      case 94: // ^
        this.emitAscii(T.BitwiseOp, 1);
        return this.error(at, at + 1, "Unsupported operator", "Bitwise operators are not supported.");
    }
    const single = SINGLE_CHAR.get(c);
    if (single) return this.emitAscii(single, 1);
    const cp = text.codePointAt(at)!;
    const ch = String.fromCodePoint(cp);
    if (IDENT_START.test(ch)) {
      IDENT.lastIndex = at;
      IDENT.test(text);
      return this.emit(T.Identifier, IDENT.lastIndex - at);
    }
    this.invalid(ch.length, "Invalid character", invalidCharacterDetail(ch));
  }

  private blockComment(): void {
    const end = this.text.indexOf("*/", this.offset + 2);
    if (end < 0) {
      const at = this.offset;
      this.emit(T.Invalid, this.text.length - at);
      this.error(at, at + 2, "Unterminated comment", "There is no closing marker for this comment; the rest of the file is inside it.");
      return;
    }
    this.emit(T.BlockComment, end + 2 - this.offset);
  }

  // ------------------------------------------------------------------ template modes

  /** Inside `"...`: literal text, escapes, `${`/`%{`, up to the closing quote. */
  private scanQuoted(): void {
    const text = this.text;
    const at = this.offset;
    const c = text[at];
    if (c === '"') {
      this.emitAscii(T.CloseQuote, 1);
      this.leave();
      return;
    }
    if (this.templateSequence(at)) return;
    if (c === "\n" || (c === "\r" && text[at + 1] === "\n")) {
      // Go hcl keeps scanning the string on the next line; ending it here stops one missing quote
      // from turning the rest of the file inside out.
      this.leave();
      this.error(at, at, "Invalid multi-line string", 'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.');
      return;
    }
    let i = at;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"' || ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) break;
      if (ch === "\\" && text[i + 1] !== "\n" && text[i + 1] !== "\r") {
        i++;
        continue;
      }
      if ((ch === "$" || ch === "%") && text[i + 1] === "{") break;
      if ((ch === "$" || ch === "%") && text[i + 1] === ch && text[i + 2] === "{") i += 2; // `$${` / `%%{` escapes
    }
    if (i > text.length) i = text.length;
    this.emit(T.TemplateText, i - at);
  }

  /** Inside a heredoc: whole lines of text, interpolations, and the closing marker line. */
  private scanHeredoc(mode: Extract<Mode, { kind: "heredoc" }>): void {
    const text = this.text;
    const at = this.offset;
    if (mode.lineStart) {
      const end = this.lineEnd(at);
      if (text.slice(at, end).trim() === mode.marker) {
        this.emit(T.HeredocClose, end - at);
        this.leave();
        return;
      }
    }
    mode.lineStart = false;
    if (this.templateSequence(at)) return;
    let i = at;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\n") {
        i++;
        mode.lineStart = true;
        break;
      }
      if ((ch === "$" || ch === "%") && text[i + 1] === "{") break;
      if ((ch === "$" || ch === "%") && text[i + 1] === ch && text[i + 2] === "{") i += 2;
    }
    if (i > text.length) i = text.length;
    this.emit(T.TemplateText, i - at);
  }

  /** `${`, `${~`, `%{`, `%{~` at `at`: emit and enter expression mode. */
  private templateSequence(at: number): boolean {
    const c = this.text[at];
    if ((c !== "$" && c !== "%") || this.text[at + 1] !== "{") return false;
    const strip = this.text[at + 2] === "~";
    this.emitAscii(c === "$" ? T.TemplateInterp : T.TemplateControl, strip ? 3 : 2);
    this.enter({ kind: "main", depth: 0, template: true, opener: at });
    return true;
  }

  private finish(): void {
    // Unterminated templates: report once, at the outermost open sequence or else the innermost string.
    const seq = this.modes.find((m) => m.kind === "main" && m.template);
    if (seq?.kind === "main") {
      const at = seq.opener!;
      const kind = this.text[at] === "$" ? "interpolation" : "directive";
      this.error(at, at + 2, `Unclosed template ${kind} sequence`, `There is no closing brace for this ${kind} sequence before the end of the file.`);
      return;
    }
    for (let i = this.modes.length - 1; i > 0; i--) {
      const mode = this.modes[i]!;
      if (mode.kind === "quoted" || mode.kind === "heredoc") {
        const end = this.text.length;
        this.error(end, end, "Unterminated template string", mode.kind === "heredoc" ? `There is no line "${mode.marker}" to end this heredoc.` : "The string has no closing quote.");
        return;
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private lineEnd(from: number): number {
    const nl = this.text.indexOf("\n", from);
    if (nl < 0) return this.text.length;
    return this.text[nl - 1] === "\r" && nl - 1 >= from ? nl - 1 : nl;
  }

  private invalid(length: number, summary: string, detail: string): void {
    const at = this.offset;
    this.emit(T.Invalid, length);
    this.error(at, at + length, summary, detail);
  }

  private error(from: number, to: number, summary: string, detail: string): void {
    this.diagnostics.push({
      severity: "error",
      code: `syntax/${summary.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`,
      message: summary,
      detail,
      range: { start: this.posAt(from), end: this.posAt(to) },
    });
  }

  /** Position of an offset at or after the last emitted token's start (scanning is forward-only). */
  private posAt(offset: number): Pos {
    return advancePos(this.text, this.lastLineStart, this.line, 1, offset);
  }

  private lastLineStart = 0;

  /** Append an entry at the current position; returns its index. */
  private record(tokenType: TokenType): number {
    const i = this.count;
    const at = i * 4;
    if (this.base + at + 4 > this.data.length) this.grow();
    const data = this.data;
    const to = this.base + at;
    data[to] = this.offset;
    data[to + 1] = this.line;
    data[to + 2] = this.column;
    data[to + 3] = tokenType.tokenTypeIdx!;
    this.count = i + 1;
    return i;
  }

  private count = 0;
  /** Where the entries go, from `base` on: the free part of the current slab, or a big text's own array. */
  private data: Int32Array;
  private base: number;

  /** Out of room: move the entries so far to a bigger array (a fresh slab, if a slab will do). */
  private grow(): void {
    const used = this.count * 4;
    const bigger = new Int32Array(Math.max(SLAB, used * 2 + 8));
    bigger.set(this.data.subarray(this.base, this.base + used));
    if (this.data === slabs.data && bigger.length === SLAB) {
      slabs.data = bigger;
      slabs.used = 0;
    }
    this.data = bigger;
    this.base = 0;
  }

  /** `emit` for a token of ASCII characters on one line: the column advances by its length. */
  private emitAscii(tokenType: TokenType, length: number): void {
    this.record(tokenType);
    this.offset += length;
    this.column += length;
  }

  private emit(tokenType: TokenType, length: number): void {
    const start = this.offset;
    const end = start + length;
    // advance line/column over the image
    let line = this.line;
    let lineStart = this.lastLineStart;
    if (tokenType === T.Newline) {
      line++;
      lineStart = end;
    } else if (tokenType === T.TemplateText || tokenType === T.HeredocOpen) {
      // a heredoc's opener and lines of text end with their newline; nothing else holds one
      if (this.text.charCodeAt(end - 1) === 10) {
        line++;
        lineStart = end;
      }
    } else if (tokenType === T.BlockComment || tokenType === T.Invalid) {
      for (let nl = this.text.indexOf("\n", start); nl >= 0 && nl < end; nl = this.text.indexOf("\n", nl + 1)) {
        line++;
        lineStart = nl + 1;
      }
    }
    const column =
      line === this.line
        ? this.column + (this.astral ? codePoints(this.text.slice(start, end)) : length)
        : 1 + (this.astral ? codePoints(this.text.slice(lineStart, end)) : end - lineStart);
    this.record(tokenType);
    this.offset = end;
    this.line = line;
    this.column = column;
    this.lastLineStart = lineStart;
  }
}

/** Number of code points in `s` (a surrogate pair counts once). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 1; i < s.length; i++) if (isPairEnd(s, i)) n--;
  return n;
}

/** Whether the code unit at `i` is the second half of a surrogate pair (a lone one counts as a character). */
function isPairEnd(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xdc00 || c > 0xdfff || i === 0) return false;
  const h = s.charCodeAt(i - 1);
  return h >= 0xd800 && h <= 0xdbff;
}

/** The position `to`, counted forward from a known position (offset `from` at `line`:`column`). */
export function advancePos(text: string, from: number, line: number, column: number, to: number): Pos {
  for (let i = from; i < to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      column = 1;
    } else if (!isPairEnd(text, i)) column++; // a surrogate pair counts once
  }
  return { offset: to, line, column };
}

function invalidCharacterDetail(ch: string): string {
  switch (ch) {
    case ";":
      return "Semicolons are not used to separate arguments; put each argument on its own line.";
    case "'":
      return 'Single quotes are not valid. Use double quotes (") to enclose strings.';
    case "`":
      return 'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".';
    case "\u201c":
    case "\u201d":
      return 'Curly quotes are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a "straight quote".';
    default:
      return "This character is not used within the language.";
  }
}

const EMPTY = new Int32Array(4);

/** A text this long gets an array of its own, which becomes its store. */
const BIG_TEXT = 1 << 18;

/**
 * Smaller texts are scanned straight into the free part of a shared slab, and their stores are
 * views of it: allocating an ArrayBuffer per file cost more than scanning a small file. (A live
 * tree keeps its slab alive: a megabyte at most.)
 */
const SLAB = 1 << 18;
const slabs = { data: new Int32Array(SLAB), used: 0 };

/**
 * Every token of a text packed in one Int32Array, four numbers per token: start offset, start line,
 * start column, type (`tokenTypeIdx`). A big file holds a million tokens, and one object each (with
 * its positions) was most of what the garbage collector had to carry. Entry `count` marks the end
 * of the text; a token ends where the next one starts.
 */
export class TokenStore {
  private all?: Token[];
  /** Set by the scanner when it is done: entry i is at `4 * i`. */
  data: Int32Array = EMPTY;
  /** Number of tokens (`data` holds one more entry, the end). */
  count = 0;

  constructor(readonly text: string) {}

  /** Every token as an object. */
  tokens(): Token[] {
    if (this.all) return this.all;
    const all: Token[] = [];
    for (let i = 0; i < this.count; i++) all.push(new StoredToken(this, i));
    return (this.all = all);
  }

  /** Token `i` as an object: a view of its entry (not kept; make it again when needed). */
  token(i: number): Token {
    return new StoredToken(this, i);
  }

  /** The start position of token `i` (of the end of the text for `i === count`). */
  startPos(i: number): Pos {
    const at = i * 4;
    return { offset: this.data[at]!, line: this.data[at + 1]!, column: this.data[at + 2]! };
  }

  /** The range of tokens `first..last` (inclusive): an empty range before `first` when `last < first`. */
  rangeOf(first: number, last: number): Range {
    const start = this.startPos(first);
    return { start, end: last < first ? start : this.startPos(last + 1) };
  }

  /** The position of an offset, counted from the nearest token start at or before it. */
  posAt(offset: number): Pos {
    const data = this.data;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (data[mid * 4]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const at = lo * 4;
    if (this.count === 0 || data[at]! > offset) return advancePos(this.text, 0, 1, 1, offset);
    return advancePos(this.text, data[at]!, data[at + 1]!, data[at + 2]!, offset);
  }
}

/**
 * A token as chevrotain expects it: a view of one entry of a TokenStore. Its type, which the parser
 * asks for again and again, is a field; the rest are getters, and its `image` is cut from the
 * source on demand.
 */
class StoredToken implements Token {
  // `declare`: plain assignments in the constructor, no class-field definitions
  private declare readonly store: TokenStore;
  declare readonly index: number;
  declare readonly tokenType: TokenType;

  constructor(store: TokenStore, index: number) {
    this.store = store;
    this.index = index;
    this.tokenType = T.typeByIdx[store.data[index * 4 + 3]!]!;
  }

  get image(): string {
    const store = this.store;
    const at = this.index * 4;
    return store.text.slice(store.data[at], store.data[at + 4]);
  }

  get tokenTypeIdx(): number {
    return this.store.data[this.index * 4 + 3]!;
  }

  get startOffset(): number {
    return this.store.data[this.index * 4]!;
  }

  get endOffset(): number {
    return this.store.data[this.index * 4 + 4]! - 1;
  }

  get startLine(): number {
    return this.store.data[this.index * 4 + 1]!;
  }

  get startColumn(): number {
    return this.store.data[this.index * 4 + 2]!;
  }

  get endLine(): number {
    return this.store.data[this.index * 4 + 5]!;
  }

  get endColumn(): number {
    return this.store.data[this.index * 4 + 6]! - 1;
  }
}
