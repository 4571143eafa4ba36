// String functions (cty stdlib string.go, format.go, regexp.go; hcl-syntax.md §5.1).
import { RE2JS } from "re2js";
import type { FunctionDef } from "../function.js";
import { NUMBER, STRING, listOf } from "../types.js";
import { type Value, list, str } from "../value.js";
import { formatFunction, formatlistFunction } from "./format.js";
import { FunctionError, S, def, int, p, strFn } from "./define.js";

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
export const graphemes = (s: string): string[] => Array.from(segmenter.segment(s), (x) => x.segment);

/** Go's unicode.IsSpace. */
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;

/** Go's strings.Title: upper-case the first letter of each word (separators: not letter/digit/underscore). */
function title(s: string): string {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    const code = prev.codePointAt(0)!;
    const sep = code < 0x80 ? !/[A-Za-z0-9_]/.test(prev) : /\s/u.test(prev);
    out += sep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

/** Go's per-rune case mapping: special casings that change the length (`ß` → `SS`) are not applied. */
function caseMap(s: string, f: (c: string) => string): string {
  let out = "";
  for (const c of s) {
    const m = f(c);
    out += [...m].length === 1 ? m : c;
  }
  return out;
}

/** Go's strings.Replace(s, old, new, -1), including the empty-`old` case. */
function replaceAll(s: string, old: string, rep: string): string {
  if (old === "") return rep + [...s].join(rep) + (s.length ? rep : "");
  return s.split(old).join(rep);
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** Go's Regexp.ReplaceAllString with `$1`, `$name`, `${name}` expansion. */
function regexReplace(s: string, pattern: string, rep: string): string {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    throw new FunctionError(`invalid regular expression pattern: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const names = re.namedGroups() as Record<string, number>;
  const m = re.matcher(s);
  let out = "";
  let last = 0;
  while (m.find()) {
    out += s.slice(last, m.start());
    out += expand(rep, (name) => {
      const idx = /^\d+$/.test(name) ? Number(name) : names[name];
      if (idx === undefined || idx > re.groupCount()) return "";
      return m.group(idx) ?? "";
    });
    last = m.end();
  }
  return out + s.slice(last);
}

function expand(template: string, group: (name: string) => string): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== "$" || i + 1 >= template.length) {
      out += c;
      continue;
    }
    const next = template[i + 1]!;
    if (next === "$") {
      out += "$";
      i++;
      continue;
    }
    let name: string | undefined;
    let end = i + 1;
    if (next === "{") {
      const close = template.indexOf("}", i + 2);
      const n = close < 0 ? "" : template.slice(i + 2, close);
      if (close >= 0 && /^[A-Za-z0-9_]+$/.test(n)) {
        name = n;
        end = close + 1;
      }
    } else {
      const mm = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
      if (mm) {
        name = mm[0];
        end = i + 1 + name.length;
      }
    }
    if (name === undefined) {
      out += c; // Go drops a malformed "$" reference; keeping "$" is the closest readable choice
      continue;
    }
    out += group(name);
    i = end - 1;
  }
  return out;
}

function substr(s: string, offset: number, length: number): string {
  const g = graphemes(s);
  if (offset < 0) offset = Math.max(0, offset + g.length);
  if (offset > g.length) return "";
  return (length < 0 ? g.slice(offset) : g.slice(offset, offset + length)).join("");
}

function trimCutset(s: string, cutset: string): string {
  const cut = new Set(cutset);
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  while (a < b && cut.has(chars[a]!)) a++;
  while (b > a && cut.has(chars[b - 1]!)) b--;
  return chars.slice(a, b).join("");
}

export function stringFunctions(): Record<string, FunctionDef> {
  const rev = strFn("str", (s) => graphemes(s).reverse().join(""));
  return {
    chomp: strFn("str", (s) => s.replace(/(?:\r\n|\r|\n)+$/, "")),
    format: formatFunction(),
    formatlist: formatlistFunction(),
    indent: def([p("spaces", NUMBER), p("str", STRING)], ([n, s]) => str(S(s!).split("\n").join("\n" + " ".repeat(Math.max(0, int(n!, 0)))))),
    join: def(
      [p("separator", STRING)],
      ([sep, ...lists]) => {
        if (lists.length === 0) throw new FunctionError("at least one list is required");
        const parts: string[] = [];
        lists.forEach((l, li) =>
          (l!.v as Value[]).forEach((e, ei) => {
            if (e.v === null) throw new FunctionError(`element ${ei} of list ${li} is null; cannot concatenate null values`, li + 1);
            parts.push(e.v as string);
          }),
        );
        return str(parts.join(S(sep!)));
      },
      p("lists", listOf(STRING)),
    ),
    lower: strFn("str", (s) => caseMap(s, (c) => c.toLowerCase())),
    upper: strFn("str", (s) => caseMap(s, (c) => c.toUpperCase())),
    title: strFn("str", title),
    split: def([p("separator", STRING), p("str", STRING)], ([sep, s]) => {
      const parts = S(sep!) === "" ? [...S(s!)] : S(s!).split(S(sep!));
      return list(
        STRING,
        parts.map((x) => str(x)),
      );
    }),
    strlen: def([p("str", STRING)], ([s]) => ({ type: NUMBER, v: graphemes(S(s!)).length })),
    strrev: rev,
    reverse: rev,
    substr: def([p("str", STRING), p("offset", NUMBER), p("length", NUMBER)], ([s, o, l]) =>
      str(substr(S(s!), int(o!, 1), int(l!, 2))),
    ),
    trim: def([p("str", STRING), p("cutset", STRING)], ([s, c]) => str(trimCutset(S(s!), S(c!)))),
    trimprefix: def([p("str", STRING), p("prefix", STRING)], ([s, x]) =>
      str(S(s!).startsWith(S(x!)) ? S(s!).slice(S(x!).length) : S(s!)),
    ),
    trimsuffix: def([p("str", STRING), p("suffix", STRING)], ([s, x]) =>
      str(S(x!) !== "" && S(s!).endsWith(S(x!)) ? S(s!).slice(0, -S(x!).length) : S(s!)),
    ),
    trimspace: strFn("str", (s) => s.replace(SPACE, "")),
    replace: def([p("str", STRING), p("substr", STRING), p("replace", STRING)], ([s, o, r]) => str(replaceAll(S(s!), S(o!), S(r!)))),
    regex_replace: def([p("str", STRING), p("substr", STRING), p("replace", STRING)], ([s, o, r]) => str(regexReplace(S(s!), S(o!), S(r!)))),
    urlencode: strFn("str", queryEscape),
  };
}

