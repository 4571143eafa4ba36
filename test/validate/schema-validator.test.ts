// The precompiled ajv validator is generated from the schema and must be up to date.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateValidator } from "../../scripts/gen-schema-validator.js";

describe("precompiled schema validator", () => {
  it("matches grammar/jobspec.schema.json (run npm run gen:schema-validator)", () => {
    expect(readFileSync("src/validate/generated/schema-validator.ts", "utf8")).toBe(generateValidator());
  });
});
