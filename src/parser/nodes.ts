// The node classes the parser builds. A node holds the span of tokens it covers and computes its
// ranges from the token store when asked: a 5 MB file has a million nodes, and a range object with
// two positions for each (plus the ranges of names, `=`, braces, ...) was most of what the garbage
// collector had to carry while parsing. The main `range` is kept once computed (the evaluator and
// validator ask for it again and again); the ranges of parts (`nameRange`, `openBraceRange`, ...)
// are rarely wanted and made on each use. Internals are symbol-keyed, so a node's string-keyed
// properties are exactly those of its interface in ast.ts (and JSON.stringify shows just those).
//
// Every constructor assigns all of its node's fields itself, the shared ones included, in the
// same order; the repetition is deliberate. Class-field definitions run in a separate
// initializer that V8 does not inline (building nodes was three times slower), and a base-class
// constructor shared by twenty node shapes makes its stores megamorphic (parsing was 10% slower).
import type { Range } from "../diagnostics/types.js";
import type { TokenStore } from "../lexer/scanner.js";
import type * as A from "./ast.js";

const STORE = Symbol("store");
const RANGE = Symbol("range");
/** Token indices of a node's parts (its `=`, braces, operator, ...). */
const PART_A = Symbol("partA");
const PART_B = Symbol("partB");
const PARTS = Symbol("parts");

/**
 * A list kept at its exact size. The parser builds lists with push, and a pushed-to array keeps
 * room for 17 entries: three times the memory of most lists (items, labels, arguments, parts),
 * which the garbage collector then copies along with the tree.
 */
function exact<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

abstract class SpanNode implements A.NodeBase {
  declare [STORE]: TokenStore;
  declare [RANGE]: Range | undefined;
  declare [PART_A]: number;
  declare [PART_B]: number;
  declare firstToken: number;
  declare lastToken: number;

  get range(): Range {
    return (this[RANGE] ??= this[STORE].rangeOf(this.firstToken, this.lastToken));
  }

  set range(range: Range) {
    this[RANGE] = range;
  }

  /** The range of tokens `first..last` (inclusive). */
  protected tokens(first: number, last = first): Range {
    return this[STORE].rangeOf(first, last);
  }
}

export class Body extends SpanNode implements A.Body {
  declare readonly kind: "Body";
  declare items: A.BodyItem[];
  constructor(store: TokenStore, first: number, last: number, items: A.BodyItem[]) {
    super();
    this.kind = "Body";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.items = items;
  }
}

export class Attribute extends SpanNode implements A.Attribute {
  declare readonly kind: "Attribute";
  declare name: string;
  declare expr: A.Expression;
  constructor(store: TokenStore, first: number, last: number, name: string, equals: number, expr: A.Expression) {
    super();
    this.kind = "Attribute";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.name = name;
    this.expr = expr;
    this[PART_A] = equals;
  }
  get nameRange(): Range {
    return this.tokens(this.firstToken);
  }
  get equalsRange(): Range {
    return this.tokens(this[PART_A]);
  }
}

export class Block extends SpanNode implements A.Block {
  declare readonly kind: "Block";
  declare type: string;
  declare labels: A.Label[];
  declare body: A.Body;
  declare oneLine: boolean;
  /** `close` is -1 for an unclosed block. */
  constructor(
    store: TokenStore,
    first: number,
    last: number,
    type: string,
    labels: A.Label[],
    open: number,
    close: number,
    body: A.Body,
    oneLine: boolean,
  ) {
    super();
    this.kind = "Block";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.type = type;
    this.labels = labels;
    this.body = body;
    this.oneLine = oneLine;
    this[PART_A] = open;
    this[PART_B] = close;
  }
  get typeRange(): Range {
    return this.tokens(this.firstToken);
  }
  get openBraceRange(): Range {
    return this.tokens(this[PART_A]);
  }
  get closeBraceRange(): Range | undefined {
    return this[PART_B] < 0 ? undefined : this.tokens(this[PART_B]);
  }
}

export class Label implements A.Label {
  declare [STORE]: TokenStore;
  declare readonly [PART_A]: number;
  declare readonly [PART_B]: number;
  declare value: string;
  declare quoted: boolean;
  constructor(store: TokenStore, first: number, last: number, value: string, quoted: boolean) {
    this.value = value;
    this.quoted = quoted;
    this[STORE] = store;
    this[PART_A] = first;
    this[PART_B] = last;
  }
  get range(): Range {
    return this[STORE].rangeOf(this[PART_A], this[PART_B]);
  }
}

export class Literal extends SpanNode implements A.LiteralExpr {
  declare readonly kind: "Literal";
  declare value: number | boolean | null;
  declare raw: string | undefined;
  constructor(store: TokenStore, token: number, value: number | boolean | null, raw?: string) {
    super();
    this.kind = "Literal";
    this.firstToken = token;
    this.lastToken = token;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.value = value;
    this.raw = raw;
  }
}

