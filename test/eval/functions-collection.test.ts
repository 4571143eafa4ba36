import { describe, expect, it } from "vitest";
import { err, evalSource, ok } from "./helpers.js";

describe("collection functions", () => {
  it.each([
    ['chunklist(["a", "b", "c"], 2)', [["a", "b"], ["c"]]],
    ['chunklist(["a", "b", "c"], 0)', [["a", "b", "c"]]],
    ['coalesce(null, "", "b")', ""],
    ['coalesce(null, 1, "2")', "1"],
    ['coalescelist([], ["a"])', ["a"]],
    ['compact(["a", "", "b", null])', ["a", "b"]],
    ['concat([1], [2, "x"])', [1, 2, "x"]],
    ['contains(["a", "b"], "b")', true],
    ['contains([1], "1")', false],
    ["distinct([1, 2, 1, 3])", [1, 2, 3]],
    ['element(["a", "b", "c"], 4)', "b"],
    ["flatten([[1, [2]], [], 3])", [1, 2, 3]],
    ['index({a = 1}, "a")', 1],
    ["index([5, 6], 1)", 6],
    ["keys({b = 1, a = 2})", ["a", "b"]],
    ["values({b = 1, a = 2})", [2, 1]],
    ["length({a = 1, b = 2})", 2],
    ["length([1, 2, 3])", 3],
    ['length(convert(["a", "a"], set(string)))', 1],
    ['lookup({a = "x"}, "b", "dflt")', "dflt"],
    ['lookup({a = "x"}, "a", "dflt")', "x"],
    ['merge({a = 1}, null, {b = "x"}, {a = 2})', { a: 2, b: "x" }],
    ["range(3)", [0, 1, 2]],
    ["range(1, 4)", [1, 2, 3]],
    ["range(5, 1)", [5, 4, 3, 2]],
    ["range(0, 1, 0.25)", [0, 0.25, 0.5, 0.75]],
    ['setintersection(["a", "b"], ["b", "c"])', ["b"]],
    ['setunion(["b"], ["a", "b"])', ["a", "b"]],
    ['setproduct(["a", "b"], [1, 2])', [["a", 1], ["a", 2], ["b", 1], ["b", 2]]],
    ['slice(["a", "b", "c", "d"], 1, 3)', ["b", "c"]],
    ['sort(["b", "a", "C", 10])', ["10", "C", "a", "b"]],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
  ])("%s", (src, want) => expect(ok(src)).toEqual(want));

  it("result types", () => {
    expect(evalSource("distinct([1, 1])").value.type).toEqual({ kind: "list", elem: { kind: "number" } });
    expect(evalSource('merge(convert({a = "x"}, map(string)), convert({b = "y"}, map(string)))').value.type.kind).toBe("map");
    expect(evalSource("merge({a = 1}, {b = 2})").value.type.kind).toBe("object");
    expect(evalSource('setunion(["a"], ["b"])').value.type).toEqual({ kind: "set", elem: { kind: "string" } });
    expect(evalSource("range(2)").value.type).toEqual({ kind: "list", elem: { kind: "number" } });
  });

  it("errors", () => {
    expect(err("coalesce(null, null)")[1]).toBe('Call to function "coalesce" failed: no non-null arguments.');
    expect(err("element([], 0)")[1]).toBe('Invalid value for "list" parameter: cannot use element function with an empty list.');
    expect(err('element(["a"], -1)')[1]).toBe('Invalid value for "index" parameter: cannot use element function with a negative index.');
    expect(err('length("abc")')[1]).toBe('Invalid value for "collection" parameter: collection must be a list, a map or a tuple.');
    expect(err("range(1, 4, -1)")[0]).toBe("Invalid function argument");
    expect(err("slice([1], 2, 1)")[1]).toBe('Invalid value for "start_index" parameter: start index must not be greater than end index.');
    expect(err('zipmap(["a"], [1, 2])')[1]).toBe('Call to function "zipmap" failed: number of keys (1) does not match number of values (2).');
    expect(err("index([1, 2], 5)")[0]).toBe("Error in function call");
    expect(err('lookup({a = 1}, "a")')[0]).toBe("Not enough function arguments");
    expect(err('distinct([1, {}])')[1]).toBe('Invalid value for "list" parameter: all list elements must have the same type.');
  });
});
