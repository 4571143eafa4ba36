// `caravan job plan --json`: the plan as data. Shape (PascalCase like Nomad's plan response):
//
// {
//   "JobModifyIndex": 0,                 // index to pass to `caravan job run -check-index`
//   "ExitCode": 1,                       // 0 no create/destroy, 1 otherwise (plan.md §6)
//   "Diff": JobDiff,                     // src/plan/types.ts: {Type, ID, Fields, Objects, TaskGroups}
//   "Annotations": { "DesiredTGUpdates": { "<group>": {Ignore, Place, Stop, Migrate,
//                    InPlaceUpdate, DestructiveUpdate, Canary, Preemptions} } },
//   "FailedTGAllocs": { "<group>": AllocMetric },   // src/scheduler/types.ts, Nomad's AllocMetric
//   "Placements": [ { "Name", "Group", "Kind": "create"|"destructive"|"canary"|"migrate"|"reschedule",
//                     "NodeID", "NodeName", "Datacenter", "Score",
//                     "Resources": {"CPU", "Cores", "MemoryMB", "DiskMB", "Ports": [{"Label","Value"}]},
//                     "PreviousAllocID"?, "Canary"?, "TopScores": [NodeScore] } ],
//   "InPlaceUpdates": [ {"AllocID", "Name", "Group", "NodeID"} ],
//   "Stops": [ {"AllocID", "Name", "Group", "NodeID", "Reason"} ],
//   "NextPeriodicLaunch": "2026-01-15T12:00:00.000Z" | null,
//   "Warnings": [string]
// }
import type { JobPlan } from "./plan.js";
import { planExitCode } from "./plan.js";

export function planToJson(plan: JobPlan): unknown {
  const r = plan.Result;
  return {
    JobModifyIndex: plan.JobModifyIndex,
    ExitCode: planExitCode(plan),
    Diff: plan.Diff,
    Annotations: { DesiredTGUpdates: r.desiredUpdates },
    FailedTGAllocs: r.failedTGAllocs,
    Placements: r.placements.map((p) => ({
      Name: p.name,
      Group: p.group,
      Kind: p.kind,
      NodeID: p.nodeId,
      NodeName: p.nodeName,
      Datacenter: p.datacenter,
      Score: p.score,
      Resources: {
        CPU: p.resources.cpu,
        Cores: p.resources.cores,
        MemoryMB: p.resources.memoryMB,
        DiskMB: p.resources.diskMB,
        Ports: p.resources.ports.map((x) => ({ Label: x.label, Value: x.value })),
      },
      ...(p.previousAllocId ? { PreviousAllocID: p.previousAllocId } : {}),
      ...(p.canary ? { Canary: true } : {}),
      TopScores: p.topScores,
    })),
    InPlaceUpdates: r.inPlaceUpdates.map((u) => ({ AllocID: u.allocId, Name: u.name, Group: u.group, NodeID: u.nodeId })),
    Stops: r.stops.map((s) => ({ AllocID: s.allocId, Name: s.name, Group: s.group, NodeID: s.nodeId, Reason: s.reason })),
    NextPeriodicLaunch: plan.NextPeriodicLaunch,
    Warnings: plan.Warnings,
  };
}
