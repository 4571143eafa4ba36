// Instance (from the structure stage) → typed Job with every default of docs/jobspec.md applied.
import type { Paths } from "../../validate/structure.js";
import type { Job } from "../types.js";
import { Origins, isObj, label, type Ctx } from "./common.js";
import { decodeJobObject } from "./job.js";

export interface Decoded {
  job: Job;
  origins: Origins;
}

export function decodeJob(instance: Record<string, unknown>, paths: Paths): Decoded | undefined {
  const j = instance["job"];
  if (!isObj(j)) return undefined;
  const origins = new Origins();
  const ctx: Ctx = { origins };
  const path = paths.root.child("job");
  return { job: decodeJobObject(ctx, j, path, label(path)), origins };
}
