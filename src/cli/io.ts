// What every command needs from the process, behind an interface so tests can run commands
// in-process: output streams, standard input, environment, and the file walking they share.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  /** Colours allowed: stdout is a terminal and NO_COLOR is unset. */
  isTTY: boolean;
}

export const processIO = (): CliIO => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
});

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** An I/O error in plain words. */
export function ioMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === "ENOENT") return "no such file or directory";
  if (e.code === "EACCES") return "permission denied";
  if (e.code === "EISDIR") return "is a directory";
  return e.message ?? String(err);
}

/** `*.hcl` and `*.nomad` files under `dir`, sorted, recursively; hidden folders, node_modules and variable files (`*.vars.hcl`) skipped. */
export function hclFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith(".") && e.name !== "node_modules") out.push(...hclFilesUnder(path));
    } else if (e.isFile() && /\.(hcl|nomad)$/.test(e.name) && !/\.(vars|pkrvars)\.hcl$/.test(e.name)) {
      out.push(path);
    }
  }
  return out;
}

/**
 * Command-line paths → the files to work on: folders expanded, `-` (standard input) kept, no
 * paths meaning the current folder. Paths that cannot be read are reported and left out.
 */
export function expandPaths(paths: readonly string[], io: Pick<CliIO, "stderr">): { files: string[]; failed: boolean } {
  const files: string[] = [];
  let failed = false;
  for (const target of paths.length === 0 ? ["."] : paths) {
    if (target === "-") {
      files.push(target);
      continue;
    }
    try {
      files.push(...(statSync(target).isDirectory() ? hclFilesUnder(target) : [target]));
    } catch (err) {
      io.stderr(`${target}: error: ${ioMessage(err)}\n`);
      failed = true;
    }
  }
  return { files, failed };
}
