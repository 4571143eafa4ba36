// Prettier plugin (`caravan/prettier`): formats .hcl and .nomad files with caravan's formatter,
// so the output is exactly `caravan fmt`'s (and `nomad fmt`'s). Honours `useTabs`, `tabWidth`
// (indentation width; hclwrite's is 2, Prettier's default) and `// prettier-ignore`.
import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import { formatTree } from "../format/format.js";
import { parse } from "../parser/parse.js";
import { ignoredRanges } from "./ignore.js";

/** The whole file is one node: the printer prints the formatted text computed at parse time. */
interface HclFile {
  type: "hcl-file";
  text: string;
  start: number;
  end: number;
}

interface HclOptions {
  useTabs?: boolean;
  tabWidth?: number;
}

export const languages: SupportLanguage[] = [
  {
    name: "HCL",
    parsers: ["caravan-hcl"],
    extensions: [".hcl", ".nomad"],
    vscodeLanguageIds: ["hcl", "nomad"],
  },
];

/** A syntax error in Prettier's shape (it prints the location with a code frame). */
class HclSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } },
  ) {
    super(message);
  }
}

const parser: Parser<HclFile> = {
  astFormat: "caravan-hcl",
  parse(text: string, options: HclOptions): HclFile {
    const { tree, diagnostics } = parse(text);
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      const d = errors[0]!;
      const loc = { start: { line: d.range.start.line, column: d.range.start.column }, end: { line: d.range.end.line, column: d.range.end.column } };
      throw new HclSyntaxError(`${d.message}${d.detail ? `: ${d.detail}` : ""} (${d.range.start.line}:${d.range.start.column})`, loc);
    }
    const result = formatTree(tree, diagnostics, {
      useTabs: options.useTabs ?? false,
      indentWidth: options.tabWidth ?? 2,
      preserve: ignoredRanges(tree),
    });
    return { type: "hcl-file", text: result.text, start: 0, end: text.length };
  },
  locStart: (node) => node.start,
  locEnd: (node) => node.end,
};

const printer: Printer<HclFile> = {
  print: (path) => path.node.text,
};

export const parsers = { "caravan-hcl": parser };
export const printers = { "caravan-hcl": printer };

const plugin: Plugin<HclFile> = { languages, parsers, printers };
export default plugin;
