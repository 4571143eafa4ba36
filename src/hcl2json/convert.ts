// The syntax tree as JSON, in exactly the shape @cdktf/hcl2json produces (tmccombs/hcl2json's
// convert.go, as forked by cdktf): blocks nested by type and labels, each block body in an array
// (repeats append), literals as JSON values, templates rebuilt part by part, and every other
// expression as its source text in `${...}`.
import type { Range } from "../diagnostics/types.js";
import type { Block, Body, Expression, ObjectExpr, SyntaxTree, TemplateExpr, TemplatePart } from "../parser/ast.js";
import { decimalText, escapeLiteral, nfc } from "./text.js";

/** A file the converter cannot represent (hcl2json refuses it too). */
export class Hcl2JsonError extends Error {
  constructor(
    message: string,
    readonly range: Range,
  ) {
    super(message);
    this.name = "Hcl2JsonError";
  }
}

type JsonObject = Record<string, unknown>;

/** Convert a parsed file. Throws `Hcl2JsonError` for the few files hcl2json also rejects. */
export function toHcl2Json(tree: SyntaxTree): JsonObject {
  return new Converter(tree).body(tree.body);
}

/** Own-property assignment that also works for the key `__proto__`. */
function put(obj: JsonObject, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

const hasOwn = Object.hasOwn;

class Converter {
  private readonly text: string;
  constructor(private readonly tree: SyntaxTree) {
    this.text = tree.text;
  }

  body(body: Body): JsonObject {
    const out: JsonObject = {};
    const items = body.items;
    // Blocks first, in source order; then attributes, which replace a block of the same name.
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === "Block") this.block(item, out);
    }
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === "Attribute") put(out, item.name, this.expr(item.expr));
    }
    return out;
  }

  private block(block: Block, root: JsonObject): void {
    let out = root;
    let key = block.type;
    for (const label of block.labels) {
      if (hasOwn(out, key)) {
        const next = out[key];
        if (Array.isArray(next)) {
          const path = [block.type, ...block.labels.map((l) => l.value)].join(".");
          throw new Hcl2JsonError(`unable to convert block to JSON: ${path} (a block \`${key}\` without further labels is already there)`, block.typeRange);
        }
        out = next as JsonObject;
      } else {
        const next: JsonObject = {};
        put(out, key, next);
        out = next;
      }
      key = label.value;
    }
    const value = this.body(block.body);
    if (hasOwn(out, key)) {
      const current = out[key];
      if (!Array.isArray(current)) {
        throw new Hcl2JsonError(`invalid HCL for "${key}" block: cannot have blocks with and without labels`, block.typeRange);
      }
      current.push(value);
    } else {
      put(out, key, [value]);
    }
  }

  /** An expression as a JSON value (hcl2json's ConvertExpression). */
  expr(e: Expression): unknown {
    switch (e.kind) {
      case "Literal":
        return e.raw !== undefined ? Number(e.raw) : e.value;
      case "Unary": {
        const v = e.operand;
        if (v.kind !== "Literal") return this.wrap(e);
        return this.unary(e.op, v.value, v.raw, e.range);
      }
      case "Template": {
        if (e.value !== undefined) return escapeLiteral(nfc(e.value));
        const parts = e.parts;
        if (isPassthrough(e)) return this.expr((parts[0] as { expr: Expression }).expr);
        return this.template(parts);
      }
      case "Tuple": {
        const items = e.items;
        const list = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) list[i] = this.expr(items[i]!);
        return list;
      }
      case "Object":
        return this.object(e);
      default:
        return this.wrap(e);
    }
  }

  private unary(op: "-" | "!", value: number | boolean | null, raw: string | undefined, range: Range): unknown {
    if (value === null) throw new Hcl2JsonError("operation failed: argument must not be null", range);
    if (op === "-") {
      if (typeof value !== "number") throw new Hcl2JsonError("invalid operand: number required", range);
      return -Number(raw ?? value);
    }
    if (typeof value !== "boolean") throw new Hcl2JsonError("invalid operand: bool required", range);
    return !value;
  }

  private object(e: ObjectExpr): JsonObject {
    const out: JsonObject = {};
    for (const item of e.items) put(out, this.key(item.key), this.expr(item.value));
    return out;
  }

  /** An object key: a bare traversal (`a`, `a.b[0]`) is its source text, anything else a template part. */
  private key(k: Expression): string {
    if (isScopeTraversal(k)) return this.source(k);
    return this.part(k);
  }

  /** A template's parts joined (hcl2json's convertTemplate). */
  private template(parts: TemplatePart[]): string {
    if (parts.length === 1) {
      const only = parts[0]!;
      if (only.kind === "TemplateLiteral") return escapeLiteral(nfc(only.value));
    }
    let s = "";
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      switch (p.kind) {
        case "TemplateLiteral":
          s += escapeLiteral(nfc(p.value));
          break;
        case "TemplateInterpolation":
          s += this.part(p.expr);
          break;
        case "TemplateIf":
          s += this.conditional(p.cond, this.template(p.then), p.else ? this.template(p.else) : "");
          break;
        case "TemplateFor":
          s += `%{for ${p.keyVar !== undefined ? p.keyVar + ", " : ""}${p.valueVar} in ${this.source(p.collection)}}${this.template(p.body)}%{endfor}`;
          break;
      }
    }
    return s;
  }

  /** An expression inside a template (hcl2json's convertStringPart). */
  private part(e: Expression): string {
    switch (e.kind) {
      case "Literal":
        if (e.value === null) return "null";
        if (typeof e.value === "boolean") return e.value ? "true" : "false";
        return decimalText(e.raw ?? String(e.value));
      case "Template":
        if (e.value !== undefined) return escapeLiteral(nfc(e.value));
        if (isPassthrough(e)) return this.part((e.parts[0] as { expr: Expression }).expr);
        return this.template(e.parts);
      case "Conditional":
        return this.conditional(e.cond, this.part(e.trueExpr), this.part(e.falseExpr));
      default:
        return this.wrap(e);
    }
  }

  private conditional(cond: Expression, yes: string, no: string): string {
    return `%{if ${this.source(cond)}}${yes}${no.length > 0 ? `%{else}${no}` : ""}%{endif}`;
  }

  private wrap(e: Expression): string {
    return "${" + this.source(e) + "}";
  }

  /** Source text of an expression; like hcl2json, a `)` right after it is included. */
  private source(e: Expression): string {
    let end = this.tree.offsetOf(e.lastToken + 1);
    if (this.text.charCodeAt(end) === 0x29) end++;
    return this.text.slice(this.tree.offsetOf(e.firstToken), end);
  }
}

/** `"${x}"`: a template that is one interpolation and nothing else stands for that expression. */
function isPassthrough(t: TemplateExpr): boolean {
  return t.parts.length === 1 && t.parts[0]!.kind === "TemplateInterpolation";
}

/**
 * What hclsyntax parses as a ScopeTraversalExpr: a variable followed only by attribute steps
 * and index steps whose key is a literal (number, bool, null or a plain string).
 */
function isScopeTraversal(e: Expression): boolean {
  for (;;) {
    switch (e.kind) {
      case "Variable":
        return true;
      case "GetAttr":
        e = e.object;
        break;
      case "Index": {
        const k = e.key;
        if (k.kind !== "Literal" && !(k.kind === "Template" && isStringLiteral(k))) return false;
        e = e.collection;
        break;
      }
      default:
        return false;
    }
  }
}

function isStringLiteral(t: TemplateExpr): boolean {
  return t.value !== undefined || t.parts.length === 0 || (t.parts.length === 1 && t.parts[0]!.kind === "TemplateLiteral");
}
