// Instance (from the structure stage) → typed Job with every default of docs/jobspec.md applied.
import type { Paths } from "../../validate/structure.js";
import type { Job } from "../types.js";
import { Origins, isObj, type Ctx } from "./common.js";
import { decodeJobObject } from "./job.js";

export interface Decoded {
  job: Job;
  origins: Origins;
}

export function decodeJob(instance: Record<string, unknown>, paths: Paths): Decoded | undefined {
  const j = instance["job"];
  if (!isObj(j)) return undefined;
  const origins = new Origins();
  const ctx: Ctx = { origins, labels: (p) => paths.get(p)?.labels ?? [] };
  return { job: decodeJobObject(ctx, j, ctx.labels("/job")[0] ?? ""), origins };
}
