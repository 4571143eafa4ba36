// format / formatlist: cty's printf dialect (stdlib/format.go).
import { convert } from "../convert.js";
import type { FunctionDef } from "../function.js";
import { BOOL, DYNAMIC, NUMBER, STRING } from "../types.js";
import { type Value, formatNumber, list, str } from "../value.js";
import { FunctionError, def, p } from "./define.js";
import { jsonEncode } from "./json.js";

interface Verb {
  raw: string;
  offset: number;
  argNum: number;
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
  mode: string;
}

/** Split a format string into literal text and verbs; arguments are numbered from 1. */
function parseFormat(fmt: string): (string | Verb)[] {
  const out: (string | Verb)[] = [];
  let lit = "";
  let nextArg = 1;
  const chars = [...fmt];
  let i = 0;
  let offset = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c !== "%") {
      lit += c;
      i++;
      offset += c.length;
      continue;
    }
    if (chars[i + 1] === "%") {
      lit += "%";
      i += 2;
      offset += 2;
      continue;
    }
    const start = i;
    const startOffset = offset;
    i++;
    const v: Verb = { raw: "", offset: startOffset, argNum: 0, plus: false, minus: false, sharp: false, space: false, zero: false, mode: "" };
    for (; i < chars.length && "+-# 0".includes(chars[i]!); i++) {
      const f = chars[i]!;
      if (f === "+") v.plus = true;
      else if (f === "-") v.minus = true;
      else if (f === "#") v.sharp = true;
      else if (f === " ") v.space = true;
      else v.zero = true;
    }
    const readIndex = () => {
      if (chars[i] !== "[") return;
      let j = i + 1;
      let n = "";
      while (j < chars.length && /\d/.test(chars[j]!)) n += chars[j++];
      if (chars[j] !== "]" || n === "") throw new FunctionError(`invalid format string: bad argument index at offset ${offset + (i - start)}`, 0);
      nextArg = Number(n);
      i = j + 1;
    };
    readIndex();
    let w = "";
    while (i < chars.length && /\d/.test(chars[i]!)) w += chars[i++];
    if (w) v.width = Number(w);
    if (chars[i] === ".") {
      i++;
      let pr = "";
      while (i < chars.length && /\d/.test(chars[i]!)) pr += chars[i++];
      v.prec = pr ? Number(pr) : 0;
    }
    readIndex();
    const mode = chars[i];
    if (mode === undefined) throw new FunctionError(`invalid format string: unterminated verb at offset ${startOffset}`, 0);
    if (!"vtbdoxXeEfgGsq".includes(mode)) throw new FunctionError(`unrecognized format character ${JSON.stringify(mode)} at offset ${offset + (i - start)}`, 0);
    v.mode = mode;
    i++;
    v.raw = chars.slice(start, i).join("");
    offset = startOffset + v.raw.length;
    v.argNum = nextArg++;
    if (lit) out.push(lit);
    lit = "";
    out.push(v);
  }
  if (lit) out.push(lit);
  return out;
}

function pad(s: string, v: Verb, numeric: boolean): string {
  const w = v.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  if (v.minus) return s + " ".repeat(w - len);
  if (v.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : "";
    return sign + "0".repeat(w - len) + s.slice(sign.length);
  }
  return " ".repeat(w - len) + s;
}

const sign = (n: number, v: Verb) => (n < 0 || Object.is(n, -0) ? "-" : v.plus ? "+" : v.space ? " " : "");

/** Go's exponent form: at least two exponent digits. */
function goExp(s: string, upper: boolean): string {
  const r = s.replace(/e([+-])(\d)$/, "e$10$2");
  return upper ? r.toUpperCase() : r;
}

