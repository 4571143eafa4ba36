// Volume and volume_mount rules V60, V66-V69 (docs/jobspec.md §4).
import type { Rule } from "./context.js";

const HOST_MODES = ["", "single-node-reader-only", "single-node-writer", "single-node-single-writer", "single-node-multi-writer"];
const PROPAGATION_MODES = ["", "private", "host-to-task", "bidirectional"];
const SELINUX_LABELS = ["", "z", "Z"];

export const volumeRules: Rule = (r) => {
  const j = r.job;
  for (const g of j.TaskGroups) {
    for (const v of Object.values(g.Volumes)) {
      if (v.Type === "") r.error("rule/volume-type", `Volume "${v.Name}" needs a type ("host" or "csi")`, v);
      if (v.Type !== "host" && v.Type !== "csi") continue; // the schema stage reported other values
      if (v.Source === "") r.error("rule/volume-source", `Volume "${v.Name}" needs a source`, v);
      if (v.PerAlloc) {
        if (j.Type === "system" || j.Type === "sysbatch") r.error("rule/volume-per-alloc", `per_alloc volumes are not allowed in ${j.Type} jobs`, v, "per_alloc");
        if (g.Update && g.Update.Canary > 0) r.error("rule/volume-per-alloc", "per_alloc volumes cannot be used with canary updates", v, "per_alloc");
        if (v.Sticky) r.error("rule/volume-per-alloc", "per_alloc volumes cannot be sticky", v, "sticky");
      }
      if (v.Type === "host") {
        if (v.MountOptions) r.error("rule/volume-host", "Host volumes cannot have mount_options", v, "mount_options");
        if (!HOST_MODES.includes(v.AccessMode)) r.error("rule/volume-host", `Host volumes do not support access_mode "${v.AccessMode}"`, v, "access_mode");
        if (v.AccessMode === "single-node-reader-only" && !v.ReadOnly) r.error("rule/volume-read-only", 'access_mode "single-node-reader-only" requires read_only = true', v, "access_mode");
      } else {
        if (v.AttachmentMode === "") r.error("rule/volume-csi", `CSI volume "${v.Name}" needs an attachment_mode`, v);
        if (v.AccessMode === "") r.error("rule/volume-csi", `CSI volume "${v.Name}" needs an access_mode`, v);
        if (v.AttachmentMode === "block-device" && v.MountOptions) r.error("rule/volume-csi", "block-device volumes cannot have mount_options", v, "mount_options");
        if (v.AccessMode.endsWith("-reader-only") && !v.ReadOnly) r.error("rule/volume-read-only", `access_mode "${v.AccessMode}" requires read_only = true`, v, "access_mode");
        if (g.Count > 1 && !v.PerAlloc && (v.AccessMode === "single-node-reader-only" || v.AccessMode === "single-node-writer" || (v.AccessMode === "multi-node-single-writer" && !v.ReadOnly)))
          r.error("rule/volume-per-alloc", `CSI volume "${v.Name}" with access_mode "${v.AccessMode}" and count ${g.Count} needs per_alloc = true`, v, "access_mode");
      }
    }
    for (const t of g.Tasks)
      for (const m of t.VolumeMounts) {
        if (m.Volume === "") r.error("rule/volume-mount", "volume_mount needs a volume", m);
        else if (!(m.Volume in g.Volumes))
          r.error("rule/volume-mount", `volume_mount refers to volume "${m.Volume}", which is not a volume of group "${g.Name}"`, m, "volume");
        if (!PROPAGATION_MODES.includes(m.PropagationMode)) r.error("rule/volume-mount", `Invalid propagation_mode "${m.PropagationMode}"`, m, "propagation_mode");
        if (!SELINUX_LABELS.includes(m.SELinuxLabel)) r.error("rule/volume-mount", `Invalid selinux_label "${m.SELinuxLabel}"`, m, "selinux_label");
      }
  }
};
