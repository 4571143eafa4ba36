// The human plan output (plan.md §4): diff, `Scheduler dry-run:`, placement table, and the
// job-modify-index hint. Emits colorstring markup through `colorize`.
import type { ClusterNode } from "../cluster/types.js";
import type { AllocMetric, Placement } from "../scheduler/types.js";
import { colorize } from "./color.js";
import { goDuration } from "./periodic.js";
import type { JobPlan } from "./plan.js";
import { goQuote, renderDiff } from "./render-diff.js";

export interface TextOptions {
  color: boolean;
  verbose: boolean;
  /** The file argument as typed. */
  path: string;
  /** Raw `-var` and `-var-file` arguments, repeated in the hint. */
  vars: string[];
  varFiles: string[];
  now: number;
  nodes: readonly ClusterNode[];
}

function metricLines(m: AllocMetric): string[] {
  const out: string[] = [];
  if (m.NodesEvaluated === 0) out.push("* No nodes were eligible for evaluation");
  for (const [dc, n] of Object.entries(m.NodesAvailable)) if (n === 0) out.push(`* No nodes are available in datacenter "${dc}"`);
  for (const [cls, n] of Object.entries(m.ClassFiltered)) out.push(`* Class "${cls}": ${n} nodes excluded by filter`);
  for (const [c, n] of Object.entries(m.ConstraintFiltered)) {
    const line = `* Constraint "${c}": ${n} nodes excluded by filter`;
    out.push(c.includes("missing drivers") ? `[red]${line}[yellow]` : line);
  }
  if (m.NodesExhausted > 0) out.push(`* Resources exhausted on ${m.NodesExhausted} nodes`);
  for (const [cls, n] of Object.entries(m.ClassExhausted)) out.push(`* Class "${cls}" exhausted on ${n} nodes`);
  for (const [d, n] of Object.entries(m.DimensionExhausted)) out.push(`* Dimension "${d}" exhausted on ${n} nodes`);
  for (const q of m.QuotaExhausted) out.push(`* Quota limit hit "${q}"`);
  return out;
}

function dryRun(plan: JobPlan, o: TextOptions): string {
  const r = plan.Result;
  const lines = ["[bold]Scheduler dry-run:[reset]"];
  const failed = Object.keys(r.failedTGAllocs);
  if (failed.length === 0) {
    lines.push("[bold][green]- All tasks successfully allocated.[reset]");
  } else {
    const system = r.jobType === "system";
    lines.push(`[bold][yellow]- WARNING: Failed to place ${system ? "allocations on all nodes" : "all allocations"}.[reset]`);
    const blocks = failed.map((g) => {
      const m = r.failedTGAllocs[g]!;
      const n = m.CoalescedFailures + 1;
      const head = `[yellow]  Task Group "${g}" (failed to place ${n} allocation${m.CoalescedFailures > 0 ? "s" : ""}):[reset]`;
      return [head, ...metricLines(m).map((l) => `[yellow]    ${l}[reset]`)].join("\n");
    });
    lines.push(blocks.join("\n\n"));
  }
  if (plan.NextPeriodicLaunch) {
    const t = Date.parse(plan.NextPeriodicLaunch);
    lines.push(`[green]- If submitted now, next periodic launch would be at ${plan.NextPeriodicLaunch.replace(/\.000Z$/, "Z")} (${goDuration(t - o.now)} from now).[reset]`);
  }
  return lines.join("\n");
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ").trimEnd());
}

const fmtScore = (s: number): string => s.toFixed(3);

function placementTable(ps: readonly Placement[]): string[] {
  const rows = [["Allocation", "Node", "Datacenter", "Score", "CPU", "Memory", "Disk", "Ports"]];
  for (const p of ps) {
    const ports = p.resources.ports.map((x) => `${x.label}=${x.value}`).join(",") || "-";
    rows.push([p.name + (p.canary ? " (canary)" : ""), p.nodeName, p.datacenter, fmtScore(p.score), `${p.resources.cpu} MHz`, `${p.resources.memoryMB} MiB`, `${p.resources.diskMB} MiB`, ports]);
  }
  return table(rows);
}

function explain(p: Placement, nodes: readonly ClusterNode[]): string[] {
  const out = [`${p.name} → ${p.nodeName}:`];
  const seen = new Set<string>();
  for (const o of p.outcomes ?? []) {
    seen.add(o.nodeId);
    const meta = p.topScores.find((s) => s.nodeId === o.nodeId);
    const detail = meta ? ` (${Object.entries(meta.scores).map(([k, v]) => `${k} ${fmtScore(v)}`).join(", ")})` : "";
    if (o.outcome === "chosen") out.push(`  ${o.nodeName}: chosen, score ${fmtScore(o.score!)}${detail}`);
    else if (o.outcome === "scored") out.push(`  ${o.nodeName}: lower score ${fmtScore(o.score!)}${detail}`);
    else if (o.outcome === "filtered") out.push(`  ${o.nodeName}: filtered by ${o.reason}`);
    else out.push(`  ${o.nodeName}: exhausted ${o.reason}`);
  }
  const unseen = nodes.filter((n) => !seen.has(n.id)).length;
  if (unseen > 0) out.push(`  ${unseen} other node${unseen === 1 ? "" : "s"} not evaluated (ineligible, or candidate limit reached)`);
  return out;
}

export function renderPlanText(plan: JobPlan, o: TextOptions): string {
  const parts: string[] = [];
  parts.push(renderDiff(plan.Diff, o.verbose) + "\n");
  parts.push(dryRun(plan, o) + "\n");
  const ps = plan.Result.placements;
  if (ps.length > 0) {
    parts.push(["[bold]Placements:[reset]", ...placementTable(ps)].join("\n") + "\n");
    if (o.verbose) parts.push(["[bold]Node scores:[reset]", ...ps.flatMap((p) => explain(p, o.nodes))].join("\n") + "\n");
  }
  if (plan.Warnings.length > 0) parts.push(`[bold][yellow]Job Warnings:\n${plan.Warnings.join("\n")}[reset]\n`);
  const args = [...o.vars.map((v) => `-var=${goQuote(v)} `), ...o.varFiles.map((f) => `-var-file=${goQuote(f)} `)].join("");
  const n = plan.JobModifyIndex;
  parts.push(
    [
      `[reset][bold]Job Modify Index: ${n}[reset]`,
      "To submit the job with version verification run:",
      "",
      `caravan job run -check-index ${n} ${args}${o.path}`,
      "",
      "When running the job with the check-index flag, the job will only be run if the",
      "job modify index given matches the server-side version. If the index has",
      "changed, another user has modified the job and the plan's results are",
      "potentially invalid.",
    ].join("\n"),
  );
  return colorize(parts.join("\n"), o.color) + "\n";
}
