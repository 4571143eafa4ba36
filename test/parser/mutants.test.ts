// Broken inputs: ~1000 corpus files with one brace, quote, `=` or newline deleted
// (test/support/mutate.ts). For each, Go hcl's diagnostics are recorded in
// test/goldens/parse-mutants/mutants.json (scripts/oracle/gen-parse-mutants.ts). caravan's first
// error must be on the line of Go's first error (the earliest in the file), and caravan must
// report nothing on a line before it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { mutantText, type Mutant } from "../support/mutate.js";

interface Golden extends Mutant {
  sourceHasErrors: boolean;
  errorCount: number;
  diagnostics: Array<{ line: number; column: number; summary: string }>;
}

const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, "../goldens/parse-mutants/mutants.json"), "utf8")) as { mutants: Golden[] };
const cases = golden.mutants.filter((m) => !m.sourceHasErrors);

describe("broken inputs: first error where Go hcl reports it", () => {
  it("covers hundreds of mutants of every kind", () => {
    expect(cases.length).toBeGreaterThan(300);
    for (const kind of ["brace", "quote", "equals", "newline"]) expect(cases.filter((m) => m.kind === kind).length).toBeGreaterThan(50);
  });

  it("matches Go's first error line on every mutant", () => {
    const mismatches: string[] = [];
    for (const m of cases) {
      const goLine = Math.min(...m.diagnostics.map((d) => d.line));
      const errors = parse(mutantText(m)).diagnostics.filter((d) => d.severity === "error");
      const ours = errors.length ? Math.min(...errors.map((d) => d.range.start.line)) : undefined;
      if (ours !== goLine) {
        const first = errors[0];
        mismatches.push(`${m.file} ${m.kind}@${m.offset}: Go line ${goLine} (${m.diagnostics[0]!.summary}), caravan ${ours ?? "none"}${first ? ` (${first.message})` : ""}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
