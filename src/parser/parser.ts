// The HCL native-syntax parser, on chevrotain.
//
// HCL is context sensitive in two ways an LL(k) grammar table cannot express: whether a newline is
// a token depends on the brackets around it (significant in bodies and object constructors,
// ignored inside `()`, `[]`, `${}`, `{for}`), and `for`, `in`, `if`, `true`, ... are keywords only
// in some positions. So the rules decide with explicit look-ahead, in the shape of HashiCorp's own
// recursive-descent parser (which also gives Go-compatible error positions), on chevrotain's
// engine: its token types and look-ahead (`LA`), which we override to read the scanner's packed
// token store and to hide newlines while a bracket that ignores them is open. Errors are thrown
// as HclSyntaxError and caught per body item (see bodyItem()), so the rest of the file still parses.
import { EmbeddedActionsParser, EOF, createTokenInstance, type IToken, type TokenType } from "chevrotain";
import { didYouMean } from "../diagnostics/didyoumean.js";
import type { Diagnostic, Pos, Range } from "../diagnostics/types.js";
import type { TokenStore } from "../lexer/scanner.js";
import * as T from "../lexer/tokens.js";
import type { Token } from "../lexer/tokens.js";
import type * as A from "./ast.js";
import { Interner } from "./interner.js";
import * as N from "./nodes.js";
import { HclSyntaxError, describe, isEOF } from "./errors.js";
import { decodeQuoted, type DecodeProblem } from "./literals.js";
import { buildTemplate, type FlatPart } from "./template.js";

const END = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN) as Token;
const NO_TOKENS: IToken[] = [];
/** The labels of every block without labels (most blocks): one shared, frozen empty list. */
const NO_LABELS = Object.freeze([]) as unknown as A.Label[];

/** Which token types (by `tokenTypeIdx`) the parser never sees. */
const TRIVIA = new Uint8Array(T.typeByIdx.length);
for (const type of [T.Whitespace, T.LineComment, T.BlockComment]) TRIVIA[type.tokenTypeIdx!] = 1;
const NEWLINE = T.Newline.tokenTypeIdx!;
const EOF_TYPE = -1;
/** Texts at least this long have their names interned (see `interning`). */
const INTERN_FROM = 1 << 16;
const [RBRACE, LBRACE, IDENTIFIER, EQUALS, OPEN_QUOTE, CLOSE_QUOTE, TEMPLATE_TEXT, COMMA, QUESTION, MINUS, BANG, DOT, STAR, LBRACKET, LPAREN, NUMBER_LIT, HEREDOC_OPEN, DOUBLE_COLON, RBRACKET, HEREDOC_CLOSE, TEMPLATE_INTERP, TEMPLATE_CONTROL, TEMPLATE_SEQ_END] = [
  T.RBrace, T.LBrace, T.Identifier, T.Equals, T.OpenQuote, T.CloseQuote, T.TemplateText, T.Comma, T.Question, T.Minus, T.Bang, T.Dot, T.Star, T.LBracket, T.LParen, T.NumberLit, T.HeredocOpen, T.DoubleColon, T.RBracket, T.HeredocClose, T.TemplateInterp, T.TemplateControl, T.TemplateSeqEnd,
].map((type) => type.tokenTypeIdx!);
const TILDE = 0x7e;
const BACKSLASH = 0x5c;
/** For text known to hold no backslash escapes: decoding it finds no problem to push here. */
const NO_PROBLEMS = Object.freeze([]) as unknown as DecodeProblem[];
const NUMBER = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** Binary operator token type → precedence level, loosest (`||`) first. */
const BINARY_LEVEL: Array<number | undefined> = [];
for (const [level, types] of [
  [T.Or],
  [T.And],
  [T.EqualEqual, T.NotEqual],
  [T.Less, T.Greater, T.LessEqual, T.GreaterEqual],
  [T.Plus, T.Minus],
  [T.Star, T.Slash, T.Percent],
].entries()) {
  for (const type of types) BINARY_LEVEL[type!.tokenTypeIdx!] = level;
}

const OPENERS = new Set<TokenType>([T.LParen, T.LBracket, T.LBrace, T.TemplateInterp, T.TemplateControl, T.OpenQuote, T.HeredocOpen]);
const CLOSER_OF = new Map<TokenType, TokenType[]>([
  [T.RParen, [T.LParen]],
  [T.RBracket, [T.LBracket]],
  [T.RBrace, [T.LBrace]],
  [T.TemplateSeqEnd, [T.TemplateInterp, T.TemplateControl]],
  [T.CloseQuote, [T.OpenQuote]],
  [T.HeredocClose, [T.HeredocOpen]],
]);

export class HclParser extends EmbeddedActionsParser {
  /** The text and token store of the current parse (for position lookups). */
  private text = "";
  private store!: TokenStore;
  diagnostics: Diagnostic[] = [];
  private steps = 0;
  private budget = Infinity;
  /** While true, newline tokens are invisible to LA/CONSUME. */
  private skipNewlines = false;

