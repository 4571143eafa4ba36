// Version constraints for the `version` (hashicorp/go-version, lenient) and `semver` (strict
// Semantic Versioning) operators.

export interface Version {
  segments: number[];
  pre: string;
}

const LENIENT =
  /^v?([0-9]+(?:\.[0-9]+)*?)(?:-([0-9]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*)|(?:-?([A-Za-z\-~]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*)))?(?:\+[0-9A-Za-z\-~]+(?:\.[0-9A-Za-z\-~]+)*)?$/;
const STRICT = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function parseVersion(text: string, strict: boolean): Version | undefined {
  const s = text.trim();
  if (strict) {
    const m = STRICT.exec(s);
    if (!m) return undefined;
    return { segments: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? "" };
  }
  const m = LENIENT.exec(s);
  if (!m) return undefined;
  const segments = m[1]!.split(".").map(Number);
  while (segments.length < 3) segments.push(0);
  return { segments, pre: m[2] ?? m[3] ?? "" };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return 1; // a release sorts after its prereleases
  if (b === "") return -1;
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      if (Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    } else if (nx !== ny) {
      return nx ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i] ?? 0;
    const y = b.segments[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return comparePre(a.pre, b.pre);
}

interface Clause {
  op: string;
  v: Version;
  /** Number of segments written (for `~>`). */
  written: number;
}

function parseConstraint(text: string, strict: boolean): Clause[] | undefined {
  const out: Clause[] = [];
  for (const part of text.split(",")) {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(part);
    if (!m) return undefined;
    const v = parseVersion(m[2]!, strict);
    if (!v) return undefined;
    const core = m[2]!.replace(/^v/, "").split(/[-+]/)[0]!;
    out.push({ op: m[1] ?? "=", v, written: core.split(".").length });
  }
  return out;
}

function sameCore(a: Version, b: Version): boolean {
  return compareVersions({ segments: a.segments, pre: "" }, { segments: b.segments, pre: "" }) === 0;
}

function clauseHolds(v: Version, c: Clause, strict: boolean): boolean {
  // go-version: ordering operators only match prereleases of the same core version when the
  // constraint names a prerelease, and never when it does not; semver applies that to = too.
  const preOk = c.v.pre !== "" ? v.pre === "" || sameCore(v, c.v) : v.pre === "";
  const cmp = compareVersions(v, c.v);
  switch (c.op) {
    case "=":
      return cmp === 0 && (!strict || preOk);
    case "!=":
      return cmp !== 0 && (!strict || preOk);
    case ">":
      return preOk && cmp > 0;
    case "<":
      return preOk && cmp < 0;
    case ">=":
      return preOk && cmp >= 0;
    case "<=":
      return preOk && cmp <= 0;
    case "~>": {
      if (!preOk || cmp < 0) return false;
      // ~> 1.2.3 means >= 1.2.3, < 1.3; ~> 1.2 means >= 1.2, < 2.0
      const keep = Math.max(1, c.written - 1);
      for (let i = 0; i < keep; i++) if ((v.segments[i] ?? 0) !== (c.v.segments[i] ?? 0)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** Does `version` satisfy the constraint list `constraint` (`">= 1.2, < 2.0"`)? */
export function versionSatisfies(version: string, constraint: string, strict: boolean): boolean {
  const v = parseVersion(version, strict);
  const clauses = parseConstraint(constraint, strict);
  if (!v || !clauses) return false;
  return clauses.every((c) => clauseHolds(v, c, strict));
}
