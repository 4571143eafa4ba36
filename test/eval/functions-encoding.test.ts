import { describe, expect, it } from "vitest";
import { err, evalSource, ok } from "./helpers.js";

describe("encoding functions", () => {
  it.each([
    ['base64encode("héllo")', "aMOpbGxv"],
    ['base64decode("aMOpbGxv")', "héllo"],
    ['jsonencode({b = [1, true, null], a = "<x>", c = 1.5})', '{"a":"\\u003cx\\u003e","b":[1,true,null],"c":1.5}'],
    ['jsonencode("x")', '"x"'],
    ["jsonencode(null)", "null"],
    ['jsondecode("{\\"a\\": [1, 2.5, \\"x\\", null, {\\"b\\": false}]}")', { a: [1, 2.5, "x", null, { b: false }] }],
    ['jsondecode("42")', 42],
    ['csvdecode("a,b\\n1,\\"x,y\\"\\n3,4\\n")', [{ a: "1", b: "x,y" }, { a: "3", b: "4" }]],
    ['csvdecode("a,b\\n")', []],
    [
      'yamlencode({a = "b", c = ["d", 1, true, null], e = {f = "g"}, m = "l1\\nl2"})',
      '"a": "b"\n"c":\n- "d"\n- 1\n- true\n- null\n"e":\n  "f": "g"\n"m": |-\n  l1\n  l2\n',
    ],
    ['yamlencode([{a = 1, b = 2}, [1, 2], "x"])', '- "a": 1\n  "b": 2\n- - 1\n  - 2\n- "x"\n'],
    ['yamlencode("x")', '"x"\n'],
    ['yamldecode("a: 1\\nb: [x, y]\\nc:\\n  d: true\\n")', { a: 1, b: ["x", "y"], c: { d: true } }],
    ['urlencode("a b")', "a+b"],
  ])("%s", (src, want) => expect(ok(src)).toEqual(want));

  it("csvdecode types every field as string", () => {
    expect(evalSource('csvdecode("a\\n1\\n")').value.type).toEqual({
      kind: "list",
      elem: { kind: "object", attrs: { a: { kind: "string" } } },
    });
  });

  it("errors", () => {
    expect(err('base64decode("/w==")')[1]).toBe('Invalid value for "str" parameter: the result of decoding the provided string is not valid UTF-8.');
    expect(err('base64decode("abc")')[1]).toBe('Invalid value for "str" parameter: failed to decode base64 data "abc".');
    expect(err('csvdecode("a,b\\n1\\n")')[1]).toBe('Call to function "csvdecode" failed: record on line 2: wrong number of fields.');
    expect(err('csvdecode("")')[1]).toBe('Invalid value for "str" parameter: missing header line.');
    expect(err('jsondecode("{bad")')[0]).toBe("Invalid function argument");
    expect(err('yamldecode("a: 1\\n---\\nb: 2\\n")')[1]).toBe('Invalid value for "src" parameter: multiple YAML documents are not supported.');
  });
});
