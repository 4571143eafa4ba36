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

  const job = program.command("job").description("Work with job files.");
  void job;
  void Option;
}
