// Stage 2, schema: ajv (allErrors) over the instance built by the structure stage. Each error's
// instancePath is mapped back to the attribute it came from. Missing and unknown properties are
// not checked here: the structure stage reports them, with better ranges, from the same schema
// (the validator is compiled without `required` and `additionalProperties: false`).
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic, Range } from "../diagnostics/types.js";
import { validate as precompiled } from "./generated/schema-validator.js";
import { parseDuration } from "../jobspec/duration.js";
import type { PathInfo, Paths } from "./structure.js";
import { didYouMean } from "./didyoumean.js";

// Precompiled by scripts/gen-schema-validator.ts (compiling the schema at start-up costs more
// than validating hundreds of files); test/validate/schema-validator.test.ts keeps it in sync.
const validator = (): ValidateFunction => precompiled as unknown as ValidateFunction;

/** The range for an instance path: the path itself or its closest recorded ancestor. */
export function rangeFor(paths: Paths, instancePath: string, prefer: "value" | "name" | "whole" = "value"): Range | undefined {
  return infoRange(paths.recorded(instancePath), prefer);
}

export function infoRange(info: PathInfo | undefined, prefer: "value" | "name" | "whole"): Range | undefined {
  if (info === undefined) return undefined;
  return prefer === "value" ? (info.valueRange ?? info.range) : prefer === "name" ? info.nameRange : info.range;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "a bool",
  array: "a list",
  object: "a map or block",
  "string,integer": "a string or a whole number",
};

function attrName(path: string): string {
  const parts = path.split("/").filter((p) => p !== "" && !/^\d+$/.test(p));
  return (parts[parts.length - 1] ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
}

function valueAt(instance: unknown, path: string): unknown {
  let v: unknown = instance;
  for (const seg of path.split("/").slice(1)) v = (v as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  return v;
}

function toDiagnostic(e: ErrorObject, instance: unknown, paths: Paths, fallback: Range): Diagnostic {
  const range = rangeFor(paths, e.instancePath) ?? fallback;
  const name = attrName(e.instancePath);
  const value = valueAt(instance, e.instancePath);
  const shown = JSON.stringify(value);
  const d = (code: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({ severity: "error", code, message, range, ...extra });
  const parentSchema = e.parentSchema as { "x-type"?: string } | undefined;
  switch (e.keyword) {
    case "type": {
      const want = String((e.params as { type: string | string[] }).type);
      return d("schema/type", `Incorrect attribute value type: "${name}" must be ${TYPE_WORDS[want] ?? want}, not ${shown}`);
    }
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof value === "string" ? didYouMean(value, allowed.filter((a) => a !== "")) : undefined;
      return d("schema/enum", `Invalid value ${shown} for "${name}"; expected one of ${allowed.filter((a) => a !== "").map((a) => `"${a}"`).join(", ")}` + (guess ? `. Did you mean "${guess}"?` : ""), guess ? { fixes: [{ title: `Replace with "${guess}"`, edits: [{ range, newText: JSON.stringify(guess) }] }] } : {});
    }
    case "minimum":
      return d("schema/minimum", `"${name}" must be at least ${(e.params as { limit: number }).limit}, not ${shown}`);
    case "maximum":
      return d("schema/maximum", `"${name}" must be at most ${(e.params as { limit: number }).limit}, not ${shown}`);
    case "maxLength":
      return d("schema/max-length", `"${name}" must be at most ${(e.params as { limit: number }).limit} characters long`);
    case "pattern": {
      if (parentSchema?.["x-type"] === "duration") {
        const r = parseDuration(value);
        return d("schema/duration", `Invalid duration for "${name}": ${r.ok ? shown : r.message}`, { detail: 'Durations are written like "30s", "1h30m" or "250ms" (units ns, us, ms, s, m, h).' });
      }
      return d("schema/pattern", `Invalid value ${shown} for "${name}"`);
    }
    default:
      return d(`schema/${e.keyword}`, `"${name}" ${e.message ?? "is invalid"}`);
  }
}

export function schemaStage(instance: unknown, paths: Paths, fallback: Range): Diagnostic[] {
  const validate = validator();
  if (validate(instance)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const diag = toDiagnostic(e, instance, paths, fallback);
    const key = `${e.instancePath}|${diag.code}`;
    if (seen.has(key)) continue; // union types report once per member
    seen.add(key);
    out.push(diag);
  }
  return out;
}
