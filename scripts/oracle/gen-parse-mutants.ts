// Writes test/goldens/parse-mutants/mutants.json: corpus mutants (test/support/mutate.ts) that Go
// hcl rejects, each with Go's diagnostics. Run: npx tsx scripts/oracle/gen-parse-mutants.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { allMutants, mutantText, readCorpus } from "../../test/support/mutate.js";
import { goCheck, requireOracle } from "./oracle.js";

requireOracle();
const perKind = Number(process.env.PER_KIND ?? 1);
const all = allMutants(perKind);
const MAX_DIAGS = 5; // Go repeats some errors on every later line; the first few are what tests use
const kept: string[] = [];
const baseErrors = new Map<string, boolean>();
let dropped = 0;
for (const m of all) {
  const diagnostics = goCheck(mutantText(m));
  if (diagnostics.length === 0) {
    dropped++;
    continue;
  }
  if (!baseErrors.has(m.file)) baseErrors.set(m.file, goCheck(readCorpus(m.file)).length > 0);
  const entry = { ...m, sourceHasErrors: baseErrors.get(m.file), errorCount: diagnostics.length, diagnostics: diagnostics.slice(0, MAX_DIAGS) };
  kept.push(JSON.stringify(entry));
}
const out = new URL("../../test/goldens/parse-mutants/", import.meta.url);
mkdirSync(out, { recursive: true });
const about =
  "Corpus mutants (test/support/mutate.ts, perKind=" + perKind + ") that Go hcl v2.14.1 rejects, with its first " + MAX_DIAGS +
  " diagnostics (line/column 1-based, columns in grapheme clusters) and errorCount = all of them. sourceHasErrors: the " +
  "unmutated corpus file already fails to parse. Regenerate with: npx tsx scripts/oracle/gen-parse-mutants.ts";
// one mutant per line keeps diffs readable
const json = `{"about": ${JSON.stringify(about)},\n "perKind": ${perKind},\n "mutants": [\n${kept.join(",\n")}\n]}\n`;
writeFileSync(new URL("mutants.json", out), json);
console.log(`${all.length} mutants, ${kept.length} rejected by Go hcl (kept), ${dropped} accepted (dropped)`);
