// `caravan hcl2json FILE|-` as a real process (the built bin/caravan.js), and its command
// function for stdin and unrepresentable files: exact output and exit codes.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as hcl2json } from "@cdktf/hcl2json";
import { beforeAll, describe, expect, it } from "vitest";
import { runHcl2json, type Hcl2JsonIO } from "../../src/cli/commands/hcl2json.js";
import { CORPUS, readCorpus } from "../support/corpus.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/caravan.js");

let dir: string;
beforeAll(() => {
  // `npm test` builds first; build here only when run on its own from a fresh checkout.
  if (!existsSync(join(ROOT, "dist/cli/main.js"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "caravan-hcl2json-"));
}, 180_000);

function caravan(args: string[], input?: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("caravan hcl2json (process)", () => {
  it("prints a good file as the JSON text @cdktf/hcl2json gives, exit 0", async () => {
    const rel = "nomad/jobspec2-fixtures/connect-example.hcl";
    const r = caravan(["hcl2json", join(CORPUS, rel)]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(JSON.stringify(await hcl2json(rel, readCorpus(rel)), null, 2) + "\n");
  });

  it("prints a small file exactly", () => {
    const file = join(dir, "small.hcl");
    writeFileSync(file, 'job "web" {\n  count = 2\n  meta { a = "${x}" }\n}\n');
    expect(caravan(["hcl2json", file])).toEqual({
      code: 0,
      out: '{\n  "job": {\n    "web": [\n      {\n        "count": 2,\n        "meta": [\n          {\n            "a": "${x}"\n          }\n        ]\n      }\n    ]\n  }\n}\n',
      err: "",
    });
  });

  it("reports each syntax error as file:line:col: error: message with the line and a caret, exit 1", () => {
    const file = join(dir, "broken.hcl");
    writeFileSync(file, 'job "x" {\n  a = \n  b = 2 3\n}\n');
    expect(caravan(["hcl2json", file])).toEqual({
      code: 1,
      out: "",
      err:
        `${file}:2:7: error: expected an expression before the end of the line\n` +
        "2 |   a = \n" +
        "  |       ^\n" +
        "  = Invalid expression\n" +
        `${file}:3:9: error: expected a newline after the value of \`b\`, found the number 3\n` +
        "3 |   b = 2 3\n" +
        "  |         ^\n" +
        "  = Missing newline after argument\n",
    });
  });

  it("reads standard input for -", () => {
    expect(caravan(["hcl2json", "-"], "a = [1, x]\n")).toEqual({ code: 0, out: '{\n  "a": [\n    1,\n    "${x}"\n  ]\n}\n', err: "" });
  });

  it("exits 2 with a message for a file it cannot read", () => {
    const file = join(dir, "missing.hcl");
    expect(caravan(["hcl2json", file])).toEqual({ code: 2, out: "", err: `${file}: error: no such file or directory\n` });
  });
});

describe("runHcl2json", () => {
  async function run(file: string, stdin = ""): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const io: Hcl2JsonIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => stdin, color: false };
    return { code: await runHcl2json(file, io), out, err };
  }

  it("names standard input <stdin> in errors", async () => {
    expect(await run("-", "a = (\n")).toMatchObject({ code: 1, out: "" });
    expect((await run("-", "a = (\n")).err).toMatch(/^<stdin>:\d+:\d+: error: /);
  });

  it("reports a block layout JSON cannot hold, at the block, exit 1", async () => {
    expect(await run("-", 'a "b" {}\na {}\n')).toEqual({
      code: 1,
      out: "",
      err: '<stdin>:2:1: error: invalid HCL for "a" block: cannot have blocks with and without labels\n2 | a {}\n  | ^\n',
    });
  });

  it("sorts keys as Go's encoding/json does", async () => {
    expect((await run("-", "b = 1\na {}\n_ = 2\nB = 3\n")).out).toBe('{\n  "B": 3,\n  "_": 2,\n  "a": [\n    {}\n  ],\n  "b": 1\n}\n');
  });
});
