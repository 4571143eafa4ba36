import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { err, ok } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "caravan-eval-"));
writeFileSync(join(dir, "hello.txt"), "hello\n");
writeFileSync(join(dir, "bin.dat"), Buffer.from([0xff, 0x00]));
mkdirSync(join(dir, "conf/sub"), { recursive: true });
writeFileSync(join(dir, "conf/a.hcl"), "a");
writeFileSync(join(dir, "conf/b.json"), "b");
writeFileSync(join(dir, "conf/sub/c.hcl"), "c");
const opts = { baseDir: dir };

describe("filesystem functions", () => {
  it("file and filebase64 resolve relative to the job file's directory", () => {
    expect(ok('file("hello.txt")', "", opts)).toBe("hello\n");
    expect(ok('file("conf/../hello.txt")', "", opts)).toBe("hello\n");
    expect(ok(`file("${join(dir, "hello.txt")}")`, "", { baseDir: "/" })).toBe("hello\n");
    expect(ok('filebase64("bin.dat")', "", opts)).toBe("/wA=");
  });

  it("file errors", () => {
    expect(err('file("missing.txt")', "", opts)[1]).toBe(`Invalid value for "path" parameter: no file exists at ${join(dir, "missing.txt")}.`);
    expect(err('file("bin.dat")', "", opts)[1]).toContain("are not valid UTF-8; use the filebase64 function");
  });

  it("fileexists", () => {
    expect(ok('fileexists("hello.txt")', "", opts)).toBe(true);
    expect(ok('fileexists("nope.txt")', "", opts)).toBe(false);
    expect(err('fileexists("conf")', "", opts)[0]).toBe("Invalid function argument");
  });

  it("fileset matches globs, files only, relative to the path", () => {
    expect(ok('fileset(".", "*.txt")', "", opts)).toEqual(["hello.txt"]);
    expect(ok('fileset("conf", "**")', "", opts)).toEqual(["a.hcl", "b.json", "sub/c.hcl"]);
    expect(ok('fileset("conf", "**/*.hcl")', "", opts)).toEqual(["a.hcl", "sub/c.hcl"]);
    expect(ok('fileset("conf", "*.{hcl,json}")', "", opts)).toEqual(["a.hcl", "b.json"]);
    expect(ok('fileset("conf", "?.hcl")', "", opts)).toEqual(["a.hcl"]);
    expect(ok('fileset("conf", "[ab].*")', "", opts)).toEqual(["a.hcl", "b.json"]);
    expect(ok('fileset("conf", "*.nope")', "", opts)).toEqual([]);
  });

  it("path functions", () => {
    expect(ok('basename("foo/bar/baz.txt")')).toBe("baz.txt");
    expect(ok('basename("foo/bar/")')).toBe("bar");
    expect(ok('basename("")')).toBe(".");
    expect(ok('dirname("foo/bar/baz.txt")')).toBe("foo/bar");
    expect(ok('dirname("baz.txt")')).toBe(".");
    expect(ok('dirname("/")')).toBe("/");
    expect(ok('pathexpand("~/x")')).toBe(`${homedir()}/x`);
    expect(ok('pathexpand("/etc")')).toBe("/etc");
    expect(ok('abspath("/a/b/../c")')).toBe("/a/c");
  });

  it("filesystem access can be disabled", () => {
    expect(err('file("hello.txt")', "", { ...opts, allowFS: false })[1]).toBe('Call to function "file" failed: filesystem function disabled.');
    expect(ok('basename("a/b")', "", { ...opts, allowFS: false })).toBe("b");
  });
});
