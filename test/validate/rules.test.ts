// One valid and one invalid case per cross-field rule of docs/jobspec.md §4. Each case is a
// small job: `base(...)` wraps group/task snippets so only the part under test differs.
import { describe, expect, it } from "vitest";
import { validateJobText } from "../../src/validate/index.js";

interface Opts { type?: string; job?: string; group?: string; task?: string; extraTask?: string }
function base(o: Opts = {}): string {
  return `job "j" {
  type = "${o.type ?? "service"}"
${o.job ?? ""}
  group "g" {
${o.group ?? ""}
    task "t" {
      driver = "docker"
${o.task ?? ""}
    }
${o.extraTask ?? ""}
  }
}
`;
}

const errs = (text: string) =>
  validateJobText(text, { file: "j.hcl", baseDir: ".", env: {} }).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}@${d.range.start.line}`);
const warns = (text: string) =>
  validateJobText(text, { file: "j.hcl", baseDir: ".", env: {} }).diagnostics.filter((d) => d.severity === "warning").map((d) => d.code);

// [rule, valid job, invalid job, expected errors of the invalid job]
const CASES: [string, string, string, string[]][] = [
  ["V4 priority", base({ job: "priority = 100" }), base({ job: "priority = 101" }), ["rule/job-priority@3"]],
  ["V7 datacenters", base({ job: 'datacenters = ["dc1"]' }), base({ job: 'datacenters = ["dc1", ""]' }), ["rule/job-datacenters@3"]],
  ["V9 unique group names", base(), base().replace(/\n}\n$/, '\n  group "g" {\n    task "t" {\n      driver = "docker"\n    }\n  }\n}\n'), ["rule/unique-group-names@12"]],
  ["V10 system affinity", base({ type: "system" }), base({ type: "system", job: '  affinity {\n    attribute = "${node.class}"\n    value = "x"\n  }' }), ["rule/system-placement@3"]],
  ["V11 system count", base({ type: "system", group: "count = 1" }), base({ type: "system", group: "count = 2" }), ["rule/system-count@5"]],
  ["V12 periodic on batch only", base({ type: "batch", job: 'periodic { cron = "@daily" }' }), base({ job: 'periodic { cron = "@daily" }' }), ["rule/periodic-type@3"]],
  ["V13 parameterized on batch only", base({ type: "batch", job: "parameterized {}" }), base({ job: "parameterized {}" }), ["rule/parameterized-type@3"]],
  ["V21 unique task names", base(), base({ extraTask: '    task "t" {\n      driver = "exec"\n    }' }), ["rule/unique-task-names@10"]],
  ["V22 update on batch", base({ type: "batch" }), base({ type: "batch", group: "update {}" }), ["rule/update-type@5"]],
  ["V23 migrate on service only", base({ group: "migrate {}" }), base({ type: "batch", group: "migrate {}" }), ["rule/migrate-type@5"]],
  ["V24 reschedule on system", base({ type: "system" }), base({ type: "system", group: "reschedule {}" }), ["rule/reschedule-type@5"]],
  ["V25 single leader", base({ task: "leader = true" }), base({ task: "leader = true", extraTask: '    task "u" {\n      driver = "exec"\n      leader = true\n    }' }), ["rule/single-leader@12"]],
  ["V26 main task", base({ extraTask: '    task "u" {\n      driver = "exec"\n      lifecycle { hook = "prestart" }\n    }' }), base({ task: 'lifecycle { hook = "prestart" }' }), ["rule/main-task@4"]],
  ["V28 ephemeral disk", base({ group: "ephemeral_disk { size = 200 }" }), base({ group: "ephemeral_disk { size = 5 }" }), ["rule/ephemeral-disk@5", "rule/logs-disk@6"]],
  ["V29 logs fit the disk", base({ task: "logs {\n  max_files = 2\n  max_file_size = 100\n}" }), base({ task: "logs {\n  max_files = 3\n  max_file_size = 100\n}" }), ["rule/logs-disk@10"]],
  ["V32 restart attempts 0 needs fail", base({ group: 'restart {\n  attempts = 0\n  mode = "fail"\n}' }), base({ group: 'restart {\n  attempts = 0\n  mode = "delay"\n}' }), ["rule/restart-attempts@6"]],
  ["V33 restart fits interval", base({ group: 'restart {\n  attempts = 2\n  delay = "15s"\n  interval = "30s"\n}' }), base({ group: 'restart {\n  attempts = 3\n  delay = "15s"\n  interval = "30s"\n}' }), ["rule/restart-fit@8"]],
  ["V35 reschedule delay", base({ group: 'reschedule { delay = "5s" }' }), base({ group: 'reschedule { delay = "1s" }' }), ["rule/reschedule-delay@5"]],
  ["V38 reschedule fits interval", base({ group: 'reschedule {\n  attempts = 3\n  interval = "1m"\n  delay = "10s"\n  delay_function = "constant"\n  unlimited = false\n}' }), base({ group: 'reschedule {\n  attempts = 10\n  interval = "1m"\n  delay = "10s"\n  delay_function = "constant"\n  unlimited = false\n}' }), ["rule/reschedule-fit@7"]],
  ["V39 update deadlines in order", base({ job: 'update {\n  min_healthy_time = "10s"\n  healthy_deadline = "1m"\n}' }), base({ job: 'update {\n  min_healthy_time = "2m"\n  healthy_deadline = "1m"\n}' }), ["rule/update-deadlines@4"]],
  ["V39 auto_promote needs canary", base({ job: "update {\n  canary = 1\n  auto_promote = true\n}" }), base({ job: "update {\n  auto_promote = true\n}" }), ["rule/update-auto-promote@4"]],
  ["V40 regexp compiles", base({ task: 'constraint {\n  attribute = "${attr.os.name}"\n  regexp = "^ubu"\n}' }), base({ task: 'constraint {\n  attribute = "${attr.os.name}"\n  regexp = "(ubu"\n}' }), ["rule/constraint-regexp@10"]],
  ["V40 version constraint parses", base({ task: 'constraint {\n  attribute = "${attr.kernel.version}"\n  version = ">= 3.19, < 5"\n}' }), base({ task: 'constraint {\n  attribute = "${attr.kernel.version}"\n  version = "~~ 3"\n}' }), ["rule/constraint-version@10"]],
  ["V40 operator value", base({ job: 'constraint {\n  attribute = "${meta.rack}"\n  operator = "is_set"\n}' }), base({ job: 'constraint {\n  attribute = "${meta.rack}"\n  operator = "is_set"\n  value = "x"\n}' }), ["rule/constraint-value@6"]],
  ["V41 attribute interpolation", base({ job: 'constraint {\n  attribute = "${node.class}"\n  value = "x"\n}' }), base({ job: 'constraint {\n  attribute = "${node.region}"\n  value = "x"\n}' }), ["rule/constraint-attribute@4"]],
  ["V42 distinct_hosts not on tasks", base({ group: "constraint { distinct_hosts = true }" }), base({ task: "constraint { distinct_hosts = true }" }), ["rule/constraint-task-level@8"]],
  ["V43 affinity weight non-zero", base({ job: 'affinity {\n  attribute = "${node.class}"\n  value = "x"\n  weight = -50\n}' }), base({ job: 'affinity {\n  attribute = "${node.class}"\n  value = "x"\n  weight = 0\n}' }), ["rule/affinity-weight@6"]],
  ["V44 spread percentages", base({ job: 'spread {\n  attribute = "${node.datacenter}"\n  target "a" { percent = 60 }\n  target "b" { percent = 40 }\n}' }), base({ job: 'spread {\n  attribute = "${node.datacenter}"\n  target "a" { percent = 60 }\n  target "b" { percent = 50 }\n}' }), ["rule/spread-percent@3"]],
  ["V45 cron parses", base({ type: "batch", job: 'periodic { cron = "*/5 * * * *" }' }), base({ type: "batch", job: 'periodic { cron = "*/5 * * *" }' }), ["rule/periodic-cron@3"]],
  ["V45 time zone exists", base({ type: "batch", job: 'periodic {\n  cron = "@hourly"\n  time_zone = "Europe/Paris"\n}' }), base({ type: "batch", job: 'periodic {\n  cron = "@hourly"\n  time_zone = "Mars/Olympus"\n}' }), ["rule/periodic-time-zone@5"]],
  ["V46 meta sets disjoint", base({ type: "batch", job: 'parameterized {\n  meta_required = ["a"]\n  meta_optional = ["b"]\n}' }), base({ type: "batch", job: 'parameterized {\n  meta_required = ["a"]\n  meta_optional = ["a"]\n}' }), ["rule/parameterized-meta@5"]],
  ["V47 dispatch payload stays inside", base({ type: "batch", job: "parameterized {}", task: 'dispatch_payload { file = "in.json" }' }), base({ type: "batch", job: "parameterized {}", task: 'dispatch_payload { file = "../../../x" }' }), ["rule/dispatch-payload@8"]],
  ["V48 scaling max >= min", base({ group: "scaling {\n  min = 1\n  max = 3\n}" }), base({ group: "count = 1\nscaling {\n  min = 1\n  max = 0\n}" }), ["rule/scaling-count@5", "rule/scaling-bounds@8"]],
  ["V49 scaling min <= count <= max", base({ group: "count = 2\nscaling {\n  min = 1\n  max = 3\n}" }), base({ group: "count = 5\nscaling {\n  min = 1\n  max = 3\n}" }), ["rule/scaling-count@5"]],
  ["V50 task name", base(), base().replace('task "t"', 'task "a/b"'), ["rule/task-name@6"]],
  ["V51 driver required", base(), base().replace('      driver = "docker"\n', ""), ["rule/task-driver@6"]],
  ["V53 cpu and cores", base({ task: "resources { cores = 1 }" }), base({ task: "resources {\n  cpu = 100\n  cores = 1\n}" }), ["rule/resources-cpu-cores@10"]],
  ["V53 memory_max", base({ task: "resources {\n  memory = 100\n  memory_max = 200\n}" }), base({ task: "resources {\n  memory = 100\n  memory_max = 50\n}" }), ["rule/resources-memory-max@10"]],
  ["V55 service name", base({ group: 'service { name = "web-${NOMAD_JOB_NAME}" }' }), base({ group: 'service { name = "web_app" }' }), ["rule/service-name@5"]],
  ["V56 http check needs path", base({ group: 'network {\n  port "http" {}\n}\nservice {\n  port = "http"\n  check {\n    type = "http"\n    path = "/health"\n    interval = "10s"\n    timeout = "2s"\n  }\n}' }), base({ group: 'network {\n  port "http" {}\n}\nservice {\n  port = "http"\n  check {\n    type = "http"\n    interval = "10s"\n    timeout = "2s"\n  }\n}' }), ["rule/check-path@10"]],
  ["V57 artifact destination", base({ task: 'artifact {\n  source = "https://e.com/x"\n  destination = "local/x"\n}' }), base({ task: 'artifact {\n  source = "https://e.com/x"\n  destination = "../../../etc"\n}' }), ["rule/artifact-destination@10"]],
  ["V58 template change_signal", base({ task: 'template {\n  data = "x"\n  destination = "local/x"\n  change_mode = "signal"\n  change_signal = "SIGHUP"\n}' }), base({ task: 'template {\n  data = "x"\n  destination = "local/x"\n  change_mode = "script"\n}' }), ["rule/template-change-script@11"]],
  ["V58 template destination inside", base({ task: 'template {\n  data = "x"\n  destination = "secrets/x"\n}' }), base({ task: 'template {\n  data = "x"\n  destination = "../../../../x"\n}' }), ["rule/template-destination@10"]],
  ["V60 volume_mount names a volume", base({ group: 'volume "data" {\n  type = "host"\n  source = "data"\n}', task: 'volume_mount {\n  volume = "data"\n  destination = "/data"\n}' }), base({ task: 'volume_mount {\n  volume = "data"\n  destination = "/data"\n}' }), ["rule/volume-mount@9"]],
  ["V67 per_alloc not with canary", base({ group: 'volume "d" {\n  type = "csi"\n  source = "d"\n  access_mode = "single-node-writer"\n  attachment_mode = "file-system"\n  per_alloc = true\n}' }), base({ job: "update { canary = 1 }", group: 'volume "d" {\n  type = "csi"\n  source = "d"\n  access_mode = "single-node-writer"\n  attachment_mode = "file-system"\n  per_alloc = true\n}' }), ["rule/volume-per-alloc@10"]],
  ["V70 unique port labels", base({ group: 'network {\n  port "a" {}\n  port "b" {}\n}' }), base({ group: 'network {\n  port "a" {}\n  port "a" {}\n}' }), ["rule/port-label@7"]],
  ["V71 static ports unique", base({ group: 'network {\n  port "a" { static = 80 }\n  port "b" { static = 81 }\n}' }), base({ group: 'network {\n  port "a" { static = 80 }\n  port "b" { static = 80 }\n}' }), ["rule/port-collision@7"]],
  ["V73 hostname", base({ group: 'network {\n  mode = "bridge"\n  hostname = "web-1"\n}' }), base({ group: 'network {\n  mode = "bridge"\n  hostname = "web_1!"\n}' }), ["rule/network-hostname@7"]],
];

describe("cross-field rules", () => {
  it.each(CASES)("%s", (_name, valid, invalid, expected) => {
    expect(errs(valid)).toEqual([]);
    expect(errs(invalid)).toEqual(expected);
  });
});

describe("structure and schema stages", () => {
  it("unknown attribute with did-you-mean and a fix", () => {
    const r = validateJobText('job "j" {\n  datacenter = ["dc1"]\n}\n', { baseDir: ".", env: {} });
    const d = r.diagnostics.find((x) => x.code === "structure/unknown-attribute")!;
    expect(d.message).toBe('Unsupported argument: "datacenter" is not expected in a job block; did you mean "datacenters"?');
    expect(d.range).toEqual({ start: { offset: 12, line: 2, column: 3 }, end: { offset: 22, line: 2, column: 13 } });
    expect(d.fixes?.[0]?.edits[0]?.newText).toBe("datacenters");
  });
  it("names of JavaScript object members are unknown attributes and blocks like any other", () => {
    expect(errs(base({ job: "toString = 1\nconstructor = 2", task: "hasOwnProperty = 3\n__proto__ {}" }))).toEqual([
      "structure/unknown-attribute@3",
      "structure/unknown-attribute@4",
      "structure/unknown-attribute@9",
      "structure/unknown-block@10",
    ]);
  });
  it("missing and duplicate job blocks", () => {
    expect(errs("")).toEqual(["structure/missing-block@1"]);
    expect(errs(base() + base())).toEqual(["structure/duplicate-block@13"]);
  });
  it("schema errors point at the attribute value", () => {
    expect(errs(base({ job: 'priority = "high"', task: 'kill_timeout = "5x"\nresources { memory = -5 }' }))).toContain("schema/type@3");
    expect(errs(base({ task: 'kill_timeout = "5x"' }))).toEqual(["schema/duration@8"]);
    expect(errs(base().replace('"service"', '"servic"'))).toEqual(["schema/enum@2"]);
    expect(errs(base({ job: `ui { description = "${"x".repeat(1001)}" }` }))).toEqual(["schema/max-length@3"]);
  });
  it("map keys with / and ~ (escaped in instance paths) still point at their values", () => {
    const at = (text: string) =>
      validateJobText(text, { baseDir: ".", env: {} }).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`);
    expect(at(base({ job: 'meta = {\n"a/b~c" = [1]\nok = "y"\n}', task: 'env = { "p/q" = { z = 1 } }' }))).toEqual(["schema/type@4:11-14", "schema/type@11:17-26"]);
  });
  it("keys of big maps (indexed by name past a few) and items of constant lists point at their values", () => {
    const at = (text: string) =>
      validateJobText(text, { baseDir: ".", env: {} }).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`);
    const env = Array.from({ length: 12 }, (_, i) => `k${i} = ${i === 10 ? "[1]" : `"v${i}"`}`).join("\n");
    expect(at(base({ task: `env {\n${env}\n}` }))).toEqual(["schema/type@19:7-10"]);
    expect(at(base({ job: 'datacenters = ["a", 2, null]' }))).toEqual(["schema/type@3:24-28"]);
  });
  it("durations: numbers are nanoseconds, strings in Go syntax", () => {
    const r = validateJobText(base({ task: 'kill_timeout = "1h30m"\nshutdown_delay = 2500' }), { baseDir: ".", env: {} });
    expect(r.job!.TaskGroups[0]!.Tasks[0]!.KillTimeout).toBe(5400e9);
    expect(r.job!.TaskGroups[0]!.Tasks[0]!.ShutdownDelay).toBe(2500);
  });
});

describe("warnings", () => {
  it("count = 0, raw_exec without resources, update max_parallel > count", () => {
    expect(warns(base({ group: "count = 0" }))).toEqual(["rule/count-zero"]);
    expect(warns(base().replace('"docker"', '"raw_exec"'))).toEqual(["rule/raw-exec-resources"]);
    expect(warns(base({ job: "update { max_parallel = 5 }", group: "count = 2" }))).toEqual(["rule/update-max-parallel"]);
    expect(warns(base())).toEqual([]);
  });
});
