// Command definitions. Options are declared here (so `--help` needs no command module);
// each action imports its implementation lazily.
import { Command, Option } from "commander";

export interface ExitCode {
  code: number;
}

/** Collect repeatable options (`--var a=1 --var b=2`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerCommands(program: Command, result: ExitCode): void {
  program
    .command("hcl2json")
    .description("Print an HCL file as JSON (the shape of @cdktf/hcl2json). Exit 1 on syntax errors.")
    .argument("<file>", "HCL file, or - for standard input")
    .action(async (file: string) => {
      const { runHcl2json } = await import("./commands/hcl2json.js");
      result.code = await runHcl2json(file);
    });

  program
    .command("fmt")
    .description("Rewrite HCL files (*.hcl, *.nomad; folders recursively) in the canonical layout of `nomad fmt`.")
    .argument("[paths...]", "files or folders (default: the current folder), or - to format standard input to standard output")
    .option("--check", "do not write; list the files that would change and exit 1 if any")
    .option("--diff", "print a unified diff of the changes")
    .option("--no-list", "do not print the names of changed files")
    .addHelpText(
      "after",
      "\nExit codes:\n  0  every file already formatted, or rewritten\n  1  --check found files to change, or a file has syntax errors (left unchanged)\n  2  a path could not be read or written",
    )
    .action(async (paths: string[], opts: { check?: boolean; diff?: boolean; list?: boolean }) => {
      const { runFmt } = await import("./commands/fmt.js");
      result.code = await runFmt(paths, opts);
    });

  const job = program.command("job").description("Work with job files.");
  void job;
  void Option;
}
