// `caravan fmt` through its command function: in-place rewrite, --check, --diff, stdin, recursion,
// syntax errors and missing paths, with exact output and exit codes.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runFmt, type FmtIO, type FmtOptions } from "../../src/cli/commands/fmt.js";

const UGLY = 'job "x" {\n    a=1\n}\n';
const PRETTY = 'job "x" {\n  a = 1\n}\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caravan-fmt-"));
  mkdirSync(join(dir, "sub/deeper"), { recursive: true });
  mkdirSync(join(dir, ".hidden"));
  writeFileSync(join(dir, "a.nomad"), UGLY);
  writeFileSync(join(dir, "ok.hcl"), PRETTY);
  writeFileSync(join(dir, "sub/deeper/b.hcl"), UGLY);
  writeFileSync(join(dir, "sub/notes.txt"), UGLY);
  writeFileSync(join(dir, ".hidden/c.hcl"), UGLY);
});

async function run(paths: string[], options: FmtOptions = {}, stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: FmtIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => stdin };
  const code = await runFmt(paths, options, io);
  return { code, out, err };
}
const read = (p: string): string => readFileSync(join(dir, p), "utf8");

describe("caravan fmt", () => {
  it("rewrites *.hcl and *.nomad files under a folder and lists them", async () => {
    const r = await run([dir]);
    expect(r).toEqual({ code: 0, out: `${join(dir, "a.nomad")}\n${join(dir, "sub/deeper/b.hcl")}\n`, err: "" });
    expect(read("a.nomad")).toBe(PRETTY);
    expect(read("sub/deeper/b.hcl")).toBe(PRETTY);
    expect(read("sub/notes.txt")).toBe(UGLY);
    expect(read(".hidden/c.hcl")).toBe(UGLY);
    expect(await run([dir])).toEqual({ code: 0, out: "", err: "" });
  });

  it("--check lists files that would change, writes nothing and exits 1", async () => {
    const r = await run([dir], { check: true });
    expect(r.code).toBe(1);
    expect(r.out).toBe(`${join(dir, "a.nomad")}\n${join(dir, "sub/deeper/b.hcl")}\n`);
    expect(read("a.nomad")).toBe(UGLY);
    expect(await run([join(dir, "ok.hcl")], { check: true })).toEqual({ code: 0, out: "", err: "" });
  });

  it("--diff prints a unified diff", async () => {
    const file = join(dir, "a.nomad");
    const r = await run([file], { check: true, diff: true, list: false });
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `--- ${file}\n+++ ${file}\n@@ -1,3 +1,3 @@\n job "x" {\n-    a=1\n+  a = 1\n }\n`,
    );
  });

  it("- formats standard input to standard output", async () => {
    expect(await run(["-"], {}, UGLY)).toEqual({ code: 0, out: PRETTY, err: "" });
    expect(await run(["-"], { check: true }, UGLY)).toEqual({ code: 1, out: "<stdin>\n", err: "" });
    expect(await run(["-"], { check: true }, PRETTY)).toEqual({ code: 0, out: "", err: "" });
  });

  it("refuses a file with syntax errors: prints them and exits 1, file untouched", async () => {
    const broken = 'job "x" {\n    a = \n}\n';
    writeFileSync(join(dir, "bad.hcl"), broken);
    const r = await run([join(dir, "bad.hcl")]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(new RegExp(`^${join(dir, "bad.hcl").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:\\d+: error: `));
    expect(r.err.endsWith(`${join(dir, "bad.hcl")}: not formatted (syntax errors)\n`)).toBe(true);
    expect(read("bad.hcl")).toBe(broken);
  });

  it("exits 2 for a path that does not exist", async () => {
    const missing = join(dir, "nope.hcl");
    expect(await run([missing])).toEqual({ code: 2, out: "", err: `${missing}: error: no such file or directory\n` });
  });

  it("formats an explicitly named file whatever its extension", async () => {
    const file = join(dir, "sub/notes.txt");
    expect((await run([file])).code).toBe(0);
    expect(read("sub/notes.txt")).toBe(PRETTY);
  });
});