/** Round a digit string (no sign, no point) to `keep` digits, half to even (Go's big.Float rounding). */
function roundDigits(digits: string, keep: number): { digits: string; carry: boolean } {
  if (digits.length <= keep) return { digits: digits.padEnd(keep, "0"), carry: false };
  const head = digits.slice(0, keep);
  const rest = digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  const tie = first === 5 && /^50*$/.test(rest);
  const lastEven = keep === 0 || (head.charCodeAt(keep - 1) - 48) % 2 === 0;
  const up = first > 5 || (first === 5 && !tie) || (tie && !lastEven);
  if (!up) return { digits: head, carry: false };
  const n = (BigInt(head || "0") + 1n).toString().padStart(keep, "0");
  return n.length > keep ? { digits: n.slice(0, keep), carry: true } : { digits: n, carry: false };
}

/** toFixed with half-to-even rounding on the double's exact decimal value. */
function toFixedEven(a: number, prec: number): string {
  const exact = a.toFixed(100);
  const [int, frac = ""] = exact.split(".");
  const r = roundDigits(int! + frac, int!.length + prec);
  let d = r.carry ? "1" + r.digits + "0" : r.digits;
  if (r.carry) d = d.slice(0, -1);
  const intLen = d.length - prec;
  const i = d.slice(0, intLen).replace(/^0+(?=\d)/, "") || "0";
  return prec > 0 ? `${i}.${d.slice(intLen)}` : i;
}

function toExponentialEven(a: number, prec: number): string {
  if (a === 0 || a >= 1e21 || a < 1e-80) return a.toExponential(prec); // beyond toFixed's exact range
  const e0 = Number(a.toExponential().split("e")[1]);
  const exact = a.toFixed(100).replace(".", "").replace(/^0+/, "");
  let exp = e0;
  const r = roundDigits(exact, prec + 1);
  let d = r.digits;
  if (r.carry) {
    d = ("1" + d).slice(0, prec + 1);
    exp++;
  }
  return `${d[0]}${prec > 0 ? "." + d.slice(1) : ""}e${exp < 0 ? "-" : "+"}${Math.abs(exp)}`;
}

function formatFloat(n: number, v: Verb): string {
  if (!Number.isFinite(n)) return (n < 0 ? "-" : v.plus ? "+" : "") + "Inf";
  const a = Math.abs(n);
  let body: string;
  switch (v.mode) {
    case "f":
      body = a >= 1e21 ? formatNumber(a) + (v.prec === 0 ? "" : "." + "0".repeat(v.prec ?? 6)) : toFixedEven(a, v.prec ?? 6);
      break;
    case "e":
    case "E":
      body = goExp(toExponentialEven(a, v.prec ?? 6), v.mode === "E");
      break;
    default: {
      // %g (Go's big.Float rules): %e form when exp < -4 or exp >= eprec (6 for the shortest form).
      const shortest = v.prec === undefined;
      const prec = shortest ? 0 : Math.max(v.prec!, 1);
      const rounded = shortest ? a : Number(a.toPrecision(prec));
      const digits = rounded === 0 ? 1 : rounded.toExponential().replace(/e.*$/, "").replace(".", "").length;
      const exp = rounded === 0 ? 0 : Number(rounded.toExponential().replace(/^.*e/, ""));
      let eprec = shortest ? 6 : prec;
      if (!shortest && eprec > digits && digits >= exp + 1) eprec = digits;
      body = exp < -4 || exp >= eprec ? goExp(rounded.toExponential(), v.mode === "G") : formatNumber(rounded);
    }
  }
  return sign(n, v) + body;
}

function formatInt(n: number, v: Verb): string {
  const b = BigInt(n < 0 ? -n : n);
  let body: string;
  switch (v.mode) {
    case "b":
      body = (v.sharp ? "0b" : "") + b.toString(2);
      break;
    case "o":
      body = (v.sharp ? "0" : "") + b.toString(8);
      break;
    case "x":
      body = (v.sharp ? "0x" : "") + b.toString(16);
      break;
    case "X":
      body = (v.sharp ? "0X" : "") + b.toString(16).toUpperCase();
      break;
    default:
      body = b.toString();
  }
  if (v.prec !== undefined && body.length < v.prec) body = "0".repeat(v.prec - body.length) + body;
  return sign(n, v) + body;
}

