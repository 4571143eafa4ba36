// Differential test on mutated corpus files: deleting, doubling or swapping a character, or
// inserting a character that matters to HCL (newline, quote, brace, `$`, `%`, `~`, ...). Whenever
// @cdktf/hcl2json accepts a mutant caravan accepts it and converts it to the same value, and
// whenever it refuses one caravan refuses it too (a syntax error or an unrepresentable block).
import { parse as hcl2json } from "@cdktf/hcl2json";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { toHcl2Json } from "../../src/hcl2json/convert.js";
import { parse } from "../../src/parser/parse.js";
import { corpusFiles, readCorpus } from "../support/corpus.js";

const INSERTS = '\n"{}$%~()[]#/*=,.:?-!<';
const PER_FILE = 3;

/** Deterministic mutants (a fixed linear congruential sequence), so failures reproduce. */
function mutants(text: string, seed: number): Array<{ at: number; op: string; text: string }> {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: Array<{ at: number; op: string; text: string }> = [];
  for (let k = 0; k < PER_FILE; k++) {
    const i = Math.floor(next() * text.length);
    const kind = Math.floor(next() * 4);
    const ch = INSERTS[Math.floor(next() * INSERTS.length)]!;
    if (kind === 0) out.push({ at: i, op: "delete", text: text.slice(0, i) + text.slice(i + 1) });
    else if (kind === 1) out.push({ at: i, op: "double", text: text.slice(0, i) + text[i] + text.slice(i) });
    else if (kind === 2) out.push({ at: i, op: "swap", text: text.slice(0, i) + (text[i + 1] ?? "") + text[i] + text.slice(i + 2) });
    else out.push({ at: i, op: `insert ${JSON.stringify(ch)}`, text: text.slice(0, i) + ch + text.slice(i) });
  }
  return out;
}

function ours(text: string): { ok: true; value: unknown } | { ok: false } {
  const { tree, diagnostics } = parse(text);
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false };
  try {
    return { ok: true, value: toHcl2Json(tree) };
  } catch {
    return { ok: false };
  }
}

const tally = { accepted: 0, refused: 0 };

describe("caravan hcl2json equals @cdktf/hcl2json on mutated corpus files", () => {
  const files = corpusFiles();
  it.each(files.map((f, i) => [f, i] as const))("%s", async (file, index) => {
    const source = readCorpus(file);
    for (const m of mutants(source, 1000 + index)) {
      let expected: { ok: true; value: unknown } | { ok: false };
      try {
        expected = { ok: true, value: await hcl2json(file, m.text) };
      } catch {
        expected = { ok: false };
      }
      const actual = ours(m.text);
      tally[expected.ok ? "accepted" : "refused"]++;
      const where = `${m.op} at offset ${m.at}: ${JSON.stringify(m.text.slice(Math.max(0, m.at - 30), m.at + 30))}`;
      expect(actual.ok, `acceptance differs after ${where}`).toBe(expected.ok);
      if (expected.ok && actual.ok && !isDeepStrictEqual(actual.value, expected.value)) expect(actual.value, where).toStrictEqual(expected.value);
    }
  });

  // Runs after the files above: the mutants exercise both outcomes in earnest.
  it("saw hundreds of accepted and of refused mutants", () => {
    expect(tally.accepted + tally.refused).toBe(files.length * PER_FILE);
    expect(tally.accepted).toBeGreaterThan(300);
    expect(tally.refused).toBeGreaterThan(100);
  });
});