export class Template extends SpanNode implements A.TemplateExpr {
  declare readonly kind: "Template";
  declare parts: A.TemplatePart[];
  declare heredoc: { marker: string; flush: boolean } | undefined;
  constructor(store: TokenStore, first: number, last: number, parts: A.TemplatePart[], heredoc?: { marker: string; flush: boolean }) {
    super();
    this.kind = "Template";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.parts = exact(parts);
    this.heredoc = heredoc;
  }
}

/**
 * A quoted string with no escapes or template sequences: its one literal part (`parts`) is made
 * when first asked for. Most strings of a job file are like this, and most readers want `value`.
 */
export class PlainString extends SpanNode implements A.TemplateExpr {
  declare readonly kind: "Template";
  declare value: string;
  declare [PARTS]: A.TemplatePart[] | undefined;
  /** `open` and `close` are the quotes; the text, if any, is the token between them. */
  constructor(store: TokenStore, open: number, close: number, value: string) {
    super();
    this.kind = "Template";
    this.firstToken = open;
    this.lastToken = close;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.value = value;
    this[PARTS] = undefined;
  }
  get parts(): A.TemplatePart[] {
    const text = this.firstToken + 1;
    return (this[PARTS] ??= text === this.lastToken ? [] : [new TemplateLiteral(this[STORE], text, text, this.value)]);
  }
}

export class TemplateLiteral extends SpanNode implements A.TemplateLiteralPart {
  declare readonly kind: "TemplateLiteral";
  declare value: string;
  constructor(store: TokenStore, first: number, last: number, value: string) {
    super();
    this.kind = "TemplateLiteral";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.value = value;
  }
}

export class TemplateInterpolation extends SpanNode implements A.TemplateInterpolation {
  declare readonly kind: "TemplateInterpolation";
  declare expr: A.Expression;
  declare stripLeft: boolean;
  declare stripRight: boolean;
  constructor(store: TokenStore, first: number, last: number, expr: A.Expression, stripLeft: boolean, stripRight: boolean) {
    super();
    this.kind = "TemplateInterpolation";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.expr = expr;
    this.stripLeft = stripLeft;
    this.stripRight = stripRight;
  }
}

export class TemplateIf extends SpanNode implements A.TemplateIf {
  declare readonly kind: "TemplateIf";
  declare cond: A.Expression;
  declare then: A.TemplatePart[];
  declare else: A.TemplatePart[] | undefined;
  constructor(store: TokenStore, first: number, last: number, cond: A.Expression, then: A.TemplatePart[], elseParts?: A.TemplatePart[]) {
    super();
    this.kind = "TemplateIf";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.cond = cond;
    this.then = exact(then);
    this.else = elseParts && exact(elseParts);
  }
}

export class TemplateFor extends SpanNode implements A.TemplateFor {
  declare readonly kind: "TemplateFor";
  declare keyVar: string | undefined;
  declare valueVar: string;
  declare collection: A.Expression;
  declare body: A.TemplatePart[];
  constructor(store: TokenStore, first: number, last: number, keyVar: string | undefined, valueVar: string, collection: A.Expression, body: A.TemplatePart[]) {
    super();
    this.kind = "TemplateFor";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.keyVar = keyVar;
    this.valueVar = valueVar;
    this.collection = collection;
    this.body = exact(body);
  }
}

export class Variable extends SpanNode implements A.VariableExpr {
  declare readonly kind: "Variable";
  declare name: string;
  constructor(store: TokenStore, token: number, name: string) {
    super();
    this.kind = "Variable";
    this.firstToken = token;
    this.lastToken = token;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.name = name;
  }
}

export class GetAttr extends SpanNode implements A.GetAttrExpr {
  declare readonly kind: "GetAttr";
  declare object: A.Expression;
  declare name: string;
  /** The name is the last token. */
  constructor(store: TokenStore, first: number, last: number, object: A.Expression, name: string) {
    super();
    this.kind = "GetAttr";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.object = object;
    this.name = name;
  }
  get nameRange(): Range {
    return this.tokens(this.lastToken);
  }
}

export class Index extends SpanNode implements A.IndexExpr {
  declare readonly kind: "Index";
  declare collection: A.Expression;
  declare key: A.Expression;
  declare legacy: boolean;
  constructor(store: TokenStore, first: number, last: number, collection: A.Expression, key: A.Expression, legacy: boolean) {
    super();
    this.kind = "Index";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.collection = collection;
    this.key = key;
    this.legacy = legacy;
  }
}

export class Splat extends SpanNode implements A.SplatExpr {
  declare readonly kind: "Splat";
  declare source: A.Expression;
  declare each: A.Expression;
  declare full: boolean;
  constructor(store: TokenStore, first: number, last: number, source: A.Expression, each: A.Expression, full: boolean) {
    super();
    this.kind = "Splat";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.source = source;
    this.each = each;
    this.full = full;
  }
}

export class AnonSymbol extends SpanNode implements A.AnonSymbolExpr {
  declare readonly kind: "AnonSymbol";
  /** An empty span just before token `at`. */
  constructor(store: TokenStore, at: number) {
    super();
    this.kind = "AnonSymbol";
    this.firstToken = at;
    this.lastToken = at - 1;
    this[STORE] = store;
    this[RANGE] = undefined;
  }
}

