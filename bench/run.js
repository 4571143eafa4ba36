#!/usr/bin/env node
// `npm run bench [-- NAME...]`: run each compiled benchmark (dist/bench/*.js) in turn, or only
// those named. Benchmarks are TypeScript in bench/, compiled by `npm run build`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = join(import.meta.dirname, "../dist/bench");
if (!existsSync(dir)) {
  process.stderr.write("bench: dist/bench is missing; run `npm run build` first\n");
  process.exit(2);
}
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith("-"));
const flags = args.filter((a) => a.startsWith("-"));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".js"))
  .map((f) => f.slice(0, -3))
  // only benchmarks whose source still exists (dist may hold stale output)
  .filter((n) => existsSync(join(import.meta.dirname, `${n}.ts`)))
  .filter((n) => names.length === 0 || names.includes(n))
  .sort();
if (benches.length === 0) {
  process.stderr.write(`bench: no benchmark named ${names.join(", ")}\n`);
  process.exit(2);
}
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== bench/${name}\n`);
  const r = spawnSync(process.execPath, [join(dir, `${name}.js`), ...flags], { stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`bench/${name} failed (exit ${r.status ?? r.signal})\n`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
