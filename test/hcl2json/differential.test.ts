// Differential test against @cdktf/hcl2json (HashiCorp's Go HCL parser and tmccombs/hcl2json's
// converter, compiled to WebAssembly): for every corpus file it accepts, caravan's conversion
// is the same JSON value; every file it refuses, caravan refuses too.
//
// Intentional differences: none. (If one is ever needed, list it in INTENTIONAL below with the
// reason, and the test compares that file with the difference applied.)
import { parse as hcl2json } from "@cdktf/hcl2json";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { toHcl2Json } from "../../src/hcl2json/convert.js";
import { toJsonText } from "../../src/hcl2json/json.js";
import { parse } from "../../src/parser/parse.js";
import { corpusFiles, readCorpus } from "../support/corpus.js";

const INTENTIONAL: Record<string, { reason: string; adjust: (theirs: unknown) => unknown }> = {};

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

async function theirs(name: string, text: string): Promise<Outcome> {
  try {
    return { ok: true, value: await hcl2json(name, text) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

function ours(text: string): Outcome {
  const { tree, diagnostics } = parse(text);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { ok: false, error: errors.map((d) => `${d.range.start.line}:${d.range.start.column}: ${d.message}`).join("\n") };
  try {
    return { ok: true, value: toHcl2Json(tree) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/**
 * Deep equality that tells -0 from 0 (node's strict deep equality); vitest's toStrictEqual is only
 * the reporter, since it treats an own key named `constructor` as the object's type.
 */
function expectSame(actual: Outcome, expected: Outcome): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual).toStrictEqual(expected);
  expect.fail("the values differ in a way the reporter does not show (such as -0 and 0)");
}

describe("caravan hcl2json equals @cdktf/hcl2json on the corpus", () => {
  const files = corpusFiles();

  it("covers the whole corpus", () => {
    expect(files.filter((f) => f.startsWith("hcl-specsuite/")).length).toBeGreaterThanOrEqual(15);
    expect(files.filter((f) => f.startsWith("nomad/")).length).toBeGreaterThanOrEqual(249);
  });

  it.each(files)("%s", async (file) => {
    const text = readCorpus(file);
    const expected = await theirs(file, text);
    const actual = ours(text);
    if (!expected.ok) {
      // hcl2json refuses the file (syntax error, or blocks with and without labels): so do we.
      expect(actual.ok, `hcl2json: ${expected.error}`).toBe(false);
      return;
    }
    const intentional = INTENTIONAL[file];
    expectSame(actual, { ok: true, value: intentional ? intentional.adjust(expected.value) : expected.value });
    // The printed text is the same too: keys in Go's order, as JavaScript reads them back.
    if (actual.ok && !intentional) expect(toJsonText(actual.value)).toBe(JSON.stringify(expected.value, null, 2) + "\n");
  });

  it("refuses exactly the corpus files that are not convertible", async () => {
    const refused: string[] = [];
    for (const file of files) if (!(await theirs(file, readCorpus(file))).ok) refused.push(file);
    expect(refused).toEqual([
      "hcl-specsuite/structure/attributes/singleline_bad.hcl",
      "hcl-specsuite/structure/blocks/single_oneline_invalid.hcl",
      "hcl-specsuite/structure/blocks/single_unclosed.hcl",
      // `label_repeated "l1" { l21 "l23" {} }` after `l21 {}`: JSON cannot hold both.
      "nomad/jobspec2-fixtures/config-compatibility.hcl",
    ]);
  });
});

// Hand-written inputs for the corners the corpus does not reach; both sides must agree.
const TRICKY = [
  "a = -1\nb = 007\nc = 1.5e3\nd = \"x\\ty\\u00e9\"\ne = -0\nf = !true\ng = 100000000000000000000000000\n",
  "a = -true\n",
  "a = !null\n",
  'a = (1)\nb = ((a))\nc = f(x)\nd = [1, -2, "x", a]\n',
  'e = {a = 1, "b" = 2, 3 = 4, a.b = 5, (c) = 6, true = 7, null = 8, -1 = 9, x ? y : z = 10, "${q}" = 11, "${1}" = 12, 1.5e3 = 13}\n',
  'a = {a[0] = 2, a["x"] = 3, a.0 = 4, f(x) = 5, a.* = 6, a[*] = 7, x.y[z] = 8, a[""] = 9, ("x") = 10, "${x}y" = 11}\n',
  'a = string\nb = "${a}"\nc = "${1}"\nd = " ${~1}"\ne = "a${1}b${true}c${null}"\nf = "${null}"\ng = "a${x ? "b" : "c"}"\n',
  'a = "%{ if a }b%{ endif }"\nb = "%{if a~} b %{~else} c %{endif}"\nc = "%{for k, v in xs}${v},%{endfor}"\nd = "$${a} %%{b}"\ne = "e\\u0301"\n',
  'a = "${-0}x${0.000}y${1e-7}z${1.50}w${12345678901234567890123}"\nb = "\\u0025{b} \\u0024{c}"\n',
  'a "e\\u0301" {}\nb "x\\"y" {}\n',
  'a "b" "c" {\n x = 1\n}\na "b" "d" {}\na "c" {}\n',
  'a "b" {}\na {}\n',
  "a {}\na = 1\n",
  '__proto__ = 1\nconstructor {}\ntoString "x" {}\n',
  "a = <<EOT\nhello ${x}\n  %{~ if y ~}\n  z\n %{ endif }\nEOT\nb = <<-EOT\n    a\n      b $${c}\n    EOT\n",
  "a = <<-EOT\n  ${x}\n    y\n  EOT\nb = <<-EOT\n\ty\n\t\tz\n\tEOT\nc = <<EOT\nEOT\n",
  "a = <<-EOT\n    x\n  \n    y\n    EOT\nb = <<-EOT\n  x\n  %{ if y }\n    z\n  %{ endif }\n  EOT\n",
  'a = "x" == <<EOT\nhello\nEOT\nb = [<<EOT\nhello\nEOT\n, 2]\nc = x ? "y" : <<EOT\nz\nEOT\n',
  "a = [for x in xs : x if x > 1]\nb = {for k, v in m : k => v... if v}\nc = [for x in y :\nx]\n",
  'a = x.*.y\nb = x[*].y[0].z\nc = x.*\nd = x[*]\ne = f(x)[*].y\nf = x.y.0.z\ng = x["a"].b\nh = x[y].z\n',
  "a = x ? y : z\nb = !x\nc = -x.y\nd = --1\ne = !!true\nf = -(1)\ng = 1 + 2 * 3\nh = (1 + 2)\n",
  "a = f(x, y...)\nb = ns::f()\nc = f(\n  x,\n  y,\n)\nd = f(x /* c */)\ne = x # trailing\n",
  'a = f(\r\n  x\r\n)\r\nb = "x"\r\n',
  'a = "${"${x}"}"\nb = "a${"${x}"}"\nc = "a${"b${x}"}"\nd = "${x}${y}"\n',
  'a = "%{for x in xs~} ${x} %{~endfor}"\nb = "%{ for   v in f( x ) }${v}%{ endfor }"\n',
  'a = "%{if x}%{if y}a%{else}b%{endif}%{endif}"\nb = "%{if x}${y}%{endif}"\nc = "%{if x}%{else}z%{endif}"\n',
  'a = "${true}"\nb = "${[1,2]}"\nc = "${{a=1}}"\nd = "x${[1]}"\ne = "${-1}"\nf = "x${-1}"\n',
  'a = "${x ? 1 : 2}x"\nb = "x${x ? true : null}"\nc = "x${x ? [1] : ""}"\nd = {"%{if a}b%{endif}" = 2}\n',
  "\ufeffa-b = 1\n\u00f1 = 2\nc { d = 1 }\ne {}\n",
];

describe("caravan hcl2json equals @cdktf/hcl2json on tricky inputs", () => {
  it.each(TRICKY.map((t, i) => [i, t] as const))("case %i", async (_i, text) => {
    const expected = await theirs("case.hcl", text);
    const actual = ours(text);
    if (expected.ok) expectSame(actual, expected);
    else expect(actual.ok, `hcl2json: ${expected.error}`).toBe(false);
  });
});
