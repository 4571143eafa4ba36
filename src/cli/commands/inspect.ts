// `caravan job inspect FILE`: decode a job file and print `{"Job": {...}}` in the Nomad HTTP API
// shape with every default applied. Diagnostics go to stderr; exit 1 when the file has errors,
// 2 when it cannot be read.
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { processIO, type CliIO } from "../io.js";

export interface InspectOptions {
  var?: string[];
  varFile?: string[];
}

export async function runInspect(file: string, opts: InspectOptions = {}, io: CliIO = processIO()): Promise<number> {
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : readFileSync(file, "utf8");
  } catch (err) {
    io.stderr(`${file}: error: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : String(err)}\n`);
    return 2;
  }
  const { validateJobText } = await import("../../validate/index.js");
  const r = validateJobText(text, { file, baseDir: file === "-" ? process.cwd() : dirname(file), vars: opts.var ?? [], varFiles: opts.varFile ?? [], env: io.env });
  for (const d of r.diagnostics) {
    const { line, column } = d.range.start;
    io.stderr(`${file}:${line}:${column}: ${d.severity}[${d.code}]: ${d.message}\n`);
  }
  if (!r.job || r.diagnostics.some((d) => d.severity === "error")) return 1;
  io.stdout(JSON.stringify({ Job: r.job }, null, 2) + "\n");
  return 0;
}
