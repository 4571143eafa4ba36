// Job-level rules V1-V17 (docs/jobspec.md §4 "Job").
import { byName, duplicates, type Rule } from "./context.js";

export const jobRules: Rule = (r) => {
  const j = r.job;
  if (j.Region === "" && !j.Multiregion) r.error("rule/job-region", "Job region must not be empty", j, "region");
  if (j.ID === "") r.error("rule/job-id", "Job ID must not be empty", j, "id");
  else if (/\s/.test(j.ID)) r.error("rule/job-id", `Job ID "${j.ID}" contains a space`, j, r.isSet(j, "id") ? "id" : undefined);
  if (j.ID.includes("\0")) r.error("rule/job-id", "Job ID contains a null character", j, "id");
  if (j.Name === "") r.error("rule/job-name", "Job name must not be empty", j, "name");
  if (j.Name.includes("\0")) r.error("rule/job-name", "Job name contains a null character", j, "name");
  if (j.Priority !== 0 && (j.Priority < 1 || j.Priority > 100))
    r.error("rule/job-priority", `Job priority must be between 1 and 100 (the default job_max_priority), not ${j.Priority}`, j, "priority");
  if (j.Namespace === "") r.error("rule/job-namespace", "Job namespace must not be empty", j, "namespace");
  if (j.Datacenters.length === 0) r.error("rule/job-datacenters", "Job must list at least one datacenter", j, "datacenters");
  for (let i = 0; i < j.Datacenters.length; i++)
    if (j.Datacenters[i] === "") r.report("rule/job-datacenters", "Job datacenter must be non-empty string", r.rangeOf(j, `datacenters/${i}`));
  if (j.TaskGroups.length === 0) r.error("rule/job-groups", "Job must have at least one task group", j);
  for (const g of duplicates(j.TaskGroups, byName))
    r.report("rule/unique-group-names", `Duplicate task group name "${g.Name}"`, r.labelRange(g));
  for (const g of j.TaskGroups) if (g.Name === "") r.report("rule/group-name", "Task group name must not be empty", r.labelRange(g));

  if (j.Type === "system") {
    const where: [object, unknown[]][] = [[j, j.Affinities], [j, j.Spreads]];
    for (const g of j.TaskGroups) {
      where.push([g, g.Affinities], [g, g.Spreads]);
      for (const t of g.Tasks) where.push([t, t.Affinities]);
    }
    for (const [, list] of where)
      for (const item of list as object[])
        r.error("rule/system-placement", `System jobs may not have ${"Weight" in item && "LTarget" in item ? "an affinity" : "a spread"} block`, item);
    for (const g of j.TaskGroups)
      if (g.Count > 1) r.error("rule/system-count", `System jobs run one allocation per node: group "${g.Name}" count must be 0 or 1, not ${g.Count}`, g, "count");
  }
  const batchLike = j.Type === "batch" || j.Type === "sysbatch";
  if (j.Periodic && j.Periodic.Enabled && !batchLike)
    r.error("rule/periodic-type", `Periodic can only be used with "batch" or "sysbatch" jobs, not "${j.Type}"`, j.Periodic);
  if (j.ParameterizedJob && !batchLike)
    r.error("rule/parameterized-type", `Parameterized jobs must be of type "batch" or "sysbatch", not "${j.Type}"`, j.ParameterizedJob);
  for (const g of j.TaskGroups)
    if (g.ShutdownDelay !== null && g.ShutdownDelay < 0) r.error("rule/shutdown-delay", "shutdown_delay must not be negative", g, "shutdown_delay");
};
