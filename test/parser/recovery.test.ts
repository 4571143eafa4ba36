// Error recovery: several mistakes in one file each get one diagnostic, in plain words, at the
// right place; the rest of the file still parses.
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";

const show = (text: string) =>
  parse(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.message}`);

describe("error recovery", () => {
  it("reports every independent mistake once and keeps the rest of the tree", () => {
    const text = [
      'job "web" {',
      "  datacenters = [\"dc1\"",
      '  group "g" {',
      "    count = ",
      '    task "t" {',
      '      driver = "raw_exec" "extra"',
      "      config {",
      '        command = "/bin/true"',
      "      }",
      "    }",
      "  }",
      "}",
      "",
    ].join("\n");
    const { tree, diagnostics } = parse(text);
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.detail}`)).toEqual([
      "3:3 Missing item separator",
      "4:13 Invalid expression",
      "6:27 Missing newline after argument",
    ]);
    const job = tree.body.items[0]!;
    expect(job.kind).toBe("Block");
  });

  it("drops the half-built lists of a broken item (nothing of it leaks into the next list)", () => {
    // the parser builds every list on one shared stack: a tuple, call and labels left unfinished
    // by an error must not end up among the items of the body or list built after them
    const text = ['a = [1, f(2, [3', 'b "x" {', '  c = [4, 5 6]', '  d = [7]', '}', 'e = 8', ""].join("\n");
    const { tree } = parse(text);
    const names = (items: typeof tree.body.items) => items.map((i) => (i.kind === "Attribute" ? i.name : `${i.type}[${i.labels.map((l) => l.value)}]`));
    expect(names(tree.body.items)).toEqual(["b[x]", "e"]);
    const b = tree.body.items[0]!;
    if (b.kind !== "Block") throw new Error("expected block b");
    expect(names(b.body.items)).toEqual(["d"]);
    const d = b.body.items[0]!;
    expect(d.kind === "Attribute" && d.expr.kind === "Tuple" && d.expr.items.length).toBe(1);
  });

  it("names what was expected, not token names", () => {
    expect(show('task "x"\n')).toEqual(["1:9-2:1 expected `{` after the labels of block `task`, on the same line"]);
    expect(show("task\n")).toEqual(["1:1-1:5 expected `=` or `{` after `task`: an argument needs a value, a block needs a body, on the same line"]);
    expect(show("a = 1 2\n")).toEqual(["1:7-1:8 expected a newline after the value of `a`, found the number 2"]);
    expect(show("a = 1,\n")).toEqual(["1:6-1:7 unexpected `,` after the argument: put each argument on its own line"]);
    expect(show("a = )\n")).toEqual(["1:5-1:6 expected the start of an expression, found `)`"]);
    expect(show('a = f(1 2)\n')).toEqual(["1:9-1:10 expected `,` or `)` after an argument of `f`, found the number 2"]);
    expect(show("a = c ? 1\n")).toEqual(["1:10-2:1 expected `:` and the value to use when the condition is false, found a newline"]);
    expect(show("a = [for x in y: x => x]\n")).toEqual(["1:20-1:22 a key expression (`=>`) is not valid when building a list; use `{ for ... }` to build an object"]);
    expect(show('a = "${b c}"\n')).toEqual(["1:10-1:11 expected `}` to end the interpolation, found `c`; to write a literal `${`, escape it as `$${`"]);
    expect(show('a = "%{ else }"\n')).toEqual(["1:6-1:8 `%{ else }` without an `if` directive before it"]);
    expect(show('a = "%{ if x }y"\n')).toEqual(["1:6-1:8 the `if` directive at 1:6 has no matching `%{ endif }`"]);
    expect(show('a = "%{ iff x }"\n')).toEqual(["1:9-1:12 `iff` is not a template directive; expected `if`"]);
  });

  it("a missing closing brace is reported at the block it leaves open", () => {
    expect(show('job "x" {\n  group "g" {\n    count = 1\n}\n')).toEqual(["1:9-1:10 the block `job` has no closing `}` before the end of the file"]);
  });

  it("a missing opening brace does not swallow the enclosing block", () => {
    const d = show('job "x" {\n  group "g"\n    count = 1\n  }\n  meta = {}\n}\n');
    expect(d[0]).toBe("2:12-3:1 expected `{` after the labels of block `group`, on the same line");
  });

  it("a broken multi-line object is skipped as a whole", () => {
    const d = show("a = {\n  x = 1 +\n  y = 2\n}\nb = 3\n");
    expect(d).toEqual(["2:10-3:1 expected an expression before the end of the line"]);
    expect(parse("a = {\n  x = 1 +\n  y = 2\n}\nb = 3\n").tree.body.items.map((i) => i.kind === "Attribute" && i.name)).toEqual(["b"]);
  });

  it("reports lexical errors with Go hcl's summaries", () => {
    expect(parse("a = 'x'\n").diagnostics[0]!.detail).toBe('Single quotes are not valid. Use double quotes (") to enclose strings.');
    expect(parse("a = 1 & 2\n").diagnostics[0]!.message).toBe("Unsupported operator");
    expect(parse('a = "abc\nb = 1\n').diagnostics.map((d) => d.message)).toEqual(["Invalid multi-line string"]);
    expect(parse('a = "\\q"\n').diagnostics.map((d) => d.message)).toEqual(['The symbol "q" is not a valid escape sequence selector.']);
    expect(parse("/* open\na = 1\n").diagnostics.map((d) => d.message)).toEqual(["Unterminated comment"]);
  });

  it("duplicate attributes point at the second and relate the first", () => {
    const d = parse("a = 1\na = 2\n").diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe("Attribute redefined");
    expect(d[0]!.range.start.line).toBe(2);
    expect(d[0]!.related![0]!.range.start.line).toBe(1);
  });

  it("never throws on stray closers at top level", () => {
    expect(show("}\n)\n]\na = 1\n")).toEqual(["1:1-1:2 expected an argument or block definition, found `}`"]);
  });
});
