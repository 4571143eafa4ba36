// Service and check rules V55-V56 (docs/jobspec.md §4).
import type { Service, Task } from "../../jobspec/types.js";
import { duplicates, groupNetworks, networkPorts, type Reporter, type Rule } from "./context.js";

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE"];
const NOMAD_CHECKS = ["http", "tcp"];
const CONSUL_CHECKS = ["http", "tcp", "grpc", "script"];

function service(r: Reporter, s: Service, level: "group" | "task", taskName: string | undefined, groupTasks: string[], ports: Set<string>): void {
  // a group with one task: the server fills the task of a native service in
  const inferredTask = groupTasks.length === 1;
  const plain = s.Name.includes("${") ? s.Name.replace(/\$\{[^}]*\}/g, "x") : s.Name;
  if (!LABEL.test(plain))
    r.error("rule/service-name", `Service name "${s.Name}" must be a valid RFC-1123 label: letters, digits and dashes, at most 63 characters, not starting or ending with a dash`, s, "name");
  if (s.Address !== "" && s.AddressMode !== "auto") r.error("rule/service-address-mode", 'A service with an address must use address_mode "auto"', s, "address_mode");
  if (level === "task" && (s.AddressMode === "alloc" || s.AddressMode === "alloc_ipv6")) r.error("rule/service-address-mode", `Task services may not use address_mode "${s.AddressMode}"`, s, "address_mode");
  if (level === "group" && s.AddressMode === "driver") r.error("rule/service-address-mode", 'Group services may not use address_mode "driver"', s, "address_mode");
  if (level === "task" && s.TaskName !== "" && s.TaskName !== taskName) r.error("rule/service-task", `Task service may only name its own task "${taskName}", not "${s.TaskName}"`, s, "task");
  if (level === "group" && s.TaskName !== "" && !groupTasks.includes(s.TaskName)) r.error("rule/service-task", `Service task "${s.TaskName}" is not a task of the group`, s, "task");
  const isConnectNative = s.Connect?.["Native"] === true;
  if (isConnectNative && ((s.TaskName === "" && !inferredTask) || s.PortLabel === "") && level === "group")
    r.error("rule/service-connect-native", "Connect native services need task and port", s);
  if (s.PortLabel !== "" && !/^\d+$/.test(s.PortLabel) && !s.PortLabel.includes("${") && !ports.has(s.PortLabel) && !(level === "task" && s.AddressMode === "driver"))
    r.error("rule/service-port", `Port label "${s.PortLabel}" is not defined in any network block of the group`, s, "port");
  s.Checks.forEach((c) => {
    const allowed = s.Provider === "nomad" ? NOMAD_CHECKS : CONSUL_CHECKS;
    if (c.Type === "") r.error("rule/check-type", "Check type is required", c);
    else if (!allowed.includes(c.Type)) r.error("rule/check-type", `Check type "${c.Type}" is not supported by the ${s.Provider} provider; expected ${allowed.join(", ")}`, c, "type");
    if (c.Type === "http") {
      if (c.Path === "") r.error("rule/check-path", "http checks need a path", c);
      else if (/^[a-z]+:\/\//i.test(c.Path)) r.error("rule/check-path", `http check path must be relative, not "${c.Path}"`, c, "path");
    }
    if (c.Type === "script" && c.Command === "") r.error("rule/check-command", "script checks need a command", c);
    if (c.Type === "script" && level === "group" && s.TaskName === "" && c.TaskName === "")
      r.error("rule/check-task", "Script checks in group services must set task on the service or the check", c);
    if (c.Type !== "" && c.Interval < 1e9) r.error("rule/check-interval", `Check interval must be at least 1s`, c, "interval");
    if (c.Type !== "" && c.Timeout < 1e9) r.error("rule/check-timeout", `Check timeout must be at least 1s`, c, "timeout");
    if ((c.Type === "http" || c.Type === "tcp" || c.Type === "grpc") && c.PortLabel === "" && s.PortLabel === "" && !c.Expose && !s.Connect)
      r.error("rule/check-port", `${c.Type} checks need a port on the check or the service`, c);
    if (s.Provider === "nomad") {
      if (c.SuccessBeforePassing || c.FailuresBeforeCritical || c.FailuresBeforeWarning)
        r.error("rule/check-nomad", "Checks of nomad services do not support success_before_passing or failures_before_*", c);
      if (c.TLSServerName !== "") r.error("rule/check-nomad", "Checks of nomad services do not support tls_server_name", c, "tls_server_name");
    }
    if (c.Method !== "" && !METHODS.includes(c.Method.toUpperCase())) r.error("rule/check-method", `Invalid HTTP method "${c.Method}"`, c, "method");
    if (level === "task" && c.TaskName !== "" && c.TaskName !== taskName) r.error("rule/check-task", `Check task must be "${taskName}", not "${c.TaskName}"`, c, "task");
    if (level === "group" && c.TaskName !== "" && !groupTasks.includes(c.TaskName)) r.error("rule/check-task", `Check task "${c.TaskName}" is not a task of the group`, c, "task");
    if (c.CheckRestart && c.CheckRestart.Limit < 0) r.error("rule/check-restart", "check_restart limit must not be negative", c);
    if (c.CheckRestart && c.CheckRestart.Grace !== null && c.CheckRestart.Grace < 0) r.error("rule/check-restart", "check_restart grace must not be negative", c);
  });
}

const hasNoServices = (t: Task): boolean => t.Services.length === 0; // not a closure made per group

export const serviceRules: Rule = (r) => {
  for (const g of r.job.TaskGroups) {
    if (g.Services.length === 0 && g.Tasks.every(hasNoServices)) continue;
    const ports = new Set<string>();
    for (const n of groupNetworks(g)) for (const p of networkPorts(n)) ports.add(p.Label);
    const taskNames = g.Tasks.map((t) => t.Name);
    const all: { s: Service; task: string }[] = [];
    for (const s of g.Services) {
      service(r, s, "group", undefined, taskNames, ports);
      all.push({ s, task: s.TaskName });
    }
    for (const t of g.Tasks)
      for (const s of t.Services) {
        service(r, s, "task", t.Name, taskNames, ports);
        all.push({ s, task: t.Name });
      }
    const first = all[0]?.s.Provider;
    for (const x of all)
      if (x.s.Provider !== first) r.error("rule/service-provider", `All services of group "${g.Name}" must use the same provider`, x.s, "provider");
    for (const x of duplicates(all, (x) => `${x.s.Name}\0${x.task}\0${x.s.PortLabel}`))
      r.error("rule/service-unique", `Duplicate service "${x.s.Name}" (same name, task and port) in group "${g.Name}"`, x.s, "name");
  }
};
