// Syntax errors raised while parsing one body item, and the words used to name tokens in them.
import type { Token } from "../lexer/tokens.js";
import * as T from "../lexer/tokens.js";

/**
 * Thrown inside a body item; caught where the item started, which records it and skips the rest
 * of the item. `token` is where the error is; `summary` follows Go hcl's summaries so that users
 * can search for them; `message` says in plain words what was expected.
 */
export class HclSyntaxError extends Error {
  constructor(
    readonly summary: string,
    message: string,
    readonly token: Token,
    /** Report a zero-width range at the start of `token` instead of the token's own range. */
    readonly atStart = false,
  ) {
    super(message);
  }

  /** Extend the reported range to the end of this token. */
  rangeEnd?: Token;
}

/** How a token is named in a message: "newline", "end of file", "`}`", "name `foo`". */
export function describe(token: Token | undefined): string {
  if (!token || Number.isNaN(token.startOffset)) return "the end of the file";
  const type = token.tokenType;
  if (type === T.Newline) return "a newline";
  if (type === T.Identifier) return `\`${token.image}\``;
  if (type === T.NumberLit) return `the number ${token.image}`;
  if (type === T.OpenQuote) return "a string";
  if (type === T.HeredocOpen) return "a heredoc";
  if (type === T.Invalid) return `the invalid character \`${token.image}\``;
  if (type === T.TemplateText) return "template text";
  if (type === T.TemplateSeqEnd) return "`}`";
  return `\`${token.image}\``;
}

export function isEOF(token: Token | undefined): boolean {
  return !token || Number.isNaN(token.startOffset);
}
