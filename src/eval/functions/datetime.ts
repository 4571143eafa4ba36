// Date/time functions: formatdate and timeadd (cty stdlib datetime.go; hcl-syntax.md §5.6).
// Times are RFC 3339 with a fixed offset; nanoseconds are kept as BigInt so durations stay exact.
import type { FunctionDef } from "../function.js";
import { STRING } from "../types.js";
import { str } from "../value.js";
import { FunctionError, S, def, p } from "./define.js";

export interface Timestamp {
  /** Nanoseconds since the Unix epoch (UTC). */
  ns: bigint;
  /** Offset from UTC in minutes. */
  offset: number;
  utc: boolean;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parseTimestamp(s: string, arg: number): Timestamp {
  const m = RFC3339.exec(s);
  if (!m) throw new FunctionError(`not a valid RFC3339 timestamp: cannot use ${JSON.stringify(s)} as year`, arg);
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 23 || mi > 59 || se > 59)
    throw new FunctionError(`not a valid RFC3339 timestamp: value out of range`, arg);
  const frac = m[7] ? BigInt((m[7].slice(1) + "000000000").slice(0, 9)) : 0n;
  const zone = m[8]!;
  const offset = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, se, 0);
  const localMs = BigInt(date.getTime());
  return { ns: (localMs - BigInt(offset) * 60000n) * 1000000n + frac, offset, utc: zone === "Z" };
}

/** Go's time.ParseDuration, in nanoseconds. */
export function parseDuration(s: string): bigint {
  const bad = () => new FunctionError(`time: invalid duration ${JSON.stringify(s)}`, 1);
  let rest = s;
  let neg = false;
  if (rest[0] === "-" || rest[0] === "+") {
    neg = rest[0] === "-";
    rest = rest.slice(1);
  }
  if (rest === "0") return 0n;
  if (rest === "") throw bad();
  const units: Record<string, bigint> = { ns: 1n, us: 1000n, "µs": 1000n, "μs": 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };
  let total = 0n;
  const re = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/u;
  while (rest) {
    const m = re.exec(rest);
    if (!m || (m[1] === "" && (m[2] === undefined || m[2] === ""))) {
      if (/^[\d.]+$/.test(rest)) throw new FunctionError(`time: missing unit in duration ${JSON.stringify(s)}`, 1);
      if (/^[\d.]+[a-zA-Zµμ]+/u.test(rest)) throw new FunctionError(`time: unknown unit ${JSON.stringify(rest.replace(/^[\d.]+/, "").replace(/[\d.].*$/, ""))} in duration ${JSON.stringify(s)}`, 1);
      throw bad();
    }
    const unit = units[m[3]!]!;
    total += BigInt(m[1] || "0") * unit;
    if (m[2]) total += (BigInt(m[2]) * unit) / 10n ** BigInt(m[2].length);
    rest = rest.slice(m[0].length);
  }
  return neg ? -total : total;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

function fields(t: Timestamp): Fields {
  const ms = Number((t.ns - (((t.ns % 1000000n) + 1000000n) % 1000000n)) / 1000000n) + t.offset * 60000;
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const offsetText = (t: Timestamp, colon: boolean) => {
  const sign = t.offset < 0 ? "-" : "+";
  const a = Math.abs(t.offset);
  return sign + pad2(Math.floor(a / 60)) + (colon ? ":" : "") + pad2(a % 60);
};

/** Go's time.RFC3339 layout (no fractional seconds). */
export function formatRFC3339(t: Timestamp): string {
  const f = fields(t);
  const zone = t.offset === 0 ? "Z" : offsetText(t, true);
  return `${String(f.year).padStart(4, "0")}-${pad2(f.month)}-${pad2(f.day)}T${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}${zone}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function formatDate(format: string, t: Timestamp): string {
  const f = fields(t);
  let out = "";
  const chars = [...format];
  for (let i = 0; i < chars.length; ) {
    const c = chars[i]!;
    if (c === "'") {
      // Quoted literal; '' is a literal quote.
      if (chars[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = "";
      for (;;) {
        if (j >= chars.length) throw new FunctionError("unterminated literal '", 0);
        if (chars[j] === "'") {
          if (chars[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += chars[j++];
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && chars[j] === c) j++;
    const tok = chars.slice(i, j).join("");
    i = j;
    const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    const table: Record<string, () => string> = {
      YYYY: () => String(f.year).padStart(4, "0"),
      YY: () => pad2(f.year % 100),
      MMMM: () => MONTHS[f.month - 1]!,
      MMM: () => MONTHS[f.month - 1]!.slice(0, 3),
      MM: () => pad2(f.month),
      M: () => String(f.month),
      DD: () => pad2(f.day),
      D: () => String(f.day),
      EEEE: () => DAYS[f.weekday]!,
      EEE: () => DAYS[f.weekday]!.slice(0, 3),
      hh: () => pad2(f.hour),
      h: () => String(f.hour),
      HH: () => pad2(h12),
      H: () => String(h12),
      AA: () => (f.hour < 12 ? "AM" : "PM"),
      aa: () => (f.hour < 12 ? "am" : "pm"),
      mm: () => pad2(f.minute),
      m: () => String(f.minute),
      ss: () => pad2(f.second),
      s: () => String(f.second),
      ZZZZZ: () => offsetText(t, true),
      ZZZZ: () => offsetText(t, false),
      ZZZ: () => (t.offset === 0 ? "UTC" : offsetText(t, false)),
      Z: () => (t.offset === 0 ? "Z" : offsetText(t, true)),
    };
    const fn = table[tok];
    if (!fn) throw new FunctionError(`invalid date format verb ${JSON.stringify(tok)}: unsupported`, 0);
    out += fn();
  }
  return out;
}

export function datetimeFunctions(): Record<string, FunctionDef> {
  return {
    formatdate: def([p("format", STRING), p("time", STRING)], ([f, t]) => str(formatDate(S(f!), parseTimestamp(S(t!), 1)))),
    timeadd: def([p("timestamp", STRING), p("duration", STRING)], ([t, d]) => {
      const ts = parseTimestamp(S(t!), 0);
      return str(formatRFC3339({ ...ts, ns: ts.ns + parseDuration(S(d!)) }));
    }),
  };
}
