// Periodic, parameterized and dispatch rules V45-V47, and scaling rules V48-V49, P6-P7.
import { CronExpressionParser } from "cron-parser";
import type { Task } from "../../jobspec/types.js";
import { escapesAllocDir, type Reporter, type Rule } from "./context.js";

const MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const PAYLOADS = ["optional", "required", "forbidden"];

// Both checks below depend on the string alone and are slow (cron-parser builds luxon dates,
// Intl loads time zone data), so their answers are kept for the process.
const cronErrors = new Map<string, string | undefined>();
const timeZones = new Map<string, boolean>();

function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const v = compute(key);
  if (cache.size >= 1000) cache.clear(); // bounded for long-lived processes (the language server)
  cache.set(key, v);
  return v;
}

/** gorhill/cronexpr accepts 5, 6 (seconds first) or 7 (plus year) fields and the @ macros. */
export const cronError = (spec: string): string | undefined => memo(cronErrors, spec, checkCron);

function checkCron(spec: string): string | undefined {
  const s = spec.trim();
  if (MACROS.includes(s)) return undefined;
  if (s === "") return "empty cron spec";
  let fields = s.split(/\s+/);
  if (fields.length < 5 || fields.length > 7) return `expected 5 to 7 fields, found ${fields.length}`;
  if (fields.length === 7) {
    if (!/^(\*|\d{4}([-,/]\d{1,4})*)$/.test(fields[6]!)) return `invalid year field "${fields[6]}"`;
    fields = fields.slice(0, 6);
  }
  try {
    CronExpressionParser.parse(fields.join(" ").replace(/\?/g, "*"), { tz: "UTC" });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export const timeZoneOk = (tz: string): boolean => memo(timeZones, tz, checkTimeZone);

function checkTimeZone(tz: string): boolean {
  if (tz === "" || tz === "UTC" || tz === "Local") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const periodicRules: Rule = (r) => {
  const j = r.job;
  const p = j.Periodic;
  if (p && p.Enabled) {
    if (p.Spec !== "" && p.Specs.length > 0) r.error("rule/periodic-spec", "Periodic may set cron or crons, not both", p, "crons");
    else if (p.Spec === "" && p.Specs.length === 0) r.error("rule/periodic-spec", "Periodic needs a cron spec", p);
    const specs: [string, string][] = p.Spec !== "" ? [[p.Spec, "cron"]] : p.Specs.map((s, i) => [s, `crons/${i}`]);
    for (const [spec, field] of specs) {
      const err = cronError(spec);
      if (err) r.error("rule/periodic-cron", `Invalid cron spec "${spec}": ${err}`, p, field);
    }
    if (!timeZoneOk(p.TimeZone)) r.error("rule/periodic-time-zone", `Unknown time zone "${p.TimeZone}"`, p, "time_zone");
  }
  const pj = j.ParameterizedJob;
  if (pj) {
    if (!PAYLOADS.includes(pj.Payload)) r.error("rule/parameterized-payload", `Invalid payload "${pj.Payload}"`, pj, "payload");
    for (const k of pj.MetaRequired.filter((k) => pj.MetaOptional.includes(k)))
      r.error("rule/parameterized-meta", `Meta key "${k}" is both required and optional`, pj, "meta_optional");
  }
  for (const g of j.TaskGroups) {
    for (const t of g.Tasks) {
      if (t.DispatchPayload && escapesAllocDir(t.DispatchPayload.File, 2))
        r.error("rule/dispatch-payload", `dispatch_payload file "${t.DispatchPayload.File}" escapes the allocation directory`, t.DispatchPayload, "file");
      if (t.ScalingPolicies.length > 0) taskScaling(r, t);
    }
    const s = g.Scaling;
    if (s) {
      scalingBounds(r, s);
      if (s.Max !== null && g.Count > s.Max) r.error("rule/scaling-count", `Group "${g.Name}" count (${g.Count}) is greater than scaling max (${s.Max})`, g, r.isSet(g, "count") ? "count" : undefined);
      if (s.Min !== null && g.Count < s.Min) r.error("rule/scaling-count", `Group "${g.Name}" count (${g.Count}) is less than scaling min (${s.Min})`, g, r.isSet(g, "count") ? "count" : undefined);
    }
  }
};

// (a function of its own: a closure in the task loop would make every iteration allocate its scope)
function taskScaling(r: Reporter, t: Task): void {
  const seen = new Set<string>();
  t.ScalingPolicies.forEach((s) => {
    const label = (r.path(s).label(0) ?? "").toLowerCase();
    if (label !== "cpu" && label !== "mem") {
      r.report("rule/task-scaling-label", `Invalid scaling policy label "${label}": expected "cpu" or "mem"`, r.labelRange(s));
      return;
    }
    if (seen.has(label)) r.report("rule/task-scaling-label", `Duplicate scaling "${label}" policy for task "${t.Name}"`, r.labelRange(s));
    seen.add(label);
    if (r.isSet(s, "type") && s.Type !== `vertical_${label}`)
      r.error("rule/task-scaling-type", `Scaling policy "${label}" must have type "vertical_${label}", not "${s.Type}"`, s, "type");
    scalingBounds(r, s);
  });
}

function scalingBounds(r: Parameters<Rule>[0], s: { Min: number | null; Max: number | null; Type: string }): void {
  if (s.Type === "") r.error("rule/scaling-type", "Scaling policy type must not be empty", s, "type");
  if (s.Min !== null && s.Min < 0) r.error("rule/scaling-bounds", "Scaling min must not be negative", s, "min");
  if (s.Max !== null && s.Max < 0) r.error("rule/scaling-bounds", "Scaling max must not be negative", s, "max");
  if (s.Min !== null && s.Max !== null && s.Max < s.Min) r.error("rule/scaling-bounds", `Scaling max (${s.Max}) must not be less than min (${s.Min})`, s, "max");
}
