// Broken inputs (the parse-mutants goldens): formatting never throws, reports the syntax errors,
// changes only spaces and tabs, and leaves the line of Go hcl's first error exactly as written.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/index.js";
import { mutantText, type Mutant } from "../support/mutate.js";

const { mutants } = JSON.parse(readFileSync(new URL("../goldens/parse-mutants/mutants.json", import.meta.url), "utf8")) as {
  mutants: Array<Mutant & { diagnostics: Array<{ line: number }> }>;
};

describe("formatting broken files", () => {
  it("has the mutants", () => {
    expect(mutants.length).toBe(1014);
  });

  it("keeps broken regions and changes only whitespace", () => {
    const failures: string[] = [];
    for (const m of mutants) {
      const input = mutantText(m);
      const result = format(input);
      const line = m.diagnostics[0]!.line;
      const ok =
        result.diagnostics.length > 0 &&
        result.text.replace(/[ \t]/g, "") === input.replace(/[ \t]/g, "") &&
        result.text.split("\n")[line - 1] === input.split("\n")[line - 1];
      if (!ok) failures.push(`${m.file} ${m.kind}@${m.offset}`);
    }
    expect(failures).toEqual([]);
  });
});