  constructor() {
    // The rules are plain methods (see above), so there is no grammar for chevrotain to validate.
    super(T.allTokenTypes, { recoveryEnabled: false, maxLookahead: 3, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** Parse a whole file from its scanned tokens. */
  parseFile(text: string, store: TokenStore): A.Body {
    this.text = text;
    this.store = store;
    this.interning = text.length >= INTERN_FROM;
    this.recent.fill(undefined);
    this.nextFrom = -2;
    this.diagnostics = [];
    this.skipNewlines = false;
    this.steps = 0;
    this.budget = 1000 + store.count * 200;
    this.input = NO_TOKENS; // resets chevrotain's state; the tokens are read from the store
    try {
      return this.configFile();
    } finally {
      // drop what would keep this tree (and its store) alive until the next parse
      this.scratch.length = 0;
      this.scratchTop = 0;
      this.recent.fill(undefined);
    }
  }

  // ------------------------------------------------------------------ look-ahead with newline modes
  //
  // The parser walks the token store itself, by index (`idx`, chevrotain's `currIdx`, is the store
  // index of the last consumed token), skipping trivia and, where hidden, newlines. A token becomes
  // an object only when looked at, and the last few are kept so repeated look-ahead reuses them:
  // no object per token outlives the parse.

  /** The index of the first token after `i` that the parser sees (`store.count` at the end). */
  private nextIndex(i: number): number {
    const data = this.store.data;
    const count = this.store.count;
    const newlines = this.skipNewlines;
    for (i++; i < count; i++) {
      const type = data[i * 4 + 3]!;
      if (!TRIVIA[type] && !(newlines && type === NEWLINE)) break;
    }
    return i;
  }

  /** The index of the last non-trivia token before `i` (-1 if none). */
  private previousIndex(i: number): number {
    const data = this.store.data;
    for (i--; i >= 0; i--) if (!TRIVIA[data[i * 4 + 3]!]) break;
    return i;
  }

  private readonly recent: Array<Token | undefined> = new Array(64).fill(undefined);

  private tokenAt(i: number): Token {
    if (i < 0 || i >= this.store.count) return END;
    const slot = i & 63;
    let t = this.recent[slot];
    if (t === undefined || t.index !== i) this.recent[slot] = t = this.store.token(i);
    return t;
  }

  // The next token is asked for again and again (peek, check, consume) at the same place: its
  // index is kept, and its object made only when a rule wants the token itself.
  private nextFrom = -2;
  private nextSkipping = false;
  private nextIdx = 0;

  /** The store index of LA(1) (`store.count` at the end). */
  private firstIndex(): number {
    // A hang guard: a correct parse looks ahead a bounded number of times per token.
    if (++this.steps > this.budget) throw new Error(`parser made no progress (over ${this.budget} look-aheads)`);
    if (this.idx !== this.nextFrom || this.skipNewlines !== this.nextSkipping) {
      this.nextFrom = this.idx;
      this.nextSkipping = this.skipNewlines;
      this.nextIdx = this.nextIndex(this.idx);
    }
    return this.nextIdx;
  }

  /** The store index of LA(k), k >= 1. */
  private indexAt(k: number): number {
    let i = this.firstIndex();
    for (; k > 1; k--) i = this.nextIndex(i);
    return i;
  }

  /** The type (`tokenTypeIdx`) of LA(k), or EOF_TYPE. */
  private peekType(k = 1): number {
    const i = k === 1 ? this.firstIndex() : this.indexAt(k);
    return i < this.store.count ? this.store.data[i * 4 + 3]! : EOF_TYPE;
  }

  override LA(k: number): IToken {
    return k <= 0 ? this.tokenAt(this.idx) : this.tokenAt(this.indexAt(k));
  }

  override LA_FAST(k: number): IToken {
    return this.LA(k);
  }

  consumeToken(): void {
    this.skip();
  }

  /** Consume the next token, which the caller has checked; its index. */
  private skip(): number {
    return (this.idx = this.firstIndex());
  }

  private readonly interner = new Interner();
  /**
   * Whether to intern texts: for a big file, whose tree lives through many collections, one string
   * per name saves the collector a copy of each; a small file's tree dies young, and hashing its
   * names cost more (a tenth of parsing) than it saved.
   */
  private interning = false;

  /** The source text of token `i`. */
  private image(i: number): string {
    const data = this.store.data;
    return this.interning ? this.interner.get(this.text, data[i * 4]!, data[i * 4 + 4]!) : this.text.slice(data[i * 4], data[i * 4 + 4]);
  }

  /** chevrotain's index of the last consumed token. */
  private get idx(): number {
    return (this as unknown as { currIdx: number }).currIdx;
  }

  private set idx(value: number) {
    (this as unknown as { currIdx: number }).currIdx = value;
  }

  private withNewlines<R>(significant: boolean, fn: () => R): R {
    const saved = this.skipNewlines;
    this.skipNewlines = !significant;
    try {
      return fn();
    } finally {
      this.skipNewlines = saved;
    }
  }

  private peek(k = 1): Token {
    return this.LA(k) as Token;
  }

  private at(type: TokenType, k = 1): boolean {
    return this.peekType(k) === type.tokenTypeIdx;
  }

  private atKeyword(word: string, k = 1): boolean {
    const i = this.indexAt(k);
    return i < this.store.count && this.store.data[i * 4 + 3] === IDENTIFIER && this.image(i) === word;
  }

  /** Consume a token of `type` or throw an error with the given summary and message. */
  private expect(type: TokenType, summary: string, message: (found: Token) => string): Token {
    const next = this.peek();
    if (next.tokenType !== type) throw new HclSyntaxError(summary, message(next), next);
    return this.next();
  }

  /** Consume whatever comes next (the caller has checked it). */
  private next(): Token {
    const tok = this.peek();
    this.consumeToken();
    return tok;
  }

  // ------------------------------------------------------------------ ranges and spans

  private pos(offset: number): Pos {
    return this.store.posAt(offset);
  }

  private startOf(tok: Token): Pos {
    const i = tok.index;
    if (i >= 0 && i <= this.store.count) return this.store.startPos(i);
    return { offset: tok.startOffset, line: tok.startLine!, column: tok.startColumn! };
  }

  private endOf(tok: Token): Pos {
    const i = tok.index + 1;
    if (i >= 0 && i <= this.store.count) return this.store.startPos(i);
    return { offset: tok.endOffset! + 1, line: tok.endLine!, column: tok.endColumn! + 1 };
  }

  private tokRange(tok: Token): Range {
    return { start: this.startOf(tok), end: this.endOf(tok) };
  }

  /** The last token consumed. */
  private prev(): Token {
    return this.LA(0) as Token;
  }

  // ------------------------------------------------------------------ structure

  private configFile = this.RULE("configFile", () =>
    this.ACTION(() => {
      const body = this.body(true);
      return body;
    }),
  );

  private body(top: boolean): A.Body {
    const base = this.listStart();
    // names of the body's attributes, for a big body (a small one is searched on the stack)
    let names: Map<string, A.Attribute> | undefined;
    // After a broken item, lines that cannot start an item are most likely its debris: skip them quietly.
    let recovering = false;
    const firstIndex = this.firstIndex();
    for (;;) {
      const type = this.peekType();
      if (type === EOF_TYPE || (!top && type === RBRACE)) break;
      if (type === NEWLINE) {
        this.skip();
        continue;
      }
      const item = this.bodyItem(recovering);
      recovering = !item;
      if (!item) continue;
      if (item.kind === "Attribute") {
        if (names === undefined && this.scratchTop - base >= 16) names = this.attributeNames(base);
        const first = names ? names.get(item.name) : this.findAttribute(base, item.name);
        if (!first) names?.set(item.name, item);
        else {
          this.diagnostics.push({
            severity: "error",
            code: "syntax/attribute-redefined",
            message: "Attribute redefined",
            detail: `The argument "${item.name}" was already set at ${first.nameRange.start.line}:${first.nameRange.start.column}. Each argument may be set only once.`,
            range: item.nameRange,
            related: [{ message: `"${item.name}" first set here`, range: first.nameRange }],
          });
        }
      }
      this.listPush(item);
    }
    const items = this.listTake<A.BodyItem>(base);
    // The body spans from its first token up to (not including) the closing brace or EOF.
    if (top) return new N.Body(this.store, 0, this.store.count - 1, items);
    const lastIndex = this.firstIndex() - 1;
    return new N.Body(this.store, Math.min(firstIndex, lastIndex + 1), lastIndex, items);
  }

  /** The first attribute named `name` in the list started at `base`. */
  private findAttribute(base: number, name: string): A.Attribute | undefined {
    for (let i = base; i < this.scratchTop; i++) {
      const item = this.scratch[i] as A.BodyItem;
      if (item.kind === "Attribute" && item.name === name) return item;
    }
    return undefined;
  }

  /** The attributes in the list started at `base` by name, the first of each name. */
  private attributeNames(base: number): Map<string, A.Attribute> {
    const names = new Map<string, A.Attribute>();
    for (let i = base; i < this.scratchTop; i++) {
      const item = this.scratch[i] as A.BodyItem;
      if (item.kind === "Attribute" && !names.has(item.name)) names.set(item.name, item);
    }
    return names;
  }

  // Lists being built (body items, labels, list items, arguments) share one stack, a nested list
  // above its parent's items, and each becomes an exact-size array when done: an array grown by
  // push has room for 17 items, and that garbage, for a big file, made the collector run twice
  // as often. `bodyItem` drops what a failed item left on the stack.
  private readonly scratch: unknown[] = [];
  private scratchTop = 0;

  /** Start a list on the stack; the base to pass to listTake. */
  private listStart(): number {
    return this.scratchTop;
  }

  private listPush(item: unknown): void {
    this.scratch[this.scratchTop++] = item;
  }

  /** The list started at `base`, off the stack. */
  private listTake<T>(base: number): T[] {
    const top = this.scratchTop;
    if (top === base) return [];
    const list = this.scratch.slice(base, top) as T[];
    // (entries above the top are overwritten by the next list, or dropped when the parse ends)
    this.scratchTop = base;
    return list;
  }

  /** One attribute or block; on a syntax error, report it, skip the rest of the item, return undefined. */
  private bodyItem(recovering: boolean): A.BodyItem | undefined {
    const before = this.idx;
    const startIdx = this.nextIndex(before);
    const listTop = this.scratchTop;
    try {
      const type = this.peekType();
      if (type === IDENTIFIER) {
        const second = this.peekType(2);
        if (second === EQUALS) return this.attribute();
        if (second === IDENTIFIER || second === OPEN_QUOTE || second === LBRACE) return this.block();
        const t = this.peek();
        const n = this.peek(2);
        const bare = isEOF(n) || n.tokenType === T.Newline;
        throw new HclSyntaxError(
          "Argument or block definition required",
          bare
            ? `expected \`=\` or \`{\` after \`${t.image}\`: an argument needs a value, a block needs a body, on the same line`
            : `expected \`=\` or \`{\` after \`${t.image}\`, found ${describe(n)}`,
          bare ? t : n,
        );
      }
      const t = this.peek();
      if (type === OPEN_QUOTE) {
        throw new HclSyntaxError("Invalid argument name", "argument names must not be quoted", t);
      }
      throw new HclSyntaxError("Argument or block definition required", `expected an argument or block definition, found ${describe(t)}`, t);
    } catch (e) {
      if (!(e instanceof HclSyntaxError)) throw e;
      this.scratchTop = listTop;
      const debris = recovering && this.idx === before;
      if (!debris) this.report(e);
      if (!this.resumeAtLineStart(e.token, startIdx)) this.recoverItem(startIdx);
      return undefined;
    }
  }

  private report(e: HclSyntaxError): void {
    const tok = e.token;
    let range: Range;
    if (isEOF(tok)) {
      const end = this.pos(this.text.length);
      range = { start: end, end };
    } else if (e.atStart) {
      const start = this.startOf(tok);
      range = { start, end: start };
    } else range = { start: this.startOf(tok), end: this.endOf(e.rangeEnd && !isEOF(e.rangeEnd) ? e.rangeEnd : tok) };
    this.diagnostics.push({
      severity: "error",
      code: `syntax/${e.summary.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`,
      message: e.message,
      detail: e.summary,
      range,
    });
  }

  /**
   * An item that ran on into a later line (an unclosed `[` or `(` hides newlines) and failed at
   * the first token of that line: that line most likely starts the next item, so parse on from it.
   */
  private resumeAtLineStart(tok: Token, startIdx: number): boolean {
    const at = tok.index;
    if (isEOF(tok) || at <= startIdx || tok.tokenType !== T.Identifier) return false;
    const before = this.previousIndex(at);
    if (before < 0 || this.store.data[before * 4 + 3] !== NEWLINE) return false;
    this.skipNewlines = false;
    this.idx = before;
    return true;
  }

  /**
   * Skip the rest of a broken body item: up to the first newline after the error that is outside
   * every bracket the item opened. A closer the item did not open belongs to an enclosing block and
   * is left for it, so one broken item never takes its block's `}` with it.
   */
  private recoverItem(startIdx: number): void {
    this.skipNewlines = false;
    const data = this.store.data;
    const errorIdx = Math.max(this.nextIndex(this.idx), startIdx);
    const open: TokenType[] = [];
    let i = startIdx;
    for (; i < this.store.count; i = this.nextIndex(i)) {
      const type = T.typeByIdx[data[i * 4 + 3]!]!;
      if (type === T.Newline && open.length === 0 && i >= errorIdx) break;
      if (OPENERS.has(type)) open.push(type);
      else {
        const openers = CLOSER_OF.get(type);
        if (!openers) continue;
        let k = open.length - 1;
        while (k >= 0 && !openers.includes(open[k]!)) k--;
        if (k < 0) {
          if (i >= errorIdx) break; // not ours: leave it to the enclosing construct
          continue;
        }
        open.length = k;
      }
    }
    // Always make progress: a stray closer at the start of an item (a `}` at top level) is skipped.
    this.idx = i > startIdx ? this.previousIndex(i) : startIdx;
  }

  private attribute(): A.Attribute {
    const name = this.skip();
    const eq = this.skip();
    const expr = this.expression();
    const afterType = this.peekType();
    if (afterType !== EOF_TYPE && afterType !== NEWLINE) {
      const after = this.peek();
      if (afterType === COMMA) {
        throw new HclSyntaxError("Unexpected comma after argument", "unexpected `,` after the argument: put each argument on its own line", after);
      }
      throw new HclSyntaxError(
        "Missing newline after argument",
        `expected a newline after the value of \`${this.image(name)}\`, found ${describe(after)}`,
        after,
      );
    }
    return this.attributeNode(name, eq, expr);
  }

  private attributeNode(name: number, eq: number, expr: A.Expression): A.Attribute {
    return new N.Attribute(this.store, name, expr.lastToken, this.image(name), eq, expr);
  }

  private block(): A.Block {
    const typeIdx = this.skip();
    const typeName = this.image(typeIdx);
    const base = this.listStart();
    for (;;) {
      const type = this.peekType();
      if (type === IDENTIFIER) {
        const t = this.skip();
        this.listPush(new N.Label(this.store, t, t, this.image(t), false));
      } else if (type === OPEN_QUOTE) this.listPush(this.stringLabel());
      else break;
    }
    const labels = this.scratchTop === base ? NO_LABELS : this.listTake<A.Label>(base);
    if (this.peekType() !== LBRACE) {
      const brace = this.peek();
      const what = labels.length ? `the labels of block \`${typeName}\`` : `the block type \`${typeName}\``;
      if (brace.tokenType === T.Equals) {
        throw new HclSyntaxError("Invalid block definition", `expected \`{\` after ${what}; an \`=\` here would make it an argument, which cannot have labels`, brace);
      }
      if (brace.tokenType === T.Newline || isEOF(brace)) {
        throw new HclSyntaxError("Invalid block definition", `expected \`{\` after ${what}, on the same line`, brace);
      }
      throw new HclSyntaxError("Invalid block definition", `expected a label or \`{\` after ${what}, found ${describe(brace)}`, brace);
    }
    const brace = this.skip();
    const firstType = this.peekType();
    let body: A.Body;
    let oneLine = true;
    if (firstType === RBRACE) {
      body = this.emptyBody(this.firstIndex());
    } else if (firstType === NEWLINE) {
      oneLine = false;
      body = this.body(false);
    } else if (firstType === IDENTIFIER && this.peekType(2) === EQUALS) {
      const name = this.skip();
      const eq = this.skip();
      const expr = this.expression();
      const attr = this.attributeNode(name, eq, expr);
      const close = this.peek();
      if (close.tokenType !== T.RBrace) {
        throw new HclSyntaxError(
          "Invalid single-argument block definition",
          close.tokenType === T.Comma
            ? "a single-line block holds one argument: no `,` after it"
            : close.tokenType === T.Newline || isEOF(close)
              ? `a single-line block must be closed with \`}\` on the same line as its argument`
              : `expected \`}\` to close the single-line block \`${typeName}\`, found ${describe(close)}`,
          close,
        );
      }
      body = new N.Body(this.store, attr.firstToken, attr.lastToken, [attr]);
    } else if (firstType === IDENTIFIER) {
      const first = this.peek();
      const e = new HclSyntaxError("Argument definition required", `a single-line block may hold only one argument, \`name = value\`; put nested blocks on their own lines`, first);
      e.rangeEnd = this.peek(2);
      throw e;
    } else {
      const first = this.peek();
      throw new HclSyntaxError("Invalid single-argument block definition", `expected a newline or an argument after \`{\`, found ${describe(first)}`, first);
    }
    if (this.peekType() !== RBRACE) {
      // Only reachable at EOF: body() stops at `}` or EOF.
      this.diagnostics.push({
        severity: "error",
        code: "syntax/unclosed-configuration-block",
        message: `the block \`${typeName}\` has no closing \`}\` before the end of the file`,
        detail: "Unclosed configuration block. This may be caused by incorrect brace nesting elsewhere in this file.",
        range: this.store.rangeOf(brace, brace),
      });
      return new N.Block(this.store, typeIdx, body.lastToken, typeName, labels, brace, -1, body, oneLine);
    }
    const close = this.skip();
    const afterType = this.peekType();
    if (afterType !== EOF_TYPE && afterType !== NEWLINE) {
      const after = this.peek();
      throw new HclSyntaxError("Missing newline after block definition", `expected a newline after the \`}\` that closes \`${typeName}\`, found ${describe(after)}`, after);
    }
    return new N.Block(this.store, typeIdx, close, typeName, labels, brace, close, body, oneLine);
  }

  private emptyBody(close: number): A.Body {
    return new N.Body(this.store, close, close - 1, []);
  }

  /** A quoted block label: a string with no interpolation. */
  private stringLabel(): A.Label {
    const open = this.skip();
    let raw = "";
    let rawStart = -1;
    for (;;) {
      const type = this.peekType();
      if (type === TEMPLATE_TEXT) {
        const t = this.skip();
        raw += this.image(t);
        if (rawStart < 0) rawStart = this.store.data[t * 4]!;
      } else if (type === TEMPLATE_INTERP || type === TEMPLATE_CONTROL) {
        throw new HclSyntaxError("Invalid string literal", "a block label must be a plain string: template sequences (`${`, `%{`) are not allowed here", this.peek());
      } else break;
    }
    if (this.peekType() !== CLOSE_QUOTE) {
      // the scanner has reported the unterminated string
      throw new HclSyntaxError("Unterminated string literal", "the label has no closing `\"`", this.peek(), true);
    }
    const close = this.skip();
    const problems: DecodeProblem[] = [];
    const value = decodeQuoted(raw, problems);
    for (const p of problems) {
      const base = rawStart + p.offset;
      this.diagnostics.push({ severity: "error", code: "syntax/invalid-escape-sequence", message: p.detail, detail: p.message, range: { start: this.pos(base), end: this.pos(base + p.length) } });
    }
    return new N.Label(this.store, open, close, value, true);
  }

  // ------------------------------------------------------------------ expressions

  expression(): A.Expression {
    const cond = this.binary(0);
    if (this.peekType() !== QUESTION) return cond;
    this.skip();
    const trueExpr = this.expression();
    const colon = this.peek();
    if (colon.tokenType !== T.Colon) {
      throw new HclSyntaxError("Missing false expression in conditional", `expected \`:\` and the value to use when the condition is false, found ${describe(colon)}`, colon);
    }
    this.next();
    const falseExpr = this.expression();
    return new N.Conditional(this.store, cond, trueExpr, falseExpr);
  }

  /** Binary operators by precedence climbing: all levels left-associative (hcl-syntax.md §3.1). */
  private binary(minLevel: number): A.Expression {
    let left = this.unary();
    for (;;) {
      const type = this.peekType();
      const level = type === EOF_TYPE ? undefined : BINARY_LEVEL[type];
      if (level === undefined || level < minLevel) return left;
      const op = this.skip();
      const right = this.binary(level + 1);
      left = new N.Binary(this.store, this.image(op) as A.BinaryOperator, op, left, right);
    }
  }

  private unary(): A.Expression {
    const type = this.peekType();
    if (type === MINUS || type === BANG) {
      const op = this.skip();
      const operand = this.unary();
      return new N.Unary(this.store, op, type === MINUS ? "-" : "!", operand);
    }
    return this.postfix(this.term());
  }

  /** `.name`, `[key]`, `.0`, `.*`, `[*]` after a term. */
  private postfix(expr: A.Expression): A.Expression {
    for (;;) {
      const type = this.peekType();
      if (type === DOT) {
        if (this.peekType(2) === STAR) {
          const t = this.next();
          this.skip();
          expr = this.attrSplat(expr, t);
          continue;
        }
        const step = this.dotStep(expr, expr);
        if (!step) return expr;
        expr = step;
        continue;
      }
      if (type === LBRACKET) {
        if (this.peekType(2) === STAR) {
          expr = this.fullSplat(expr);
          continue;
        }
        expr = this.indexStep(expr);
        continue;
      }
      return expr;
    }
  }

  /** `.name` or `.0` applied to `target`; `spanStart` gives the node's start. Returns undefined if no step follows. */
  private dotStep(target: A.Expression, spanStart: Pick<A.NodeBase, "firstToken">): A.Expression | undefined {
    if (this.peekType() !== DOT) return undefined;
    if (this.peekType(2) === IDENTIFIER) {
      this.skip();
      const name = this.skip();
      return new N.GetAttr(this.store, spanStart.firstToken, name, target, this.image(name));
    }
    const n = this.peek(2);
    if (n.tokenType === T.NumberLit) {
      this.next();
      this.next();
      if (!/^[0-9]+$/.test(n.image)) {
        throw new HclSyntaxError("Invalid legacy index syntax", `\`.${n.image}\` is not a valid index: write \`[${n.image.split(".").join("][")}]\` instead`, n);
      }
      const key = new N.Literal(this.store, n.index, Number(n.image), n.image);
      return new N.Index(this.store, spanStart.firstToken, n.index, target, key, true);
    }
    if (n.tokenType === T.Star) {
      throw new HclSyntaxError("Nested splat expression not allowed", "a splat (`.*`) cannot be nested inside another splat", n);
    }
    throw new HclSyntaxError("Invalid attribute name", `expected an attribute name after \`.\`, found ${describe(n)}`, n);
  }

  private indexStep(target: A.Expression, spanStart: Pick<A.NodeBase, "firstToken"> = target): A.Expression {
    return this.withNewlines(false, () => {
      this.next(); // [
      const key = this.expression();
      const close = this.peek();
      if (close.tokenType !== T.RBracket) {
        throw new HclSyntaxError("Missing close bracket on index", `expected \`]\` to close the index, found ${describe(close)}`, close);
      }
      this.next();
      return new N.Index(this.store, spanStart.firstToken, close.index, target, key, false);
    });
  }

  private anonSymbol(at: Token): A.AnonSymbolExpr {
    return new N.AnonSymbol(this.store, at.index);
  }

  private attrSplat(source: A.Expression, dot: Token): A.Expression {
    const sym = this.anonSymbol(dot);
    let each: A.Expression = sym;
    const start = { firstToken: dot.index };
    for (;;) {
      const t = this.peek();
      if (t.tokenType !== T.Dot) break;
      if (this.at(T.Star, 2)) {
        throw new HclSyntaxError("Nested splat expression not allowed", "a splat (`.*`) cannot be nested inside another splat", this.peek(2));
      }
      const step = this.dotStep(each, each === sym ? start : each);
      if (!step) break;
      each = step;
    }
    const last = this.prev();
    return new N.Splat(this.store, source.firstToken, last.index, source, each, false);
  }

  private fullSplat(source: A.Expression): A.Expression {
    const open = this.peek();
    this.withNewlines(false, () => {
      this.next(); // [
      this.next(); // *
      const close = this.peek();
      if (close.tokenType !== T.RBracket) {
        throw new HclSyntaxError("Missing close bracket on splat index", `expected \`]\` after \`[*\`, found ${describe(close)}`, close);
      }
      this.next();
    });
    const sym = this.anonSymbol(open);
    let each: A.Expression = sym;
    const start = { firstToken: open.index };
    for (;;) {
      const t = this.peek();
      if (t.tokenType === T.Dot) {
        if (this.at(T.Star, 2)) {
          this.next();
          this.next();
          each = this.attrSplat(each, t);
          continue;
        }
        each = this.dotStep(each, each === sym ? start : each)!;
        continue;
      }
      if (t.tokenType === T.LBracket) {
        each = this.at(T.Star, 2) ? this.fullSplat(each) : this.indexStep(each, each === sym ? start : each);
        continue;
      }
      break;
    }
    const last = this.prev();
    return new N.Splat(this.store, source.firstToken, last.index, source, each, true);
  }

  private term(): A.Expression {
    switch (this.peekType()) {
      case LPAREN: {
        const t = this.peek();
        return this.withNewlines(false, () => {
          this.next();
          const expr = this.expression();
          const close = this.peek();
          if (close.tokenType !== T.RParen) {
            throw new HclSyntaxError("Unbalanced parentheses", `expected \`)\` to close the \`(\` at ${t.startLine}:${t.startColumn}, found ${describe(close)}`, close);
          }
          this.next();
          return new N.Parens(this.store, t.index, close.index, expr);
        });
      }
      case NUMBER_LIT: {
        const i = this.skip();
        const raw = this.image(i);
        if (!NUMBER.test(raw)) throw new HclSyntaxError("Invalid number literal", `\`${raw}\` is not a valid number`, this.tokenAt(i));
        return new N.Literal(this.store, i, Number(raw), raw);
      }
      case IDENTIFIER: {
        const i = this.skip();
        const next = this.peekType();
        if (next === LPAREN || next === DOUBLE_COLON) return this.functionCall(this.tokenAt(i));
        const name = this.image(i);
        if (name === "true" || name === "false") return new N.Literal(this.store, i, name === "true");
        if (name === "null") return new N.Literal(this.store, i, null);
        return new N.Variable(this.store, i, name);
      }
      case OPEN_QUOTE:
      case HEREDOC_OPEN:
        return this.template();
      case LBRACKET:
        return this.forFollows() ? this.forExpr(false) : this.tuple();
      case LBRACE:
        return this.forFollows() ? this.forExpr(true) : this.object();
      case MINUS:
      case BANG:
        return this.unary();
    }
    const t = this.peek();
    if (isEOF(t)) throw new HclSyntaxError("Missing expression", "expected an expression, but the file ends here", t);
    if (t.tokenType === T.Newline) throw new HclSyntaxError("Invalid expression", "expected an expression before the end of the line", t);
    throw new HclSyntaxError("Invalid expression", `expected the start of an expression, found ${describe(t)}`, t);
  }

  /** At `[` or `{`: whether `for` follows, maybe on the next line (for expressions ignore newlines). */
  private forFollows(): boolean {
    const saved = this.skipNewlines;
    this.skipNewlines = true;
    const found = this.atKeyword("for", 2);
    this.skipNewlines = saved;
    return found;
  }

  private functionCall(nameTok: Token): A.Expression {
    let name = nameTok.image;
    let last = nameTok;
    while (this.at(T.DoubleColon)) {
      this.next();
      const part = this.expect(T.Identifier, "Missing function name", (f) => `expected a function name after \`::\`, found ${describe(f)}`);
      name += "::" + part.image;
      last = part;
    }
    const open = this.expect(T.LParen, "Missing open parenthesis", (f) => `expected \`(\` after the function name \`${name}\`, found ${describe(f)}`);
    return this.withNewlines(false, () => {
      const base = this.listStart();
      let expandFinal = false;
      while (!this.at(T.RParen)) {
        if (isEOF(this.peek())) {
          throw new HclSyntaxError("Unterminated function call", `the call to \`${name}\` has no closing \`)\` before the end of the file`, nameTok);
        }
        this.listPush(this.expression());
        const sep = this.peek();
        if (sep.tokenType === T.Comma) {
          this.next();
          continue;
        }
        if (sep.tokenType === T.Ellipsis) {
          this.next();
          expandFinal = true;
          if (!this.at(T.RParen)) {
            throw new HclSyntaxError("Missing closing parenthesis", `expected \`)\` after \`...\`: only the last argument can be expanded`, this.peek());
          }
          break;
        }
        if (isEOF(sep)) {
          throw new HclSyntaxError("Unterminated function call", `the call to \`${name}\` has no closing \`)\` before the end of the file`, nameTok);
        }
        if (sep.tokenType !== T.RParen) {
          throw new HclSyntaxError("Missing argument separator", `expected \`,\` or \`)\` after an argument of \`${name}\`, found ${describe(sep)}`, sep);
        }
      }
      const close = this.next();
      return new N.FunctionCall(this.store, nameTok.index, close.index, name, last.index, open.index, this.listTake(base), expandFinal);
    });
  }

  private tuple(): A.Expression {
    return this.withNewlines(false, () => {
      const open = this.skip();
      const base = this.listStart();
      while (this.peekType() !== RBRACKET) {
        if (this.peekType() === EOF_TYPE) throw this.unterminatedTuple(open);
        this.listPush(this.expression());
        const sep = this.peekType();
        if (sep === COMMA) {
          this.skip();
          continue;
        }
        if (sep === EOF_TYPE) throw this.unterminatedTuple(open);
        if (sep !== RBRACKET) {
          throw new HclSyntaxError("Missing item separator", `expected \`,\` or \`]\` after a list item, found ${describe(this.peek())}`, this.peek());
        }
      }
      return new N.Tuple(this.store, open, this.skip(), this.listTake(base));
    });
  }

  private unterminatedTuple(open: number): HclSyntaxError {
    return new HclSyntaxError("Unterminated tuple constructor expression", "the list has no closing `]` before the end of the file", this.tokenAt(open));
  }

  private object(): A.Expression {
    // Consume `{` first: a newline before it may be one the enclosing bracket hides.
    const open = this.next();
    return this.withNewlines(true, () => {
      const base = this.listStart();
      for (;;) {
        const t = this.peek();
        if (t.tokenType === T.Newline) {
          this.next();
          continue;
        }
        if (t.tokenType === T.RBrace) break;
        if (isEOF(t)) throw new HclSyntaxError("Unterminated object constructor expression", "the object has no closing `}`", t);
        const key = this.expression();
        const sep = this.peek();
        if (sep.tokenType !== T.Equals && sep.tokenType !== T.Colon) {
          if (sep.tokenType === T.Newline || sep.tokenType === T.Comma || sep.tokenType === T.RBrace) {
            throw new HclSyntaxError("Missing attribute value", "expected `=` and a value after the object key", sep);
          }
          throw new HclSyntaxError("Missing key/value separator", `expected \`=\` or \`:\` after the object key, found ${describe(sep)}`, sep);
        }
        this.next();
        const value = this.expression();
        this.listPush(new N.ObjectItem(this.store, key, sep.tokenType === T.Equals ? "=" : ":", value));
        const after = this.peek();
        if (after.tokenType === T.RBrace) break;
        if (after.tokenType !== T.Comma && after.tokenType !== T.Newline) {
          throw new HclSyntaxError("Missing attribute separator", `expected a newline or \`,\` after the object item, found ${describe(after)}`, after);
        }
        this.next();
      }
      const close = this.next();
      return new N.ObjectCons(this.store, open.index, close.index, this.listTake(base));
    });
  }

  private forExpr(object: boolean): A.Expression {
    return this.withNewlines(false, () => {
      const open = this.next();
      this.next(); // for
      const closer = object ? T.RBrace : T.RBracket;
      const bad = (msg: string, tok: Token): never => {
        throw new HclSyntaxError("Invalid 'for' expression", msg, tok);
      };
      const first = this.peek();
      if (first.tokenType !== T.Identifier) bad(`expected a variable name after \`for\`, found ${describe(first)}`, first);
      this.next();
      let keyVar: string | undefined;
      let valueVar = first.image;
      if (this.at(T.Comma)) {
        this.next();
        const second = this.peek();
        if (second.tokenType !== T.Identifier) bad(`expected a second variable name after \`,\`, found ${describe(second)}`, second);
        this.next();
        keyVar = first.image;
        valueVar = second.image;
      }
      if (!this.atKeyword("in")) bad(`expected \`in\` after the variable name${keyVar ? "s" : ""}, found ${describe(this.peek())}`, this.peek());
      this.next();
      const collection = this.expression();
      if (!this.at(T.Colon)) bad(`expected \`:\` after the collection to iterate over, found ${describe(this.peek())}`, this.peek());
      this.next();
      let keyExpr: A.Expression | undefined;
      let valueExpr = this.expression();
      let grouping = false;
      if (object) {
        if (!this.at(T.FatArrow)) bad(`expected \`=>\` between the key and value of an object \`for\`, found ${describe(this.peek())}`, this.peek());
        this.next();
        keyExpr = valueExpr;
        valueExpr = this.expression();
        if (this.at(T.Ellipsis)) {
          this.next();
          grouping = true;
        }
      } else {
        if (this.at(T.FatArrow)) bad("a key expression (`=>`) is not valid when building a list; use `{ for ... }` to build an object", this.peek());
        if (this.at(T.Ellipsis)) bad("grouping (`...`) is only valid when building an object", this.peek());
      }
      let condExpr: A.Expression | undefined;
      if (this.atKeyword("if")) {
        this.next();
        condExpr = this.expression();
      }
      const close = this.peek();
      if (close.tokenType !== closer) bad(`expected \`${object ? "}" : "]"}\` to close the \`for\` expression, found ${describe(close)}`, close);
      this.next();
      return new N.For(this.store, open.index, close.index, object, keyVar, valueVar, collection, keyExpr, valueExpr, condExpr, grouping);
    });
  }

  // ------------------------------------------------------------------ templates

  private template(): A.TemplateExpr {
    const plain = this.plainString();
    if (plain) return plain;
    if (this.peekType() === OPEN_QUOTE && this.onlyInterpolations(this.firstIndex())) return this.interpolatedString();
    const open = this.next();
    const heredoc = open.tokenType === T.HeredocOpen;
    const endType = heredoc ? HEREDOC_CLOSE : CLOSE_QUOTE;
    const parts: FlatPart[] = [];
    // Template text is newline sensitive in its own way (the scanner splits it); keep newlines visible.
    const close = this.withNewlines(true, () => {
      for (;;) {
        const type = this.peekType();
        if (type === endType) return this.next();
        if (type === TEMPLATE_TEXT) {
          parts.push({ kind: "text", token: this.next() });
          continue;
        }
        if (type === TEMPLATE_INTERP || type === TEMPLATE_CONTROL) {
          parts.push(this.templateSequence());
          continue;
        }
        // Unterminated: the scanner has reported it (newline in a quoted string, or EOF).
        return undefined;
      }
    });
    const last = close ?? this.prev();
    const marker = heredoc ? /^<<-?([^\r\n]+)/.exec(open.image)![1]! : undefined;
    const flush = heredoc && open.image.startsWith("<<-");
    const node = buildTemplate(parts, { heredoc, flush, text: this.text }, this);
    return new N.Template(this.store, open.index, last.index, node, heredoc ? { marker: marker!, flush } : undefined);
  }

  /**
   * The most common template by far, `"text"` with no escapes or sequences, built directly
   * (no flat parts, no decoding pass). Undefined for anything else.
   */
  private plainString(): A.TemplateExpr | undefined {
    if (this.peekType() !== OPEN_QUOTE) return undefined;
    const second = this.peekType(2);
    if (second === CLOSE_QUOTE) return new N.PlainString(this.store, this.skip(), this.skip(), "");
    if (second !== TEMPLATE_TEXT || this.peekType(3) !== CLOSE_QUOTE) return undefined;
    const value = this.image(this.indexAt(2));
    if (value.includes("\\") || value.includes("{")) return undefined;
    const open = this.skip();
    this.skip();
    return new N.PlainString(this.store, open, this.skip(), value);
  }

  /**
   * Whether the quoted template opened at store index `open` is text and `${ }` sequences only,
   * without strip markers or escapes (the most common template after a plain string), so that
   * interpolatedString may build it: a look over its first tokens (a long or broken template is
   * left to the general path, so a file of broken strings is not read to its end once per string).
   */
  private onlyInterpolations(open: number): boolean {
    const data = this.store.data;
    const text = this.text;
    let depth = 0; // templates nested in an interpolation
    let inSequence = false;
    const end = Math.min(this.store.count, open + 512);
    for (let i = open + 1; i < end; i++) {
      const type = data[i * 4 + 3]!;
      if (depth > 0) {
        if (type === CLOSE_QUOTE || type === HEREDOC_CLOSE) depth--;
        else if (type === OPEN_QUOTE || type === HEREDOC_OPEN) depth++;
      } else if (inSequence) {
        if (type === TEMPLATE_SEQ_END) {
          if (text.charCodeAt(data[i * 4]!) === TILDE) return false;
          inSequence = false;
        } else if (type === OPEN_QUOTE || type === HEREDOC_OPEN) depth++;
        else if (type === TEMPLATE_CONTROL) return false;
      } else if (type === TEMPLATE_TEXT) {
        for (let c = data[i * 4]!, stop = data[i * 4 + 4]!; c < stop; c++) if (text.charCodeAt(c) === BACKSLASH) return false;
      } else if (type === TEMPLATE_INTERP) {
        if (text.charCodeAt(data[i * 4 + 4]! - 1) === TILDE) return false;
        inSequence = true;
      } else return type === CLOSE_QUOTE; // anything else: unterminated, or a directive
    }
    return false;
  }

  /**
   * A quoted template of text and `${ }` sequences (see onlyInterpolations), its parts built as
   * they are parsed: what buildTemplate would make of it, without the intermediate pieces.
   */
  private interpolatedString(): A.TemplateExpr {
    const open = this.skip();
    const base = this.listStart();
    const saved = this.skipNewlines;
    try {
      this.skipNewlines = false;
      for (;;) {
        const type = this.peekType();
        if (type === CLOSE_QUOTE) break;
        if (type === TEMPLATE_TEXT) {
          this.listPush(this.templateText());
          continue;
        }
        const start = this.skip(); // `${`
        this.skipNewlines = true;
        const expr = this.interpolationBody();
        this.skipNewlines = false;
        this.listPush(new N.TemplateInterpolation(this.store, start, this.idx, expr, false, false));
      }
      const parts = this.listTake<A.TemplatePart>(base);
      return new N.Template(this.store, open, this.skip(), parts, undefined);
    } finally {
      this.skipNewlines = saved;
    }
  }

  /** A run of quoted text tokens without escapes (`$${` and `%%{` aside) as one literal. */
  private templateText(): A.TemplateLiteralPart {
    const first = this.firstIndex();
    let value = "";
    let last = first;
    while (this.peekType() === TEMPLATE_TEXT) {
      last = this.skip();
      value += decodeQuoted(this.image(last), NO_PROBLEMS);
    }
    return new N.TemplateLiteral(this.store, first, last, value);
  }

  /** After `${`: the expression and the `}` that ends it (consumed). */
  private interpolationBody(): A.Expression {
    if (this.peekType() === TEMPLATE_SEQ_END) throw new HclSyntaxError("Invalid expression", "expected an expression inside `${ }`", this.peek());
    const expr = this.expression();
    if (this.peekType() !== TEMPLATE_SEQ_END) throw this.unendedSequence("interpolation");
    this.skip();
    return expr;
  }

  /** The error for a template sequence not ended by `}`. */
  private unendedSequence(what: string): HclSyntaxError {
    const c = this.peek();
    return new HclSyntaxError(
      what === "interpolation" ? "Extra characters after interpolation expression" : `Extra characters in ${what} marker`,
      what === "interpolation"
        ? `expected \`}\` to end the interpolation, found ${describe(c)}${isEOF(c) || c.tokenType === T.CloseQuote ? "" : "; to write a literal `${`, escape it as `$${`"}`
        : `expected \`}\` to end the \`${what}\` directive, found ${describe(c)}`,
      c,
    );
  }

  /** `${ expr }` or `%{ keyword ... }`, flat; nesting of directives is built by buildTemplate. */
  private templateSequence(): FlatPart {
    const open = this.next();
    const stripLeft = open.image.endsWith("~");
    return this.withNewlines(false, () => {
      const closeSeq = (what: string): Token => {
        if (this.peekType() !== TEMPLATE_SEQ_END) throw this.unendedSequence(what);
        return this.next();
      };
      if (open.tokenType === T.TemplateInterp) {
        const expr = this.interpolationBody();
        const close = this.prev();
        return { kind: "interp", open, close, expr, stripLeft, stripRight: close.image.startsWith("~") };
      }
      const kw = this.peek();
      if (kw.tokenType !== T.Identifier) {
        throw new HclSyntaxError("Invalid template directive", `expected \`if\`, \`for\`, \`else\`, \`endif\` or \`endfor\` after \`%{\`, found ${describe(kw)}`, kw);
      }
      this.next();
      switch (kw.image) {
        case "if": {
          const cond = this.expression();
          const close = closeSeq("if");
          return { kind: "if", open, close, cond, stripLeft, stripRight: close.image.startsWith("~") };
        }
        case "for": {
          const first = this.expect(T.Identifier, "Invalid 'for' directive", (f) => `expected a variable name after \`for\`, found ${describe(f)}`);
          let keyVar: string | undefined;
          let valueVar = first.image;
          if (this.at(T.Comma)) {
            this.next();
            const second = this.expect(T.Identifier, "Invalid 'for' directive", (f) => `expected a second variable name after \`,\`, found ${describe(f)}`);
            keyVar = first.image;
            valueVar = second.image;
          }
          if (!this.atKeyword("in")) throw new HclSyntaxError("Invalid 'for' directive", `expected \`in\` after the variable name, found ${describe(this.peek())}`, this.peek());
          this.next();
          const collection = this.expression();
          const close = closeSeq("for");
          return { kind: "for", open, close, keyVar, valueVar, collection, stripLeft, stripRight: close.image.startsWith("~") };
        }
        case "else":
        case "endif":
        case "endfor": {
          const close = closeSeq(kw.image);
          return { kind: kw.image as "else" | "endif" | "endfor", open, close, stripLeft, stripRight: close.image.startsWith("~") };
        }
        default:
          throw new HclSyntaxError(
            "Invalid template control keyword",
            `\`${kw.image}\` is not a template directive; expected ${suggestKeyword(kw.image) ?? "`if`, `for`, `else`, `endif` or `endfor`"}`,
            kw,
          );
      }
    });
  }

  // Used by buildTemplate to report structure errors and compute positions.
  templateError(summary: string, message: string, token: Token): never {
    throw new HclSyntaxError(summary, message, token);
  }

  templateProblem(diag: Diagnostic): void {
    this.diagnostics.push(diag);
  }

  positionAt(offset: number): Pos {
    return this.pos(offset);
  }

  get tokenStore(): TokenStore {
    return this.store;
  }
}

function suggestKeyword(word: string): string | undefined {
  const hit = didYouMean(word, ["if", "for", "else", "endif", "endfor"]);
  return hit ? `\`${hit}\`` : undefined;
}
