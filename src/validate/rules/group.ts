// Group rules V20-V30 (docs/jobspec.md §4 "Group").
import type { Service, Task } from "../../jobspec/types.js";
import { byName, duplicates, type Rule } from "./context.js";

const RECONCILE = ["", "keep_original", "keep_replacement", "best_score", "longest_running"];

// predicates at module level: a closure would be made for each group
const isGateway = (s: Service): boolean => s.Connect !== null && "Gateway" in s.Connect;
const isMain = (t: Task): boolean => !t.Lifecycle || t.Lifecycle.Hook === "";

export const groupRules: Rule = (r) => {
  const j = r.job;
  const batchLike = j.Type === "batch" || j.Type === "sysbatch";
  const systemLike = j.Type === "system" || j.Type === "sysbatch";
  for (const g of j.TaskGroups) {
    if (g.Name.includes("\0")) r.error("rule/group-name", "Task group name contains a null character", g);
    // Connect gateways get their task injected by the server
    if (g.Tasks.length === 0 && !g.Services.some(isGateway)) r.error("rule/group-tasks", `Task group "${g.Name}" must have at least one task`, g);
    for (const t of duplicates(g.Tasks, byName))
      r.report("rule/unique-task-names", `Duplicate task name "${t.Name}" in group "${g.Name}"`, r.labelRange(t));
    if (g.Update && batchLike && (r.isSet(g, "update") || r.isSet(j, "update")))
      r.error("rule/update-type", `update blocks are only allowed in service and system jobs, not ${j.Type}`, r.isSet(g, "update") ? g.Update : j.Update ?? g, undefined);
    if (g.Migrate && j.Type !== "service")
      r.error("rule/migrate-type", `migrate blocks are only allowed in service jobs, not ${j.Type}`, g.Migrate);
    if (systemLike && (r.isSet(g, "reschedule") || r.isSet(j, "reschedule")))
      r.error("rule/reschedule-type", `reschedule blocks are not allowed in ${j.Type} jobs`, r.isSet(g, "reschedule") ? g.ReschedulePolicy ?? g : j, r.isSet(g, "reschedule") ? undefined : "reschedule");
    let leader = false;
    for (const t of g.Tasks)
      if (t.Leader) {
        if (leader) r.error("rule/single-leader", `Only one task of group "${g.Name}" may be the leader`, t, "leader");
        leader = true;
      }
    if (g.Tasks.length > 0 && !g.Tasks.some(isMain))
      r.error("rule/main-task", `Group "${g.Name}" must have at least one main task (a task without a lifecycle block)`, g);
    if (g.MaxRunDuration !== null) {
      if (!batchLike) r.error("rule/max-run-duration", `max_run_duration is only allowed in batch and sysbatch jobs`, g, "max_run_duration");
      else if (g.MaxRunDuration <= 0) r.error("rule/max-run-duration", "max_run_duration must be greater than 0", g, "max_run_duration");
    }
    if (g.EphemeralDisk.SizeMB < 10) r.error("rule/ephemeral-disk", `ephemeral_disk size must be at least 10 MB, not ${g.EphemeralDisk.SizeMB}`, g.EphemeralDisk, "size");
    for (const t of g.Tasks) {
      const logMB = t.LogConfig.MaxFiles * t.LogConfig.MaxFileSizeMB;
      if (logMB >= g.EphemeralDisk.SizeMB)
        r.error("rule/logs-disk", `Task "${t.Name}" logs need ${logMB} MB (max_files × max_file_size), which must be less than the ephemeral disk size of ${g.EphemeralDisk.SizeMB} MB`, t.LogConfig, "max_file_size");
    }
    const dc = g.Disconnect;
    if (dc) {
      if (dc.LostAfter < 0) r.error("rule/disconnect", "lost_after must not be negative", dc, "lost_after");
      if (dc.StopOnClientAfter !== null) {
        if (dc.StopOnClientAfter < 0) r.error("rule/disconnect", "stop_on_client_after must not be negative", dc, "stop_on_client_after");
        if (j.Type !== "service" && j.Type !== "batch") r.error("rule/disconnect", `stop_on_client_after is only allowed in service and batch jobs`, dc, "stop_on_client_after");
        if (dc.LostAfter !== 0) r.error("rule/disconnect", "stop_on_client_after and a non-zero lost_after are mutually exclusive", dc, "stop_on_client_after");
      }
      if (!RECONCILE.includes(dc.Reconcile)) r.error("rule/disconnect", `Invalid reconcile strategy "${dc.Reconcile}"`, dc, "reconcile");
    }
  }
};
