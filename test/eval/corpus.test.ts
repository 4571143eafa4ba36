// Every job file of the corpus that parses evaluates without errors: variables, locals and every
// attribute inside the job block (runtime references such as ${attr.x} pass through).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createJobFileContext, evaluateExpression, type EvalContext } from "../../src/eval/index.js";
import type { Body } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/parse.js";

const CORPUS = "../shared/corpus/nomad";

function evalBody(body: Body, ctx: EvalContext, out: string[], text: string): void {
  for (const item of body.items) {
    if (item.kind === "Attribute") {
      for (const d of evaluateExpression(item.expr, ctx).diagnostics)
        if (d.severity === "error") out.push(`${d.range.start.line}:${d.range.start.column} ${d.message}: ${d.detail} [${text.slice(item.range.start.offset, item.range.end.offset).slice(0, 80)}]`);
    } else evalBody(item.body, ctx, out, text);
  }
}

export function evaluateJobFile(path: string): string[] | undefined {
  const text = readFileSync(path, "utf8");
  const { tree, diagnostics } = parse(text);
  if (diagnostics.some((d) => d.severity === "error")) return undefined;
  const r = createJobFileContext(tree, { file: path, baseDir: dirname(path), env: {} });
  const out = r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}: ${d.detail}`);
  for (const item of tree.body.items) if (item.kind === "Block" && item.type === "job") evalBody(item.body, r.ctx, out, text);
  return out;
}

const files = (dir: string) =>
  readdirSync(join(CORPUS, dir))
    .filter((f) => f.endsWith(".hcl") || f.endsWith(".nomad"))
    .map((f) => join(CORPUS, dir, f));

describe("corpus job files evaluate without errors", () => {
  it.each(files("jobspec2-fixtures"))("%s", (path) => {
    expect(evaluateJobFile(path)).toEqual([]);
  });
  // e2e inputs whose variables the test harness sets with -var: they are unset here, as in Nomad.
  const UNSET: Record<string, string[]> = {
    "e2e__consul__input__service_reversion.nomad": ["service"],
    "e2e__e2eutil__input__disconnect-node.nomad": ["nodeID"],
    "e2e__e2eutil__input__restart-node.nomad": ["nodeID"],
    "e2e__jobsubmissions__input__xyz.hcl": ["X", "Y", "Z"],
    "e2e__remotetasks__input__ecs.nomad": ["subnets", "security_groups"],
    "e2e__servicediscovery__input__checks_task_restart_helper.nomad": ["nodeID", "cmd", "delay"],
    "e2e__workload_id__input__node-meta.nomad.hcl": ["foo_key", "empty_key", "unset_key", "foo_constraint", "empty_constraint", "unset_constraint"],
  };
  // Reads ~/.ssh/id_rsa with file(): depends on the machine.
  const SKIP = new Set(["demo__csi__kadalu-csi__controller.nomad"]);

  it("all of nomad/jobs that parse", () => {
    const failures: Record<string, string[]> = {};
    let evaluated = 0;
    for (const path of files("jobs")) {
      const name = path.slice(path.lastIndexOf("/") + 1);
      if (SKIP.has(name)) continue;
      const errs = evaluateJobFile(path)?.map((e) => e.replace(/^\d+:\d+ /, "").replace(/: A used variable.*$/, ""));
      if (errs && UNSET[name]) {
        expect(errs).toEqual(UNSET[name]!.map((v) => `Unset variable "${v}"`));
        evaluated++;
        continue;
      }
      if (errs === undefined) continue;
      evaluated++;
      if (errs.length) failures[path] = errs;
    }
    expect(failures).toEqual({});
    expect(evaluated).toBeGreaterThan(150);
  });
});
