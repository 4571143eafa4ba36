// Restart, reschedule, update and migrate: type-dependent defaults (docs/jobspec.md §1.10-1.12,
// §2) and the field-by-field merge job → group → task.
import { NS } from "../types.js";
import type { MigrateStrategy, ReschedulePolicy, RestartPolicy, UpdateStrategy } from "../types.js";
import { bool, dur, has, int, str, type Obj } from "./common.js";

const { second: S, minute: M, hour: H } = NS;

export const isBatchLike = (type: string): boolean => type === "batch" || type === "sysbatch";
export const isSystemLike = (type: string): boolean => type === "system" || type === "sysbatch";

// The defaults are shared and read only: a decoded policy is always a fresh object made by a merge
// (which, without a block, copies its base: every field falls back to the base's).
const BATCH_RESTART: RestartPolicy = { Interval: 24 * H, Attempts: 3, Delay: 15 * S, Mode: "fail", RenderTemplates: false };
const SERVICE_RESTART: RestartPolicy = { Interval: 30 * M, Attempts: 2, Delay: 15 * S, Mode: "fail", RenderTemplates: false };
const BATCH_RESCHEDULE: ReschedulePolicy = { Attempts: 1, Interval: 24 * H, Delay: 5 * S, DelayFunction: "constant", MaxDelay: 0, Unlimited: false };
const SERVICE_RESCHEDULE: ReschedulePolicy = { Attempts: 0, Interval: 0, Delay: 30 * S, DelayFunction: "exponential", MaxDelay: H, Unlimited: true };
export const DEFAULT_UPDATE: UpdateStrategy = {
  Stagger: 30 * S,
  MaxParallel: 1,
  HealthCheck: "checks",
  MinHealthyTime: 10 * S,
  HealthyDeadline: 5 * M,
  ProgressDeadline: 10 * M,
  Canary: 0,
  AutoRevert: false,
  AutoPromote: false,
};
export const DEFAULT_MIGRATE: MigrateStrategy = { MaxParallel: 1, HealthCheck: "checks", MinHealthyTime: 10 * S, HealthyDeadline: 5 * M };

export const defaultRestart = (type: string): RestartPolicy => (isBatchLike(type) ? BATCH_RESTART : SERVICE_RESTART);

/** `base` overlaid with the job-level block, then the group-level one (either may be absent): a fresh object. */
export function overlay<T>(merge: (base: T, b: Obj | undefined) => T, base: T, outer: Obj | undefined, inner: Obj | undefined): T {
  return merge(outer ? merge(base, outer) : base, inner);
}

export function mergeRestart(base: RestartPolicy, b: Obj | undefined): RestartPolicy {
  return {
    Interval: dur(b?.interval, base.Interval),
    Attempts: int(b?.attempts, base.Attempts),
    Delay: dur(b?.delay, base.Delay),
    Mode: str(b?.mode, base.Mode),
    RenderTemplates: bool(b?.render_templates, base.RenderTemplates),
  };
}

/** None for system jobs. */
export function defaultReschedule(type: string): ReschedulePolicy | null {
  if (isSystemLike(type)) return null;
  return type === "batch" ? BATCH_RESCHEDULE : SERVICE_RESCHEDULE;
}

export function mergeReschedule(base: ReschedulePolicy, b: Obj | undefined): ReschedulePolicy {
  return {
    Attempts: int(b?.attempts, base.Attempts),
    Interval: dur(b?.interval, base.Interval),
    Delay: dur(b?.delay, base.Delay),
    DelayFunction: str(b?.delay_function, base.DelayFunction),
    MaxDelay: dur(b?.max_delay, base.MaxDelay),
    Unlimited: bool(b?.unlimited, base.Unlimited),
  };
}

export function mergeUpdate(base: UpdateStrategy, b: Obj | undefined): UpdateStrategy {
  return {
    Stagger: dur(b?.stagger, base.Stagger),
    MaxParallel: int(b?.max_parallel, base.MaxParallel),
    HealthCheck: str(b?.health_check, base.HealthCheck),
    MinHealthyTime: dur(b?.min_healthy_time, base.MinHealthyTime),
    HealthyDeadline: dur(b?.healthy_deadline, base.HealthyDeadline),
    ProgressDeadline: dur(b?.progress_deadline, base.ProgressDeadline),
    Canary: int(b?.canary, base.Canary),
    AutoRevert: bool(b?.auto_revert, base.AutoRevert),
    AutoPromote: bool(b?.auto_promote, base.AutoPromote),
  };
}

export function mergeMigrate(base: MigrateStrategy, b: Obj | undefined): MigrateStrategy {
  return {
    MaxParallel: int(b?.max_parallel, base.MaxParallel),
    HealthCheck: str(b?.health_check, base.HealthCheck),
    MinHealthyTime: dur(b?.min_healthy_time, base.MinHealthyTime),
    HealthyDeadline: dur(b?.healthy_deadline, base.HealthyDeadline),
  };
}

export const present = (b: Obj | undefined): b is Obj => b !== undefined;
export { has };
