// Where `job plan` gets the state it compares against: the embedded agent's HTTP API when an
// address is given, otherwise an empty state (everything is new). The agent lands in a later
// issue; this adapter is the swap point.
import type { Allocation } from "../cluster/types.js";
import type { Job } from "../jobspec/types.js";

export interface RuntimeState {
  oldJob: Job | null;
  allocs: Allocation[];
}

export const emptyState = (): RuntimeState => ({ oldJob: null, allocs: [] });

/**
 * Ask an agent for the stored job (`GET /v1/job/:id`, 404 = new job) and its allocations
 * (`GET /v1/job/:id/allocations`, caravan's Allocation shape). Throws with a readable message
 * when the agent cannot be reached.
 */
export async function fetchState(address: string, jobId: string, namespace: string, fetchImpl: typeof fetch = fetch): Promise<RuntimeState> {
  const base = address.replace(/\/+$/, "");
  const q = `?namespace=${encodeURIComponent(namespace)}`;
  const get = async (path: string): Promise<Response> => {
    try {
      return await fetchImpl(`${base}${path}${q}`);
    } catch (err) {
      throw new Error(`cannot reach the agent at ${base}: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`);
    }
  };
  const jr = await get(`/v1/job/${encodeURIComponent(jobId)}`);
  if (jr.status === 404) return emptyState();
  if (!jr.ok) throw new Error(`agent at ${base} answered ${jr.status} for job "${jobId}"`);
  const oldJob = (await jr.json()) as Job;
  const ar = await get(`/v1/job/${encodeURIComponent(jobId)}/allocations`);
  const allocs = ar.ok ? ((await ar.json()) as Allocation[]) : [];
  return { oldJob, allocs: Array.isArray(allocs) ? allocs : [] };
}
