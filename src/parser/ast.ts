// The syntax tree: one lossless tree shared by formatter, evaluator, validator and LSP.
//
// Every node carries its source `range` and the span of tokens it covers (`firstToken`/`lastToken`,
// inclusive indices into `SyntaxTree.tokens`, which holds every token including whitespace and
// comments). The text of a node is the concatenation of the images of the tokens in its span, so
// `text(tree) === input` for every input (see `text.ts`).
import type { Diagnostic, Range } from "../diagnostics/types.js";
import type { Token } from "../lexer/tokens.js";

export interface NodeBase {
  range: Range;
  /** Index of the first token (in `SyntaxTree.tokens`) that belongs to this node. */
  firstToken: number;
  /** Index of the last token (inclusive) that belongs to this node; `firstToken - 1` for an empty node. */
  lastToken: number;
}

// ---------------------------------------------------------------- structure

export interface Body extends NodeBase {
  kind: "Body";
  /** Attributes and blocks in source order. */
  items: BodyItem[];
}

export type BodyItem = Attribute | Block;

export interface Attribute extends NodeBase {
  kind: "Attribute";
  name: string;
  nameRange: Range;
  equalsRange: Range;
  expr: Expression;
}

export interface Label {
  /** Decoded label value (escapes applied for quoted labels). */
  value: string;
  quoted: boolean;
  range: Range;
}

export interface Block extends NodeBase {
  kind: "Block";
  type: string;
  typeRange: Range;
  labels: Label[];
  openBraceRange: Range;
  /** Missing when the block is unclosed (a syntax error was reported). */
  closeBraceRange?: Range;
  body: Body;
  /** Written on one line: `name { a = 1 }` or `name {}`. */
  oneLine: boolean;
}

// ---------------------------------------------------------------- expressions

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | AnonSymbolExpr
  | FunctionCallExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr
  | InvalidExpr;

/** A number, `true`, `false` or `null`. */
export interface LiteralExpr extends NodeBase {
  kind: "Literal";
  value: number | boolean | null;
  /** Source text of a number literal (numbers may exceed double precision). */
  raw?: string;
}

export type TemplatePart = TemplateLiteralPart | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateLiteralPart extends NodeBase {
  kind: "TemplateLiteral";
  /** Decoded text: escapes applied, strip markers and heredoc indentation removed. */
  value: string;
}

export interface TemplateInterpolation extends NodeBase {
  kind: "TemplateInterpolation";
  expr: Expression;
  /** `${~` */
  stripLeft: boolean;
  /** `~}` */
  stripRight: boolean;
}

export interface TemplateIf extends NodeBase {
  kind: "TemplateIf";
  cond: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
}

export interface TemplateFor extends NodeBase {
  kind: "TemplateFor";
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
}

/** A quoted string `"..."` or a heredoc `<<EOT` / `<<-EOT`. */
export interface TemplateExpr extends NodeBase {
  kind: "Template";
  parts: TemplatePart[];
  heredoc?: { marker: string; flush: boolean };
  /**
   * Set for a quoted string written plainly, with no escapes, interpolations or directives (most
   * strings are): its text, which is also the value of its one literal part.
   */
  value?: string;
}

/** The root of a traversal: `var`, `local`, `attr`, `NOMAD_ALLOC_INDEX`, ... */
export interface VariableExpr extends NodeBase {
  kind: "Variable";
  name: string;
}

/** `object.name` */
export interface GetAttrExpr extends NodeBase {
  kind: "GetAttr";
  object: Expression;
  name: string;
  nameRange: Range;
}

/** `collection[key]`, or the legacy `collection.0` (legacy = true). */
export interface IndexExpr extends NodeBase {
  kind: "Index";
  collection: Expression;
  key: Expression;
  legacy: boolean;
}

/**
 * `source.*.a.b` (attribute splat) or `source[*].a[0]` (full splat). `each` is evaluated once per
 * element of `source`, with the element bound to the `AnonSymbol` node at its root.
 */
export interface SplatExpr extends NodeBase {
  kind: "Splat";
  source: Expression;
  each: Expression;
  full: boolean;
}

/** The placeholder at the root of a splat's `each` expression (has an empty token span). */
export interface AnonSymbolExpr extends NodeBase {
  kind: "AnonSymbol";
}

export interface FunctionCallExpr extends NodeBase {
  kind: "FunctionCall";
  /** Full name, including any `ns::` prefix. */
  name: string;
  nameRange: Range;
  args: Expression[];
  /** The last argument is followed by `...` (expanded into positional arguments). */
  expandFinal: boolean;
  openParenRange: Range;
  closeParenRange?: Range;
}

export interface TupleExpr extends NodeBase {
  kind: "Tuple";
  items: Expression[];
}

export interface ObjectItem extends NodeBase {
  /**
   * Key expression. A bare identifier (`VariableExpr` with a single name, or a `true`/`false`/`null`
   * literal) written without parentheses stands for its literal name; anything else is evaluated.
   */
  key: Expression;
  /** `=` or `:` */
  separator: "=" | ":";
  value: Expression;
}

export interface ObjectExpr extends NodeBase {
  kind: "Object";
  items: ObjectItem[];
}

export interface ForExpr extends NodeBase {
  kind: "For";
  /** `{for ...}` builds an object; `[for ...]` a tuple. */
  object: boolean;
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Object form only: the expression before `=>`. */
  keyExpr?: Expression;
  valueExpr: Expression;
  condExpr?: Expression;
  /** Object form only: `...` after the value groups values with the same key. */
  grouping: boolean;
}

export interface ConditionalExpr extends NodeBase {
  kind: "Conditional";
  cond: Expression;
  trueExpr: Expression;
  falseExpr: Expression;
}

export type BinaryOperator = "||" | "&&" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "+" | "-" | "*" | "/" | "%";

export interface BinaryExpr extends NodeBase {
  kind: "Binary";
  op: BinaryOperator;
  opRange: Range;
  left: Expression;
  right: Expression;
}

export interface UnaryExpr extends NodeBase {
  kind: "Unary";
  op: "-" | "!";
  operand: Expression;
}

export interface ParenExpr extends NodeBase {
  kind: "Parens";
  expr: Expression;
}

/** Stands in for an expression that failed to parse (a diagnostic was reported). */
export interface InvalidExpr extends NodeBase {
  kind: "Invalid";
}

// ---------------------------------------------------------------- the file

export interface SyntaxTree {
  /** The text that was parsed. */
  text: string;
  /** Every token, trivia included, in source order: their images concatenate to `text`. */
  tokens: Token[];
  body: Body;
  /** Number of tokens: `tokens.length`, without making the token objects. */
  readonly tokenCount: number;
  /** Where token `i` starts in `text` (`text.length` for the index just past the last token). */
  offsetOf(i: number): number;
  /** The type of token `i` as its `tokenTypeIdx`. */
  typeOf(i: number): number;
}

export interface ParseResult {
  tree: SyntaxTree;
  diagnostics: Diagnostic[];
}

export type Node = Body | Attribute | Block | Expression | TemplatePart;
