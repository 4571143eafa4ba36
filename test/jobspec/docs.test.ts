// docs/jobspec.md is generated from the schema and must be up to date.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateJobspecDocs } from "../../scripts/gen-jobspec-docs.js";

describe("generated docs", () => {
  it("docs/jobspec.md matches the schema (run npm run gen:jobspec-docs)", () => {
    expect(readFileSync("docs/jobspec.md", "utf8")).toBe(generateJobspecDocs());
  });
  it("documents every block with its defaults", () => {
    const md = generateJobspecDocs();
    expect(md).toContain("| `region` | string | `\"global\"` | `Region` | Region the job runs in. |");
    expect(md).toContain("| `kill_timeout` | duration | `\"5s\"` | `KillTimeout` |");
    expect(md).toContain('| `group` | block "<name>" (repeatable) | — | `TaskGroups` |');
  });
});
