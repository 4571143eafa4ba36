// Every golden generated with HashiCorp's hclwrite (scripts/oracle/gen-fmt-goldens.ts) must match
// exactly: the corpus files, their whitespace-mangled variants and the hand-written cases.
// Intentional differences from hclwrite: none in these goldens. (Outside them: a leading UTF-8
// byte-order mark is kept, where hclwrite drops it, because the formatter only changes whitespace.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/index.js";
import { mangle, type MangleKind } from "../support/mangle.js";
import { readCorpus } from "../support/mutate.js";

const GOLDENS = new URL("../goldens/fmt/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", GOLDENS), "utf8")) as {
  corpus: string[];
  mangled: Record<string, MangleKind[]>;
  cases: string[];
  skipped: Array<{ file: string }>;
};
const golden = (path: string): string => readFileSync(new URL(path, GOLDENS), "utf8");

describe("hclwrite goldens: corpus", () => {
  it("covers the corpus", () => {
    expect(manifest.corpus.length).toBe(261);
    expect(manifest.skipped.map((s) => s.file)).toEqual([
      "hcl-specsuite/structure/attributes/singleline_bad.hcl",
      "hcl-specsuite/structure/blocks/single_oneline_invalid.hcl",
      "hcl-specsuite/structure/blocks/single_unclosed.hcl",
    ]);
  });
  it.each(manifest.corpus)("%s", (file) => {
    const result = format(readCorpus(file));
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(golden(`corpus/${file}`));
  });
});

describe("hclwrite goldens: mangled variants", () => {
  const variants = Object.entries(manifest.mangled).flatMap(([file, kinds]) => kinds.map((kind) => [file, kind] as const));
  it("has four variants of most files", () => {
    expect(variants.length).toBeGreaterThan(1000);
  });
  it.each(variants)("%s (%s)", (file, kind) => {
    const input = mangle(readCorpus(file), kind, file);
    expect(format(input).text).toBe(golden(`corpus/${file}`));
  });
});

describe("hclwrite goldens: hand-written cases", () => {
  it.each(manifest.cases)("%s", (name) => {
    const input = golden(`cases/${name}.in.hcl`);
    const result = format(input);
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(golden(`cases/${name}.out.hcl`));
  });
});
