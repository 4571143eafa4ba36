// Deterministic broken variants of the corpus files, for the parser's error-position tests.
//
// A mutant deletes one character (or one `\r\n`) from a corpus file: a brace, a quote, an `=` or
// a newline, at positions picked by a PRNG seeded from the file path and mutation kind, so the
// list is the same on every machine and a test can rebuild the text from `{ file, kind, offset }`
// and the corpus alone. Positions are taken from code (not comments or string text), where a
// deletion is most likely to be a real syntax error; the golden generator keeps only the mutants
// Go hcl rejects.
import { CORPUS, corpusFiles, readCorpus } from "./corpus.js";
import { C, classify } from "./regions.js";

export type MutationKind = "brace" | "quote" | "equals" | "newline";
export const MUTATION_KINDS: readonly MutationKind[] = ["brace", "quote", "equals", "newline"];

export interface Mutant {
  /** Corpus path relative to the corpus root, with `/` separators, e.g. `nomad/jobs/x.nomad`. */
  file: string;
  kind: MutationKind;
  /** UTF-16 offset of the deleted character (for `newline`, of the `\r` or `\n`). */
  offset: number;
}

/** Absolute path of `../shared/corpus/` (with the trailing slash). */
export const CORPUS_DIR = `${CORPUS}/`;
export { corpusFiles, readCorpus };

/** The text of `source` with the mutant's deletion applied. */
export function applyMutant(source: string, m: Pick<Mutant, "kind" | "offset">): string {
  const len = m.kind === "newline" && source[m.offset] === "\r" ? 2 : 1;
  return source.slice(0, m.offset) + source.slice(m.offset + len);
}

/** The mutated text of a mutant, read from the corpus. */
export function mutantText(m: Mutant): string {
  return applyMutant(readCorpus(m.file), m);
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, as a PRNG seed. */
export function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Candidate offsets for one kind of deletion in `text`. */
export function candidates(text: string, kind: MutationKind, classes = classify(text)): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = classes[i];
    switch (kind) {
      case "brace":
        if (c === C.Code && (ch === "{" || ch === "}")) out.push(i);
        break;
      case "quote":
        if (c === C.Quote) out.push(i);
        break;
      case "equals":
        // a lone `=`, not part of `==`, `!=`, `<=`, `>=` or `=>`
        if (c === C.Code && ch === "=" && !"=!<>".includes(text[i - 1] ?? "") && !"=>".includes(text[i + 1] ?? "")) out.push(i);
        break;
      case "newline": {
        // a newline between two non-blank code lines (joining them is a likely error)
        if (c !== C.Code || ch !== "\n") break;
        const at = text[i - 1] === "\r" ? i - 1 : i;
        const prevStart = text.lastIndexOf("\n", at - 1) + 1;
        const next = text.indexOf("\n", i + 1);
        const prevLine = text.slice(prevStart, at).trim();
        const nextLine = text.slice(i + 1, next < 0 ? text.length : next).trim();
        if (prevLine !== "" && nextLine !== "" && !/^(#|\/\/)/.test(prevLine)) out.push(at);
        break;
      }
    }
  }
  return out;
}

/** `perKind` mutants of each kind for one file (fewer where the file has fewer candidates). */
export function mutantsFor(file: string, text: string, perKind = 1): Mutant[] {
  const classes = classify(text);
  const out: Mutant[] = [];
  for (const kind of MUTATION_KINDS) {
    const pool = candidates(text, kind, classes);
    const rand = prng(seedOf(`${file}:${kind}`));
    const picked = new Set<number>();
    while (picked.size < Math.min(perKind, pool.length)) picked.add(pool[Math.floor(rand() * pool.length)]!);
    for (const offset of [...picked].sort((a, b) => a - b)) out.push({ file, kind, offset });
  }
  return out;
}

/** All mutants of the corpus, in a stable order. */
export function allMutants(perKind = 1): Mutant[] {
  return corpusFiles().flatMap((f) => mutantsFor(f, readCorpus(f), perKind));
}
