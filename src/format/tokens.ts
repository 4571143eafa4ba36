// The formatter's view of the token stream: hclwrite's tokens, built from caravan's scanner tokens.
//
// hclwrite works on Go hcl's token stream, where whitespace is not a token but a count of spaces
// before each token, and a `#`/`//` comment includes the newline that ends it. This module turns
// the lossless scanner output into that shape, remembering each token's original gap so the
// formatter can report edits.
import type { TokenType } from "chevrotain";
import * as T from "../lexer/tokens.js";
import type { Token } from "../lexer/tokens.js";

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

export interface FmtToken {
  kind: Kind;
  image: string;
  /** Ends a line: a newline, or a line comment together with its newline. */
  nl: boolean;
  /** Spaces before the token, as the formatter decides. */
  spaces: number;
  /** Offset where the whitespace before the token starts in the original text. */
  gapStart: number;
  /** Offset where the token starts in the original text. */
  start: number;
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

export interface FmtTokens {
  tokens: FmtToken[];
  /** A leading byte-order mark, kept as is. */
  bom: string;
  /** The whitespace between the last token and the end of the text (hclwrite keeps its width). */
  eof: FmtToken;
}

/** Convert the scanner's tokens (whitespace included) to hclwrite-style tokens. */
export function toFmtTokens(text: string, scanned: readonly Token[]): FmtTokens {
  const out: FmtToken[] = [];
  let bom = "";
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    bom = "\ufeff";
    if (scanned[0]?.image === "\ufeff") i = 1;
  }
  let gapStart = bom.length;
  for (; i < scanned.length; i++) {
    const tok = scanned[i]!;
    const type = tok.tokenType;
    if (type === T.Whitespace) continue;
    const start = tok.startOffset;
    const kind = KIND_BY_IDX[tok.tokenTypeIdx] ?? K.Other;
    let image = tok.image;
    let nl = kind === K.Newline;
    if (type === T.LineComment) {
      // Go's line comment token includes its newline: merge them so the comment ends the line.
      const next = scanned[i + 1];
      if (next && next.tokenType === T.Newline) {
        image += next.image;
        i++;
        nl = true;
      }
    }
    out.push({ kind, image, nl, spaces: start - gapStart, gapStart, start });
    gapStart = start + image.length;
  }
  const eof: FmtToken = { kind: K.EOF, image: "", nl: false, spaces: text.length - gapStart, gapStart, start: text.length };
  return { tokens: out, bom, eof };
}

/** +1 for an opening bracket (including `${`, `%{`), -1 for a closing one, else 0. */
export function bracketChange(kind: Kind): number {
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
