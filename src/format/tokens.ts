// The formatter's view of the token stream: hclwrite's tokens, built from caravan's scanner tokens.
//
// hclwrite works on Go hcl's token stream, where whitespace is not a token but a count of spaces
// before each token, and a `#`/`//` comment includes the newline that ends it. This module turns
// the lossless scanner output into that shape, remembering each token's original gap so the
// formatter can report edits.
import type { TokenType } from "chevrotain";
import * as T from "../lexer/tokens.js";
import type { SyntaxTree } from "../parser/ast.js";

/** Token kinds the layout rules distinguish (the rest are `Other`). */
export const K = {
  Other: 0,
  Newline: 1,
  /** A comment; `nl` tells whether it ends the line (a `#`/`//` comment with its newline). */
  Comment: 2,
  Ident: 3,
  Number: 4,
  Dot: 5,
  Comma: 6,
  Ellipsis: 7,
  OParen: 8,
  CParen: 9,
  OBrack: 10,
  CBrack: 11,
  OBrace: 12,
  CBrace: 13,
  TemplateInterp: 14,
  TemplateControl: 15,
  TemplateSeqEnd: 16,
  OQuote: 17,
  CQuote: 18,
  OHeredoc: 19,
  CHeredoc: 20,
  /** Literal template text (quoted or heredoc). */
  Text: 21,
  Equal: 22,
  Bang: 23,
  Minus: 24,
  /** `(`, `{`, `[`, `=`, `:`, `,`, `?` and the operators: after these a `-` is unary. */
  UnaryContext: 25,
  EOF: 26,
} as const;
export type Kind = (typeof K)[keyof typeof K];

/**
 * The tokens as parallel arrays (index = token number): a big file has a million tokens, and
 * typed arrays spare the garbage collector a million long-lived objects.
 */
export interface FmtTokens {
  /** The text the offsets refer to. */
  text: string;
  /** Number of tokens (the arrays may be longer). */
  length: number;
  kind: Uint8Array;
  /** 1 when the token ends a line: a newline, or a line comment together with its newline. */
  nl: Uint8Array;
  /** Spaces before the token, as the formatter decides. */
  spaces: Int32Array;
  /** Offset where the whitespace before the token starts in the original text. */
  gapStart: Int32Array;
  /** Offsets where the token starts and ends in the original text. */
  start: Int32Array;
  end: Int32Array;
  /** The whitespace between the last token and the end of the text (hclwrite keeps its width). */
  eofGapStart: number;
}

const KINDS = new Map<TokenType, Kind>([
  [T.Newline, K.Newline],
  [T.LineComment, K.Comment],
  [T.BlockComment, K.Comment],
  [T.Identifier, K.Ident],
  [T.NumberLit, K.Number],
  [T.Dot, K.Dot],
  [T.Comma, K.Comma],
  [T.Ellipsis, K.Ellipsis],
  [T.LParen, K.OParen],
  [T.RParen, K.CParen],
  [T.LBracket, K.OBrack],
  [T.RBracket, K.CBrack],
  [T.LBrace, K.OBrace],
  [T.RBrace, K.CBrace],
  [T.TemplateInterp, K.TemplateInterp],
  [T.TemplateControl, K.TemplateControl],
  [T.TemplateSeqEnd, K.TemplateSeqEnd],
  [T.OpenQuote, K.OQuote],
  [T.CloseQuote, K.CQuote],
  [T.HeredocOpen, K.OHeredoc],
  [T.HeredocClose, K.CHeredoc],
  [T.TemplateText, K.Text],
  [T.Equals, K.Equal],
  [T.Bang, K.Bang],
  [T.Minus, K.Minus],
  // hclwrite treats a `-` after these as negation
  [T.Colon, K.UnaryContext],
  [T.Question, K.UnaryContext],
  [T.Plus, K.UnaryContext],
  [T.Star, K.UnaryContext],
  [T.Slash, K.UnaryContext],
  [T.Percent, K.UnaryContext],
  [T.EqualEqual, K.UnaryContext],
  [T.NotEqual, K.UnaryContext],
  [T.Greater, K.UnaryContext],
  [T.GreaterEqual, K.UnaryContext],
  [T.Less, K.UnaryContext],
  [T.LessEqual, K.UnaryContext],
  [T.And, K.UnaryContext],
  [T.Or, K.UnaryContext],
]);

/** KINDS indexed by chevrotain's tokenTypeIdx (an array lookup is much cheaper than a Map). */
const KIND_BY_IDX: Kind[] = [];
for (const type of T.allTokenTypes) KIND_BY_IDX[type.tokenTypeIdx!] = KINDS.get(type) ?? K.Other;
const [WHITESPACE, LINE_COMMENT, NEWLINE] = [T.Whitespace, T.LineComment, T.Newline].map((type) => type.tokenTypeIdx!);

/** Convert the scanner's tokens (whitespace included) to hclwrite-style tokens. */
export function toFmtTokens(tree: SyntaxTree): FmtTokens {
  const text = tree.text;
  const n = tree.tokenCount;
  const out: FmtTokens = {
    text,
    length: 0,
    kind: new Uint8Array(n),
    nl: new Uint8Array(n),
    spaces: new Int32Array(n),
    gapStart: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    eofGapStart: 0,
  };
  let i = 0;
  // A leading byte-order mark is kept as is (hclwrite drops it; the formatter only changes whitespace).
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom && n > 0 && tree.offsetOf(1) === 1) i = 1;
  let gapStart = bom ? 1 : 0;
  let k = 0;
  for (; i < n; i++) {
    const type = tree.typeOf(i);
    if (type === WHITESPACE) continue;
    const start = tree.offsetOf(i);
    const kind = KIND_BY_IDX[type] ?? K.Other;
    let end = tree.offsetOf(i + 1);
    let nl = kind === K.Newline;
    if (type === LINE_COMMENT && i + 1 < n && tree.typeOf(i + 1) === NEWLINE) {
      // Go's line comment token includes its newline: merge them so the comment ends the line.
      end = tree.offsetOf(i + 2);
      i++;
      nl = true;
    }
    out.kind[k] = kind;
    out.nl[k] = nl ? 1 : 0;
    out.spaces[k] = start - gapStart;
    out.gapStart[k] = gapStart;
    out.start[k] = start;
    out.end[k] = end;
    k++;
    gapStart = end;
  }
  out.length = k;
  out.eofGapStart = gapStart;
  return out;
}

/** Whether token `i` is the identifier `in`. */
export function isIn(t: FmtTokens, i: number): boolean {
  const s = t.start[i]!;
  return t.end[i]! - s === 2 && t.text.charCodeAt(s) === 0x69 && t.text.charCodeAt(s + 1) === 0x6e;
}

/** +1 for an opening bracket (including `${`, `%{`), -1 for a closing one, else 0. */
export function bracketChange(kind: number): number {
  switch (kind) {
    case K.OBrace:
    case K.OBrack:
    case K.OParen:
    case K.TemplateControl:
    case K.TemplateInterp:
      return 1;
    case K.CBrace:
    case K.CBrack:
    case K.CParen:
    case K.TemplateSeqEnd:
      return -1;
    default:
      return 0;
  }
}
