// Artifact and template rules V57-V58 (docs/jobspec.md §4).
import { duplicates, escapesAllocDir, type Rule } from "./context.js";

const CHECKSUM_HEX: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
const ARTIFACT_MODES = ["any", "file", "dir"];
const TEMPLATE_CHANGE_MODES = ["noop", "restart", "signal", "script"];

export const fileRules: Rule = (r) => {
  for (const g of r.job.TaskGroups)
    for (const t of g.Tasks) {
      for (const a of t.Artifacts) {
        if (a.GetterSource === "") r.error("rule/artifact-source", "Artifact source must not be empty", a, "source");
        if (!ARTIFACT_MODES.includes(a.GetterMode)) r.error("rule/artifact-mode", `Invalid artifact mode "${a.GetterMode}"`, a, "mode");
        if (escapesAllocDir(a.RelativeDest)) r.error("rule/artifact-destination", `Artifact destination "${a.RelativeDest}" escapes the allocation directory`, a, "destination");
        const cs = a.GetterOptions["checksum"];
        if (cs !== undefined && !cs.includes("${")) {
          const m = /^([a-z0-9]+):([0-9a-fA-F]+)$/.exec(cs);
          const want = m ? CHECKSUM_HEX[m[1]!] : undefined;
          if (!m || want === undefined) r.error("rule/artifact-checksum", `Invalid checksum "${cs}": expected <md5|sha1|sha256|sha512>:<hex>`, a, "options");
          else if (m[2]!.length !== want) r.error("rule/artifact-checksum", `Invalid ${m[1]} checksum: expected ${want} hex digits, found ${m[2]!.length}`, a, "options");
        }
      }
      for (const tp of t.Templates) {
        if (tp.SourcePath === "" && tp.EmbeddedTmpl === "") r.error("rule/template-source", "Template needs a source or data", tp);
        if (tp.SourcePath !== "" && tp.EmbeddedTmpl !== "") r.warn("rule/template-source", "Template sets both source and data; data is ignored", tp, "data");
        if (tp.DestPath === "") r.error("rule/template-destination", "Template destination must not be empty", tp, "destination");
        else if (escapesAllocDir(tp.DestPath)) r.error("rule/template-destination", `Template destination "${tp.DestPath}" escapes the allocation directory`, tp, "destination");
        if (!TEMPLATE_CHANGE_MODES.includes(tp.ChangeMode)) r.error("rule/template-change-mode", `Invalid template change_mode "${tp.ChangeMode}"`, tp, "change_mode");
        if (tp.ChangeMode === "signal") {
          if (tp.ChangeSignal === "") r.error("rule/template-change-signal", 'change_mode "signal" needs a change_signal', tp, "change_mode");
          if (tp.Envvars) r.error("rule/template-change-signal", 'change_mode "signal" cannot be used with env = true', tp, "env");
        }
        if (tp.ChangeMode === "script" && (!tp.ChangeScript || tp.ChangeScript.Command === ""))
          r.error("rule/template-change-script", 'change_mode "script" needs a change_script block with a command', tp, "change_mode");
        if (tp.Splay < 0) r.error("rule/template-splay", "splay must not be negative", tp, "splay");
        if (!/^[0-7]{1,4}$/.test(tp.Perms)) r.error("rule/template-perms", `perms "${tp.Perms}" must be an octal mode of at most 0777`, tp, "perms");
        if (tp.Wait && tp.Wait.Min !== null && tp.Wait.Max !== null && tp.Wait.Min > tp.Wait.Max)
          r.error("rule/template-wait", "template wait min must not be greater than max", tp, "wait");
      }
      if (t.Templates.length > 1)
        for (const tp of duplicates(t.Templates.filter((x) => x.DestPath !== ""), (x) => x.DestPath.replace(/^\.?\//, "")))
          r.error("rule/template-destination", `Duplicate template destination "${tp.DestPath}" in task "${t.Name}"`, tp, "destination");
    }
};
