// What a cross-field rule sees: the decoded job, the instance (to tell "set" from "defaulted")
// and a reporter that maps decoded objects back to source ranges.
import type { Diagnostic, Fix, Range, Severity } from "../../diagnostics/types.js";
import type { Origins } from "../../jobspec/decode/common.js";
import type { Job, NetworkResource, Port, TaskGroup } from "../../jobspec/types.js";
import { infoRange } from "../schema-stage.js";
import type { PathNode, Paths } from "../structure.js";

export interface RuleContext {
  job: Job;
  instance: Record<string, unknown>;
  paths: Paths;
  origins: Origins;
  diagnostics: Diagnostic[];
}

export interface ReportOptions {
  severity?: Severity;
  fixes?: Fix[];
  detail?: string;
}

export type Rule = (r: Reporter) => void;

export class Reporter {
  // the last origin looked up: rules ask about one object several times in a row
  private lastObj: object | undefined = undefined;
  private lastPath: PathNode | undefined = undefined;
  // the job's, asked for by many rules between others: its origin was recorded before those of its
  // groups and tasks, so a lookup scans past them all
  private jobPath: PathNode | undefined = undefined;
  constructor(readonly ctx: RuleContext) {}
  get job(): Job {
    return this.ctx.job;
  }
  /** Path index node of a decoded object's block. */
  path(obj: object): PathNode {
    if (obj === this.ctx.job) return (this.jobPath ??= this.lookup(obj));
    if (obj !== this.lastObj) {
      this.lastPath = this.lookup(obj);
      this.lastObj = obj;
    }
    return this.lastPath!;
  }
  private lookup(obj: object): PathNode {
    return this.ctx.origins.get(obj) ?? this.ctx.paths.root.child("job");
  }
  /** Was `field` written in the file on the block `obj` came from? */
  isSet(obj: object, field: string): boolean {
    return this.field(obj, field)?.info !== undefined;
  }
  /** The path index node of `field` on obj's block; a field may be a relative path (`datacenters/1`). */
  private field(obj: object, field: string): PathNode | undefined {
    const base = this.path(obj);
    return field.includes("/") ? base.at(`/${field}`) : base.find(field);
  }
  /** The range of `field` (an HCL attribute or block name) on obj's block, else the block header. */
  rangeOf(obj: object, field?: string): Range {
    if (field) {
      const f = this.field(obj, field);
      const info = f?.info ?? f?.find(0)?.info;
      if (info) return info.valueRange ?? info.range;
    }
    return infoRange(this.path(obj).recorded(), "whole") ?? this.ctx.paths.get("/job")?.range ?? zero;
  }
  /** The range of a block's n-th label. */
  labelRange(obj: object, n = 0): Range {
    return this.path(obj).info?.labelRanges?.[n] ?? this.rangeOf(obj);
  }
  error(code: string, message: string, obj: object, field?: string, opts: ReportOptions = {}): void {
    this.report(code, message, this.rangeOf(obj, field), { severity: "error", ...opts });
  }
  warn(code: string, message: string, obj: object, field?: string, opts: ReportOptions = {}): void {
    this.report(code, message, this.rangeOf(obj, field), { ...opts, severity: "warning" });
  }
  report(code: string, message: string, range: Range, opts: ReportOptions = {}): void {
    const d: Diagnostic = { severity: opts.severity ?? "error", code, message, range };
    if (opts.detail) d.detail = opts.detail;
    if (opts.fixes) d.fixes = opts.fixes;
    this.ctx.diagnostics.push(d);
  }
}

const zero: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** Durations for messages: 90e9 → "1m30s". */
export { formatDuration as fmt } from "../../jobspec/duration.js";

/** A group's networks, then those of its tasks' resources (the group's own list when its tasks have none, as most). */
export function groupNetworks(g: TaskGroup): readonly NetworkResource[] {
  if (g.Tasks.every((t) => t.Resources.Networks.length === 0)) return g.Networks;
  const out = g.Networks.slice();
  for (const t of g.Tasks) for (const n of t.Resources.Networks) out.push(n);
  return out;
}

/** A network's ports: reserved, then dynamic. */
export const networkPorts = (n: NetworkResource): Port[] => n.ReservedPorts.concat(n.DynamicPorts);

// shared, so read only (by type: a frozen array would slow down the loops over it)
const NONE: readonly never[] = [];

/** Duplicate values by key, reported after the first occurrence. */
export function duplicates<T>(items: readonly T[], key: (t: T) => string): readonly T[] {
  if (items.length < 2) return NONE; // most lists have one item or none: no set, no keys
  const seen = new Set<string>();
  const out: T[] = [];
  for (const it of items) {
    const k = key(it);
    if (seen.has(k)) out.push(it);
    seen.add(k);
  }
  return out;
}

/** The key of `duplicates` for named things (a module-level function: a closure would be made on each call). */
export const byName = (x: { Name: string }): string => x.Name;

/** A relative path that stays inside the allocation directory once joined to the task dir. */
export function escapesAllocDir(dest: string, base = 1): boolean {
  if (dest.includes("${")) return false;
  // the task dir is alloc/<task>; `base` levels up is still inside the allocation dir
  let depth = dest.startsWith("/") ? 0 : base;
  // segments between `/` or `\` (scanned in place: a split by a regexp made a list of strings per path)
  let start = 0;
  for (let i = 0; i <= dest.length; i++) {
    if (i < dest.length && dest[i] !== "/" && dest[i] !== "\\") continue;
    const len = i - start;
    if (len > 0 && !(len === 1 && dest[start] === ".")) {
      depth += len === 2 && dest[start] === "." && dest[start + 1] === "." ? -1 : 1;
      if (depth < 0) return true;
    }
    start = i + 1;
  }
  return false;
}
