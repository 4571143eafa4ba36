// Filesystem functions (go-cty-funcs filesystem; hcl-syntax.md §5.5). Relative paths resolve
// against the job file's directory; file access is off when `allowFS` is false.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { FunctionDef } from "../function.js";
import { STRING } from "../types.js";
import { FALSE, TRUE, set, str } from "../value.js";
import { FunctionError, S, def, p } from "./define.js";

/** Go's path.Clean (on slash-separated paths). */
export function goClean(p: string): string {
  if (p === "") return ".";
  const n = path.posix.normalize(p);
  return n.length > 1 && n.endsWith("/") ? n.slice(0, -1) : n;
}

export function goBase(p: string): string {
  if (p === "") return ".";
  const t = p.replace(/\/+$/, "");
  if (t === "") return "/";
  return t.slice(t.lastIndexOf("/") + 1);
}

export function goDir(p: string): string {
  return goClean(p.slice(0, p.lastIndexOf("/") + 1));
}

function expandHome(p: string): string {
  if (!p.startsWith("~")) return p;
  if (p.length > 1 && p[1] !== "/" && p[1] !== "\\") throw new FunctionError("failed to expand ~: cannot expand user-specific home dir", 0);
  return homedir() + p.slice(1);
}

function resolvePath(baseDir: string, p: string): string {
  const e = expandHome(p);
  return goClean(path.isAbsolute(e) ? e : path.join(baseDir, e));
}

/** A doublestar glob as a RegExp over slash-separated relative paths: `*`, `**`, `?`, `[...]`, `{a,b}`. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) {
      re += escape(pattern[++i]!);
    } else if (c === "*") {
      if (pattern[i + 1] === "*") {
        const atStart = i === 0 || pattern[i - 1] === "/";
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        i++;
        if (atStart && atEnd) {
          if (pattern[i + 1] === "/") {
            i++;
            re += "(?:.*/)?";
          } else re += ".*";
        } else re += "[^/]*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) throw new FunctionError("syntax error in pattern", 1);
      let cls = pattern.slice(i + 1, close);
      if (cls.startsWith("!")) cls = "^" + cls.slice(1);
      re += "[" + cls.replace(/\\/g, "\\\\") + "]";
      i = close;
    } else if (c === "{") {
      depth++;
      re += "(?:";
    } else if (c === "}" && depth > 0) {
      depth--;
      re += ")";
    } else if (c === "," && depth > 0) re += "|";
    else re += escape(c);
  }
  if (depth > 0) throw new FunctionError("syntax error in pattern", 1);
  return new RegExp("^" + re + "$", "u");
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function walk(dir: string, rel: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue;
      }
    }
    if (isFile) out.push(r);
    else if (isDir) walk(full, r, out);
  }
}

function readFile(baseDir: string, p: string): Buffer {
  const full = resolvePath(baseDir, p);
  // a missing file is found without an exception: Node's error for it (with its stack) cost more
  // than the whole rest of validating the file, and editors re-evaluate on every keystroke
  if (statSync(full, { throwIfNoEntry: false }) === undefined) throw new FunctionError(`no file exists at ${full}`, 0);
  try {
    return readFileSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FunctionError(`no file exists at ${full}`, 0);
    throw new FunctionError(`failed to read ${full}`, 0);
  }
}

export function filesystemFunctions(baseDir: string, allowFS: boolean): Record<string, FunctionDef> {
  const guard = (f: FunctionDef): FunctionDef =>
    allowFS
      ? f
      : {
          ...f,
          impl: () => {
            throw new FunctionError("filesystem function disabled");
          },
        };
  return {
    file: guard(
      def([p("path", STRING)], ([a]) => {
        const bytes = readFile(baseDir, S(a!));
        try {
          return str(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
        } catch {
          throw new FunctionError(
            `contents of ${resolvePath(baseDir, S(a!))} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead`,
            0,
          );
        }
      }),
    ),
    filebase64: guard(def([p("path", STRING)], ([a]) => str(readFile(baseDir, S(a!)).toString("base64")))),
    fileexists: guard(
      def([p("path", STRING)], ([a]) => {
        const full = resolvePath(baseDir, S(a!));
        let st;
        try {
          st = statSync(full);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return FALSE;
          throw new FunctionError(`failed to stat ${full}`, 0);
        }
        if (st.isFile()) return TRUE;
        throw new FunctionError(`${full} is not a regular file, but ${JSON.stringify(st.isDirectory() ? "d---------" : "?---------")}`, 0);
      }),
    ),
    fileset: guard(
      def([p("path", STRING), p("pattern", STRING)], ([d, pat]) => {
        const root = resolvePath(baseDir, S(d!));
        const re = globToRegExp(goClean(S(pat!)));
        const files: string[] = [];
        walk(root, "", files);
        return set(
          STRING,
          files.filter((f) => re.test(f)).map((f) => str(f)),
        );
      }),
    ),
    abspath: def([p("path", STRING)], ([a]) => str(path.resolve(S(a!)).split(path.sep).join("/"))),
    basename: def([p("path", STRING)], ([a]) => str(goBase(S(a!)))),
    dirname: def([p("path", STRING)], ([a]) => str(goDir(S(a!)))),
    pathexpand: def([p("path", STRING)], ([a]) => str(expandHome(S(a!)))),
  };
}

