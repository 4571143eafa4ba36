// The precompiled ajv validator is generated from the schema and must be up to date.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateValidator, valueSchema } from "../../scripts/gen-schema-validator.js";
import { jobspecSchema } from "../../src/jobspec/schema.js";

/** Every key used anywhere in a JSON value, property names and keywords alike. */
function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) keysOf(x, out);
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) keysOf(x, out.add(k));
  return out;
}

describe("precompiled schema validator", () => {
  it("matches grammar/jobspec.schema.json (run npm run gen:schema-validator)", () => {
    expect(readFileSync("src/validate/generated/schema-validator.ts", "utf8")).toBe(generateValidator());
  });

  it("leaves out only required and additionalProperties: false, which no combinator depends on", () => {
    // the structure stage enforces both; inside a oneOf/anyOf/not they could decide a branch
    const keys = keysOf(jobspecSchema);
    for (const k of ["oneOf", "anyOf", "allOf", "not", "if", "dependentRequired", "dependentSchemas", "dependencies", "minProperties", "maxProperties"]) expect(keys.has(k), k).toBe(false);
    const stripped = valueSchema(jobspecSchema);
    expect(JSON.stringify(stripped)).not.toMatch(/"required":\[|"additionalProperties":false/);
    expect(keysOf(stripped)).toEqual(new Set([...keysOf(jobspecSchema)].filter((k) => k !== "required")));
  });
});
