// `caravan job plan FILE`: diff against the runtime's version of the job plus a scheduler dry
// run (plan.md). Exit 0 when nothing would be created or destroyed, 1 when something would,
// 255 on any error (as Nomad, so scripts keep working).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Diagnostic } from "../../diagnostics/types.js";
import { formatDiagnostic } from "../../render/text.js";
import { ioMessage, processIO, type CliIO } from "../io.js";

export interface PlanCliOptions {
  var?: string[];
  varFile?: string[];
  cluster?: string;
  verbose?: boolean;
  json?: boolean;
  /** false with --no-color */
  color?: boolean;
  address?: string;
  html?: string;
  seed?: string;
}

const ERROR = 255;

function printDiagnostics(io: CliIO, file: string, source: string, ds: readonly Diagnostic[]): void {
  for (const d of ds) io.stderr(formatDiagnostic(d, source, { file: d.file ?? file }));
}

export async function runPlan(file: string, opts: PlanCliOptions = {}, io: CliIO = processIO(), now: () => number = Date.now): Promise<number> {
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : readFileSync(file, "utf8");
  } catch (err) {
    io.stderr(`${file}: error: ${ioMessage(err)}\n`);
    return ERROR;
  }
  const { validateJobText } = await import("../../validate/index.js");
  const v = validateJobText(text, { file, baseDir: file === "-" ? process.cwd() : dirname(file), vars: opts.var ?? [], varFiles: opts.varFile ?? [], env: io.env });
  const errors = v.diagnostics.filter((d) => d.severity === "error");
  printDiagnostics(io, file, text, errors);
  if (!v.job || errors.length > 0) {
    io.stderr("Error: the job file has errors; nothing was planned.\n");
    return ERROR;
  }
  const job = v.job;

  let nodes;
  let clusterAllocs: import("../../cluster/types.js").Allocation[] = [];
  if (opts.cluster) {
    let ctext: string;
    try {
      ctext = readFileSync(opts.cluster, "utf8");
    } catch {
      io.stderr(`${opts.cluster}: error: cannot read cluster file\n`);
      return ERROR;
    }
    const { decodeClusterText } = await import("../../cluster/file.js");
    const c = decodeClusterText(ctext, { file: opts.cluster, baseDir: dirname(opts.cluster) });
    printDiagnostics(io, opts.cluster, ctext, c.diagnostics);
    if (!c.cluster) return ERROR;
    nodes = c.cluster.nodes;
    clusterAllocs = c.cluster.allocs;
  } else {
    const { fingerprintLocal } = await import("../../cluster/fingerprint.js");
    nodes = [await fingerprintLocal()];
  }

  const { emptyState, fetchState } = await import("../../plan/state-source.js");
  let state = emptyState();
  const address = opts.address ?? io.env["CARAVAN_ADDR"];
  if (address) {
    try {
      state = await fetchState(address, job.ID, job.Namespace || "default");
    } catch (err) {
      io.stderr(`Error during plan: ${err instanceof Error ? err.message : String(err)}\n`);
      return ERROR;
    }
  }

  const { planJob, planExitCode } = await import("../../plan/plan.js");
  const at = now();
  const allocs = [...clusterAllocs, ...state.allocs];
  const plan = planJob({ nodes, allocs, oldJob: state.oldJob, newJob: job, now: at, options: { seed: opts.seed ?? job.ID, explain: opts.verbose ?? false } });
  const warnings = v.diagnostics.filter((d) => d.severity === "warning").map((d) => `* ${d.message}`);
  plan.Warnings.push(...warnings);

  const { renderPlanText } = await import("../../plan/render-text.js");
  const textOptions = { verbose: opts.verbose ?? false, path: file, vars: opts.var ?? [], varFiles: opts.varFile ?? [], now: at, nodes };
  if (opts.html) {
    const { renderPlanHtml } = await import("../../plan/render-html.js");
    try {
      const plain = renderPlanText(plan, { ...textOptions, color: false });
      writeFileSync(opts.html, renderPlanHtml(plan, nodes, allocs, `caravan plan: ${job.ID}`, plain));
    } catch {
      io.stderr(`${opts.html}: error: cannot write file\n`);
      return ERROR;
    }
  }
  if (opts.json) {
    const { planToJson } = await import("../../plan/json.js");
    io.stdout(JSON.stringify(planToJson(plan), null, 2) + "\n");
  } else {
    const color = opts.color !== false && io.isTTY && io.env["NO_COLOR"] === undefined;
    io.stdout(renderPlanText(plan, { ...textOptions, color }));
  }
  return planExitCode(plan);
}
