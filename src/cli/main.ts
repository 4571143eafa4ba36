// The `caravan` command line: a thin adapter. Each command's module is imported only when that
// command runs, so a cold start loads no more than it needs.
import { Command, CommanderError } from "commander";
import { normalizeArgv } from "./argv.js";
import { registerCommands } from "./registry.js";

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("caravan")
    .description("Parse, validate, format, plan and run Nomad-style HCL job files.")
    .version(VERSION, "--version")
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const result = { code: 0 };
  registerCommands(program, result);
  try {
    await program.parseAsync(normalizeArgv(argv), { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage mistakes exit 2, or 255 for `job plan` as in Nomad
      if (err.exitCode === 0) return 0;
      return argv[0] === "job" && argv[1] === "plan" ? 255 : 2;
    }
    throw err;
  }
  return result.code;
}

const VERSION = "0.1.0";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`caravan: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
