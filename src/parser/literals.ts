// Decoding of template literal text: escapes in quoted strings, `$${`/`%%{`, strip markers and
// `<<-` heredoc indentation (hcl-syntax.md §1.8).

export interface DecodeProblem {
  /** Offset of the problem within the raw text. */
  offset: number;
  length: number;
  message: string;
  detail: string;
}

/** Decode the raw text of a quoted-template literal. */
export function decodeQuoted(raw: string, problems: DecodeProblem[]): string {
  if (!raw.includes("\\") && !raw.includes("${") && !raw.includes("%{")) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "$" || c === "%") {
      if (raw[i + 1] === c && raw[i + 2] === "{") {
        out += c + "{";
        i += 2;
        continue;
      }
      out += c;
      continue;
    }
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = raw[i + 1];
    switch (e) {
      case "n": out += "\n"; i++; continue;
      case "r": out += "\r"; i++; continue;
      case "t": out += "\t"; i++; continue;
      case '"': out += '"'; i++; continue;
      case "\\": out += "\\"; i++; continue;
      case "u":
      case "U": {
        const want = e === "u" ? 4 : 8;
        const hex = raw.slice(i + 2, i + 2 + want);
        if (hex.length !== want || !/^[0-9A-Fa-f]+$/.test(hex)) {
          problems.push({ offset: i, length: 2 + hex.length, message: "Invalid escape sequence", detail: `The \\${e} escape sequence must be followed by ${want === 4 ? "four" : "eight"} hexadecimal digits.` });
          out += raw.slice(i, i + 2);
          i++;
          continue;
        }
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
          problems.push({ offset: i, length: 2 + want, message: "Invalid escape sequence", detail: `Cannot encode character U+${hex.toUpperCase()} in UTF-8.` });
        } else {
          out += String.fromCodePoint(cp);
        }
        i += 1 + want;
        continue;
      }
      default:
        problems.push({
          offset: i,
          length: e === undefined ? 1 : 2,
          message: "Invalid escape sequence",
          detail: e === undefined ? "A backslash must be followed by an escape sequence selector." : `The symbol "${e}" is not a valid escape sequence selector.`,
        });
        out += e ?? "";
        i++;
    }
  }
  return out;
}

/** Decode heredoc literal text: only the `$${` and `%%{` escapes apply. */
export function decodeHeredoc(raw: string): string {
  return raw.includes("{") ? raw.replace(/([$%])\1\{/g, "$1{") : raw;
}

const SPACE = /^[\p{White_Space}]+/u;
const TRAILING_SPACE = /[\p{White_Space}]+$/u;

export function stripLeadingSpace(s: string): string {
  return s.replace(SPACE, "");
}

export function stripTrailingSpace(s: string): string {
  return s.replace(TRAILING_SPACE, "");
}

/** Length in code points of the leading whitespace (spaces and tabs count 1 each). */
export function leadingSpaceWidth(s: string): number {
  const m = SPACE.exec(s);
  return m ? [...m[0].replace(/[\r\n]+$/, "")].length : 0;
}

/** Remove `n` leading whitespace characters (code points). */
export function removeLeading(s: string, n: number): string {
  let i = 0;
  let k = 0;
  while (k < n && i < s.length && /\s/.test(s[i]!) && s[i] !== "\n") {
    i += s.codePointAt(i)! > 0xffff ? 2 : 1;
    k++;
  }
  return s.slice(i);
}
