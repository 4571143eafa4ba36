// A plan as data (architecture principle 10): the diff, the scheduler result and the facts the
// renderers need. Pure: the caller supplies the cluster, the old job and the clock.
import type { Allocation, ClusterNode } from "../cluster/types.js";
import type { Job } from "../jobspec/types.js";
import { schedule } from "../scheduler/schedule.js";
import type { PlanResult, ScheduleOptions } from "../scheduler/types.js";
import { annotate } from "./annotate.js";
import { jobDiff } from "./diff.js";
import { nextPeriodicLaunch } from "./periodic.js";
import type { JobDiff } from "./types.js";

export interface PlanInput {
  nodes: readonly ClusterNode[];
  allocs: readonly Allocation[];
  oldJob: Job | null;
  newJob: Job;
  /** Current time in ms since the epoch (next periodic launch). */
  now: number;
  options?: ScheduleOptions;
}

export interface JobPlan {
  JobModifyIndex: number;
  Diff: JobDiff;
  Result: PlanResult;
  /** ISO time of the next launch of a periodic job, if any. */
  NextPeriodicLaunch: string | null;
  Warnings: string[];
}

export function planJob(input: PlanInput): JobPlan {
  const result = schedule({ nodes: input.nodes, allocs: input.allocs, oldJob: input.oldJob, newJob: input.newJob, options: input.options });
  const diff = jobDiff(input.oldJob, input.newJob, true);
  annotate(diff, result.desiredUpdates);
  const p = input.newJob.Periodic;
  const next = p && p.Enabled && !input.newJob.ParameterizedJob ? nextPeriodicLaunch(p, input.now) : null;
  return {
    JobModifyIndex: input.oldJob?.JobModifyIndex ?? 0,
    Diff: diff,
    Result: result,
    NextPeriodicLaunch: next === null ? null : new Date(next).toISOString(),
    Warnings: [],
  };
}

/** plan.md §6: 1 when some group creates, destroys, migrates, destructively updates or canaries. */
export function planExitCode(plan: JobPlan): 0 | 1 {
  if (plan.Diff.Type === "None") return 0;
  for (const u of Object.values(plan.Result.desiredUpdates)) {
    if (u.Stop + u.Place + u.Migrate + u.DestructiveUpdate + u.Canary > 0) return 1;
  }
  return 0;
}
