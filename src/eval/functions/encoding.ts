// Encoding functions: base64, CSV, JSON, YAML (cty stdlib / cty-yaml; hcl-syntax.md §5.4).
import { parseAllDocuments } from "yaml";
import type { FunctionDef } from "../function.js";
import { DYNAMIC, STRING, objectOf } from "../types.js";
import { type Value, compareStrings, formatNumber, fromJSON, list, object, str } from "../value.js";
import { FunctionError, S, def, p } from "./define.js";
import { jsonEncode } from "./json.js";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64decode(s: string): string {
  if (s.length % 4 !== 0 || !BASE64.test(s)) throw new FunctionError(`failed to decode base64 data ${JSON.stringify(s)}`, 0);
  const bytes = Buffer.from(s, "base64");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FunctionError("the result of decoding the provided string is not valid UTF-8", 0);
  }
}

/** RFC 4180 records, as Go's encoding/csv reads them (blank lines skipped, fixed field count). */
export function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n")) {
      i += text[i] === "\r" ? 2 : 1;
      line++;
      continue;
    }
    const row: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new FunctionError(`parse error on line ${line}: extraneous or missing " in quoted-field`);
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === "\n") line++;
          field += text[i++];
        }
        if (i < n && text[i] !== "," && text[i] !== "\n" && !(text[i] === "\r" && text[i + 1] === "\n"))
          throw new FunctionError(`parse error on line ${line}: extraneous or missing " in quoted-field`);
      } else {
        while (i < n && text[i] !== "," && text[i] !== "\n" && !(text[i] === "\r" && text[i + 1] === "\n")) {
          if (text[i] === '"') throw new FunctionError(`parse error on line ${line}: bare " in non-quoted-field`);
          field += text[i++];
        }
      }
      row.push(field);
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    if (rows.length > 0 && row.length !== rows[0]!.length) throw new FunctionError(`record on line ${line}: wrong number of fields`);
    rows.push(row);
  }
  return rows;
}

function csvdecode(s: string): Value {
  const rows = parseCSV(s);
  if (rows.length === 0) throw new FunctionError("missing header line", 0);
  const header = rows[0]!;
  const type = objectOf(Object.fromEntries(header.map((h) => [h, STRING])));
  return list(
    type,
    rows.slice(1).map((r) => object(new Map(header.map((h, i) => [h, str(r[i]!)])))),
  );
}

// ---------------------------------------------------------------- YAML (cty-yaml's output style)

const yamlQuote = (s: string) => JSON.stringify(s);

function yamlScalar(v: Value, indent: string): string | undefined {
  if (v.v === null) return "null";
  if (typeof v.v === "boolean") return String(v.v);
  if (typeof v.v === "number") return formatNumber(v.v);
  if (typeof v.v === "string") {
    if (!v.v.includes("\n")) return yamlQuote(v.v);
    const body = v.v.endsWith("\n") ? v.v.slice(0, -1) : v.v;
    const head = v.v.endsWith("\n") ? "|" : "|-";
    return head + body.split("\n").map((l) => "\n" + (l === "" ? "" : indent + "  " + l)).join("");
  }
  if (Array.isArray(v.v) && v.v.length === 0) return "[]";
  if (v.v instanceof Map && v.v.size === 0) return "{}";
  return undefined;
}

function yamlLines(v: Value, indent: string): string {
  if (Array.isArray(v.v)) {
    return v.v
      .map((e) => {
        const s = yamlScalar(e, indent);
        if (s !== undefined) return `${indent}- ${s}\n`;
        return `${indent}- ${yamlLines(e, indent + "  ").slice(indent.length + 2)}`;
      })
      .join("");
  }
  const entries = [...(v.v as Map<string, Value>).entries()].sort((a, b) => compareStrings(a[0], b[0]));
  return entries
    .map(([k, e]) => {
      const s = yamlScalar(e, indent);
      if (s !== undefined) return `${indent}${yamlQuote(k)}: ${s}\n`;
      const childIndent = Array.isArray(e.v) ? indent : indent + "  ";
      return `${indent}${yamlQuote(k)}:\n${yamlLines(e, childIndent)}`;
    })
    .join("");
}

export function yamlEncode(v: Value): string {
  const s = yamlScalar(v, "");
  return s !== undefined ? s + "\n" : yamlLines(v, "");
}

function yamlDecode(src: string): Value {
  const docs = parseAllDocuments(src);
  if (!Array.isArray(docs)) return fromJSON(null);
  const errs = docs.flatMap((d) => d.errors);
  if (errs.length) throw new FunctionError(`on line ${errs[0]!.linePos?.[0].line ?? 1}: ${errs[0]!.message.split("\n")[0]}`, 0);
  if (docs.length > 1) throw new FunctionError("multiple YAML documents are not supported", 0);
  if (docs.length === 0) return fromJSON(null);
  return fromJSON(docs[0]!.toJS({ maxAliasCount: 1000 }));
}

export function encodingFunctions(): Record<string, FunctionDef> {
  return {
    base64encode: def([p("str", STRING)], ([s]) => str(Buffer.from(S(s!), "utf8").toString("base64"))),
    base64decode: def([p("str", STRING)], ([s]) => str(base64decode(S(s!)))),
    csvdecode: def([p("str", STRING)], ([s]) => csvdecode(S(s!))),
    jsonencode: def([p("val", DYNAMIC, { allowNull: true })], ([v]) => str(jsonEncode(v!))),
    jsondecode: def([p("str", STRING)], ([s]) => {
      try {
        return fromJSON(JSON.parse(S(s!)));
      } catch (e) {
        throw new FunctionError(e instanceof Error ? e.message : String(e), 0);
      }
    }),
    yamlencode: def([p("value", DYNAMIC, { allowNull: true })], ([v]) => str(yamlEncode(v!))),
    yamldecode: def([p("src", STRING)], ([s]) => yamlDecode(S(s!))),
  };
}
