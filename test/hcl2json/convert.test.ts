// toHcl2Json: the conversions @cdktf/hcl2json makes, each checked with the exact value it
// produces (every expectation here was observed from @cdktf/hcl2json 0.21.0; the differential
// test re-checks them against the package).
import { describe, expect, it } from "vitest";
import { Hcl2JsonError, toHcl2Json } from "../../src/hcl2json/convert.js";
import { compareUtf8, toJsonText } from "../../src/hcl2json/json.js";
import { decimalText, escapeLiteral } from "../../src/hcl2json/text.js";
import { parse } from "../../src/parser/parse.js";

function convert(text: string): unknown {
  const { tree, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  return toHcl2Json(tree);
}

describe("blocks", () => {
  it("nests blocks by type and labels, each body in an array", () => {
    expect(convert('job "web" {\n  group "g" {\n    count = 2\n  }\n}\n')).toEqual({ job: { web: [{ group: { g: [{ count: 2 }] } }] } });
  });

  it("appends repeated blocks to the array and shares label levels", () => {
    expect(convert('a "b" "c" {\n  x = 1\n}\na "b" "d" {}\na "c" {}\nl {}\nl {}\n')).toEqual({
      a: { b: { c: [{ x: 1 }], d: [{}] }, c: [{}] },
      l: [{}, {}],
    });
  });

  it("lets an attribute replace a block of the same name, wherever it is written", () => {
    expect(convert("a = 1\na {}\n")).toEqual({ a: 1 });
    expect(convert("a {}\na = 1\n")).toEqual({ a: 1 });
  });

  it("keeps names such as __proto__ and constructor as plain keys", () => {
    const out = convert('__proto__ = 1\nconstructor {}\ntoString "x" {}\n') as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(toJsonText(out)).toBe('{\n  "__proto__": 1,\n  "constructor": [\n    {}\n  ],\n  "toString": {\n    "x": [\n      {}\n    ]\n  }\n}\n');
  });

  it("rejects blocks with and without labels under one name, as hcl2json does", () => {
    for (const text of ['a "b" {}\na {}\n', 'a {}\na "b" {}\n']) {
      const { tree } = parse(text);
      expect(() => toHcl2Json(tree)).toThrow(Hcl2JsonError);
    }
    const { tree } = parse('a {}\na "b" {}\n');
    try {
      toHcl2Json(tree);
    } catch (err) {
      expect((err as Hcl2JsonError).range.start).toEqual({ offset: 5, line: 2, column: 1 });
    }
  });
});

describe("literal values", () => {
  it("evaluates numbers, unary minus and not on literals", () => {
    expect(convert("a = -1\nb = 007\nc = 1.5e3\nd = !true\ne = 0.5e-1\nf = null\ng = [true, -2.5]\n")).toEqual({
      a: -1,
      b: 7,
      c: 1500,
      d: false,
      e: 0.05,
      f: null,
      g: [true, -2.5],
    });
    expect(Object.is((convert("a = -0\n") as { a: number }).a, -0)).toBe(true);
  });

  it("keeps every other operation as source text", () => {
    expect(convert("a = --1\nb = -(1)\nc = 1 + 2\nd = (1)\ne = -x.y\nf = -\"1\"\n")).toEqual({
      a: "${--1}",
      b: "${-(1)}",
      c: "${1 + 2}",
      d: "${(1)}",
      e: "${-x.y}",
      f: '${-"1"}',
    });
  });

  it("refuses to negate a non-number, like hcl2json", () => {
    for (const text of ["a = -true\n", "a = !1\n", "a = -null\n"]) expect(() => toHcl2Json(parse(text).tree)).toThrow(Hcl2JsonError);
  });

  it("decodes string escapes and normalizes to NFC, re-escaping template openers", () => {
    expect(convert('a = "x\\ty\\u00e9\\U0001F600"\nb = "e\\u0301"\nc = "$${a} %%{b} 50% $$"\nd = "\\u0025{b}"\n')).toEqual({
      a: "x\ty\u00e9\u{1F600}",
      b: "\u00e9",
      c: "$${a} %%{b} 50% $$",
      d: "%%{b}",
    });
  });
});

describe("expressions as source text", () => {
  it("wraps traversals, calls, splats, for and conditionals in ${...} with their exact text", () => {
    const text = 'a = var.x\nb = f(x, y...)\nc = x[*].y\nd = x.*.y\ne = [for x in xs : x if x > 1]\nf = x ? y : z\ng = f(x /* c */) # t\nh = x[y].z\ni = string\n';
    expect(convert(text)).toEqual({
      a: "${var.x}",
      b: "${f(x, y...)}",
      c: "${x[*].y}",
      d: "${x.*.y}",
      e: "${[for x in xs : x if x > 1]}",
      f: "${x ? y : z}",
      g: "${f(x /* c */)}",
      h: "${x[y].z}",
      i: "${string}",
    });
  });

  it("keeps line breaks inside the source text", () => {
    expect(convert("a = f(\r\n  x\r\n)\r\n")).toEqual({ a: "${f(\r\n  x\r\n)}" });
  });
});

describe("templates", () => {
  it("unwraps a template that is a single interpolation", () => {
    expect(convert('a = "${1}"\nb = "${null}"\nc = "${[1, x]}"\nd = "${a}"\ne = "${"${x}"}"\n')).toEqual({ a: 1, b: null, c: [1, "${x}"], d: "${a}", e: "${x}" });
  });

  it("joins parts, writing literals inside interpolations as text", () => {
    expect(convert('a = "a${1}b${true}c${null}d${1.5e3}e${-1}"\nb = " ${~1}"\nc = "x${[1]}"\nd = "a${"b${x}"}"\n')).toEqual({
      a: "a1btruecnulld1500e${-1}",
      b: "1",
      c: "x${[1]}",
      d: "ab${x}",
    });
  });

  it("rebuilds directives in canonical spacing, and conditionals inside a longer template as directives", () => {
    expect(convert('a = "%{ if a }b%{ endif }"\nb = "%{if a~} b %{~else} c %{endif}"\nc = "%{ for   k, v in f( x ) }${v},%{ endfor }"\nd = "a${x ? "b" : "c"}"\ne = "%{if x}%{else}z%{endif}"\n')).toEqual({
      a: "%{if a}b%{endif}",
      b: "%{if a}b%{else} c %{endif}",
      c: "%{for k, v in f( x )}${v},%{endfor}",
      d: "a%{if x}b%{else}c%{endif}",
      e: "%{if x}%{else}z%{endif}",
    });
  });

  // In a heredoc each line is its own literal token, so a strip marker trims only within its line.
  it("applies heredoc indentation and strip markers before joining", () => {
    expect(convert("a = <<-EOT\n    x\n      ${y}\n    EOT\nb = <<EOT\nhello ${x}\n  %{~ if y ~}\n  z\n %{ endif }\nEOT\nc = <<EOT\nEOT\n")).toEqual({
      a: "x\n  ${y}\n",
      b: "hello ${x}\n%{if y}  z\n %{endif}\n",
      c: "",
    });
  });
});

describe("object keys", () => {
  it("writes traversal keys as text, literal keys as strings and other keys as template parts", () => {
    const text = 'a = {a = 1, "b" = 2, 3 = 4, a.b = 5, (c) = 6, true = 7, null = 8, -1 = 9, x ? y : z = 10, "${q}" = 11, "${1}" = 12, 1.5e3 = 13, a["x"][0] = 14, f(x) = 15}\n';
    expect(convert(text)).toEqual({
      a: {
        a: 1,
        b: 2,
        "3": 4,
        "a.b": 5,
        "${(c)}": 6,
        true: 7,
        null: 8,
        "${-1}": 9,
        "%{if x}${y}%{else}${z}%{endif}": 10,
        "${q}": 11,
        "1": 12,
        "1500": 13,
        'a["x"][0]': 14,
        "${f(x)}": 15,
      },
    });
  });

  it("lets a later duplicate key win", () => {
    expect(convert("a = {a = 1, a = 2}\n")).toEqual({ a: { a: 2 } });
  });
});

describe("helpers", () => {
  it("writes numbers as plain decimals", () => {
    expect(["0", "007", "1.50", "1e3", "1.5e3", "1e-7", "0.000", "12345678901234567890123", "2.5E+2", "0.0012e2"].map(decimalText)).toEqual([
      "0",
      "7",
      "1.5",
      "1000",
      "1500",
      "0.0000001",
      "0",
      "12345678901234567890123",
      "250",
      "0.12",
    ]);
  });

  it("escapes template openers in literal text", () => {
    expect(escapeLiteral("${a} %{b} $%{ %${ {")).toBe("$${a} %%{b} $%%{ %$${ {");
  });

  it("orders keys by UTF-8 bytes", () => {
    expect(["\u{1F600}", "\uFF01", "b", "a", "B"].sort(compareUtf8)).toEqual(["B", "a", "b", "\uFF01", "\u{1F600}"]);
  });
});

describe("parser agreement (cases found by the differential work)", () => {
  // hclsyntax ignores newlines right after `[` / `{` before looking for `for`.
  it("reads a for expression that starts on the line after its bracket", () => {
    expect(convert("a = [\nfor x in y : x]\n")).toEqual({ a: "${[\nfor x in y : x]}" });
    expect(convert("a = {\nfor k, v in y : k => v}\n")).toEqual({ a: "${{\nfor k, v in y : k => v}}" });
  });
});
