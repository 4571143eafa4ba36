// fast-check: the validator never throws, on random jobs built from the schema and on random
// mutations of corpus files.
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jobspecSchema, blockBody, isBlock, isFreeform, labelNames, type BlockSchema, type PropSchema } from "../../src/jobspec/schema.js";
import { validateJobText } from "../../src/validate/index.js";

const valueFor = (p: PropSchema): fc.Arbitrary<string> => {
  const t = Array.isArray(p.type) ? p.type[0] : p.type;
  if (p.enum) return fc.constantFrom(...p.enum.map((e) => JSON.stringify(e)));
  if (p["x-type"] === "duration") return fc.constantFrom('"10s"', '"1h30m"', '"0"', '"5x"', "3000");
  switch (t) {
    case "integer":
      return fc.integer({ min: -5, max: 400 }).map(String);
    case "boolean":
      return fc.boolean().map(String);
    case "array":
      return fc.array(fc.constantFrom('"a"', '"dc1"', "1"), { maxLength: 3 }).map((a) => `[${a.join(", ")}]`);
    case "object":
      return fc.constant('{ k = "v" }');
    default:
      return fc.constantFrom('"x"', '"${node.class}"', '""', '"local/a"');
  }
};

function blockArb(schema: BlockSchema, depth: number): fc.Arbitrary<string> {
  const entries = Object.entries(schema.properties);
  return fc
    .subarray(entries, { maxLength: Math.min(6, entries.length) })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map(([name, p]) => {
          if (isBlock(p) && !isFreeform(p)) {
            const body = blockBody(p);
            if (!body || depth > 3) return fc.constant("");
            const labels = labelNames(p).map((_, i) => `"l${i}"`).join(" ");
            return blockArb(body, depth + 1).map((b) => `${name} ${labels} {\n${b}}\n`);
          }
          if (isBlock(p)) return fc.constant(`${name} {\n  a = "b"\n}\n`);
          return valueFor(p).map((v) => `${name} = ${v}\n`);
        }),
      ),
    )
    .map((lines) => lines.join(""));
}

const jobArb = blockArb(jobspecSchema.definitions["job"]!, 0).map((b) => `job "j" {\n${b}}\n`);

const corpus = readdirSync("../shared/corpus/nomad/jobspec-fixtures").map((f) => readFileSync(`../shared/corpus/nomad/jobspec-fixtures/${f}`, "utf8"));

describe("never throws", () => {
  it("on random jobs generated from the schema", () => {
    fc.assert(
      fc.property(jobArb, (text) => {
        const r = validateJobText(text, { baseDir: ".", env: {} });
        expect(r.diagnostics.filter((d) => d.code.startsWith("internal/"))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
  it("on random mutations of corpus files", () => {
    const mutation = fc.record({
      file: fc.integer({ min: 0, max: corpus.length - 1 }),
      at: fc.nat(),
      len: fc.integer({ min: 0, max: 8 }),
      insert: fc.constantFrom("", "{", "}", '"', "=", "\n", "0", "-1", "x", "${", "group", "task \"t\" {"),
    });
    fc.assert(
      fc.property(mutation, ({ file, at, len, insert }) => {
        const src = corpus[file]!;
        const i = at % (src.length + 1);
        const text = src.slice(0, i) + insert + src.slice(i + len);
        const r = validateJobText(text, { baseDir: ".", env: {} });
        expect(r.diagnostics.filter((d) => d.code.startsWith("internal/"))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
