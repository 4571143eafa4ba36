// Task rules V50-V54, V59, V61-V65 (docs/jobspec.md §4 "Task").
import type { WorkloadIdentity } from "../../jobspec/types.js";
import { byName, duplicates, type Reporter, type Rule } from "./context.js";

const HOOKS = ["prestart", "poststart", "poststop"];
const VAULT_CHANGE_MODES = ["noop", "restart", "signal"];
const CSI_TYPES = ["node", "controller", "monolith"];

function identitySignal(r: Reporter, i: WorkloadIdentity): void {
  if (i.ChangeMode === "signal" && i.ChangeSignal === "") r.error("rule/identity", `Identity "${i.Name}" change_mode "signal" needs a change_signal`, i, "change_mode");
}

export const taskRules: Rule = (r) => {
  for (const g of r.job.TaskGroups) {
    for (const t of g.Tasks) {
      if (t.Name === "") r.report("rule/task-name", "Task name must not be empty", r.labelRange(t));
      else if (t.Name === "alloc" || /[/\\\0]/.test(t.Name))
        r.report("rule/task-name", `Invalid task name "${t.Name}": it may not be "alloc" or contain "/", "\\" or a null character`, r.labelRange(t));
      if (t.Driver === "") r.error("rule/task-driver", r.isSet(t, "driver") ? "Task driver must not be empty" : `Task "${t.Name}" is missing the required driver attribute`, t, r.isSet(t, "driver") ? "driver" : undefined);
      if (t.KillTimeout < 0) r.error("rule/task-kill-timeout", "kill_timeout must not be negative", t, "kill_timeout");
      if (t.ShutdownDelay < 0) r.error("rule/task-shutdown-delay", "shutdown_delay must not be negative", t, "shutdown_delay");
      const res = t.Resources;
      if (res.CPU > 0 && res.Cores > 0) r.error("rule/resources-cpu-cores", "Set either cpu or cores, not both", res, "cores");
      if (res.Cores === 0 && res.CPU < 1) r.error("rule/resources-cpu", `cpu must be at least 1 MHz, not ${res.CPU}`, res, "cpu");
      if (res.MemoryMB < 10) r.error("rule/resources-memory", `memory must be at least 10 MB, not ${res.MemoryMB}`, res, "memory");
      if (res.MemoryMaxMB !== 0 && res.MemoryMaxMB !== -1 && res.MemoryMaxMB < res.MemoryMB)
        r.error("rule/resources-memory-max", `memory_max (${res.MemoryMaxMB} MB) must be 0, -1 or at least memory (${res.MemoryMB} MB)`, res, "memory_max");
      if (res.DiskMB !== null && res.DiskMB > 0)
        r.warn("rule/resources-disk", "disk on task resources is ignored (newer servers reject it); use the group's ephemeral_disk size", res, "disk");
      if (res.SecretsMB !== null && (res.SecretsMB < 0 || res.SecretsMB > res.MemoryMB))
        r.error("rule/resources-secrets", `secrets (${res.SecretsMB} MB) must be between 0 and memory (${res.MemoryMB} MB)`, res, "secrets");
      for (const d of res.Devices) if (d.Count < 1) r.error("rule/resources-device", `Device "${d.Name}" count must be at least 1`, d, "count");
      if (res.NUMA)
        for (const dev of res.NUMA.Devices)
          if (!res.Devices.some((d) => d.Name === dev)) r.error("rule/resources-numa", `numa device "${dev}" is not a requested device`, res, "numa");
      if (t.Lifecycle && !HOOKS.includes(t.Lifecycle.Hook))
        r.error("rule/lifecycle-hook", `Invalid lifecycle hook "${t.Lifecycle.Hook}"; expected "prestart", "poststart" or "poststop"`, t.Lifecycle, "hook");
      if (t.Vault) {
        if (!VAULT_CHANGE_MODES.includes(t.Vault.ChangeMode)) r.error("rule/vault-change-mode", `Invalid vault change_mode "${t.Vault.ChangeMode}"`, t.Vault, "change_mode");
        if (t.Vault.ChangeMode === "signal" && t.Vault.ChangeSignal === "") r.error("rule/vault-change-signal", 'vault change_mode "signal" needs a change_signal', t.Vault, "change_mode");
      }
      const c = t.CSIPluginConfig;
      if (c) {
        if (c.ID === "") r.error("rule/csi-plugin", "csi_plugin id must not be empty", c, "id");
        if (!CSI_TYPES.includes(c.Type)) r.error("rule/csi-plugin", `Invalid csi_plugin type "${c.Type}"`, c, "type");
        const mount = c.MountDir.replace(/\/+$/, "");
        if (mount !== "" && (c.StagePublishBaseDir === mount || c.StagePublishBaseDir.startsWith(mount + "/")))
          r.error("rule/csi-plugin", `stage_publish_base_dir "${c.StagePublishBaseDir}" must not be inside mount_dir "${c.MountDir}"`, c, "stage_publish_base_dir");
      }
      // the identity and the others, as one list only when there are others (most tasks have none)
      if (t.Identities.length > 0) {
        const ids = t.Identity === null ? t.Identities : [t.Identity, ...t.Identities];
        for (const i of duplicates(ids, byName)) r.error("rule/identity", `Duplicate identity "${i.Name}"`, i, "name");
      }
      if (t.Identity !== null) identitySignal(r, t.Identity);
      for (const i of t.Identities) identitySignal(r, i);
      for (const s of duplicates(t.Secrets, byName)) r.report("rule/secret", `Duplicate secret "${s.Name}"`, r.labelRange(s));
      for (const s of t.Secrets) if (s.Provider === "vault" && !t.Vault) r.error("rule/secret", `Secret "${s.Name}" uses the vault provider but the task has no vault block`, s, "provider");
      for (const a of t.Actions) if (a.Command === "") r.error("rule/action", `Action "${a.Name}" needs a command`, a);
      for (const a of duplicates(t.Actions, byName)) r.report("rule/action", `Duplicate action "${a.Name}"`, r.labelRange(a));
      if (t.Kind.startsWith("connect-proxy:")) {
        const svc = t.Kind.slice("connect-proxy:".length);
        if (t.Services.length > 0) r.error("rule/connect-proxy", "Connect proxy tasks may not have services", t, "service");
        if (t.Leader) r.error("rule/connect-proxy", "Connect proxy tasks may not be the leader", t, "leader");
        if (!g.Services.some((s) => s.Name === svc && s.Connect && "SidecarService" in s.Connect))
          r.error("rule/connect-proxy", `Connect proxy task "${t.Name}" has no matching group service "${svc}" with a sidecar_service`, t, "kind");
      }
    }
  }
};
