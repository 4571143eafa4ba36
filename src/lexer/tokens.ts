// The token vocabulary of HCL native syntax, as chevrotain token types (the parser consumes them).
import { createToken, type IToken, type TokenType } from "chevrotain";

/** A chevrotain token plus its index in the full (trivia-including) token list. */
export interface Token extends IToken {
  /** Index of this token in `SyntaxTree.tokens`. */
  index: number;
}

const t = (name: string, label?: string): TokenType => createToken({ name, pattern: /NOT_USED/, label });

// Trivia: kept in the full token list, never seen by the parser.
export const Whitespace = t("Whitespace", "whitespace");
/** `# ...` or `// ...`, without the newline that ends it. */
export const LineComment = t("LineComment", "comment");
/** `/* ... *\/`, possibly spanning lines. */
export const BlockComment = t("BlockComment", "comment");

export const Newline = t("Newline", "newline");
export const Identifier = t("Identifier", "name");
export const NumberLit = t("NumberLit", "number");

export const Plus = t("Plus", "`+`");
export const Minus = t("Minus", "`-`");
export const Star = t("Star", "`*`");
export const Slash = t("Slash", "`/`");
export const Percent = t("Percent", "`%`");
export const EqualEqual = t("EqualEqual", "`==`");
export const NotEqual = t("NotEqual", "`!=`");
export const LessEqual = t("LessEqual", "`<=`");
export const GreaterEqual = t("GreaterEqual", "`>=`");
export const Less = t("Less", "`<`");
export const Greater = t("Greater", "`>`");
export const And = t("And", "`&&`");
export const Or = t("Or", "`||`");
export const Bang = t("Bang", "`!`");
export const Equals = t("Equals", "`=`");
export const Colon = t("Colon", "`:`");
export const DoubleColon = t("DoubleColon", "`::`");
export const Question = t("Question", "`?`");
export const FatArrow = t("FatArrow", "`=>`");
export const Comma = t("Comma", "`,`");
export const Ellipsis = t("Ellipsis", "`...`");
export const Dot = t("Dot", "`.`");
export const LParen = t("LParen", "`(`");
export const RParen = t("RParen", "`)`");
export const LBracket = t("LBracket", "`[`");
export const RBracket = t("RBracket", "`]`");
export const LBrace = t("LBrace", "`{`");
export const RBrace = t("RBrace", "`}`");

/** `"` opening a quoted template. */
export const OpenQuote = t("OpenQuote", "`\"`");
/** `"` closing a quoted template. */
export const CloseQuote = t("CloseQuote", "closing `\"`");
/** `<<EOT⏎` or `<<-EOT⏎` (the image includes the newline). */
export const HeredocOpen = t("HeredocOpen", "heredoc");
/** The line that closes a heredoc, e.g. `  EOT` (without its newline). */
export const HeredocClose = t("HeredocClose", "end of heredoc");
/** Literal text inside a template, raw (escapes not yet decoded). */
export const TemplateText = t("TemplateText", "template text");
/** `${` or `${~` */
export const TemplateInterp = t("TemplateInterp", "`${`");
/** `%{` or `%{~` */
export const TemplateControl = t("TemplateControl", "`%{`");
/** `}` or `~}` closing `${` / `%{`. */
export const TemplateSeqEnd = t("TemplateSeqEnd", "`}`");

/** `&`, `|`, `^`: lexed so the error can say bitwise operators are unsupported. */
export const BitwiseOp = t("BitwiseOp", "bitwise operator");
/** Any character that cannot start a token (`;`, `'`, a lone `\r`, ...). */
export const Invalid = t("Invalid", "invalid character");

export const allTokenTypes: TokenType[] = [
  Whitespace, LineComment, BlockComment, Newline, Identifier, NumberLit,
  Plus, Minus, Star, Slash, Percent, EqualEqual, NotEqual, LessEqual, GreaterEqual, Less, Greater,
  And, Or, Bang, Equals, Colon, DoubleColon, Question, FatArrow, Comma, Ellipsis, Dot,
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  OpenQuote, CloseQuote, HeredocOpen, HeredocClose, TemplateText, TemplateInterp, TemplateControl, TemplateSeqEnd,
  BitwiseOp, Invalid,
];

/** Token types by `tokenTypeIdx`: the token store keeps a token's type as that number. */
export const typeByIdx: TokenType[] = [];
for (const type of allTokenTypes) typeByIdx[type.tokenTypeIdx!] = type;
