// Parser benchmark (issue 2): parse and convert to JSON the corpus and a generated 5 MB job file
// with caravan, @cdktf/hcl2json (Go compiled to WebAssembly) and hcl2-parser (Go compiled by
// GopherJS), warm, in the same run; print MB/s and caravan's ratio to each peer. Then linear
// growth (0.5 MB vs 5 MB) and the cold `caravan hcl2json` of a small file as a whole process.
// Targets: >= 20x @cdktf/hcl2json, 10x the input in <= 11x the time, cold < 150 ms.
// Each warm measurement runs in a child process of its own (this file with `--measure TOOL INPUT`):
// the tools share no heap, so the garbage one leaves behind (GopherJS leaves a lot) is never
// collected on another's clock.
// Run: npm run build && node dist/bench/parse.js [--quick]   (--quick: peers skip the 5 MB file)
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { toHcl2Json } from "../src/hcl2json/convert.js";
import { parse } from "../src/parser/parse.js";

/** The project root: the nearest folder above this file with a package.json (works from dist/ and via tsx). */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}
const ROOT = projectRoot();
const CORPUS = join(ROOT, "../shared/corpus");
const QUICK = process.argv.includes("--quick");

// The peers are loaded on first use: a child measuring caravan does not load them at all.
type Hcl2Parser = { parseToString(input: string): [string | null, unknown] };
let hcl2parserModule: Hcl2Parser | undefined;
const hcl2parser = (): Hcl2Parser => (hcl2parserModule ??= createRequire(import.meta.url)("hcl2-parser") as Hcl2Parser);
const cdktfParse = async (name: string, text: string): Promise<unknown> => (await import("@cdktf/hcl2json")).parse(name, text);

interface Tool {
  name: string;
  run(name: string, text: string): Promise<unknown> | unknown;
}

const TOOLS: Tool[] = [
  { name: "caravan", run: (_n, text) => JSON.stringify(toHcl2Json(parse(text).tree)) },
  { name: "@cdktf/hcl2json", run: (n, text) => cdktfParse(n, text) },
  { name: "hcl2-parser", run: (_n, text) => hcl2parser().parseToString(text)[0] },
];

interface Input {
  name: string;
  text: string;
}

function corpusInputs(): Input[] {
  const out: Input[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(hcl|nomad)$/.test(e.name)) out.push({ name: relative(CORPUS, p), text: readFileSync(p, "utf8") });
    }
  };
  walk(CORPUS);
  return out;
}

/** One service job of the generated file: the stanzas real job files use, varied by `i`. */
function jobText(i: number): string {
  return `job "service-${i}" {
  datacenters = ["dc1", "dc${i % 3}"]
  type        = "service"
  priority    = ${50 + (i % 20)}

  constraint {
    attribute = "\${attr.kernel.name}"
    value     = "linux"
  }

  update {
    max_parallel     = ${1 + (i % 3)}
    min_healthy_time = "10s"
    healthy_deadline = "5m"
    auto_revert      = ${i % 2 === 0}
  }

  group "web" {
    count = ${1 + (i % 5)}

    network {
      port "http" { to = 8080 }
      port "metrics" {}
    }

    service {
      name = "web-${i}"
      port = "http"
      tags = ["urlprefix-/web${i}", "v${i % 7}"]
      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    task "server" {
      driver = "docker"
      config {
        image   = "registry.example.com/web:\${var.version}"
        ports   = ["http", "metrics"]
        args    = ["--listen", ":\${NOMAD_PORT_http}", "--id", "\${NOMAD_ALLOC_INDEX}"]
        command = var.debug ? "/bin/web-debug" : "/bin/web"
      }
      env {
        REGION   = "\${meta.region}"
        REPLICAS = ${1 + (i % 5)} * 2
        WORKERS  = -${i % 9}
      }
      template {
        destination = "local/app.conf"
        data        = <<-EOT
          # generated for service ${i}
          listen = ":{{ env "NOMAD_PORT_http" }}"
          %{~ for s in var.upstreams ~}
          upstream "\${s}" { weight = ${i % 4} }
          %{~ endfor ~}
          EOT
      }
      resources {
        cpu    = ${100 + (i % 10) * 50}
        memory = ${128 * (1 + (i % 4))}
      }
      meta = {
        owner = "team-${i % 13}"
        "tier" = local.tiers[${i % 3}]
      }
    }
  }
}
`;
}

function generated(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const job = jobText(i);
    parts.push(job);
    size += job.length + 1;
  }
  return parts.join("\n");
}

const byteLength = (inputs: Input[]): number => inputs.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

