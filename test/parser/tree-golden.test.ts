// Golden dumps of the syntax tree for tricky inputs. Regenerate with UPDATE_GOLDENS=1.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpTree } from "../../src/parser/dump.js";
import { parse } from "../../src/parser/parse.js";
import { treeText } from "../../src/parser/text.js";

const dir = resolve(import.meta.dirname, "../goldens/parser");
const inputs = readdirSync(dir).filter((f) => f.endsWith(".hcl"));

describe("syntax tree goldens", () => {
  it.each(inputs)("%s", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    const { tree, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(treeText(tree)).toBe(text);
    const dump = dumpTree(tree.body);
    const golden = join(dir, name.replace(/\.hcl$/, ".tree"));
    if (process.env.UPDATE_GOLDENS) writeFileSync(golden, dump);
    expect(dump).toBe(readFileSync(golden, "utf8"));
  });
});
