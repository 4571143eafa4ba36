import { describe, expect, it } from "vitest";
import { err, ok } from "./helpers.js";

describe("numeric functions", () => {
  it.each([
    ["abs(-3.5)", 3.5],
    ["ceil(1.2)", 2],
    ["floor(-1.2)", -2],
    ["log(8, 2)", 3],
    ["pow(2, 10)", 1024],
    ["signum(-4)", -1],
    ["signum(0)", 0],
    ["max(1, 5, 3)", 5],
    ["min([3, 1]...)", 1],
    ['max("12", 3)', 12],
    ['parseint("ff", 16)', 255],
    ['parseint("FF", 16)', 255],
    ['parseint("-101", 2)', -5],
    ['parseint("zz", 62)', 2205],
    ['parseint("Zz", 62)', 3817],
  ])("%s = %j", (src, want) => expect(ok(src)).toBe(want));

  it("errors", () => {
    expect(err("max()")[1]).toBe('Call to function "max" failed: must pass at least one number.');
    expect(err('parseint("12", 1)')[1]).toBe('Invalid value for "base" parameter: base must be a whole number between 2 and 62 inclusive.');
    expect(err('parseint("xyz", 10)')[1]).toBe('Invalid value for "number" parameter: cannot parse "xyz" as a base 10 integer.');
    expect(err("parseint(12, 10)")[1]).toBe('Invalid value for "number" parameter: first argument must be a string, not number.');
  });
});
