// Random expressions never make the evaluator throw (it returns diagnostics instead).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createJobFileContext, evaluateExpression } from "../../src/eval/index.js";
import type { Attribute } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/parse.js";

const leaf = fc.constantFrom("1", "0", "-2.5", '"s"', '"10"', "true", "null", "[]", "{}", "var.v", "local.l", "node.x", "x", '"${node.a}"', "[1, \"a\"]", "{a = 1}");
const fn = fc.constantFrom("upper", "length", "keys", "concat", "merge", "format", "jsonencode", "try", "can", "element", "flatten", "max", "tostring", "coalesce", "range", "split", "yamlencode", "cidrhost", "formatdate");
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||"), tie("e")).map(([a, o, b]) => `(${a} ${o} ${b})`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc.tuple(fn, fc.array(tie("e"), { maxLength: 3 }), fc.boolean()).map(([f, args, exp]) => `${f}(${args.join(", ")}${exp && args.length ? "..." : ""})`),
    fc.array(tie("e"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
    fc.tuple(tie("e"), tie("e")).map(([k, v]) => `{(${k}) = ${v}}`),
    fc.tuple(tie("e"), tie("e")).map(([c, v]) => `[for k, v in ${c}: ${v} if v != null]`),
    fc.tuple(tie("e"), tie("e")).map(([c, v]) => `{for v in ${c}: v => ${v}...}`),
    tie("e").map((a) => `${a}[*].a`),
    fc.tuple(tie("e"), tie("e")).map(([a, i]) => `${a}[${i}]`),
    tie("e").map((a) => `"x\${${a}}%{ if ${a} }y%{ endif }"`),
    tie("e").map((a) => `-${a}`),
    tie("e").map((a) => `!${a}`),
  ),
})).e;

describe("evaluator robustness", () => {
  it("never throws on random expressions", () => {
    fc.assert(
      fc.property(expr, (src) => {
        const { tree } = parse(`variable "v" {\n  default = [1]\n}\nlocals {\n  l = {a = "b"}\n}\nx = ${src}\n`);
        const { ctx } = createJobFileContext(tree, { baseDir: ".", env: {} });
        const attr = tree.body.items.find((i): i is Attribute => i.kind === "Attribute");
        if (!attr) return;
        const r = evaluateExpression(attr.expr, ctx);
        expect(r.diagnostics.filter((d) => d.code === "eval/internal-evaluation-error")).toEqual([]);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
