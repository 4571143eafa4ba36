import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { treeText } from "../../src/parser/text.js";
import { corpusFiles, readCorpus } from "../support/corpus.js";
import { positionMismatch } from "../support/positions.js";

const all = corpusFiles();

describe("corpus", () => {
  it("has the files the tests expect", () => {
    expect(corpusFiles("nomad").length).toBeGreaterThan(240);
    expect(corpusFiles("hcl-specsuite").length).toBeGreaterThan(10);
  });

  it.each(corpusFiles("nomad"))("%s parses without diagnostics", (rel) => {
    const { diagnostics } = parse(readCorpus(rel));
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
  });

  it.each(all)("%s is lossless: the tree's text is the input", (rel) => {
    const text = readCorpus(rel);
    const { tree } = parse(text);
    expect(treeText(tree)).toBe(text);
    // every node range agrees with its tokens
    expect(tree.body.range.start.offset).toBe(0);
    expect(tree.body.range.end.offset).toBe(text.length);
  });

  it("every token's position matches its offset", () => {
    for (const rel of all) {
      const text = readCorpus(rel);
      expect(positionMismatch(text, parse(text).tree), rel).toBeUndefined();
    }
  });
});

describe("positions", () => {
  it("offsets are string indices; byteOffset gives Go hcl's byte offsets", async () => {
    const { byteOffset } = await import("../../src/diagnostics/types.js");
    const text = 'a = "é😀"\nb = ]\n';
    const d = parse(text).diagnostics[0]!;
    expect(d.range.start).toEqual({ offset: 14, line: 2, column: 5 });
    expect(byteOffset(text, d.range.start.offset)).toBe(17);
  });
});
