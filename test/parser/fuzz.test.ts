// Random mutations of corpus files: parse never throws, stays lossless, keeps every token's line
// and column right, and never trips the parser's hang guard (a bound on look-aheads per token, reported as an internal error).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { treeText } from "../../src/parser/text.js";
import { corpusFiles, readCorpus } from "../support/corpus.js";
import { positionMismatch } from "../support/positions.js";

const texts = corpusFiles().map(readCorpus);

type Edit = { op: "delete" | "duplicate" | "swap" | "insert"; at: number; len: number; ch: string };

function mutate(text: string, edits: Edit[]): string {
  let s = text;
  for (const e of edits) {
    if (s.length === 0) break;
    const at = e.at % s.length;
    const len = Math.min(e.len, s.length - at);
    if (e.op === "delete") s = s.slice(0, at) + s.slice(at + len);
    else if (e.op === "duplicate") s = s.slice(0, at + len) + s.slice(at, at + len) + s.slice(at + len);
    else if (e.op === "insert") s = s.slice(0, at) + e.ch + s.slice(at);
    else if (at + 1 < s.length) s = s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
  }
  return s;
}

const edit = fc.record({
  op: fc.constantFrom("delete", "duplicate", "swap", "insert"),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 8 }),
  ch: fc.constantFrom("{", "}", "[", "]", "(", ")", '"', "=", "\n", "${", "%{", "<<EOT\n", "~", "#", "/*", "\\", "é", ",", "..."),
}) as fc.Arbitrary<Edit>;

describe("parser fuzzing", () => {
  it("never throws, never hangs, always lossless on mutated corpus files", () => {
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (i, edits) => {
        const text = mutate(texts[i]!, edits);
        const { tree, diagnostics } = parse(text);
        expect(treeText(tree)).toBe(text);
        expect(positionMismatch(text, tree)).toBeUndefined();
        expect(diagnostics.filter((d) => d.code.startsWith("internal/"))).toEqual([]);
        for (const d of diagnostics) {
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(Number.isFinite(d.range.start.line)).toBe(true);
        }
      }),
      { numRuns: 600, seed: 42 },
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { tree, diagnostics } = parse(text);
        expect(treeText(tree)).toBe(text);
        expect(positionMismatch(text, tree)).toBeUndefined();
        expect(diagnostics.filter((d) => d.code.startsWith("internal/"))).toEqual([]);
      }),
      { numRuns: 800, seed: 7 },
    );
  });
});
