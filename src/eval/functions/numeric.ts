// Numeric functions (cty stdlib number.go; hcl-syntax.md §5.2).
import type { FunctionDef } from "../function.js";
import { DYNAMIC, NUMBER } from "../types.js";
import { type Value, num } from "../value.js";
import { FunctionError, N, def, p } from "./define.js";

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Go's big.Int SetString(s, base): optional sign, digits of the base (letters case-insensitive up to base 36). */
export function parseInt(s: string, base: number): number | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    i = 1;
  }
  if (i >= s.length) return undefined;
  let acc = 0n;
  const b = BigInt(base);
  for (; i < s.length; i++) {
    let c = s[i]!;
    if (c === "_") return undefined;
    if (base <= 36) c = c.toLowerCase();
    const d = DIGITS.indexOf(c);
    if (d < 0 || d >= base) return undefined;
    acc = acc * b + BigInt(d);
  }
  return Number(neg ? -acc : acc);
}

function minmax(name: string, pick: (a: number, b: number) => number): FunctionDef {
  return def(
    [],
    (args) => {
      if (args.length === 0) throw new FunctionError("must pass at least one number");
      return num(args.map(N).reduce((a, b) => pick(a, b)));
    },
    p("numbers", NUMBER),
  );
}

export function numericFunctions(): Record<string, FunctionDef> {
  const one = (f: (n: number) => number) => def([p("num", NUMBER)], ([a]) => num(f(N(a!))));
  return {
    abs: one(Math.abs),
    ceil: one(Math.ceil),
    floor: one(Math.floor),
    signum: one((n) => (n > 0 ? 1 : n < 0 ? -1 : 0)),
    log: def([p("num", NUMBER), p("base", NUMBER)], ([a, b]) => {
      const r = Math.log(N(a!)) / Math.log(N(b!));
      if (Number.isNaN(r)) throw new FunctionError("the result is not a number");
      return num(r);
    }),
    pow: def([p("num", NUMBER), p("power", NUMBER)], ([a, b]) => {
      const r = Math.pow(N(a!), N(b!));
      if (Number.isNaN(r)) throw new FunctionError("the result is not a number");
      return num(r);
    }),
    max: minmax("max", Math.max),
    min: minmax("min", Math.min),
    parseint: def([p("number", DYNAMIC), p("base", NUMBER)], ([n, b]) => {
      const v = n as Value;
      if (v.type.kind !== "string") throw new FunctionError(`first argument must be a string, not ${v.type.kind}`, 0);
      const base = N(b!);
      if (!Number.isInteger(base) || base < 2 || base > 62)
        throw new FunctionError("base must be a whole number between 2 and 62 inclusive", 1);
      const r = parseInt(v.v as string, base);
      if (r === undefined) throw new FunctionError(`cannot parse ${JSON.stringify(v.v)} as a base ${base} integer`, 0);
      return num(r);
    }),
  };
}
