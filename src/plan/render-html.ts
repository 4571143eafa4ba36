// `caravan job plan --html OUT.html`: one self-contained page drawing every node as a CPU bar
// and a memory bar, with existing load, allocations this plan stops, and planned placements.
import { allocTerminal, type Allocation, type ClusterNode } from "../cluster/types.js";
import type { JobPlan } from "./plan.js";
import { planExitCode } from "./plan.js";

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Segment {
  label: string;
  kind: "existing" | "stopping" | "placed";
  cpu: number;
  mem: number;
}

function bar(total: number, reserved: number, segs: Segment[], pick: (s: Segment) => number, unit: string): string {
  const pct = (v: number): string => `${total > 0 ? ((v / total) * 100).toFixed(2) : "0"}%`;
  const parts = [`<span class="seg reserved" style="width:${pct(reserved)}" title="reserved ${reserved} ${unit}"></span>`];
  for (const s of segs) {
    const v = pick(s);
    if (v > 0) parts.push(`<span class="seg ${s.kind}" style="width:${pct(v)}" title="${esc(`${s.label}: ${v} ${unit} (${s.kind})`)}"></span>`);
  }
  const used = reserved + segs.filter((s) => s.kind !== "stopping").reduce((a, s) => a + pick(s), 0);
  return `<div class="bar">${parts.join("")}</div><div class="num">${used} / ${total} ${unit}</div>`;
}

/** `text` is the plain plan output, shown under the node table. */
export function renderPlanHtml(plan: JobPlan, nodes: readonly ClusterNode[], allocs: readonly Allocation[], title: string, text = ""): string {
  const stopping = new Set(plan.Result.stops.map((s) => s.allocId));
  const rows = nodes.map((n) => {
    const segs: Segment[] = [];
    for (const a of allocs) {
      if (a.nodeId !== n.id || allocTerminal(a)) continue;
      segs.push({ label: a.name, kind: stopping.has(a.id) ? "stopping" : "existing", cpu: a.resources.cpu, mem: a.resources.memoryMB });
    }
    const placed = plan.Result.placements.filter((p) => p.nodeId === n.id);
    for (const p of placed) segs.push({ label: p.name, kind: "placed", cpu: p.resources.cpu, mem: p.resources.memoryMB });
    const names = placed.map((p) => `<li>${esc(p.name)} <small>score ${p.score.toFixed(3)}</small></li>`).join("");
    return `<tr><th>${esc(n.name)}<br><small>${esc(n.datacenter)}${n.nodeClass ? ` · ${esc(n.nodeClass)}` : ""} · ${esc(n.status)}</small></th>
<td>${bar(n.resources.cpu, n.reserved.cpu, segs, (s) => s.cpu, "MHz")}</td>
<td>${bar(n.resources.memoryMB, n.reserved.memoryMB, segs, (s) => s.mem, "MB")}</td>
<td><ul>${names}</ul></td></tr>`;
  });
  const updates = Object.entries(plan.Result.desiredUpdates)
    .map(([g, u]) => `<li><b>${esc(g)}</b>: ${Object.entries(u).filter(([, v]) => v > 0).map(([k, v]) => `${v} ${esc(k)}`).join(", ") || "no change"}</li>`)
    .join("");
  const failed = Object.entries(plan.Result.failedTGAllocs)
    .map(([g, m]) => `<li><b>${esc(g)}</b>: failed to place ${m.CoalescedFailures + 1}; ${[...Object.entries(m.ConstraintFiltered).map(([k, v]) => `${esc(k)}: ${v} filtered`), ...Object.entries(m.DimensionExhausted).map(([k, v]) => `${esc(k)} exhausted on ${v}`)].join("; ")}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{padding:6px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.bar{display:flex;width:260px;height:14px;background:#f3f3f3;border:1px solid #ccc;border-radius:3px;overflow:hidden}
.seg{display:block;height:100%;border-right:1px solid #fff}.reserved{background:#999}.existing{background:#7aa7d6}
.placed{background:#3c9d4e}.stopping{background:repeating-linear-gradient(45deg,#d9534f,#d9534f 4px,#f2b8b6 4px,#f2b8b6 8px)}
.num{font-size:12px;color:#555}pre{background:#f7f7f7;padding:1em;overflow:auto}ul{margin:0;padding-left:1.2em}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
</style></head><body>
<h1>Plan for job ${esc(plan.Diff.ID)}</h1>
<p>Diff: ${esc(plan.Diff.Type)} · exit code ${planExitCode(plan)} · job modify index ${plan.JobModifyIndex}</p>
<ul>${updates}</ul>${failed ? `<h2>Failed placements</h2><ul>${failed}</ul>` : ""}
<p class="legend"><span class="reserved"></span>reserved<span class="existing"></span>existing<span class="placed"></span>planned<span class="stopping"></span>stopping</p>
<table><thead><tr><th>Node</th><th>CPU</th><th>Memory</th><th>Planned allocations</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>${text ? `<h2>Plan</h2><pre>${esc(text)}</pre>` : ""}</body></html>
`;
}
