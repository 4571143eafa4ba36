// Operators, conversion in operands, equality, conditionals (hcl-syntax.md §4.3-4.5).
import { describe, expect, it } from "vitest";
import { err, evalSource, ok } from "./helpers.js";

describe("arithmetic", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ['"2" * 3', 6],
    ['"10" - "2.5"', 7.5],
    ["-7 % 3", -1],
    ["7 % -3", 1],
    ["7.5 % 2", 1.5],
    ["5 % 0", 5],
    ["-2 * 3", -6],
    ["--3", 3],
    ['-"3"', -3],
    ["10 / 4", 2.5],
  ])("%s = %j", (src, want) => expect(ok(src)).toBe(want));

  it("division by zero gives infinities", () => {
    expect(evalSource("1 / 0").value.v).toBe(Infinity);
    expect(evalSource("-1 / 0").value.v).toBe(-Infinity);
  });

  it("0/0 fails", () => {
    expect(err("0/0")).toEqual(["Operation failed", "Error during operation: can't divide zero by zero or infinity by infinity."]);
  });

  it("operands must convert to number", () => {
    expect(err("true + 1")).toEqual(["Invalid operand", "Unsuitable value for left operand: number required."]);
    expect(err('1 + "x"')).toEqual(["Invalid operand", "Unsuitable value for right operand: a number is required."]);
    expect(err("null + 1")).toEqual(["Operation failed", "Error during operation: argument must not be null."]);
  });

  it("reports the operand's range", () => {
    const r = evalSource('1 + "x"');
    const d = r.diagnostics[0]!;
    expect(d.code).toBe("eval/invalid-operand");
    expect([d.range.start.column, d.range.end.column]).toEqual([9, 12]);
  });
});

describe("comparison and equality", () => {
  it.each([
    ['"10" > 9', true],
    ['"10" < 9', false],
    ["2 >= 2", true],
    ['1 == "1"', false],
    ["1 == 1.0", true],
    ["[1, 2] == [1, 2]", true],
    ["[1, 2] == [2, 1]", false],
    ["[1, 2] == convert([1, 2], list(number))", false],
    ['convert([1, 2], list(number)) == convert(["1", "2"], list(number))', true],
    ["{a = 1} == {a = 1}", true],
    ['{a = 1} == {a = "1"}', false],
    ["null == null", true],
    ["convert(null, string) == null", true],
    ['null == ""', false],
    ['"a" != "b"', true],
  ])("%s is %j", (src, want) => expect(ok(src)).toBe(want));

  it("chained comparison fails on bool vs number", () => {
    expect(err("1 < 2 < 3")).toEqual(["Invalid operand", "Unsuitable value for left operand: number required."]);
  });
});

describe("logic", () => {
  it.each([
    ['"true" && true', true],
    ["true || false", true],
    ['!"false"', true],
    ["!true && true", false],
  ])("%s is %j", (src, want) => expect(ok(src)).toBe(want));

  it("does not short-circuit: errors on the right are reported", () => {
    expect(err('false && convert("x", bool)')[0]).toBe("Invalid function argument");
    expect(err('true || convert("x", bool)')[0]).toBe("Invalid function argument");
  });

  it("null operands fail", () => {
    expect(err("null && true")).toEqual(["Operation failed", "Error during operation: argument must not be null."]);
  });
});

describe("conditional", () => {
  it("unifies branch types and converts the result", () => {
    const r = evalSource('true ? 1 : "x"');
    expect(r.json).toBe("1");
    expect(r.value.type.kind).toBe("string");
    expect(ok('false ? 1 : "x"')).toBe("x");
  });

  it("a null branch takes the other branch's type", () => {
    const r = evalSource("true ? null : 5");
    expect(r.json).toBe(null);
    expect(r.value.type.kind).toBe("number");
  });

  it("tuple and list unify to a list", () => {
    const r = evalSource('true ? ["a"] : convert(["b"], list(string))');
    expect(r.value.type).toEqual({ kind: "list", elem: { kind: "string" } });
    expect(r.json).toEqual(["a"]);
  });

  it("inconsistent types fail", () => {
    expect(err('true ? "a" : {}')).toEqual([
      "Inconsistent conditional result types",
      "The true and false result expressions must have consistent types. The 'true' value is string, but the 'false' value is object.",
    ]);
    expect(err("true ? {a = 1} : {b = 1}")[1]).toBe(
      `The true and false result expressions must have consistent types. The 'true' value includes object attribute "a", which is absent in the 'false' value.`,
    );
  });

  it("only the selected branch reports errors", () => {
    expect(ok('length([]) > 0 ? [][0] : "none"')).toBe("none");
  });

  it("condition errors", () => {
    expect(err("null ? 1 : 2")).toEqual(["Null condition", "The condition value is null. Conditions must either be true or false."]);
    expect(err('"yes" ? 1 : 2')).toEqual(["Incorrect condition type", "The condition expression must be of type bool."]);
    expect(ok('"true" ? 1 : 2')).toBe(1);
  });

  it("right-associative nesting", () => {
    expect(ok('false ? "a" : true ? "b" : "c"')).toBe("b");
  });
});
