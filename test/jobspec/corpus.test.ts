// Every job file of the Nomad corpus: the valid ones validate with zero errors; every other one
// gets exactly the errors listed here (code@line). Most jobspec-fixtures are parser fixtures, not
// complete jobs (no task, no driver), so they get the server rule they break (e.g. V21, V51).
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateJobText } from "../../src/validate/index.js";

const BASE = "../shared/corpus/nomad";

const EXPECTED: Record<string, string[]> = {
  "jobspec-fixtures/bad-artifact.hcl": ["structure/unknown-attribute@12"],
  "jobspec-fixtures/bad-ports.hcl": ["rule/port-label@70"],
  "jobspec-fixtures/basic.hcl": ["schema/enum@86", "schema/enum@314"],
  "jobspec-fixtures/basic_wrong_key.hcl": ["structure/unknown-attribute@74"],
  "jobspec-fixtures/consul-namespace.hcl": ["rule/group-tasks@5"],
  "jobspec-fixtures/default-job.hcl": ["rule/job-groups@4"],
  "jobspec-fixtures/distinctHosts-constraint.hcl": ["rule/job-groups@4"],
  "jobspec-fixtures/distinctProperty-constraint.hcl": ["rule/job-groups@4"],
  "jobspec-fixtures/incorrect-service-def.hcl": ["rule/check-path@64"],
  "jobspec-fixtures/migrate-job.hcl": ["rule/migrate-type@27"],
  "jobspec-fixtures/multi-network.hcl": ["structure/unknown-attribute@17", "structure/unknown-attribute@18", "structure/unknown-attribute@23", "structure/unknown-attribute@24"],
  "jobspec-fixtures/multi-resource.hcl": ["structure/duplicate-block@10", "structure/duplicate-block@24"],
  "jobspec-fixtures/multi-vault.hcl": ["structure/duplicate-block@25"],
  "jobspec-fixtures/multiregion.hcl": ["rule/job-groups@4"],
  "jobspec-fixtures/overlapping-ports.hcl": ["rule/port-label@70", "rule/port-label@72"],
  "jobspec-fixtures/parameterized_job.hcl": ["rule/parameterized-type@5"],
  "jobspec-fixtures/parse-ports.hcl": ["rule/group-tasks@5"],
  "jobspec-fixtures/periodic-cron.hcl": ["rule/job-groups@4", "rule/periodic-type@5", "rule/periodic-cron@6"],
  "jobspec-fixtures/regexp-constraint.hcl": ["rule/job-groups@4", "rule/constraint-attribute@6"],
  "jobspec-fixtures/reschedule-job-unlimited.hcl": ["rule/reschedule-unlimited@12"],
  "jobspec-fixtures/service-check-bad-header-2.hcl": ["rule/task-driver@10", "rule/service-name@11", "rule/service-port@13"],
  "jobspec-fixtures/service-check-bad-header.hcl": ["schema/type@25"],
  "jobspec-fixtures/service-check-driver-address.hcl": ["rule/task-driver@8", "rule/service-port@11", "rule/check-interval@15", "rule/check-timeout@15", "rule/check-interval@31", "rule/check-timeout@31"],
  "jobspec-fixtures/service-check-initial-status.hcl": ["rule/task-driver@10", "rule/service-name@11", "rule/service-port@13"],
  "jobspec-fixtures/service-check-pass-fail.hcl": ["rule/task-driver@10", "rule/service-port@13"],
  "jobspec-fixtures/service-check-restart.hcl": ["rule/task-driver@8", "rule/check-interval@18", "rule/check-timeout@18"],
  "jobspec-fixtures/service-enable-tag-override.hcl": ["rule/task-driver@8"],
  "jobspec-fixtures/service-meta.hcl": ["rule/task-driver@8"],
  "jobspec-fixtures/service-tagged-address.hcl": ["rule/group-tasks@7"],
  "jobspec-fixtures/set-contains-constraint.hcl": ["rule/job-groups@4", "rule/constraint-attribute@6"],
  "jobspec-fixtures/specify-job.hcl": ["rule/job-groups@4"],
  "jobspec-fixtures/task-scaling-policy-invalid-resource.hcl": ["rule/task-scaling-label@8"],
  "jobspec-fixtures/task-scaling-policy-invalid-type.hcl": ["rule/task-scaling-type@9"],
  "jobspec-fixtures/task-scaling-policy-missing-name.hcl": ["structure/label-count@8"],
  "jobspec-fixtures/task-scaling-policy-multi-cpu.hcl": ["rule/task-scaling-label@18"],
  "jobspec-fixtures/task-scaling-policy-multi-name.hcl": ["structure/label-count@8"],
  "jobspec-fixtures/tg-scaling-policy-invalid-type.hcl": ["schema/enum@7"],
  "jobspec-fixtures/tg-scaling-policy-minimal.hcl": ["rule/group-tasks@5"],
  "jobspec-fixtures/tg-scaling-policy-missing-max.hcl": ["structure/missing-attribute@6"],
  "jobspec-fixtures/tg-scaling-policy-multi-policy.hcl": ["structure/duplicate-block@16"],
  "jobspec-fixtures/tg-scaling-policy-with-label.hcl": ["structure/label-count@6"],
  "jobspec-fixtures/tg-scaling-policy.hcl": ["rule/group-tasks@5"],
  "jobspec-fixtures/tg-service-check-expose.hcl": ["rule/group-tasks@5", "rule/check-type@15", "rule/check-type@20"],
  "jobspec-fixtures/tg-service-check.hcl": ["rule/task-driver@35"],
  "jobspec-fixtures/tg-service-connect-local-service.hcl": ["rule/group-tasks@7"],
  "jobspec-fixtures/tg-service-connect-native.hcl": ["rule/group-tasks@5", "rule/service-connect-native@6", "rule/service-task@8"],
  "jobspec-fixtures/tg-service-connect-proxy.hcl": ["rule/group-tasks@7"],
  "jobspec-fixtures/tg-service-connect-resources.hcl": ["rule/group-tasks@7"],
  "jobspec-fixtures/tg-service-connect-sidecar_disablecheck.hcl": ["rule/group-tasks@7"],
  "jobspec-fixtures/tg-service-connect-sidecar_meta.hcl": ["rule/group-tasks@7"],
  "jobspec-fixtures/tg-service-connect-sidecar_task-name.hcl": ["rule/group-tasks@7"],
  "jobspec-fixtures/tg-service-enable-tag-override.hcl": ["rule/group-tasks@5"],
  "jobspec-fixtures/tg-service-proxy-expose.hcl": ["rule/group-tasks@5"],
  "jobspec-fixtures/vault_inheritance.hcl": ["rule/task-driver@14", "rule/task-driver@16", "rule/task-driver@26"],
  "jobspec-fixtures/version-constraint.hcl": ["rule/job-groups@4", "rule/constraint-attribute@6"],
  "jobspec2-fixtures/config-compatibility.hcl": ["rule/task-driver@6"],
  "jobspec2-fixtures/template-err-missing-key.hcl": ["rule/task-driver@6", "rule/template-destination@7", "rule/template-source@7"],
  "jobspec2-fixtures/template-wait-config.hcl": ["rule/task-driver@6", "rule/template-destination@7", "rule/template-source@7"],
  "jobs/e2e__rescheduling__input__rescheduling_canary_autorevert.nomad": ["rule/kill-timeout-progress@18"],
  "jobs/e2e__rescheduling__input__rescheduling_maxp_autorevert.nomad": ["rule/kill-timeout-progress@18"],
  "jobs/e2e__scaling__input__namespace_default_2.nomad": ["rule/scaling-count@19"],
  "jobs/e2e__scaling__input__namespace_default_3.nomad": ["rule/scaling-count@19"],
};

