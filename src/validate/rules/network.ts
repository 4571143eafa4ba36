// Network rules V70-V74 (docs/jobspec.md §4 "Network").
import type { Port } from "../../jobspec/types.js";
import { groupNetworks, networkPorts, type Rule } from "./context.js";

const DNS_NAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export const networkRules: Rule = (r) => {
  for (const g of r.job.TaskGroups) {
    const nets = groupNetworks(g);
    if (nets.length === 0) continue;
    const labels = new Map<string, Port>(); // keyed case-insensitively, as Nomad's port collision check
    const statics = new Map<string, Port>();
    let cniKeys: Set<string> | undefined; // made for the few groups with CNI args
    for (const n of nets) {
      const host = n.Mode === "" || n.Mode === "host";
      for (const p of networkPorts(n)) {
        if (p.Label === "") r.report("rule/port-label", "Port label must not be empty", r.labelRange(p));
        else if (labels.has(p.Label.toLowerCase()))
          r.report("rule/port-label", `Port label "${p.Label}" collides with "${labels.get(p.Label.toLowerCase())!.Label}" in group "${g.Name}" (labels are compared case-insensitively)`, r.labelRange(p));
        labels.set(p.Label.toLowerCase(), p);
        if (p.To < -1 || p.To > 65535) r.error("rule/port-to", `Port "${p.Label}" to must be between -1 and 65535, not ${p.To}`, p, "to");
        if (p.IgnoreCollision && !host) r.error("rule/port-ignore-collision", `ignore_collision is only allowed in host network mode, not "${n.Mode}"`, p, "ignore_collision");
      }
      for (const p of n.ReservedPorts) {
        if (p.Value < 0 || p.Value > 65535) {
          r.error("rule/port-static", `Port "${p.Label}" static must be between 0 and 65535, not ${p.Value}`, p, "static");
          continue;
        }
        const key = `${p.HostNetwork || "default"}:${p.Value}`;
        const prev = statics.get(key);
        if (prev && !p.IgnoreCollision && !prev.IgnoreCollision)
          r.error("rule/port-collision", `Static port ${p.Value} of "${p.Label}" is already reserved by "${prev.Label}" on host network "${p.HostNetwork || "default"}"`, p, "static");
        statics.set(key, p);
      }
      if (n.Hostname !== "" && !n.Hostname.includes("${") && !DNS_NAME.test(n.Hostname))
        r.error("rule/network-hostname", `Hostname "${n.Hostname}" is not a valid DNS name`, n, "hostname");
      if (n.CNI)
        for (const [k, v] of Object.entries(n.CNI.Args)) {
          cniKeys ??= new Set();
          if (cniKeys.has(k)) r.error("rule/network-cni", `Duplicate CNI arg "${k}"`, n, "cni");
          cniKeys.add(k);
          if (k.includes(";") || v.includes(";")) r.error("rule/network-cni", `CNI arg "${k}" must not contain ";"`, n, "cni");
        }
      if (n.MBits !== null) r.warn("rule/deprecated", "mbits is deprecated and ignored", n, "mbits");
    }
  }
};
