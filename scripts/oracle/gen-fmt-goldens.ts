// Writes the formatter goldens from HashiCorp's hclwrite (the oracle); CI only reads them.
//   test/goldens/fmt/corpus/<corpus path>   hclwrite's output for every corpus file Go hcl parses
//   test/goldens/fmt/cases/<name>.out.hcl   hclwrite's output for the hand-written <name>.in.hcl
//   test/goldens/fmt/manifest.json          which files were formatted or skipped (syntax errors),
//                                           and which whitespace-mangled variants (test/support/mangle.ts)
//                                           hclwrite formats to exactly the same output as the original
// Run: npx tsx scripts/oracle/gen-fmt-goldens.ts
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { MANGLE_KINDS, mangle } from "../../test/support/mangle.js";
import { corpusFiles, readCorpus } from "../../test/support/mutate.js";
import { goCheck, goFormat, requireOracle } from "./oracle.js";

requireOracle();
const root = fileURLToPath(new URL("../../test/goldens/fmt/", import.meta.url));

const formatted: string[] = [];
const skipped: Array<{ file: string; error: string }> = [];
const mangled: Record<string, string[]> = {};
const rejected: Array<{ file: string; kind: string; reason: string }> = [];

for (const file of corpusFiles()) {
  const text = readCorpus(file);
  const out = goFormat(text);
  if (out === undefined) {
    const d = goCheck(text)[0];
    skipped.push({ file, error: d ? `${d.line}:${d.column}: ${d.summary}` : "?" });
    continue;
  }
  const dest = `${root}corpus/${file}`;
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, out);
  formatted.push(file);
  for (const kind of MANGLE_KINDS) {
    const variant = mangle(text, kind, file);
    const got = goFormat(variant);
    if (got === out) (mangled[file] ??= []).push(kind);
    else rejected.push({ file, kind, reason: got === undefined ? "syntax error" : "different output" });
  }
}

const cases: string[] = [];
for (const name of readdirSync(`${root}cases`).sort()) {
  if (!name.endsWith(".in.hcl")) continue;
  const input = readFileSync(`${root}cases/${name}`, "utf8");
  const out = goFormat(input);
  if (out === undefined) throw new Error(`cases/${name}: Go hcl reports syntax errors`);
  writeFileSync(`${root}cases/${name.replace(/\.in\.hcl$/, ".out.hcl")}`, out);
  cases.push(name.replace(/\.in\.hcl$/, ""));
}

const manifest = {
  about:
    "Goldens from hclwrite (hashicorp/hcl v2.14.1, Debian). corpus: files whose expected output is corpus/<file>; " +
    "mangled: whitespace variants (test/support/mangle.ts) that hclwrite formats to that same output; " +
    "skipped: corpus files Go hcl rejects. Regenerate with: npx tsx scripts/oracle/gen-fmt-goldens.ts",
  corpus: formatted,
  mangled,
  cases,
  skipped,
  rejected,
};
writeFileSync(`${root}manifest.json`, JSON.stringify(manifest, null, 1) + "\n");
const nVariants = Object.values(mangled).reduce((n, ks) => n + ks.length, 0);
console.log(`${formatted.length} corpus goldens, ${skipped.length} skipped (syntax errors), ${nVariants} mangled variants kept, ${rejected.length} rejected, ${cases.length} cases`);
for (const r of rejected) console.log(`  rejected ${r.file} ${r.kind}: ${r.reason}`);
