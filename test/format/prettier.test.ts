// The Prettier plugin through Prettier's own API gives exactly `caravan fmt`'s text.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/index.js";
import plugin from "../../src/prettier/plugin.js";
import { corpusFiles, readCorpus } from "../support/mutate.js";

const viaPrettier = (text: string, options: prettier.Options = {}): Promise<string> =>
  prettier.format(text, { parser: "caravan-hcl", plugins: [plugin], ...options });

describe("prettier plugin", () => {
  const files = corpusFiles().filter((f) => format(readCorpus(f)).diagnostics.length === 0);

  it.each(files)("%s: same text as caravan fmt", async (file) => {
    const text = readCorpus(file);
    expect(await viaPrettier(text)).toBe(format(text).text);
  });

  it("is chosen by file extension for .nomad and .hcl", async () => {
    const text = 'job "x" {\n    a=1\n  bbb = 2\n}\n';
    const want = 'job "x" {\n  a   = 1\n  bbb = 2\n}\n';
    expect(await prettier.format(text, { filepath: "jobs/x.nomad", plugins: [plugin] })).toBe(want);
    expect(await prettier.format(text, { filepath: "x.hcl", plugins: [plugin] })).toBe(want);
    const info = await prettier.getFileInfo("a/b.nomad", { plugins: [plugin] });
    expect(info.inferredParser).toBe("caravan-hcl");
  });

  it("keeps CRLF line endings with endOfLine auto", async () => {
    const text = 'job "x" {\r\n    a=1\r\n}\r\n';
    expect(await viaPrettier(text, { endOfLine: "auto" })).toBe('job "x" {\r\n  a = 1\r\n}\r\n');
  });

  it("honours tabWidth and useTabs for indentation; alignment stays spaces", async () => {
    const text = 'job "x" {\n  group "g" {\n  a=1\n  bbb = 2\n  }\n}\n';
    expect(await viaPrettier(text, { tabWidth: 4 })).toBe('job "x" {\n    group "g" {\n        a   = 1\n        bbb = 2\n    }\n}\n');
    expect(await viaPrettier(text, { useTabs: true })).toBe('job "x" {\n\tgroup "g" {\n\t\ta   = 1\n\t\tbbb = 2\n\t}\n}\n');
  });

  it("leaves the attribute or block after a prettier-ignore comment as written", async () => {
    const text = [
      'job "x" {',
      "    a=1",
      "  # prettier-ignore",
      "  matrix = [1,0,",
      "            0,1]",
      "  // prettier-ignore",
      '  group   "g"   {',
      "        keep  =  1",
      "  }",
      "   b=2",
      "}",
      "",
    ].join("\n");
    expect(await viaPrettier(text)).toBe(
      [
        'job "x" {',
        "  a = 1",
        "  # prettier-ignore",
        "  matrix = [1,0,",
        "            0,1]",
        "  // prettier-ignore",
        '  group   "g"   {',
        "        keep  =  1",
        "  }",
        "  b = 2",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("reports a syntax error with its location", async () => {
    await expect(viaPrettier('job "x" {\n  a = \n}\n')).rejects.toMatchObject({ loc: { start: { line: 2 } } });
  });
});
