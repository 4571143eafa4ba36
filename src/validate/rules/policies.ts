// Restart, reschedule, update and migrate rules V31-V39b (docs/jobspec.md §4).
import type { ReschedulePolicy } from "../../jobspec/types.js";
import { fmt, type Reporter, type Rule } from "./context.js";

const S = 1e9;
const RESTART_MODES = ["delay", "fail"];
const DELAY_FUNCTIONS = ["constant", "exponential", "fibonacci"];
const UPDATE_HEALTH_CHECKS = ["checks", "task_states", "manual"];
const MIGRATE_HEALTH_CHECKS = ["checks", "task_states"];

type Restart = { Mode: string; Attempts: number; Interval: number; Delay: number };

/** Would `restart` report anything? (Its messages, and a task policy's origin, are worked out only then.) */
const restartFaulty = (p: Restart): boolean =>
  !(p.Mode === "delay" || p.Mode === "fail") || (p.Attempts === 0 && p.Mode !== "fail") || p.Interval < 5 * S || p.Attempts * p.Delay > p.Interval;

/** `kind` and `name`: the block the policy applies to, for messages. */
function restart(r: Reporter, p: Restart, kind: "group" | "task", name: string): void {
  if (!restartFaulty(p)) return;
  const where = `${kind} "${name}"`;
  if (!RESTART_MODES.includes(p.Mode)) r.error("rule/restart-mode", `Unsupported restart mode "${p.Mode}" (${where}); expected "delay" or "fail"`, p, "mode");
  if (p.Attempts === 0 && p.Mode !== "fail") r.error("rule/restart-attempts", `Restart policy (${where}) with 0 attempts must use mode "fail"`, p, "attempts");
  if (p.Interval < 5 * S) r.error("rule/restart-interval", `Restart interval (${where}) must be at least 5s, not ${fmt(p.Interval)}`, p, "interval");
  else if (p.Attempts * p.Delay > p.Interval)
    r.error("rule/restart-fit", `Restart policy (${where}): ${p.Attempts} attempts × ${fmt(p.Delay)} delay do not fit in the ${fmt(p.Interval)} interval`, p, "interval");
}

/** The shortest interval that holds `attempts` reschedules (V38). */
export function minRescheduleInterval(p: ReschedulePolicy): number {
  if (p.DelayFunction === "constant") return p.Attempts * p.Delay;
  const raw: number[] = [];
  let total = 0;
  for (let i = 0; i < p.Attempts; i++) {
    const d = p.DelayFunction === "exponential" ? p.Delay * 2 ** i : i < 2 ? p.Delay : raw[i - 1]! + raw[i - 2]!;
    raw.push(d);
    total += Math.min(d, p.MaxDelay);
  }
  return total;
}

function reschedule(r: Reporter, p: ReschedulePolicy): void {
  if (!(p.Attempts > 0 || p.Unlimited)) return;
  if (p.Attempts > 0 && p.Unlimited) r.error("rule/reschedule-unlimited", "Reschedule policy with attempts > 0 must not be unlimited", p, "unlimited");
  if (p.Attempts > 0 && !p.Unlimited && p.Interval <= 0) r.error("rule/reschedule-interval", "Reschedule policy with attempts must have an interval greater than 0", p, "interval");
  if (p.Delay < 5 * S) r.error("rule/reschedule-delay", `Reschedule delay must be at least 5s, not ${fmt(p.Delay)}`, p, "delay");
  if (!DELAY_FUNCTIONS.includes(p.DelayFunction))
    r.error("rule/reschedule-delay-function", `Invalid delay_function "${p.DelayFunction}"; expected "constant", "exponential" or "fibonacci"`, p, "delay_function");
  if (p.DelayFunction !== "constant") {
    if (p.MaxDelay < 5 * S) r.error("rule/reschedule-max-delay", `max_delay must be at least 5s, not ${fmt(p.MaxDelay)}`, p, "max_delay");
    else if (p.MaxDelay < p.Delay) r.error("rule/reschedule-max-delay", `max_delay (${fmt(p.MaxDelay)}) must not be less than delay (${fmt(p.Delay)})`, p, "max_delay");
  }
  if (!p.Unlimited && p.Attempts > 0) {
    if (p.Interval < 15 * S) r.error("rule/reschedule-interval", `Reschedule interval must be at least 15s, not ${fmt(p.Interval)}`, p, "interval");
    else {
      const need = minRescheduleInterval(p);
      if (need > p.Interval)
        r.error("rule/reschedule-fit", `${p.Attempts} reschedule attempts with ${p.DelayFunction} delay ${fmt(p.Delay)} do not fit in the ${fmt(p.Interval)} interval; use an interval of at least ${fmt(need)}`, p, "interval");
    }
  }
}

