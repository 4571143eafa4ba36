// HashiCorp's specsuite, decoded: each `X.hcl` is parsed and evaluated by caravan through its
// `X.hcldec` spec (test/support/hcldec.ts) and compared with the `result` of `X.t`, or, for
// decoding errors, with the ranges listed there. Syntax-error cases are in specsuite.test.ts.
import { describe, expect, it } from "vitest";
import { evaluateExpression, toJSON } from "../../src/eval/index.js";
import { parse } from "../../src/parser/parse.js";
import { decode, loadSpec } from "../support/hcldec.js";
import { corpusFiles, readCorpus } from "../support/corpus.js";
import { expectedDiagnostics } from "../support/specsuite.js";

const cases = corpusFiles("hcl-specsuite").filter((rel) => parse(readCorpus(rel)).diagnostics.length === 0);

describe("hcl-specsuite decoded", () => {
  it.each(cases)("%s", (rel) => {
    const text = readCorpus(rel);
    const specText = readCorpus(rel.replace(/\.hcl$/, ".hcldec"));
    const tText = readCorpus(rel.replace(/\.hcl$/, ".t"));
    const { spec, ctx } = loadSpec(parse(specText).tree.body, specText);
    const { value, diagnostics } = decode(spec, parse(text).tree.body, ctx, text, specText);
    const t = parse(tText).tree.body;
    const result = t.items.find((i) => i.kind === "Attribute" && i.name === "result");
    const want = expectedDiagnostics(tText);
    expect(diagnostics.map((d) => [d.range.start.line, d.range.start.column, d.range.end.line, d.range.end.column])).toEqual(
      want.map((w) => [w.from.line, w.from.column, w.to.line, w.to.column]),
    );
    if (result?.kind === "Attribute") {
      expect(value).toEqual(toJSON(evaluateExpression(result.expr, { source: tText }).value));
    }
  });
});
