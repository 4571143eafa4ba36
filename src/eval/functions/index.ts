// Nomad's job-file function table (jobspec2/functions.go): the complete list of hcl-syntax.md §5.
import type { FunctionDef, FunctionTable } from "../function.js";
import { collectionFunctions } from "./collection.js";
import { cryptoFunctions } from "./crypto.js";
import { datetimeFunctions } from "./datetime.js";
import { encodingFunctions } from "./encoding.js";
import { filesystemFunctions } from "./filesystem.js";
import { networkFunctions } from "./network.js";
import { numericFunctions } from "./numeric.js";
import { stringFunctions } from "./string.js";
import { typeFunctions } from "./types.js";

export interface FunctionOptions {
  /** Directory relative paths are resolved against (the job file's directory; `.` for stdin). */
  baseDir: string;
  /** Filesystem functions enabled (the CLI enables them; Nomad's HTTP parse API does not). */
  allowFS?: boolean;
  /** FIPS mode: `md5` and `sha1` are absent. */
  fips?: boolean;
}

const cache = new Map<string, FunctionTable>();

let last: { baseDir: string; allowFS: boolean; fips: boolean; table: FunctionTable } | undefined;

/** The function table for these options; built once per options and shared (tables are read-only). */
export function createFunctions(opts: FunctionOptions): FunctionTable {
  const allowFS = opts.allowFS ?? true;
  const fips = opts.fips ?? false;
  // the same options as last time (one job after another from one folder) need no key string
  if (last && last.baseDir === opts.baseDir && last.allowFS === allowFS && last.fips === fips) return last.table;
  const key = `${opts.baseDir}\0${allowFS}\0${fips}`;
  let table = cache.get(key);
  if (!table) cache.set(key, (table = buildFunctions(opts)));
  last = { baseDir: opts.baseDir, allowFS, fips, table };
  return table;
}

function buildFunctions(opts: FunctionOptions): FunctionTable {
  const all: Record<string, FunctionDef> = {
    ...stringFunctions(),
    ...numericFunctions(),
    ...collectionFunctions(),
    ...encodingFunctions(),
    ...filesystemFunctions(opts.baseDir, opts.allowFS ?? true),
    ...datetimeFunctions(),
    ...cryptoFunctions(opts.fips ?? false),
    ...networkFunctions(),
    ...typeFunctions(),
  };
  return new Map(Object.entries(all));
}
