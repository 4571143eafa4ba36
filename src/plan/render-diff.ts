// The diff printer (plan.md §4.1–§4.3), emitting colorstring markup; `colorize` renders it.
import type { DiffType, FieldDiff, JobDiff, ObjectDiff, TaskDiff, TaskGroupDiff } from "./types.js";

const MARKER: Record<DiffType, string> = { Added: "[green]+[reset] ", Deleted: "[red]-[reset] ", Edited: "[light_yellow]+/-[reset] ", None: "" };
const WIDTH: Record<DiffType, number> = { Added: 2, Deleted: 2, Edited: 4, None: 0 };
const UPDATE_COLOR: Record<string, string> = {
  create: "green",
  destroy: "red",
  migrate: "blue",
  canary: "light_yellow",
  "in-place update": "cyan",
  "create/destroy update": "yellow",
};
const ANNOTATION_COLOR: Record<string, string> = {
  "forces create": "green",
  "forces destroy": "red",
  "forces in-place update": "cyan",
  "forces create/destroy update": "yellow",
};

const sp = (n: number): string => " ".repeat(Math.max(0, n));

/** Go `%q` quoting. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + '"';
}

function annotations(list: readonly string[]): string {
  if (list.length === 0) return "";
  return ` (${list.map((a) => (ANNOTATION_COLOR[a] ? `[${ANNOTATION_COLOR[a]}]${a}[reset]` : a)).join(", ")})`;
}

function value(f: FieldDiff): string {
  switch (f.Type) {
    case "Added":
      return goQuote(f.New);
    case "Deleted":
      return goQuote(f.Old);
    case "Edited":
      return `${goQuote(f.Old)} => ${goQuote(f.New)}`;
    default:
      return goQuote(f.New);
  }
}

function longest(fields: readonly FieldDiff[], objects: readonly ObjectDiff[]): [number, number] {
  let lf = 0;
  let lm = 0;
  for (const f of fields) {
    lf = Math.max(lf, f.Name.length);
    lm = Math.max(lm, WIDTH[f.Type]);
  }
  for (const o of objects) lm = Math.max(lm, WIDTH[o.Type]);
  return [lf, lm];
}

function aligned(fields: readonly FieldDiff[], objects: readonly ObjectDiff[], indent: number, lf: number, lm: number): string {
  const lines: string[] = [];
  for (const f of fields) {
    lines.push(sp(indent) + MARKER[f.Type] + sp(lm - WIDTH[f.Type]) + f.Name + ": " + sp(lf - f.Name.length) + value(f) + annotations(f.Annotations));
  }
  for (const o of objects) lines.push(object(o, indent, lm - WIDTH[o.Type]));
  return lines.join("\n");
}

function object(o: ObjectDiff, indent: number, pad: number): string {
  const [lf, lm] = longest(o.Fields, o.Objects);
  return `${sp(indent)}${MARKER[o.Type]}${sp(pad)}${o.Name} {\n${aligned(o.Fields, o.Objects, indent + pad + 2, lf, lm)}\n${sp(indent + WIDTH[o.Type] + pad)}}`;
}

function task(t: TaskDiff, indent: number, pad: number, verbose: boolean): string {
  const line = `${sp(indent)}${MARKER[t.Type]}${sp(pad)}[bold]Task: "${t.Name}"[reset]${annotations(t.Annotations)}`;
  if (t.Type === "None" || ((t.Type === "Added" || t.Type === "Deleted") && !verbose)) return line;
  const [lf, lm] = longest(t.Fields, t.Objects);
  const body = aligned(t.Fields, t.Objects, indent + 2, lf, lm);
  return body === "" ? line : `${line}\n${body}`;
}

function updates(g: TaskGroupDiff): string {
  const keys = Object.keys(g.Updates).sort();
  if (keys.length === 0) return "";
  return ` (${keys.map((k) => (UPDATE_COLOR[k] ? `[${UPDATE_COLOR[k]}]${g.Updates[k]} ${k}[reset]` : `${g.Updates[k]} ${k}`)).join(", ")})`;
}

function group(g: TaskGroupDiff, pad: number, verbose: boolean): string {
  let out = `${MARKER[g.Type]}${sp(pad)}[bold]Task Group: "${g.Name}"[reset]${updates(g)}\n`;
  let [lf, lm] = longest(g.Fields, g.Objects);
  for (const t of g.Tasks) lm = Math.max(lm, WIDTH[t.Type]);
  if (g.Type === "Edited" || verbose) {
    const fo = aligned(g.Fields, g.Objects, pad + 2, lf, lm);
    out += fo + (fo ? "\n" : "");
  }
  for (const t of g.Tasks) out += task(t, pad + 2, lm - WIDTH[t.Type], verbose) + "\n";
  return out;
}

/** The diff as colorstring markup, trimmed (plan.md §4.3 `job(j)`). */
export function renderDiff(j: JobDiff, verbose: boolean): string {
  let out = `${MARKER[j.Type]}[bold]Job: "${j.ID}"[reset]\n`;
  let [lf, lm] = longest(j.Fields, j.Objects);
  for (const g of j.TaskGroups) lm = Math.max(lm, WIDTH[g.Type]);
  if (j.Type === "Edited" || verbose) {
    const fo = aligned(j.Fields, j.Objects, 0, lf, lm);
    out += fo + (fo ? "\n" : "");
  }
  for (const g of j.TaskGroups) out += group(g, lm - WIDTH[g.Type], verbose) + "\n";
  return out.trim();
}