/** Files that need -var values (as their e2e tests pass them) or use functions with host paths: only eval errors. */
const NEEDS_VARS = new Set([
  "jobs/demo__csi__kadalu-csi__controller.nomad",
  "jobs/e2e__consul__input__service_reversion.nomad",
  "jobs/e2e__e2eutil__input__disconnect-node.nomad",
  "jobs/e2e__e2eutil__input__restart-node.nomad",
  "jobs/e2e__jobsubmissions__input__xyz.hcl",
  "jobs/e2e__remotetasks__input__ecs.nomad",
  "jobs/e2e__servicediscovery__input__checks_task_restart_helper.nomad",
  "jobs/e2e__workload_id__input__node-meta.nomad.hcl",
]);

const files = ["jobspec-fixtures", "jobspec2-fixtures", "jobs"].flatMap((d) =>
  readdirSync(`${BASE}/${d}`)
    .filter((f) => /\.(hcl|nomad)$/.test(f))
    .sort()
    .map((f) => `${d}/${f}`),
);

describe("corpus", () => {
  it("has the 72 fixtures and 173 jobs", () => {
    expect(files.filter((f) => !f.startsWith("jobs/")).length).toBe(72);
    expect(files.filter((f) => f.startsWith("jobs/")).length).toBe(173);
  });
  it.each(files)("%s", (f) => {
    const r = validateJobText(readFileSync(`${BASE}/${f}`, "utf8"), { file: f, baseDir: `${BASE}/${f.split("/")[0]}`, env: {} });
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (NEEDS_VARS.has(f)) {
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.code.startsWith("eval/"))).toBe(true);
      return;
    }
    expect(errors.map((e) => `${e.code}@${e.range.start.line}`)).toEqual(EXPECTED[f] ?? []);
    if (!EXPECTED[f]) expect(r.job).toBeDefined();
  });
});
