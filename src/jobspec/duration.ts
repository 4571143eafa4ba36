// Go `time.ParseDuration` (docs/jobspec.md §3): "30s", "1h30m", "1.5h", "-2m", "0"; a number is
// taken as nanoseconds. Results are nanoseconds.
const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "µs": 1e3,
  "μs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** The units in the order they are tried at a position ("ms" before "m" and "s"). */
const UNIT_NAMES = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"];

export type DurationResult = { ok: true; ns: number } | { ok: false; message: string };

export function parseDuration(input: unknown): DurationResult {
  if (typeof input === "number") return Number.isFinite(input) ? { ok: true, ns: Math.trunc(input) } : bad(String(input));
  if (input === null || input === undefined) return { ok: false, message: "Unsuitable duration value: nil" };
  if (typeof input !== "string") return { ok: false, message: `Unsuitable duration value: ${JSON.stringify(input)}` };
  let s = input;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s[0] === "-" ? -1 : 1;
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, ns: 0 };
  if (s === "") return bad(input);
  // parts: a number (digits, then an optional fraction) and its unit; scanned by hand, as a
  // regexp made a match list per part
  let total = 0;
  let at = 0;
  while (at < s.length) {
    const start = at;
    at = digitsEnd(s, at);
    if (s[at] === ".") at = digitsEnd(s, at + 1);
    const num = s.slice(start, at);
    const unit = unitAt(s, at);
    if (num === "" || num === "." || unit === undefined) return bad(input);
    total += Number(num) * UNITS[unit]!;
    at += unit.length;
  }
  return { ok: true, ns: sign * Math.round(total) };
}

function unitAt(s: string, at: number): string | undefined {
  for (const u of UNIT_NAMES) if (s.startsWith(u, at)) return u;
  return undefined;
}

function digitsEnd(s: string, at: number): number {
  while (at < s.length && s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57) at++;
  return at;
}

function bad(input: string): DurationResult {
  const missingUnit = /^[-+]?[0-9.]+$/.test(input);
  return { ok: false, message: `time: ${missingUnit ? "missing unit in" : "invalid"} duration "${input}"` };
}

/** Shortest Go-style rendering: 90e9 → "1m30s", 0 → "0s". */
export function formatDuration(ns: number): string {
  if (ns === 0) return "0s";
  const neg = ns < 0;
  let rest = Math.abs(ns);
  let out = "";
  if (rest < 1e9) {
    for (const [u, f] of [["ms", 1e6], ["us", 1e3], ["ns", 1]] as const)
      if (rest >= f) return (neg ? "-" : "") + `${rest / f}${u}`;
  }
  const h = Math.floor(rest / 3600e9);
  rest -= h * 3600e9;
  const m = Math.floor(rest / 60e9);
  rest -= m * 60e9;
  if (h) out += `${h}h`;
  if (h || m) out += `${m}m`;
  out += `${rest / 1e9}s`;
  return (neg ? "-" : "") + out;
}
