// The shared corpus (../shared/corpus beside the checkout), listed once for every test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus");

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Every HCL file of the corpus (`*.hcl`, `*.nomad`), as paths relative to the corpus root. */
export function corpusFiles(sub = ""): string[] {
  return walk(join(CORPUS, sub), [])
    .filter((p) => p.endsWith(".hcl") || p.endsWith(".nomad"))
    .map((p) => relative(CORPUS, p).split("\\").join("/"))
    .sort();
}

export function readCorpus(rel: string): string {
  return readFileSync(join(CORPUS, rel), "utf8");
}
