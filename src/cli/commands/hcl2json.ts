// `caravan hcl2json FILE|-`: print an HCL file as JSON in the shape of @cdktf/hcl2json.
//
// Exit codes: 0 printed; 1 syntax errors (or a block layout JSON cannot represent); 2 the file
// cannot be read.
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../../diagnostics/types.js";
import { Hcl2JsonError, toHcl2Json } from "../../hcl2json/convert.js";
import { toJsonText } from "../../hcl2json/json.js";
import { parse } from "../../parser/parse.js";
import { formatDiagnostic } from "../../render/text.js";
import { ioMessage, processIO, type CliIO } from "../io.js";

export type Hcl2JsonIO = Pick<CliIO, "stdout" | "stderr" | "readStdin"> & { color: boolean };

const defaultIO = (): Hcl2JsonIO => ({ ...processIO(), color: Boolean(process.stderr.isTTY) && !process.env["NO_COLOR"] });

export async function runHcl2json(file: string, io: Hcl2JsonIO = defaultIO()): Promise<number> {
  const name = file === "-" ? "<stdin>" : file;
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : readFileSync(file, "utf8");
  } catch (err) {
    io.stderr(`${name}: error: ${ioMessage(err)}\n`);
    return 2;
  }
  const { tree, diagnostics } = parse(text);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return report(errors, text, name, io);
  let value: unknown;
  try {
    value = toHcl2Json(tree);
  } catch (err) {
    if (!(err instanceof Hcl2JsonError)) throw err;
    const diag: Diagnostic = { severity: "error", code: "hcl2json/unrepresentable", message: err.message, range: err.range };
    return report([diag], text, name, io);
  }
  io.stdout(toJsonText(value));
  return 0;
}

function report(diagnostics: readonly Diagnostic[], text: string, file: string, io: Hcl2JsonIO): number {
  for (const d of diagnostics) io.stderr(formatDiagnostic(d, text, { file, color: io.color, showCode: false }));
  return 1;
}