export class FunctionCall extends SpanNode implements A.FunctionCallExpr {
  declare readonly kind: "FunctionCall";
  declare name: string;
  declare args: A.Expression[];
  declare expandFinal: boolean;
  /** The name is tokens `first..nameLast`; the call ends with its `)` at `last`. */
  constructor(store: TokenStore, first: number, last: number, name: string, nameLast: number, open: number, args: A.Expression[], expandFinal: boolean) {
    super();
    this.kind = "FunctionCall";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.name = name;
    this.args = args;
    this.expandFinal = expandFinal;
    this[PART_B] = nameLast;
    this[PART_A] = open;
  }
  get nameRange(): Range {
    return this.tokens(this.firstToken, this[PART_B]);
  }
  get openParenRange(): Range {
    return this.tokens(this[PART_A]);
  }
  get closeParenRange(): Range {
    return this.tokens(this.lastToken);
  }
}

export class Tuple extends SpanNode implements A.TupleExpr {
  declare readonly kind: "Tuple";
  declare items: A.Expression[];
  constructor(store: TokenStore, first: number, last: number, items: A.Expression[]) {
    super();
    this.kind = "Tuple";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.items = items;
  }
}

export class ObjectItem extends SpanNode implements A.ObjectItem {
  declare key: A.Expression;
  declare separator: "=" | ":";
  declare value: A.Expression;
  constructor(store: TokenStore, key: A.Expression, separator: "=" | ":", value: A.Expression) {
    super();
    this.firstToken = key.firstToken;
    this.lastToken = value.lastToken;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.key = key;
    this.separator = separator;
    this.value = value;
  }
}

export class ObjectCons extends SpanNode implements A.ObjectExpr {
  declare readonly kind: "Object";
  declare items: A.ObjectItem[];
  constructor(store: TokenStore, first: number, last: number, items: A.ObjectItem[]) {
    super();
    this.kind = "Object";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.items = items;
  }
}

export class For extends SpanNode implements A.ForExpr {
  declare readonly kind: "For";
  declare object: boolean;
  declare keyVar: string | undefined;
  declare valueVar: string;
  declare collection: A.Expression;
  declare keyExpr: A.Expression | undefined;
  declare valueExpr: A.Expression;
  declare condExpr: A.Expression | undefined;
  declare grouping: boolean;
  constructor(
    store: TokenStore,
    first: number,
    last: number,
    object: boolean,
    keyVar: string | undefined,
    valueVar: string,
    collection: A.Expression,
    keyExpr: A.Expression | undefined,
    valueExpr: A.Expression,
    condExpr: A.Expression | undefined,
    grouping: boolean,
  ) {
    super();
    this.kind = "For";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.object = object;
    this.keyVar = keyVar;
    this.valueVar = valueVar;
    this.collection = collection;
    this.keyExpr = keyExpr;
    this.valueExpr = valueExpr;
    this.condExpr = condExpr;
    this.grouping = grouping;
  }
}

export class Conditional extends SpanNode implements A.ConditionalExpr {
  declare readonly kind: "Conditional";
  declare cond: A.Expression;
  declare trueExpr: A.Expression;
  declare falseExpr: A.Expression;
  constructor(store: TokenStore, cond: A.Expression, trueExpr: A.Expression, falseExpr: A.Expression) {
    super();
    this.kind = "Conditional";
    this.firstToken = cond.firstToken;
    this.lastToken = falseExpr.lastToken;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.cond = cond;
    this.trueExpr = trueExpr;
    this.falseExpr = falseExpr;
  }
}

export class Binary extends SpanNode implements A.BinaryExpr {
  declare readonly kind: "Binary";
  declare op: A.BinaryOperator;
  declare left: A.Expression;
  declare right: A.Expression;
  constructor(store: TokenStore, op: A.BinaryOperator, opToken: number, left: A.Expression, right: A.Expression) {
    super();
    this.kind = "Binary";
    this.firstToken = left.firstToken;
    this.lastToken = right.lastToken;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.op = op;
    this.left = left;
    this.right = right;
    this[PART_A] = opToken;
  }
  get opRange(): Range {
    return this.tokens(this[PART_A]);
  }
}

export class Unary extends SpanNode implements A.UnaryExpr {
  declare readonly kind: "Unary";
  declare op: "-" | "!";
  declare operand: A.Expression;
  /** The operator is the first token. */
  constructor(store: TokenStore, first: number, op: "-" | "!", operand: A.Expression) {
    super();
    this.kind = "Unary";
    this.firstToken = first;
    this.lastToken = operand.lastToken;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.op = op;
    this.operand = operand;
  }
}

export class Parens extends SpanNode implements A.ParenExpr {
  declare readonly kind: "Parens";
  declare expr: A.Expression;
  constructor(store: TokenStore, first: number, last: number, expr: A.Expression) {
    super();
    this.kind = "Parens";
    this.firstToken = first;
    this.lastToken = last;
    this[STORE] = store;
    this[RANGE] = undefined;
    this.expr = expr;
  }
}
