// The command-line adapter as users run it: a real child process of the bundled CLI.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeArgv } from "../../src/cli/argv.js";

const root = resolve(import.meta.dirname, "../..");
const caravan = (...args: string[]) => spawnSync(process.execPath, [resolve(root, "bin/caravan.js"), ...args], { cwd: root, encoding: "utf8" });

describe("argv", () => {
  it("accepts Nomad's single-dash long options", () => {
    expect(normalizeArgv(["job", "plan", "-var", "a=1", "-var=b=2", "-check-index", "3", "-v", "-", "f.hcl"])).toEqual([
      "job", "plan", "--var", "a=1", "--var=b=2", "--check-index", "3", "-v", "-", "f.hcl",
    ]);
    expect(normalizeArgv(["--", "-var"])).toEqual(["--", "-var"]);
  });
});

describe("caravan", () => {
  it("prints help and exits 0", () => {
    const r = caravan("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("job");
    expect(r.stdout).toContain("fmt");
  });

  it("exits 2 on a usage error, 255 for job plan as Nomad does", () => {
    expect(caravan("job", "validate", "--format", "yaml", "examples/hello.hcl").status).toBe(2);
    expect(caravan("job", "plan", "--bogus", "examples/hello.hcl").status).toBe(255);
  });

  it("job run -output prints the same API JSON as job inspect", () => {
    const run = caravan("job", "run", "-output", "-var", "greeting=hi", "examples/hello.hcl");
    const inspect = caravan("job", "inspect", "--var", "greeting=hi", "examples/hello.hcl");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(inspect.stdout);
    const job = JSON.parse(run.stdout).Job;
    expect(job.ID).toBe("hello");
    expect(job.TaskGroups[0].Tasks[0].Config.args[1]).toContain("hi (alloc ${NOMAD_ALLOC_INDEX})");
  });

  it("job run without -output says the runtime is not in this build, exit 2", () => {
    const r = caravan("job", "run", "examples/hello.hcl");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("embedded runtime is not part of this build");
  });
});
