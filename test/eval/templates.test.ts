// Templates, for expressions, splats, indexing and runtime pass-through (§4.6, §4.7, §6.5).
import { describe, expect, it } from "vitest";
import { err, evalSource, ok } from "./helpers.js";

describe("templates", () => {
  it("interpolates and converts", () => {
    expect(ok('"n=${1 + 1}, b=${true}, s=${"x"}"')).toBe("n=2, b=true, s=x");
    expect(ok('"${1.5}/${10}/${1e3}"')).toBe("1.5/10/1000");
  });

  it("unwraps a lone interpolation", () => {
    const n = evalSource('"${1 + 1}"');
    expect(n.value.type.kind).toBe("number");
    expect(n.json).toBe(2);
    expect(ok('"${[1]}"')).toEqual([1]);
    expect(ok('"${null}"')).toBe(null);
  });

  it("rejects null and collections inside a string", () => {
    expect(err('"x${null}"')).toEqual([
      "Invalid template interpolation value",
      "The expression result is null. Cannot include a null value in a string template.",
    ]);
    expect(err('"x${[1]}"')).toEqual(["Invalid template interpolation value", "Cannot include the given value in a string template: string required."]);
  });

  it("if and for directives", () => {
    expect(ok('"a%{ if true }b%{ else }c%{ endif }d"')).toBe("abd");
    expect(ok('"a%{ if false }b%{ endif }d"')).toBe("ad");
    expect(ok('"%{ for i, v in ["a", "b"] }${i}=${v},%{ endfor }"')).toBe("0=a,1=b,");
    expect(ok('"%{ for k, v in {b = 2, a = 1} }${k}${v}%{ endfor }"')).toBe("a1b2");
  });

  it("strip markers", () => {
    expect(ok('"a ${~ "b" ~} c"')).toBe("abc");
  });

  it("heredocs always produce strings", () => {
    expect(ok("<<EOT\n${1}\nEOT")).toBe("1\n");
    expect(ok("<<-EOT\n    a\n      b\n    EOT")).toBe("a\n  b\n");
  });

  it("escapes", () => {
    expect(ok('"$${x} %%{y}"')).toBe("${x} %{y}");
  });
});

describe("runtime references pass through", () => {
  it.each([
    ['"${node.unique.name}"', "${node.unique.name}"],
    ['"${attr.kernel.name}-x"', "${attr.kernel.name}-x"],
    ['"${env["HOME"]}"', '${env["HOME"]}'],
    ['"${NOMAD_ALLOC_INDEX}"', "${NOMAD_ALLOC_INDEX}"],
    ['"${meta.rack}/${NOMAD_META_x}"', "${meta.rack}/${NOMAD_META_x}"],
    ['"${ node.class }"', "${ node.class }"],
    ['"pre-${attr.a.b}-post"', "pre-${attr.a.b}-post"],
    ['upper("${node.class}")', "${NODE.CLASS}"],
    ["node.unique.id", "${node.unique.id}"],
    ['"$${not.a.ref}"', "${not.a.ref}"],
  ])("%s → %s", (src, want) => expect(ok(src)).toBe(want));

  it("var.undeclared is still an error", () => {
    expect(err("var.nope")).toEqual(["Unsupported attribute", 'This object does not have an attribute named "nope".']);
  });
});