export const policyRules: Rule = (r) => {
  const j = r.job;
  for (const g of j.TaskGroups) {
    restart(r, g.RestartPolicy, "group", g.Name);
    // a task's policy inherited unchanged from the group (same origin) was checked with the group
    for (const t of g.Tasks)
      if (t.RestartPolicy !== g.RestartPolicy && restartFaulty(t.RestartPolicy) && r.path(t.RestartPolicy) !== r.path(g.RestartPolicy)) restart(r, t.RestartPolicy, "task", t.Name);
    if (g.ReschedulePolicy) reschedule(r, g.ReschedulePolicy);
    const u = g.Update;
    if (u && (j.Type === "service" || j.Type === "system")) {
      if (!UPDATE_HEALTH_CHECKS.includes(u.HealthCheck)) r.error("rule/update-health-check", `Invalid health_check "${u.HealthCheck}"`, u, "health_check");
      if (u.MaxParallel < 0) r.error("rule/update-max-parallel", "update max_parallel must not be negative", u, "max_parallel");
      if (u.Canary < 0) r.error("rule/update-canary", "update canary must not be negative", u, "canary");
      if (u.AutoPromote && u.Canary === 0) r.error("rule/update-auto-promote", "auto_promote requires canary to be greater than 0", u, "auto_promote");
      if (u.MinHealthyTime < 0) r.error("rule/update-deadlines", "min_healthy_time must not be negative", u, "min_healthy_time");
      if (u.HealthyDeadline <= 0) r.error("rule/update-deadlines", "healthy_deadline must be greater than 0", u, "healthy_deadline");
      if (u.ProgressDeadline < 0) r.error("rule/update-deadlines", "progress_deadline must not be negative", u, "progress_deadline");
      if (u.MinHealthyTime >= u.HealthyDeadline)
        r.error("rule/update-deadlines", `min_healthy_time (${fmt(u.MinHealthyTime)}) must be less than healthy_deadline (${fmt(u.HealthyDeadline)})`, u, "min_healthy_time");
      if (u.ProgressDeadline !== 0 && u.HealthyDeadline >= u.ProgressDeadline)
        r.error("rule/update-deadlines", `healthy_deadline (${fmt(u.HealthyDeadline)}) must be less than progress_deadline (${fmt(u.ProgressDeadline)})`, u, "healthy_deadline");
      if (u.Stagger <= 0) r.error("rule/update-stagger", "stagger must be greater than 0", u, "stagger");
      if (j.Type === "service" && u.ProgressDeadline > 0)
        for (const t of g.Tasks)
          if (t.KillTimeout > u.ProgressDeadline)
            r.error("rule/kill-timeout-progress", `Task "${t.Name}" kill_timeout (${fmt(t.KillTimeout)}) is longer than the update progress_deadline (${fmt(u.ProgressDeadline)})`, t, "kill_timeout");
      if (u.MaxParallel > g.Count && g.Count > 1)
        r.warn("rule/update-max-parallel", `update max_parallel (${u.MaxParallel}) is greater than the count of group "${g.Name}" (${g.Count})`, u, "max_parallel");
    }
    const m = g.Migrate;
    if (m && j.Type === "service") {
      if (m.MaxParallel < 0) r.error("rule/migrate", "migrate max_parallel must not be negative", m, "max_parallel");
      if (!MIGRATE_HEALTH_CHECKS.includes(m.HealthCheck) && !(m.HealthCheck === "" && m.MaxParallel === 0))
        r.error("rule/migrate", `Invalid migrate health_check "${m.HealthCheck}"; expected "checks" or "task_states"`, m, "health_check");
      if (m.MinHealthyTime < 0) r.error("rule/migrate", "migrate min_healthy_time must not be negative", m, "min_healthy_time");
      if (m.HealthyDeadline < 0) r.error("rule/migrate", "migrate healthy_deadline must not be negative", m, "healthy_deadline");
      if (m.MinHealthyTime > m.HealthyDeadline) r.error("rule/migrate", "migrate min_healthy_time must not exceed healthy_deadline", m, "min_healthy_time");
    }
  }
};
