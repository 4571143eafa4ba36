// The scheduler: a pure function of (cluster snapshot, allocations, old job, new job, options)
// to a plan. No I/O, no clock; randomness only from the seed.
import { Ctx } from "./context.js";
import { scheduleGeneric } from "./generic.js";
import { scheduleSystem } from "./system.js";
import type { PlanResult, ScheduleInput } from "./types.js";

export function schedule(input: ScheduleInput): PlanResult {
  const ctx = new Ctx(input);
  if (ctx.job.Type === "system" || ctx.job.Type === "sysbatch") scheduleSystem(ctx);
  else scheduleGeneric(ctx);
  return ctx.finish();
}
