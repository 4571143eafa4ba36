// Each output format of `caravan job validate`, run through the command with captured IO.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { runValidate } from "../../src/cli/commands/validate.js";
import type { CliIO } from "../../src/cli/io.js";
import { runInspect } from "../../src/cli/commands/inspect.js";
import { escapeProperty } from "../../src/render/github.js";

const FIX = "../shared/corpus/nomad/jobspec-fixtures";

function io(stdin = ""): CliIO & { out: string; err: string } {
  const o = { out: "", err: "", stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s), readStdin: async () => stdin, env: {}, isTTY: false };
  return o;
}

const files = [`${FIX}/basic_wrong_key.hcl`, `${FIX}/csi-plugin.hcl`];

describe("job validate output formats", () => {
  it("text: compiler-style line, source line, caret, summary; exit 1", async () => {
    const o = io();
    expect(await runValidate(files, { format: "text" }, o)).toBe(1);
    expect(o.out).toContain(`${FIX}/basic_wrong_key.hcl:74:11: error[structure/unknown-attribute]: Unsupported argument: "nterval" is not expected in a check block; did you mean "interval"?`);
    expect(o.out).toContain('nterval = "10s"');
    expect(o.out).toContain("^^^^^^^");
    expect(o.out.trimEnd().split("\n").pop()).toBe("2 files checked: 1 error, 0 warnings (1 invalid file)");
  });

  it("json: the documented stable shape", async () => {
    const o = io();
    expect(await runValidate(files, { format: "json" }, o)).toBe(1);
    const r = JSON.parse(o.out);
    expect(r.version).toBe(1);
    expect(r.valid).toBe(false);
    expect(r.summary).toEqual({ files: 2, errors: 1, warnings: 0 });
    expect(r.files[1]).toEqual({ path: `${FIX}/csi-plugin.hcl`, valid: true, errors: 0, warnings: 0, diagnostics: [] });
    const d = r.files[0].diagnostics.find((x: { severity: string }) => x.severity === "error");
    expect(d).toMatchObject({ severity: "error", code: "structure/unknown-attribute", range: { start: { line: 74, column: 11 }, end: { line: 74, column: 18 } } });
    expect(d.fixes[0].edits[0].newText).toBe("interval");
  });

  it("sarif: valid SARIF 2.1.0", async () => {
    const o = io();
    expect(await runValidate(files, { format: "sarif" }, o)).toBe(1);
    const log = JSON.parse(o.out);
    const schema = JSON.parse(readFileSync("test/validate/sarif/sarif-2.1.0-rtm.5.json", "utf8"));
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const err = log.runs[0].results.find((x: { level: string }) => x.level === "error");
    expect(err.ruleId).toBe("structure/unknown-attribute");
    expect(err.locations[0].physicalLocation.region).toEqual({ startLine: 74, startColumn: 11, endLine: 74, endColumn: 18 });
  });

  it("github: workflow command annotations", async () => {
    const o = io();
    expect(await runValidate([`${FIX}/basic_wrong_key.hcl`], { format: "github" }, o)).toBe(1);
    expect(o.out.split("\n")).toContain(
      `::error file=${escapeProperty(`${FIX}/basic_wrong_key.hcl`)},line=74,col=11,endLine=74,endColumn=18,title=structure/unknown-attribute::Unsupported argument: "nterval" is not expected in a check block; did you mean "interval"?`,
    );
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("exit codes: 0 clean, warnings fail only with --strict, 2 for unreadable paths, broken files never stop the others", async () => {
    expect(await runValidate([`${FIX}/csi-plugin.hcl`], {}, io())).toBe(0);
    const warnOnly = `${FIX}/tg-network.hcl`;
    expect(await runValidate([warnOnly], {}, io())).toBe(0);
    expect(await runValidate([warnOnly], { strict: true }, io())).toBe(1);
    const o = io();
    expect(await runValidate(["does/not/exist.hcl", `${FIX}/bad-ports.hcl`, `${FIX}/csi-plugin.hcl`], { format: "json" }, o)).toBe(2);
    expect(o.err).toBe("does/not/exist.hcl: error: no such file or directory\n");
    expect(JSON.parse(o.out).summary.files).toBe(2);
  });

  it("stdin and -var", async () => {
    const o = io('variable "n" {}\njob "j" {\n  group "g" {\n    count = var.n\n    task "t" {\n      driver = "exec"\n    }\n  }\n}\n');
    expect(await runValidate(["-"], { var: ["n=3"] }, o)).toBe(0);
    expect(o.out).toBe("1 file checked: 0 errors, 0 warnings\n");
  });

  it("inspect prints {Job: ...}", async () => {
    const o = io();
    expect(await runInspect(`${FIX}/csi-plugin.hcl`, {}, o)).toBe(0);
    const j = JSON.parse(o.out);
    expect(Object.keys(j)).toEqual(["Job"]);
    expect(j.Job.TaskGroups[0].Tasks[0].CSIPluginConfig).toEqual({ ID: "org.hashicorp.csi", Type: "monolith", MountDir: "/csi/test", StagePublishBaseDir: "/local/csi", HealthTimeout: 60000000000 });
    expect(await runInspect(`${FIX}/basic_wrong_key.hcl`, {}, io())).toBe(1);
  });
});
