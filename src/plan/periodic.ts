// Next launch of a periodic job (cron specs, `@daily` style shorthands).
import { CronExpressionParser } from "cron-parser";
import type { PeriodicConfig } from "../jobspec/types.js";

/** Epoch ms of the earliest next launch over all specs, or null when none parses. */
export function nextPeriodicLaunch(p: PeriodicConfig, now: number): number | null {
  const specs = p.Specs?.length ? p.Specs : p.Spec ? [p.Spec] : [];
  let best: number | null = null;
  for (const spec of specs) {
    try {
      const it = CronExpressionParser.parse(spec, { currentDate: new Date(now), tz: p.TimeZone || "UTC" });
      const t = it.next().getTime();
      if (best === null || t < best) best = t;
    } catch {
      // validation reports bad specs; the plan just omits the line
    }
  }
  return best;
}

/** Go's `time.Duration.String()` for a whole number of seconds: `1h2m3s`, `5m0s`, `30s`. */
export function goDuration(ms: number): string {
  let s = Math.round(ms / 1000);
  if (s === 0) return "0s";
  const neg = s < 0;
  s = Math.abs(s);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const out = h > 0 ? `${h}h${m}m${sec}s` : m > 0 ? `${m}m${sec}s` : `${sec}s`;
  return neg ? `-${out}` : out;
}
