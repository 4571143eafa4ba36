// Nomad users write single-dash long options (`-var`, `-check-index`, `-address`); commander
// only knows `--long`. Rewrite them before parsing so both spellings work.

/** `-var=x` → `--var=x`, `-check-index` → `--check-index`; `-v`, `-`, `--x` and values after `--` untouched. */
export function normalizeArgv(args: readonly string[]): string[] {
  const out: string[] = [];
  let passthrough = false;
  for (const arg of args) {
    if (passthrough) {
      out.push(arg);
      continue;
    }
    if (arg === "--") passthrough = true;
    out.push(/^-[A-Za-z][A-Za-z0-9-]+(=.*)?$/s.test(arg) ? `-${arg}` : arg);
  }
  return out;
}
