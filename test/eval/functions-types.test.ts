import { describe, expect, it } from "vitest";
import { err, evalSource, ok } from "./helpers.js";

describe("can, try, convert", () => {
  it("can reports whether an expression evaluates", () => {
    expect(ok("can([][0])")).toBe(false);
    expect(ok('can({a = 1}.a)')).toBe(true);
    expect(ok("can(var.nope)")).toBe(false);
    expect(ok("can(1 / 0)")).toBe(true);
  });

  it("try returns the first success", () => {
    expect(ok('try(1 / "x", "fallback")')).toBe("fallback");
    expect(ok("try({a = 1}.a, 2)")).toBe(1);
    expect(ok('try(local.missing, "dflt")')).toBe("dflt");
    const [summary, detail] = err('try(1 / "x")');
    expect(summary).toBe("Error in function call");
    expect(detail).toContain('Call to function "try" failed: no expression succeeded:\n- Invalid operand (at ');
    expect(detail).toContain("Unsuitable value for right operand: a number is required.");
    expect(detail).toContain("At least one expression must produce a successful result");
  });

  it("convert takes a type constraint", () => {
    expect(ok('convert("5", number)')).toBe(5);
    expect(ok('convert([1, "a"], list(string))')).toEqual(["1", "a"]);
    expect(evalSource('convert([1, "a"], list(string))').value.type).toEqual({ kind: "list", elem: { kind: "string" } });
    expect(ok("convert({a = 1}, map(string))")).toEqual({ a: "1" });
    expect(ok("convert({a = 1}, object({a = string, b = optional(number)}))")).toEqual({ a: "1", b: null });
    expect(ok('convert(["b", "a", "b"], set(string))')).toEqual(["a", "b"]);
    expect(ok('convert("true", bool)')).toBe(true);
    expect(ok('convert("0", bool)')).toBe(false);
    expect(ok("convert(1, any)")).toBe(1);
    expect(ok('convert(["x", 1], tuple([string, string]))')).toEqual(["x", "1"]);
  });

  it("convert errors", () => {
    expect(err('convert("x", number)')[1]).toBe('Invalid value for "value" parameter: a number is required.');
    expect(err('convert("True", bool)')[1]).toBe('Invalid value for "value" parameter: a bool is required; to convert from string, use lowercase "true".');
    expect(err("convert({a = 1}, object({b = number}))")[1]).toBe('Invalid value for "value" parameter: attribute "b" is required.');
    expect(err("convert([1, {}], list(any))")[1]).toBe('Invalid value for "value" parameter: all list elements must have the same type.');
    expect(err("convert(true, number)")[1]).toBe('Invalid value for "value" parameter: number required.');
    expect(err("convert(1, list)")).toEqual(["Invalid type specification", "The list type constructor requires one argument specifying the element type."]);
    expect(err("convert(1, foo)")).toEqual(["Invalid type specification", 'The keyword "foo" is not a valid type specification.']);
  });
});
