// Formatter benchmark (issue 4): format the whole corpus and a generated 5 MB job file; print MB/s
// and the ratio of the formatting work to parse time (target: formatting adds at most 1x parse).
// Run: npm run build && node dist/bench/fmt.js   (or: npx tsx bench/fmt.ts)
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { format, formatTree } from "../src/format/index.js";
import { parse } from "../src/parser/parse.js";

const CORPUS = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../../shared/corpus/" : "../../shared/corpus/", import.meta.url));

function corpusTexts(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(hcl|nomad)$/.test(e.name)) out.push({ file: relative(CORPUS, p), text: readFileSync(p, "utf8") });
    }
  };
  walk(CORPUS);
  return out.sort((a, b) => (a.file < b.file ? -1 : 1)).filter((f) => parse(f.text).diagnostics.length === 0);
}

/** About `bytes` of valid HCL: corpus files made only of blocks, re-indented badly, repeated. */
function generated(texts: Array<{ text: string }>, bytes: number): string {
  const blocksOnly = texts.filter((t) => parse(t.text).tree.body.items.every((i) => i.kind === "Block")).map((t) => t.text);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    // indentation off by a varying amount, runs of spaces widened: real work for the formatter
    const src = blocksOnly[i % blocksOnly.length]!.replace(/^( +)/gm, (m) => " ".repeat((m.length * (i % 3 + 1)) % 9)).replace(/ = /g, i % 2 ? "=" : "   =  ");
    parts.push(src.endsWith("\n") ? src : src + "\n");
    size += src.length;
  }
  return parts.join("\n");
}

/** Best of interleaved rounds: on a shared machine the minimum is the least disturbed figure. */
function timeAll(fns: Array<() => void>, rounds: number): number[] {
  fns.forEach((fn) => fn()); // warm-up
  const best = fns.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      fn();
      best[i] = Math.min(best[i]!, performance.now() - t0);
    });
  }
  return best;
}

function report(name: string, texts: string[], rounds: number): void {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const trees = texts.map((t) => parse(t));
  const [tParse, tLayout, tFormat] = timeAll(
    [() => texts.forEach((t) => parse(t)), () => trees.forEach((r) => formatTree(r.tree, r.diagnostics)), () => texts.forEach((t) => format(t))],
    rounds,
  ) as [number, number, number];
  const changed = texts.filter((t) => format(t).changed).length;
  const mbps = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`${name}: ${texts.length} file(s), ${(bytes / 1e6).toFixed(2)} MB, ${changed} changed by formatting (best of ${rounds} rounds)`);
  console.log(`  parse                 ${tParse.toFixed(1).padStart(8)} ms  ${mbps(tParse).padStart(6)} MB/s`);
  console.log(`  format (from tree)    ${tLayout.toFixed(1).padStart(8)} ms  ${mbps(tLayout).padStart(6)} MB/s   ${(tLayout / tParse).toFixed(2)}x parse time (target <= 1x)`);
  console.log(`  format (text → text)  ${tFormat.toFixed(1).padStart(8)} ms  ${mbps(tFormat).padStart(6)} MB/s   ${(tFormat / tParse).toFixed(2)}x parse time`);
}

const texts = corpusTexts();
report("corpus", texts.map((t) => t.text), 20);
const big = generated(texts, 5_000_000);
report("generated", [big], 3);