function convertArg(arg: Value, want: typeof NUMBER, v: Verb): Value {
  const r = convert(arg, want);
  if (!r.ok) throw new FunctionError(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: ${r.error}`);
  return r.value;
}

function formatOne(v: Verb, arg: Value): string {
  if (arg.v === null && v.mode !== "v") throw new FunctionError(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: null value cannot be formatted`);
  switch (v.mode) {
    case "v": {
      let s: string;
      if (v.sharp) s = jsonEncode(arg);
      else if (arg.v === null) s = "null";
      else if (typeof arg.v === "string") s = arg.v;
      else if (typeof arg.v === "number") s = formatNumber(arg.v);
      else if (typeof arg.v === "boolean") s = String(arg.v);
      else s = jsonEncode(arg);
      return pad(v.prec !== undefined ? [...s].slice(0, v.prec).join("") : s, v, false);
    }
    case "t":
      return pad(String(convertArg(arg, BOOL, v).v), v, false);
    case "b":
    case "d":
    case "o":
    case "x":
    case "X": {
      const n = convertArg(arg, NUMBER, v).v as number;
      if (!Number.isInteger(n)) throw new FunctionError(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: an integer is required`);
      return pad(formatInt(n, v), v, true);
    }
    case "e":
    case "E":
    case "f":
    case "g":
    case "G":
      return pad(formatFloat(convertArg(arg, NUMBER, v).v as number, v), v, true);
    case "s": {
      const s = convertArg(arg, STRING, v).v as string;
      return pad(v.prec !== undefined ? [...s].slice(0, v.prec).join("") : s, v, false);
    }
    default: {
      const s = convertArg(arg, STRING, v).v as string;
      return pad(JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, "\\x$1"), v, false);
    }
  }
}

export function formatValues(fmt: string, args: Value[]): string {
  const parts = parseFormat(fmt);
  let out = "";
  let maxArg = 0;
  for (const part of parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    if (part.argNum > args.length)
      throw new FunctionError(
        `not enough arguments for ${JSON.stringify(part.raw)} at ${part.offset}: need index ${part.argNum} but have ${args.length} total`,
      );
    maxArg = Math.max(maxArg, part.argNum);
    out += formatOne(part, args[part.argNum - 1]!);
  }
  if (maxArg < args.length) throw new FunctionError(`too many arguments; only ${maxArg} used by format string`);
  return out;
}

export function formatFunction(): FunctionDef {
  return def([p("format", STRING)], ([f, ...args]) => str(formatValues(f!.v as string, args)), p("args", DYNAMIC, { allowNull: true }));
}

export function formatlistFunction(): FunctionDef {
  return def(
    [p("format", STRING)],
    ([f, ...args]) => {
      let n = -1;
      let lenArg = -1;
      args.forEach((a, i) => {
        const k = a.type.kind;
        if (a.v === null || (k !== "list" && k !== "tuple")) return;
        const len = (a.v as Value[]).length;
        if (n >= 0 && len !== n)
          throw new FunctionError(`argument ${i + 1} has length ${len}, which is inconsistent with argument ${lenArg + 1} of length ${n}`, i + 1);
        n = len;
        lenArg = i;
      });
      if (n < 0) n = 1; // no list arguments: a single-element result
      const out: Value[] = [];
      for (let j = 0; j < n; j++) {
        const row = args.map((a) => {
          const k = a.type.kind;
          return a.v !== null && (k === "list" || k === "tuple") ? (a.v as Value[])[j]! : a;
        });
        try {
          out.push(str(formatValues(f!.v as string, row)));
        } catch (e) {
          throw new FunctionError(`error on format iteration ${j}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      return list(STRING, out);
    },
    p("args", DYNAMIC, { allowNull: true }),
  );
}