describe("for expressions", () => {
  it("tuple and object forms", () => {
    expect(ok("[for v in [1, 2, 3]: v * 2 if v != 2]")).toEqual([2, 6]);
    expect(ok('[for k, v in {b = 1, a = 2}: "${k}=${v}"]')).toEqual(["a=2", "b=1"]);
    expect(ok("{for k, v in {b = 1, a = 2}: v => k}")).toEqual({ "1": "b", "2": "a" });
    expect(ok("[for i, v in [\"x\", \"y\"]: i]")).toEqual([0, 1]);
  });

  it("groups with ...", () => {
    expect(ok('{for v in ["a", "b", "a"]: v => v...}')).toEqual({ a: ["a", "a"], b: ["b"] });
  });

  it("visits sets in order and map keys sorted", () => {
    expect(ok('[for v in convert(["b", "a", "b"], set(string)): v]')).toEqual(["a", "b"]);
  });

  it("errors", () => {
    expect(err('{for v in ["a", "a"]: v => v}')).toEqual([
      "Duplicate object key",
      `Two different items produced the key "a" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
    ]);
    expect(err("[for v in null: v]")).toEqual(["Iteration over null value", "A null value cannot be used as the collection in a 'for' expression."]);
    expect(err("[for v in 5: v]")).toEqual([
      "Iteration over non-iterable value",
      "A value of type number cannot be used as the collection in a 'for' expression.",
    ]);
    expect(err("[for v in [1]: v if null]")).toEqual(["Condition is null", "The value of the 'if' clause must not be null."]);
    expect(err('[for v in [1]: v if "x"]')).toEqual(["Invalid 'for' condition", "The 'if' clause value is invalid: a bool is required."]);
    expect(err("{for v in [null]: v => 1}")).toEqual(["Null value as key", "Can't use a null value as a key."]);
    expect(err("{for v in [[1]]: v => 1}")).toEqual(["Invalid object key", "The key expression produced an invalid result: string required."]);
  });
});

describe("splats", () => {
  it("attribute and full splats", () => {
    expect(ok("[{a = 1}, {a = 2}][*].a")).toEqual([1, 2]);
    expect(ok("[{a = 1}, {a = 2}].*.a")).toEqual([1, 2]);
    expect(ok("[[1, 2], [3]][*][0]")).toEqual([1, 3]);
    expect(ok("[{a = [1, 2]}][*].a[0]")).toEqual([1]);
    expect(ok("[{a = [1, 2]}, {a = [3]}].*.a[0]")).toEqual([1, 2]);
  });

  it("wraps a non-sequence and treats null as empty", () => {
    expect(ok("{a = 1}.*.a")).toEqual([1]);
    expect(ok("null[*]")).toEqual([]);
    expect(err("convert(null, list(string))[*]")).toEqual([
      "Splat of null value",
      "Splat expressions (with the * symbol) cannot be applied to null sequences.",
    ]);
  });

  it("a list source gives a list", () => {
    const r = evalSource('convert([{a = "x"}], list(object({a = string})))[*].a');
    expect(r.value.type).toEqual({ kind: "list", elem: { kind: "string" } });
    expect(r.json).toEqual(["x"]);
  });
});

describe("index and attribute access", () => {
  it("reads elements", () => {
    expect(ok("{a = {b = [10, 20]}}.a.b.1")).toBe(20);
    expect(ok('{a = 1}["a"]')).toBe(1);
    expect(ok('[1, 2]["1"]')).toBe(2);
    expect(ok('convert({a = "x"}, map(string)).a')).toBe("x");
  });

  it("errors", () => {
    expect(err("{a = 1}.b")).toEqual(["Unsupported attribute", 'This object does not have an attribute named "b". Did you mean "a"?']);
    expect(err("[1, 2][2]")).toEqual(["Invalid index", "The given key does not identify an element in this collection value."]);
    expect(err('[1, 2]["x"]')).toEqual(["Invalid index", "The given key does not identify an element in this collection value: a number is required."]);
    expect(err("null.a")).toEqual(["Attempt to get attribute from null value", "This value is null, so it does not have any attributes."]);
    expect(err("null[0]")).toEqual(["Attempt to index null value", "This value is null, so it does not have any indices."]);
    expect(err('"abc".x')).toEqual(["Unsupported attribute", "Can't access attributes on a primitive-typed value (string)."]);
    expect(err('convert({a = "x"}, map(string)).b')).toEqual(["Missing map element", 'This map does not have an element with the key "b".']);
    expect(err('convert(["a"], set(string))[0]')[0]).toBe("Invalid index");
  });
});

describe("collections", () => {
  it("object keys", () => {
    expect(ok('{(1) = "a", "b c" = 2}')).toEqual({ "1": "a", "b c": 2 });
    expect(ok("{null = 1, true = 2}")).toEqual({ null: 1, true: 2 });
    expect(ok("{a = 1, a = 2}")).toEqual({ a: 2 });
    expect(err("{(null) = 1}")).toEqual(["Null value as key", "Can't use a null value as a key."]);
  });

  it("literals build tuples and objects", () => {
    expect(evalSource("[1, 2]").value.type.kind).toBe("tuple");
    expect(evalSource("{a = 1}").value.type.kind).toBe("object");
  });
});

describe("function calls", () => {
  it("expands the last argument with ...", () => {
    expect(ok('max([3, 1, 4]...)')).toBe(4);
    expect(ok('format("%s-%s", ["a", "b"]...)')).toBe("a-b");
    expect(err("upper(null...)")[0]).toBe("Invalid expanding argument value");
  });

  it("arity and unknown names", () => {
    expect(err('upper("a", "b")')).toEqual(["Too many function arguments", 'Function "upper" expects only 1 argument(s).']);
    expect(err("upper()")).toEqual(["Not enough function arguments", 'Function "upper" expects 1 argument(s). Missing value for "str".']);
    expect(err('uper("a")')).toEqual(["Call to unknown function", 'There is no function named "uper". Did you mean "upper"?']);
    expect(err('tostring(1)')[0]).toBe("Call to unknown function");
  });

  it("argument conversion errors name the parameter", () => {
    expect(err("upper([])")).toEqual(["Invalid function argument", 'Invalid value for "str" parameter: string required.']);
    expect(err("upper(null)")).toEqual(["Invalid function argument", 'Invalid value for "str" parameter: argument must not be null.']);
  });
});
