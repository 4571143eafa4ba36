// The structure stage's instance: one class of objects per block schema, unset properties undefined.
import { describe, expect, it } from "vitest";
import { literalEvaluator } from "../../src/jobspec/evaluator.js";
import { jobspecSchema } from "../../src/jobspec/schema.js";
import { parse } from "../../src/parser/parse.js";
import { readJobFile } from "../../src/validate/structure.js";

const read = (text: string) => {
  const { tree } = parse(text);
  return readJobFile(tree, literalEvaluator(tree)).instance;
};

describe("structure stage instance", () => {
  it("holds what was set; every other property of the block's schema is undefined", () => {
    const instance = read('job "j" {\n  group "a" {\n    count = 2\n    task "t" { driver = "exec" }\n  }\n  group "b" {}\n}\n');
    expect(JSON.parse(JSON.stringify(instance))).toEqual({ job: { group: [{ count: 2, task: [{ driver: "exec" }] }, {}] } });
    const groups = (instance.job as { group: Record<string, unknown>[] }).group;
    expect(Object.keys(groups[1]!)).toEqual(Object.keys(jobspecSchema.definitions.group!.properties));
    expect(groups[1]!.count).toBeUndefined();
    expect(Object.getPrototypeOf(Object.getPrototypeOf(groups[0]!))).toBeNull();
  });
});
