// The data every machine-readable renderer works from: each checked file with its diagnostics.
import type { Diagnostic } from "../diagnostics/types.js";

export interface FileReport {
  /** Path as given on the command line (or "<stdin>"). */
  path: string;
  diagnostics: Diagnostic[];
}

export function count(files: FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of files)
    for (const d of f.diagnostics) {
      if (d.severity === "error") errors++;
      else if (d.severity === "warning") warnings++;
    }
  return { errors, warnings };
}
