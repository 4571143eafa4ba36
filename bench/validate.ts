// Validation benchmark (issue 3): decode + validate the Nomad job corpus; print the time per file
// and the ratio of the validation work (eval, structure, schema, decode, rules) to parse time
// (target: at most 1x), and the wall time of `caravan job validate` on one small file as a whole
// process (target: under 200 ms). Both loops are warmed until V8 has optimized them, then timed in
// alternating rounds (median). Run: npm run build && node dist/bench/validate.js
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../src/parser/parse.js";
import { validateJobText } from "../src/validate/index.js";

const inDist = import.meta.url.includes("/dist/");
const ROOT = fileURLToPath(new URL(inDist ? "../../" : "../", import.meta.url));
const CORPUS = join(ROOT, "../shared/corpus/nomad");

const files = ["jobspec-fixtures", "jobspec2-fixtures", "jobs"].flatMap((d) =>
  readdirSync(join(CORPUS, d))
    .filter((f) => /\.(hcl|nomad)$/.test(f))
    .map((f) => ({ dir: join(CORPUS, d), text: readFileSync(join(CORPUS, d, f), "utf8") })),
);

/** Mean time of one call of `fn` over a run of at least `minMs`. */
function timeRun(fn: () => void, minMs: number): number {
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const parseAll = (): void => {
  for (const f of files) parse(f.text);
};
const validateAll = (): void => {
  for (const f of files) validateJobText(f.text, { baseDir: f.dir, env: {} });
};

// Warm: V8 takes seconds to finish optimizing the validation code (hundreds of functions, some
// of them compiled several times), and a shorter warm-up measured the compiler, not the code.
timeRun(parseAll, 1500);
timeRun(validateAll, 3000);
// Then alternate the two, so that a busy moment of the machine falls on both.
const parseRuns: number[] = [];
const validateRuns: number[] = [];
for (let round = 0; round < 7; round++) {
  parseRuns.push(timeRun(parseAll, 300));
  validateRuns.push(timeRun(validateAll, 300));
}
const parseMs = median(parseRuns);
const validateMs = median(validateRuns);
const perFileParse = parseMs / files.length;
const perFileValidate = validateMs / files.length;
const added = perFileValidate - perFileParse;

const small = join(CORPUS, "jobspec-fixtures/csi-plugin.hcl");
const walls: number[] = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, "bin/caravan.js"), "job", "validate", small], { encoding: "utf8" });
  walls.push(performance.now() - t);
  if (r.status !== 0) throw new Error(`caravan job validate exited ${r.status}: ${r.stderr}`);
}
walls.sort((a, b) => a - b);
const nodeWalls: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ["-e", "0"]);
  nodeWalls.push(performance.now() - t);
}
nodeWalls.sort((a, b) => a - b);

console.log(`validate: ${files.length} corpus files`);
console.log(`  parse only          ${perFileParse.toFixed(3)} ms/file`);
console.log(`  parse + validate    ${perFileValidate.toFixed(3)} ms/file`);
console.log(`  validation adds     ${added.toFixed(3)} ms/file = ${(added / perFileParse).toFixed(2)}x parse time (target <= 1x)`);
console.log(`  caravan job validate (one small file, whole process): median ${walls[3]!.toFixed(0)} ms (target < 200 ms; bare node: ${nodeWalls[2]!.toFixed(0)} ms)`);
