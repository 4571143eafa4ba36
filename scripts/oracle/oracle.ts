// Runs HashiCorp's Go HCL (the hclwrite oracle, see ../shared/tools/hclwrite-oracle) on a text.
// Only the golden generators use this; tests read the checked-in goldens and never need Go.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const ORACLE = process.env.HCLWRITE_ORACLE ?? "/tmp/hclwrite-oracle";

export interface GoDiagnostic {
  summary: string;
  detail: string;
  line: number;
  column: number;
}

export function requireOracle(): void {
  if (!existsSync(ORACLE)) {
    console.error(`${ORACLE} not found: build it with ../shared/tools/hclwrite-oracle/build.sh ${ORACLE} (or set HCLWRITE_ORACLE)`);
    process.exit(2);
  }
}

const NAME = "input.hcl";
const DIAG = /^input\.hcl:(\d+):(\d+): ([^;]*); ?(.*)$/;

/** Go hcl's syntax diagnostics for `text` (empty when it parses). */
export function goCheck(text: string): GoDiagnostic[] {
  const r = spawnSync(ORACLE, ["check", NAME], { input: text, encoding: "utf8" });
  if (r.error) throw r.error;
  const out: GoDiagnostic[] = [];
  let last: GoDiagnostic | undefined;
  for (const line of r.stderr.split("\n")) {
    const m = DIAG.exec(line);
    if (m) {
      last = { line: Number(m[1]), column: Number(m[2]), summary: m[3]!, detail: m[4]! };
      out.push(last);
    } else if (last && line !== "") {
      last.detail += "\n" + line; // a detail that spans lines
    }
  }
  if (r.status !== 0 && out.length === 0) throw new Error(`oracle check failed: ${r.stderr}`);
  return out;
}

/** hclwrite.Format(text), or undefined when Go hcl reports syntax errors. */
export function goFormat(text: string): string | undefined {
  const r = spawnSync(ORACLE, ["fmt", NAME], { input: text, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r.status === 0 ? r.stdout : undefined;
}
