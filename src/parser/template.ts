// From the flat sequence of template pieces (text, `${}`, `%{}`) to the template's parts:
// decode escapes, apply `~` strip markers, strip `<<-` indentation, then nest if/for directives.
// The order is Go hcl's: strip markers first, flush indentation second.
import type { Diagnostic, Pos } from "../diagnostics/types.js";
import type { TokenStore } from "../lexer/scanner.js";
import type { Token } from "../lexer/tokens.js";
import type * as A from "./ast.js";
import * as N from "./nodes.js";
import { decodeHeredoc, decodeQuoted, leadingSpaceWidth, removeLeading, stripLeadingSpace, stripTrailingSpace, type DecodeProblem } from "./literals.js";

interface Seq {
  open: Token;
  close: Token;
  stripLeft: boolean;
  stripRight: boolean;
}

export type FlatPart =
  | { kind: "text"; token: Token }
  | (Seq & { kind: "interp"; expr: A.Expression })
  | (Seq & { kind: "if"; cond: A.Expression })
  | (Seq & { kind: "for"; keyVar?: string; valueVar: string; collection: A.Expression })
  | (Seq & { kind: "else" | "endif" | "endfor" });

interface Host {
  templateError(summary: string, message: string, token: Token): never;
  templateProblem(diag: Diagnostic): void;
  positionAt(offset: number): Pos;
  readonly tokenStore: TokenStore;
}

interface Text {
  kind: "text";
  value: string;
  first: Token;
  last: Token;
}
type Item = Text | Exclude<FlatPart, { kind: "text" }>;

export function buildTemplate(flat: FlatPart[], opts: { heredoc: boolean; flush: boolean; text: string }, host: Host): A.TemplatePart[] {
  const items: Item[] = flat.map((p) => (p.kind === "text" ? decodeText(p.token, opts.heredoc, host) : (p as Item)));
  applyStripMarkers(items);
  if (opts.flush) flushIndentation(items);
  return nest(mergeTexts(items), host);
}

function decodeText(token: Token, heredoc: boolean, host: Host): Text {
  if (heredoc) return { kind: "text", value: decodeHeredoc(token.image), first: token, last: token };
  const problems: DecodeProblem[] = [];
  const value = decodeQuoted(token.image, problems);
  for (const p of problems) {
    const at = token.startOffset + p.offset;
    host.templateProblem({
      severity: "error",
      code: "syntax/invalid-escape-sequence",
      message: p.detail,
      detail: p.message,
      range: { start: host.positionAt(at), end: host.positionAt(at + p.length) },
    });
  }
  return { kind: "text", value, first: token, last: token };
}

function applyStripMarkers(items: Item[]): void {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === "text") continue;
    const prev = items[i - 1];
    const next = items[i + 1];
    if (it.stripLeft && prev?.kind === "text") prev.value = stripTrailingSpace(prev.value);
    if (it.stripRight && next?.kind === "text") next.value = stripLeadingSpace(next.value);
  }
}

/** `<<-`: remove the smallest indentation of the content lines from every line. */
function flushIndentation(items: Item[]): void {
  let min = Infinity;
  const adjust: Text[] = [];
  let lineStart = true;
  for (const it of items) {
    if (lineStart) {
      lineStart = false;
      if (it.kind === "text") {
        const blank = stripLeadingSpace(it.value) === "" && it.value.endsWith("\n");
        if (!blank) {
          min = Math.min(min, leadingSpaceWidth(it.value));
          adjust.push(it);
        }
      } else min = 0;
    }
    if (it.kind === "text" && it.value.endsWith("\n")) lineStart = true;
  }
  if (!Number.isFinite(min) || min === 0) return;
  for (const it of adjust) it.value = removeLeading(it.value, min);
}

function mergeTexts(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (it.kind === "text" && last?.kind === "text") {
      out[out.length - 1] = { kind: "text", value: last.value + it.value, first: last.first, last: it.last };
    } else out.push(it.kind === "text" ? { ...it } : it);
  }
  return out;
}

/** Turn the flat list into nested if/for parts, checking that directives balance. */
function nest(items: Item[], host: Host): A.TemplatePart[] {
  let i = 0;
  const store = host.tokenStore;
  const seq = (ends: string[]): { parts: A.TemplatePart[]; end?: Item } => {
    const parts: A.TemplatePart[] = [];
    while (i < items.length) {
      const it = items[i++]!;
      switch (it.kind) {
        case "text":
          parts.push(new N.TemplateLiteral(store, it.first.index, it.last.index, it.value));
          break;
        case "interp": {
          const p = it as Extract<FlatPart, { kind: "interp" }>;
          parts.push(new N.TemplateInterpolation(store, p.open.index, p.close.index, p.expr, p.stripLeft, p.stripRight));
          break;
        }
        case "if": {
          const p = it as Extract<FlatPart, { kind: "if" }>;
          const then = seq(["else", "endif"]);
          let elseParts: A.TemplatePart[] | undefined;
          let end = then.end;
          if (end?.kind === "else") {
            const rest = seq(["endif"]);
            elseParts = rest.parts;
            end = rest.end;
          }
          if (!end) host.templateError("Unexpected end of template", `the \`if\` directive at ${p.open.startLine}:${p.open.startColumn} has no matching \`%{ endif }\``, p.open);
          const close = (end as Seq).close;
          parts.push(new N.TemplateIf(store, p.open.index, close.index, p.cond, then.parts, elseParts));
          break;
        }
        case "for": {
          const p = it as Extract<FlatPart, { kind: "for" }>;
          const body = seq(["endfor"]);
          if (!body.end) host.templateError("Unexpected end of template", `the \`for\` directive at ${p.open.startLine}:${p.open.startColumn} has no matching \`%{ endfor }\``, p.open);
          const close = (body.end as Seq).close;
          parts.push(new N.TemplateFor(store, p.open.index, close.index, p.keyVar, p.valueVar, p.collection, body.parts));
          break;
        }
        default: {
          if (ends.includes(it.kind)) return { parts, end: it };
          const s = it as Seq;
          const what = it.kind === "else" ? "an `if`" : it.kind === "endif" ? "an `if`" : "a `for`";
          host.templateError(`Unexpected ${it.kind} directive`, `\`%{ ${it.kind} }\` without ${what} directive before it`, s.open);
        }
      }
    }
    return { parts };
  };
  return seq([]).parts;
}
