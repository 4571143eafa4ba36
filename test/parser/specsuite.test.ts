// HashiCorp's HCL specification suite: syntax-level expectations. Files whose `.t` lists
// diagnostics must get syntax errors starting at exactly those positions; the rest parse cleanly.
// (`structure/attributes/unexpected` expects an error from its decoding spec, an argument the
// spec does not declare: that is a schema check, made in specsuite-decode.test.ts.)
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { corpusFiles, readCorpus } from "../support/corpus.js";
import { expectedDiagnostics } from "../support/specsuite.js";

const SCHEMA_ONLY = new Set(["hcl-specsuite/structure/attributes/unexpected.hcl"]);

describe("hcl-specsuite", () => {
  it.each(corpusFiles("hcl-specsuite"))("%s", (rel) => {
    const text = readCorpus(rel);
    const t = readCorpus(rel.replace(/\.hcl$/, ".t"));
    const { diagnostics } = parse(text);
    const want = SCHEMA_ONLY.has(rel) ? [] : expectedDiagnostics(t);
    const got = diagnostics.map((d) => ({
      from: { line: d.range.start.line, column: d.range.start.column, byte: d.range.start.offset },
      to: { line: d.range.end.line, column: d.range.end.column, byte: d.range.end.offset },
    }));
    expect(got).toEqual(want);
  });
});
