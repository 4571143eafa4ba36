// JSON text of a value as cty's `json.Marshal` writes it: keys sorted, numbers in plain decimal,
// and Go's HTML-safe string escaping (`<` → `\u003c`).
import { type Value, compareStrings, formatNumber } from "../value.js";

export function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

export function jsonEncode(v: Value): string {
  if (v.v === null) return "null";
  if (typeof v.v === "string") return jsonString(v.v);
  if (typeof v.v === "number") return formatNumber(v.v);
  if (typeof v.v === "boolean") return String(v.v);
  if (Array.isArray(v.v)) return "[" + v.v.map(jsonEncode).join(",") + "]";
  const entries = [...v.v.entries()].sort((a, b) => compareStrings(a[0], b[0]));
  return "{" + entries.map(([k, x]) => jsonString(k) + ":" + jsonEncode(x)).join(",") + "}";
}
