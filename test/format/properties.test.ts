// Properties of the formatter on every corpus file: idempotent, only whitespace changes (same
// non-whitespace tokens, same comments in the same order), the same meaning (hcl2json value, via
// HashiCorp's own @cdktf/hcl2json), edits that rebuild the output, and the nomad/fmt pairs.
import { parse as hcl2json } from "@cdktf/hcl2json";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/index.js";
import { scan } from "../../src/lexer/scanner.js";
import * as T from "../../src/lexer/tokens.js";
import { mangle, MANGLE_KINDS } from "../support/mangle.js";
import { C, classify } from "../support/regions.js";
import { CORPUS_DIR, corpusFiles, readCorpus } from "../support/mutate.js";

const files = corpusFiles().filter((f) => format(readCorpus(f)).diagnostics.length === 0);

/** Token images without whitespace; newlines kept (the formatter never adds or removes lines). */
function solidTokens(text: string): string[] {
  return scan(text).tokens.filter((t) => t.tokenType !== T.Whitespace).map((t) => t.image);
}
function comments(text: string): string[] {
  return scan(text).tokens.filter((t) => t.tokenType === T.LineComment || t.tokenType === T.BlockComment).map((t) => t.image);
}
function applyEdits(text: string, edits: ReturnType<typeof format>["edits"]): string {
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.range.start.offset) + e.newText;
    at = e.range.end.offset;
  }
  return out + text.slice(at);
}

describe("nomad/fmt pairs", () => {
  it.each(["job", "nomad"])("%s.in.hcl formats to %s.out.hcl", (name) => {
    const input = readFileSync(`${CORPUS_DIR}nomad/fmt/${name}.in.hcl`, "utf8");
    const want = readFileSync(`${CORPUS_DIR}nomad/fmt/${name}.out.hcl`, "utf8");
    const result = format(input);
    expect(result.text).toBe(want);
    expect(result.changed).toBe(true);
    expect(format(want)).toMatchObject({ text: want, changed: false, edits: [] });
  });
});

describe("corpus properties", () => {
  it("formats 261 corpus files", () => {
    expect(files.length).toBe(261);
  });

  it.each(files)("%s", async (file) => {
    const input = readCorpus(file);
    const once = format(input);
    // idempotent
    expect(format(once.text).text).toBe(once.text);
    // only whitespace changes
    expect(solidTokens(once.text)).toEqual(solidTokens(input));
    expect(comments(once.text)).toEqual(comments(input));
    expect(once.text.replace(/[ \t]/g, "")).toBe(input.replace(/[ \t]/g, ""));
    // edits rebuild the output and touch only spaces and tabs
    expect(applyEdits(input, once.edits)).toBe(once.text);
    for (const e of once.edits) {
      expect(input.slice(e.range.start.offset, e.range.end.offset)).toMatch(/^[ \t]*$/);
      expect(e.newText).toMatch(/^ *$/);
    }
    // the same value
    if (once.changed) expect(await hcl2json(file, once.text)).toEqual(await hcl2json(file, input));
  });
});

describe("mangled variants", () => {
  // a sample across the corpus (every file's variants are checked against hclwrite in oracle-goldens)
  const sample = files.filter((_, i) => i % 10 === 0);
  it.each(sample)("%s: every variant has the value of the original and formats idempotently", async (file) => {
    const input = readCorpus(file);
    const value = await hcl2json(file, input);
    for (const kind of MANGLE_KINDS) {
      const variant = mangle(input, kind, file);
      const out = format(variant).text;
      expect(format(out).text).toBe(out);
      expect(await hcl2json(file, out)).toEqual(value);
    }
  });
});

describe("fast-check", () => {
  it("formatting random whitespace variants of a file gives one output", () => {
    const input = readCorpus("nomad/fmt/job.in.hcl");
    const want = format(input).text;
    // maximal runs of spaces/tabs between tokens (not in comments or strings, not at the end)
    const cls = classify(input);
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < input.length; i++) {
      if (cls[i] !== C.Space) continue;
      let end = i;
      while (cls[end] === C.Space) end++;
      if (end < input.length) runs.push([i, end]);
      i = end;
    }
    expect(runs.length).toBe(38);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(" ", "  ", "\t", "    ", " \t "), { minLength: runs.length, maxLength: runs.length }), (spaces) => {
        let out = "";
        let at = 0;
        runs.forEach(([start, end], k) => {
          out += input.slice(at, start) + spaces[k];
          at = end;
        });
        out += input.slice(at);
        expect(format(out).text).toBe(want);
      }),
      { numRuns: 200 },
    );
  });
});
