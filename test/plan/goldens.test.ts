// Golden plan outputs (colours off) for the scenarios of issue 5. UPDATE_GOLDENS=1 rewrites them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planExitCode, planJob } from "../../src/plan/plan.js";
import { renderPlanText } from "../../src/plan/render-text.js";
import { NOW, scenarios } from "./scenarios.js";

const dir = fileURLToPath(new URL("../goldens/plan/", import.meta.url));

describe("plan goldens", () => {
  for (const s of scenarios()) {
    it(s.name, () => {
      const plan = planJob({ nodes: s.nodes, allocs: s.allocs, oldJob: s.oldJob, newJob: s.newJob, now: NOW, options: { seed: s.name, explain: s.verbose ?? false } });
      const text = renderPlanText(plan, { color: false, verbose: s.verbose ?? false, path: "example.nomad.hcl", vars: [], varFiles: [], now: NOW, nodes: s.nodes });
      const file = `${dir}${s.name}.txt`;
      if (process.env["UPDATE_GOLDENS"] === "1" || !existsSync(file)) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, "utf8"));
      expect(planExitCode(plan)).toBe(s.exit);
    });
  }
});
