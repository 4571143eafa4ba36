// format(text, options): edits with exact ranges, range formatting, tabs, syntax errors, BOM, CRLF.
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/index.js";

describe("format()", () => {
  it("returns the edits that turn the input into the output, with line/column ranges", () => {
    const result = format('job "x" {\n    a=1\n  bb  = 2\n}\n');
    expect(result.text).toBe('job "x" {\n  a  = 1\n  bb = 2\n}\n');
    expect(result.changed).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.edits).toEqual([
      { range: { start: { offset: 10, line: 2, column: 1 }, end: { offset: 14, line: 2, column: 5 } }, newText: "  " },
      { range: { start: { offset: 15, line: 2, column: 6 }, end: { offset: 15, line: 2, column: 6 } }, newText: "  " },
      { range: { start: { offset: 16, line: 2, column: 7 }, end: { offset: 16, line: 2, column: 7 } }, newText: " " },
      { range: { start: { offset: 22, line: 3, column: 5 }, end: { offset: 24, line: 3, column: 7 } }, newText: " " },
    ]);
  });

  it("formats only inside a range when asked", () => {
    const text = "a=1\nb=2\nc=3\n";
    const result = format(text, { range: { start: 4, end: 7 } });
    expect(result.text).toBe("a=1\nb = 2\nc=3\n");
    expect(result.edits.map((e) => e.range.start.offset)).toEqual([5, 6]);
  });

  it("indents with tabs and a custom width", () => {
    const text = "a {\nb {\nc = 1\n}\n}\n";
    expect(format(text, { useTabs: true }).text).toBe("a {\n\tb {\n\t\tc = 1\n\t}\n}\n");
    expect(format(text, { indentWidth: 4 }).text).toBe("a {\n    b {\n        c = 1\n    }\n}\n");
  });

  it("leaves top-level items with syntax errors as written and formats the rest", () => {
    const text = 'a=1\njob "x" {\n    b = \n}\nc   =   2\n';
    const result = format(text);
    expect(result.diagnostics.map((d) => [d.range.start.line, d.severity])).toEqual([[3, "error"]]);
    expect(result.text).toBe('a = 1\njob "x" {\n    b = \n}\nc = 2\n');
  });

  it("keeps a leading byte-order mark (hclwrite drops it; the formatter only changes whitespace)", () => {
    expect(format("\ufeff  a=1\n").text).toBe("\ufeffa = 1\n");
  });

  it("keeps CRLF line endings and reports edits in CRLF text", () => {
    const result = format("a {\r\n    b=1\r\n}\r\n");
    expect(result.text).toBe("a {\r\n  b = 1\r\n}\r\n");
    expect(result.edits[0]!.range.start).toEqual({ offset: 5, line: 2, column: 1 });
  });

  it("keeps the whitespace at the end of a file and adds no final newline", () => {
    expect(format("a=1\n\t\n  ").text).toBe("a = 1\n\n  ");
    expect(format("a=1\n \t").text).toBe("a = 1\n  "); // tabs become spaces, as in hclwrite
    expect(format("a=1").text).toBe("a = 1");
  });

  it("aligns using grapheme clusters, as hclwrite does", () => {
    expect(format("ünï = 1\nab = 2\ne\u0301 = 3\n").text).toBe("ünï = 1\nab  = 2\ne\u0301   = 3\n");
  });

  it("reports unchanged text with no edits", () => {
    expect(format("a = 1\n")).toEqual({ text: "a = 1\n", edits: [], diagnostics: [], changed: false });
    expect(format("")).toEqual({ text: "", edits: [], diagnostics: [], changed: false });
  });
});
