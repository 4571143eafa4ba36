// String helpers for the hcl2json conversion: how literal strings and numbers are written.

/**
 * Literal template text is re-escaped so it does not read as a template: `${` → `$${` and
 * `%{` → `%%{` (what @cdktf/hcl2json does, observed).
 */
export function escapeLiteral(s: string): string {
  if (s.indexOf("{") < 0) return s;
  return s.replace(/([$%])\{/g, "$1$1{");
}

// Any code point that NFC normalization can change is at or above U+0300.
const MAYBE_NOT_NFC = /[\u0300-\uffff]/;

/** cty normalizes every string value to NFC. */
export function nfc(s: string): string {
  return MAYBE_NOT_NFC.test(s) ? s.normalize("NFC") : s;
}

/**
 * A number literal as cty writes it when converting to a string (`big.Float.Text('f', -1)`):
 * plain decimal, no exponent, no redundant zeros (`1.5e3` → `1500`, `1.50` → `1.5`, `007` → `7`).
 */
export function decimalText(raw: string): string {
  let mantissa = raw;
  let exp = 0;
  const e = raw.search(/[eE]/);
  if (e >= 0) {
    mantissa = raw.slice(0, e);
    exp = Number(raw.slice(e + 1));
  }
  const dot = mantissa.indexOf(".");
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // Position of the decimal point within `digits`.
  let point = (dot < 0 ? mantissa.length : dot) + exp;
  // Trim leading zeros (moving the point) and trailing zeros.
  let start = 0;
  while (start < digits.length && digits[start] === "0") start++;
  digits = digits.slice(start);
  point -= start;
  let end = digits.length;
  while (end > 0 && digits[end - 1] === "0") end--;
  digits = digits.slice(0, end);
  if (digits.length === 0) return "0";
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}
