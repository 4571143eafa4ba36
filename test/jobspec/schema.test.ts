// BlockProps.get finds a block's properties by name through a hashed table (schema.ts).
import { describe, expect, it } from "vitest";
import { ROOT, blockProps, jobspecSchema, type BlockSchema } from "../../src/jobspec/schema.js";

const blocks = [ROOT, ...Object.values(jobspecSchema.definitions)];

describe("BlockProps.get", () => {
  it("finds every property of every block by its name, as a new string", () => {
    for (const b of blocks) {
      const props = blockProps(b);
      for (const key of Object.keys(b.properties)) expect(props.get(` ${key}`.slice(1))?.key).toBe(key);
    }
  });

  it("finds nothing for other names, inherited members and the empty name", () => {
    const names = ["", "x", "toString", "constructor", "__proto__", "hasOwnProperty", "drivers", "drive", "Driver", "count ", "té"];
    for (const b of blocks) {
      const props = blockProps(b);
      const other = Object.keys(jobspecSchema.definitions).concat(names).filter((n) => !Object.hasOwn(b.properties, n));
      for (const name of other) expect(props.get(name), name).toBeUndefined();
    }
  });

  it("falls back to a Map for names no table tells apart (same length, first and last characters)", () => {
    const schema = { type: "object", properties: { abc: { type: "string" }, axc: { type: "number" } }, required: [] } as unknown as BlockSchema;
    const props = blockProps(schema);
    expect(props.get("abc")?.key).toBe("abc");
    expect(props.get("axc")?.key).toBe("axc");
    expect(props.get("ayc")).toBeUndefined();
  });
});
