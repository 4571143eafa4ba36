// Golden `job inspect` JSON for corpus files (regenerate with UPDATE_GOLDENS=1), and the defaults
// of docs/jobspec.md §2 checked field by field.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateJobText } from "../../src/validate/index.js";

const BASE = "../shared/corpus/nomad";
const GOLDEN = "test/goldens/jobspec";
const FILES = [
  "jobspec-fixtures/artifacts.hcl",
  "jobspec-fixtures/csi-plugin.hcl",
  "jobspec-fixtures/job-with-kill-signal.hcl",
  "jobspec-fixtures/reschedule-job.hcl",
  "jobspec-fixtures/resources-cores.hcl",
  "jobspec-fixtures/service-provider.hcl",
  "jobspec-fixtures/task-nested-config.hcl",
  "jobspec-fixtures/task-scaling-policy.hcl",
  "jobspec-fixtures/tg-network.hcl",
  "jobspec-fixtures/overlapping-ports.hcl".replace("overlapping-ports", "tg-network-with-hostname"),
  "jobspec2-fixtures/connect-example.hcl",
  "jobs/command__asset__example.nomad.hcl",
];

function inspect(text: string, baseDir = ".") {
  const r = validateJobText(text, { file: "job.hcl", baseDir, env: {} });
  return { job: r.job!, errors: r.diagnostics.filter((d) => d.severity === "error") };
}

describe("job inspect goldens", () => {
  it.each(FILES)("%s", (f) => {
    const { job, errors } = inspect(readFileSync(`${BASE}/${f}`, "utf8"), `${BASE}/${f.split("/")[0]}`);
    expect(errors).toEqual([]);
    const out = JSON.stringify({ Job: job }, null, 2) + "\n";
    const golden = `${GOLDEN}/${f.split("/")[1]!.replace(/\.(hcl|nomad)$/, "")}.json`;
    if (process.env["UPDATE_GOLDENS"] || !existsSync(golden)) writeFileSync(golden, out);
    expect(out).toBe(readFileSync(golden, "utf8"));
  });
});

const S = 1e9;
const M = 60 * S;
const H = 60 * M;

describe("defaults (docs/jobspec.md §2)", () => {
  const minimal = (type: string, extra = "") => inspect(`job "web" {\n  type = "${type}"\n  ${extra}\n  group "app" {\n    task "server" {\n      driver = "docker"\n    }\n  }\n}\n`);

  it("service job", () => {
    const { job, errors } = minimal("service");
    expect(errors).toEqual([]);
    expect([job.ID, job.Name, job.Region, job.Namespace, job.Priority, job.AllAtOnce, job.Datacenters, job.NodePool]).toEqual(["web", "web", "global", "default", 50, false, ["*"], "default"]);
    expect(job.Update).toEqual({ Stagger: 30 * S, MaxParallel: 1, HealthCheck: "checks", MinHealthyTime: 10 * S, HealthyDeadline: 5 * M, ProgressDeadline: 10 * M, Canary: 0, AutoRevert: false, AutoPromote: false });
    const g = job.TaskGroups[0]!;
    expect(g.Count).toBe(1);
    expect(g.RestartPolicy).toEqual({ Interval: 30 * M, Attempts: 2, Delay: 15 * S, Mode: "fail", RenderTemplates: false });
    expect(g.ReschedulePolicy).toEqual({ Attempts: 0, Interval: 0, Delay: 30 * S, DelayFunction: "exponential", MaxDelay: H, Unlimited: true });
    expect(g.Migrate).toEqual({ MaxParallel: 1, HealthCheck: "checks", MinHealthyTime: 10 * S, HealthyDeadline: 5 * M });
    expect(g.EphemeralDisk).toEqual({ Sticky: false, Migrate: false, SizeMB: 300 });
    expect(g.Update).toEqual(job.Update);
    const t = g.Tasks[0]!;
    expect(t.Resources).toMatchObject({ CPU: 100, Cores: 0, MemoryMB: 300, MemoryMaxMB: 0 });
    expect(t.KillTimeout).toBe(5 * S);
    expect(t.LogConfig).toEqual({ MaxFiles: 10, MaxFileSizeMB: 10, Disabled: false });
    expect(t.RestartPolicy).toEqual(g.RestartPolicy);
    expect(t.Lifecycle).toBeNull();
    expect(t.Identity?.Name).toBe("default");
  });

  it("batch job", () => {
    const { job } = minimal("batch");
    expect(job.Update).toBeNull();
    const g = job.TaskGroups[0]!;
    expect(g.RestartPolicy).toEqual({ Interval: 24 * H, Attempts: 3, Delay: 15 * S, Mode: "fail", RenderTemplates: false });
    expect(g.ReschedulePolicy).toEqual({ Attempts: 1, Interval: 24 * H, Delay: 5 * S, DelayFunction: "constant", MaxDelay: 0, Unlimited: false });
    expect(g.Migrate).toBeNull();
  });

  it("system and sysbatch jobs have no reschedule policy", () => {
    expect(minimal("system").job.TaskGroups[0]!.ReschedulePolicy).toBeNull();
    expect(minimal("sysbatch").job.TaskGroups[0]!.ReschedulePolicy).toBeNull();
    expect(minimal("system").job.Update).not.toBeNull();
  });

  it("count from scaling.min, cpu 0 with cores, periodic and parameterized defaults", () => {
    const { job } = inspect(`job "j" {
  type = "batch"
  periodic { cron = "@daily" }
  parameterized {}
  group "g" {
    scaling {
      min = 3
      max = 10
    }
    task "t" {
      driver = "exec"
      resources { cores = 2 }
      template {
        data        = "x"
        destination = "local/x"
        change_mode = "signal"
      }
      artifact {
        source = "https://example.com/a/file.tgz"
        mode   = "file"
      }
    }
  }
}
`);
    const g = job.TaskGroups[0]!;
    expect(g.Count).toBe(3);
    expect(g.Scaling).toEqual({ Min: 3, Max: 10, Policy: null, Enabled: true, Type: "horizontal" });
    expect(job.Periodic).toEqual({ Enabled: true, Spec: "@daily", Specs: [], SpecType: "cron", ProhibitOverlap: false, TimeZone: "UTC" });
    expect(job.ParameterizedJob).toEqual({ Payload: "optional", MetaRequired: [], MetaOptional: [] });
    const t = g.Tasks[0]!;
    expect([t.Resources.CPU, t.Resources.Cores]).toEqual([0, 2]);
    expect(t.Templates[0]).toMatchObject({ ChangeMode: "signal", ChangeSignal: "SIGHUP", Splay: 5 * S, Perms: "0644", LeftDelim: "{{", RightDelim: "}}", Envvars: false });
    expect(t.Artifacts[0]).toMatchObject({ GetterMode: "file", RelativeDest: "local/file.tgz", GetterInsecure: false });
  });
});
