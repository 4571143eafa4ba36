// Warnings for legal but suspect jobs: count = 0, raw_exec without resources, deprecated fields.
import type { Rule } from "./context.js";

// objects, not [field, use] pairs: destructuring a pair goes through the iterator protocol
const DEPRECATED_GROUP_FIELDS = [
  { field: "stop_after_client_disconnect", use: "disconnect { stop_on_client_after }" },
  { field: "max_client_disconnect", use: "disconnect { lost_after }" },
  { field: "prevent_reschedule_on_lost", use: "disconnect { replace }" },
] as const;
const LEGACY_JOB_FIELDS = ["consul_token", "vault_token"];

export const warningRules: Rule = (r) => {
  const j = r.job;
  for (const g of j.TaskGroups) {
    if (g.Count === 0 && r.isSet(g, "count")) r.warn("rule/count-zero", `Group "${g.Name}" has count = 0 and will not run`, g, "count");
    for (const d of DEPRECATED_GROUP_FIELDS) if (r.isSet(g, d.field)) r.warn("rule/deprecated", `${d.field} is deprecated; use ${d.use}`, g, d.field);
    for (const t of g.Tasks) {
      if (t.Driver === "raw_exec" && !r.isSet(t, "resources"))
        r.warn("rule/raw-exec-resources", `raw_exec task "${t.Name}" has no resources block; it runs unisolated with the default 100 MHz / 300 MB reservation`, t, "driver");
      if (t.Lifecycle?.Hook === "poststop" && t.Lifecycle.Sidecar) r.warn("rule/lifecycle-sidecar", "sidecar has no effect on a poststop task", t.Lifecycle, "sidecar");
      for (const tp of t.Templates) if (r.isSet(tp, "vault_grace")) r.warn("rule/deprecated", "vault_grace is deprecated and ignored", tp, "vault_grace");
      if (r.isSet(t.Resources, "iops")) r.warn("rule/deprecated", "iops is deprecated and ignored", t.Resources, "iops");
    }
  }
  for (const f of LEGACY_JOB_FIELDS)
    if (r.isSet(j, f)) r.warn("rule/deprecated", `${f} is a legacy field removed from the job API; pass tokens when submitting instead`, j, f);
};
