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

  job
    .command("validate")
    .description("Check job files (*.hcl, *.nomad; folders recursively) against the job specification.")
    .argument("[paths...]", "files or folders (default: the current folder), or - for standard input")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "sarif", "github"]).default("text"))
    .option("--strict", "treat warnings as errors")
    .option("--var <name=value>", "set a variable (repeatable)", collect)
    .option("--var-file <file>", "read variables from an HCL file (repeatable)", collect)
    .addHelpText("after", "\nExit codes:\n  0  no errors (warnings allowed unless --strict)\n  1  errors found\n  2  usage error or unreadable file")
    .action(async (paths: string[], opts: { format: "text" | "json" | "sarif" | "github"; strict?: boolean; var?: string[]; varFile?: string[] }) => {
      const { runValidate } = await import("./commands/validate.js");
      result.code = await runValidate(paths, opts);
    });

  job
    .command("inspect")
    .description('Print a job file as {"Job": {...}} in the Nomad HTTP API shape, with defaults applied.')
    .argument("<file>", "job file, or - for standard input")
    .option("--var <name=value>", "set a variable (repeatable)", collect)
    .option("--var-file <file>", "read variables from an HCL file (repeatable)", collect)
    .action(async (file: string, opts: { var?: string[]; varFile?: string[] }) => {
      const { runInspect } = await import("./commands/inspect.js");
      result.code = await runInspect(file, opts);
    });

  job
    .command("run")
    .description("Submit a job file. This build has no embedded runtime yet: only `--output` (the API JSON) is available.")
    .argument("<file>", "job file, or - for standard input")
    .option("--output", 'print the job as {"Job": {...}} instead of submitting it (same as `job inspect`)')
    .option("--check-index <index>", "submit only if the job's modify index matches (from `job plan`)")
    .option("--var <name=value>", "set a variable (repeatable)", collect)
    .option("--var-file <file>", "read variables from an HCL file (repeatable)", collect)
    .action(async (file: string, opts: { output?: boolean; var?: string[]; varFile?: string[] }) => {
      if (!opts.output) {
        process.stderr.write("caravan: job run: the embedded runtime is not part of this build yet.\nUse `caravan job plan FILE` for a dry run, or `caravan job run -output FILE` for the API JSON.\n");
        result.code = 2;
        return;
      }
      const { runInspect } = await import("./commands/inspect.js");
      result.code = await runInspect(file, opts);
    });

  job
    .command("plan")
    .description("Show what running a job file would change: the job diff and a scheduler dry run.")
    .argument("<file>", "job file, or - for standard input")
    .option("--var <name=value>", "set a variable (repeatable)", collect)
    .option("--var-file <file>", "read variables from an HCL file (repeatable)", collect)
    .option("--cluster <file>", "plan against the nodes of a cluster file (default: this machine, fingerprinted)")
    .option("--address <url>", "agent to compare against (default: $CARAVAN_ADDR; none = empty state)")
    .option("--verbose", "expand added and deleted objects; show per-node scores")
    .option("--json", "print the plan as JSON")
    .option("--html <out.html>", "also write a self-contained page drawing the nodes and the planned allocations")
    .option("--seed <seed>", "seed for node shuffling (default: the job ID)")
    .option("--no-color", "disable colours")
    .addHelpText("after", "\nExit codes:\n  0    no allocations would be created or destroyed\n  1    allocations would be created or destroyed\n  255  error")
    .action(async (file: string, opts: import("./commands/plan.js").PlanCliOptions) => {
      const { runPlan } = await import("./commands/plan.js");
      result.code = await runPlan(file, opts);
    });

  void job;
  void Option;
}
