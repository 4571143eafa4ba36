// parse(text) → { tree, diagnostics }: the entry point of the front end. Never throws.
import type { Diagnostic } from "../diagnostics/types.js";
import { scan, type TokenStore } from "../lexer/scanner.js";
import type { Token } from "../lexer/tokens.js";
import type { Body, ParseResult, SyntaxTree } from "./ast.js";
import { HclParser } from "./parser.js";

let shared: HclParser | undefined;

export function parse(text: string): ParseResult {
  const { store, diagnostics: lexical } = scan(text);
  let body: Body;
  let syntax: Diagnostic[];
  const parser = (shared ??= new HclParser());
  try {
    body = parser.parseFile(text, store);
    syntax = parser.diagnostics;
  } catch (err) {
    // A bug, not the user's mistake: keep going with an empty tree and say so.
    shared = undefined;
    const end = { offset: 0, line: 1, column: 1 };
    body = { kind: "Body", items: [], range: { start: end, end }, firstToken: 0, lastToken: store.count - 1 };
    syntax = [{ severity: "error", code: "internal/parser", message: `internal parser error: ${err instanceof Error ? err.message : String(err)}`, range: { start: end, end } }];
  }
  return { tree: new Tree(text, store, body), diagnostics: mergeDiagnostics(lexical, syntax) };
}

/**
 * The tree, its `tokens` made on first use (the parser and most callers never need the trivia
 * tokens as objects). A class: an object literal with a getter gets a map of its own per tree.
 */
class Tree implements SyntaxTree {
  constructor(
    readonly text: string,
    private readonly store: TokenStore,
    readonly body: Body,
  ) {}

  get tokens(): Token[] {
    return this.store.tokens();
  }

  get tokenCount(): number {
    return this.store.count;
  }

  offsetOf(i: number): number {
    return this.store.data[i * 4]!;
  }

  typeOf(i: number): number {
    return this.store.data[i * 4 + 3]!;
  }
}

/**
 * Lexical and syntax diagnostics in source order. A syntax error on a line where the scanner
 * already reported one (an invalid character, an unterminated string) is its consequence and
 * says nothing new; a duplicate attribute is independent and always kept.
 */
function mergeDiagnostics(lexical: Diagnostic[], syntax: Diagnostic[]): Diagnostic[] {
  if (lexical.length === 0 && syntax.length === 0) return syntax; // the common case
  const lexStarts = new Set(lexical.map((d) => d.range.start.offset));
  const lexLines = new Set(lexical.map((d) => d.range.start.line));
  const kept = syntax.filter((d) => !lexStarts.has(d.range.start.offset) && !(lexLines.has(d.range.start.line) && d.code !== "syntax/attribute-redefined"));
  const all = [...lexical, ...kept].sort((a, b) => a.range.start.offset - b.range.start.offset);
  // A block left unclosed after another error inside it is that error's echo (a string or
  // bracket that swallowed its `}`): report the cause only.
  return all.filter((d) => d.code !== UNCLOSED || !all.some((o) => o.code !== UNCLOSED && o.range.start.offset > d.range.start.offset));
}

const UNCLOSED = "syntax/unclosed-configuration-block";

