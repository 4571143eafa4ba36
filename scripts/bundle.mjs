// Bundle the CLI into dist/cli/ with esbuild, after tsc has type-checked and compiled.
// Loading chevrotain, ajv and friends as hundreds of separate ES modules costs hundreds of
// milliseconds at every start; one bundle (split per command, so each command still loads only
// what it needs) keeps a cold `caravan` start fast.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/cli", { recursive: true, force: true });

await build({
  entryPoints: { main: "src/cli/main.ts" },
  outdir: "dist/cli",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  minify: true,
  keepNames: false,
  logLevel: "warning",
  // Packages with native parts or their own loaders stay external.
  external: ["better-sqlite3", "prettier"],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
