// Type and error handling: can, try (raw expressions, hcl ext/tryfunc) and convert (ext/typeexpr).
import { convert } from "../convert.js";
import type { FunctionDef } from "../function.js";
import { DYNAMIC } from "../types.js";
import { BOOL } from "../types.js";
import { FALSE, TRUE, containsUnknown, unknownOf } from "../value.js";
import { FunctionError, def, p } from "./define.js";

const hasErrors = (d: { severity: string }[]) => d.some((x) => x.severity === "error");

export function typeFunctions(): Record<string, FunctionDef> {
  return {
    can: def([p("expression", DYNAMIC, { raw: "expr", allowNull: true, allowUnknown: true })], (_args, call) => {
      const r = call.evaluate(call.exprs[0]!);
      if (hasErrors(r.diagnostics)) return FALSE;
      if (containsUnknown(r.value)) return unknownOf(BOOL);
      return TRUE;
    }),
    try: def(
      [],
      (_args, call) => {
        if (call.exprs.length === 0) throw new FunctionError("at least one argument is required");
        const failures: string[] = [];
        for (const ex of call.exprs) {
          const r = call.evaluate(ex);
          if (!hasErrors(r.diagnostics)) return containsUnknown(r.value) ? unknownOf(DYNAMIC) : r.value;
          for (const d of r.diagnostics) {
            if (d.severity !== "error") continue;
            const r = d.range;
            failures.push(`- ${d.message} (at ${r.start.line},${r.start.column}-${r.end.column})\n  ${d.detail ?? ""}`);
          }
        }
        throw new FunctionError(`no expression succeeded:\n${failures.join("\n")}\n\nAt least one expression must produce a successful result`);
      },
      p("expressions", DYNAMIC, { raw: "expr", allowNull: true, allowUnknown: true }),
    ),
    convert: def(
      [p("value", DYNAMIC, { allowNull: true, allowUnknown: true }), p("type", DYNAMIC, { raw: "type" })],
      ([v], call) => {
        const t = call.types[1]!;
        const r = convert(v!, t);
        if (!r.ok) throw new FunctionError(r.error, 0);
        return r.value;
      },
    ),
  };
}