/** Warm throughput: `warmup` passes, then passes until `minMs` have gone by (at least `minRuns`); median pass time. */
async function measure(tool: Tool, inputs: Input[], opts: Opts): Promise<number> {
  const pass = async (): Promise<void> => {
    for (const f of inputs) await tool.run(f.name, f.text);
  };
  for (let i = 0; i < opts.warmup; i++) await pass();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < opts.minRuns || performance.now() - start < opts.minMs) {
    const t0 = performance.now();
    await pass();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

type InputName = "corpus" | "gen-5mb" | "gen-0.5mb";
type Opts = { warmup: number; minRuns: number; minMs: number };
/** The corpus files every tool accepts, chosen by the parent and handed to the children. */
const ACCEPTED = join(tmpdir(), `caravan-bench-parse-${process.pid}.json`);

function inputs(name: InputName, acceptedFile: string): Input[] {
  if (name === "gen-5mb") return [{ name: "gen-5mb.hcl", text: generated(5_000_000) }];
  if (name === "gen-0.5mb") return [{ name: "gen-0.5mb.hcl", text: generated(500_000) }];
  const names = new Set(JSON.parse(readFileSync(acceptedFile, "utf8")) as string[]);
  return corpusInputs().filter((f) => names.has(f.name));
}

/** In a child: measure one tool on one input set and print the median pass time (ms). */
async function child(tool: string, input: InputName, opts: Opts, acceptedFile: string): Promise<void> {
  const t = TOOLS.find((x) => x.name === tool)!;
  // a peer warms up on the small generated file before the big one
  if (input === "gen-5mb" && tool !== "caravan") for (const f of inputs("gen-0.5mb", acceptedFile)) await t.run(f.name, f.text);
  process.stdout.write(String(await measure(t, inputs(input, acceptedFile), opts)));
}

/** Median pass time of `tool` on `input`, measured in a fresh process. */
function measureApart(tool: string, input: InputName, opts: Opts): number {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, "--measure", tool, input, JSON.stringify(opts), ACCEPTED], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`measuring ${tool} on ${input} failed (exit ${r.status})`);
  return Number(r.stdout);
}

const CARAVAN_OPTS: Opts = { warmup: 2, minRuns: 3, minMs: 1500 };

/** Prints each tool's rate on `input`; returns caravan's median pass time. */
function throughput(title: string, input: InputName, bytes: number, files: number, peerOpts: Opts | undefined): number {
  console.log(`\n${title}: ${files} file(s), ${fmt(bytes / 1e6, 2)} MB`);
  const results: Array<{ tool: string; rate: number }> = [];
  let caravanMs = NaN;
  for (const tool of TOOLS) {
    const isCaravan = tool.name === "caravan";
    if (!isCaravan && !peerOpts) {
      console.log(`  ${tool.name.padEnd(16)} skipped (--quick)`);
      continue;
    }
    const ms = measureApart(tool.name, input, isCaravan ? CARAVAN_OPTS : peerOpts!);
    if (isCaravan) caravanMs = ms;
    const rate = mbps(bytes, ms);
    results.push({ tool: tool.name, rate });
    console.log(`  ${tool.name.padEnd(16)} ${fmt(ms, 0).padStart(8)} ms  ${fmt(rate, 2).padStart(8)} MB/s`);
  }
  const ours = results.find((r) => r.tool === "caravan")!.rate;
  for (const r of results) if (r.tool !== "caravan") console.log(`  caravan / ${r.tool}: ${fmt(ours / r.rate)}x${r.tool === "@cdktf/hcl2json" ? " (target >= 20x)" : ""}`);
  return caravanMs;
}

function linearity(tLarge: number): void {
  const tSmall = measureApart("caravan", "gen-0.5mb", { warmup: 2, minRuns: 5, minMs: 1000 });
  const ratio = tLarge / tSmall;
  const inputRatio = byteLength(inputs("gen-5mb", ACCEPTED)) / byteLength(inputs("gen-0.5mb", ACCEPTED));
  console.log(`\nLinear growth (caravan): 0.5 MB ${fmt(tSmall, 0)} ms, 5 MB ${fmt(tLarge, 0)} ms, ${fmt(inputRatio)}x the input in ${fmt(ratio, 2)}x the time (target <= 11x)`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function cold(): void {
  const file = join(CORPUS, "nomad/jobspec2-fixtures/connect-example.hcl");
  const bin = join(ROOT, "bin/caravan.js");
  if (!existsSync(join(ROOT, "dist/cli/main.js"))) {
    console.log("\nCold start: skipped (run `npm run build` first)");
    return;
  }
  const wall = (args: string[]): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
    return performance.now() - t0;
  };
  const runs = 7;
  const ours = median(Array.from({ length: runs }, () => wall([bin, "hcl2json", file])));
  const bare = median(Array.from({ length: runs }, () => wall(["-e", ""])));
  console.log(`\nCold start: \`caravan hcl2json ${relative(ROOT, file)}\` median of ${runs}: ${fmt(ours, 0)} ms (target < 150 ms); bare \`node -e ""\`: ${fmt(bare, 0)} ms`);
}

async function main(): Promise<void> {
  console.log("bench/parse: parse + convert to JSON text (caravan: parse, toHcl2Json, JSON.stringify)");
  const corpus = corpusInputs();
  // Compare like with like: the files every tool accepts.
  const accepted: Input[] = [];
  for (const f of corpus) {
    try {
      await cdktfParse(f.name, f.text);
      if (hcl2parser().parseToString(f.text)[0] !== null && parse(f.text).diagnostics.length === 0) accepted.push(f);
    } catch {
      // refused by a peer: left out
    }
  }
  writeFileSync(ACCEPTED, JSON.stringify(accepted.map((f) => f.name)));
  try {
    throughput(`Corpus (${corpus.length - accepted.length} of ${corpus.length} files left out: not valid HCL2 for every tool)`, "corpus", byteLength(accepted), accepted.length, { warmup: 1, minRuns: 2, minMs: 1000 });
    const big = inputs("gen-5mb", ACCEPTED);
    const tLarge = throughput("Generated job file", "gen-5mb", byteLength(big), 1, QUICK ? undefined : { warmup: 0, minRuns: 1, minMs: 0 });
    linearity(tLarge);
  } finally {
    rmSync(ACCEPTED, { force: true });
  }
  cold();
}

const at = process.argv.indexOf("--measure");
if (at >= 0) {
  const [tool, input, opts, acceptedFile] = process.argv.slice(at + 1);
  await child(tool!, input as InputName, JSON.parse(opts!) as Opts, acceptedFile!);
} else await main();
