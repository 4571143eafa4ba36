import { describe, expect, it } from "vitest";
import { annotate } from "../../src/plan/annotate.js";
import { jobDiff } from "../../src/plan/diff.js";
import { renderDiff } from "../../src/plan/render-diff.js";
import { colorize } from "../../src/plan/color.js";
import { emptyDesiredUpdates } from "../../src/scheduler/types.js";
import { edit, mkJob } from "../scheduler/helpers.js";

describe("job diff", () => {
  const old = mkJob({ Meta: { owner: "a" }, Constraints: [{ LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "linux" }] });

  it("is None for identical jobs", () => {
    const d = jobDiff(old, structuredClone(old));
    expect(d.Type).toBe("None");
    expect(d.TaskGroups.map((g) => [g.Name, g.Type, g.Tasks.map((t) => t.Type)])).toEqual([["cache", "None", ["None"]]]);
  });

  it("types fields Added, Deleted and Edited and sorts them by name", () => {
    const d = jobDiff(old, edit(old, (j) => {
      j.Meta = { team: "x", owner: "b" };
      j.Priority = 70;
    }));
    expect(d.Type).toBe("Edited");
    expect(d.Fields.map((f) => [f.Type, f.Name, f.Old, f.New])).toEqual([
      ["Edited", "Meta[owner]", "a", "b"],
      ["Added", "Meta[team]", "", "x"],
      ["Edited", "Priority", "50", "70"],
    ]);
  });

  it("diffs constraints as sets: an edit is a delete plus an add", () => {
    const d = jobDiff(old, edit(old, (j) => (j.Constraints[0]!.RTarget = "windows")));
    expect(d.Objects.map((o) => [o.Type, o.Name, o.Fields.find((f) => f.Name === "RTarget")!.Type])).toEqual([
      ["Added", "Constraint", "Added"],
      ["Deleted", "Constraint", "Deleted"],
    ]);
  });

  it("matches groups and tasks by name; a rename is delete + add", () => {
    const d = jobDiff(old, edit(old, (j) => (j.TaskGroups[0]!.Tasks[0]!.Name = "valkey")));
    expect(d.TaskGroups[0]!.Tasks.map((t) => [t.Name, t.Type])).toEqual([["redis", "Deleted"], ["valkey", "Added"]]);
  });

  it("durations diff as nanoseconds and config flattens fully", () => {
    const d = jobDiff(old, edit(old, (j) => {
      const t = j.TaskGroups[0]!.Tasks[0]!;
      t.KillTimeout = 10_000_000_000;
      t.Config = { image: "redis:7", ports: ["db", "admin"], labels: { tier: "cache" } };
    }));
    const t = d.TaskGroups[0]!.Tasks[0]!;
    expect(t.Fields.map((f) => [f.Name, f.Old, f.New])).toEqual([["KillTimeout", "5000000000", "10000000000"]]);
    const cfg = t.Objects.find((o) => o.Name === "Config")!;
    expect(cfg.Fields.map((f) => [f.Type, f.Name])).toEqual([["None", "image"], ["Added", "labels[tier]"], ["None", "ports[0]"], ["Added", "ports[1]"]]);
  });

  it("annotates count changes and tasks", () => {
    const next = edit(old, (j) => {
      j.TaskGroups[0]!.Count = 3;
      j.TaskGroups[0]!.Tasks[0]!.KillTimeout = 1;
    });
    const d = jobDiff(old, next);
    annotate(d, { cache: { ...emptyDesiredUpdates(), Place: 2, InPlaceUpdate: 1 } });
    const g = d.TaskGroups[0]!;
    expect(g.Updates).toEqual({ create: 2, "in-place update": 1 });
    expect(g.Fields[0]!.Annotations).toEqual(["forces create"]);
    expect(g.Tasks[0]!.Annotations).toEqual(["forces in-place update"]);
    expect(colorize(renderDiff(d, false), false)).toBe(
      ['+/- Job: "example"', '+/- Task Group: "cache" (2 create, 1 in-place update)', '  +/- Count: "1" => "3" (forces create)', '  +/- Task: "redis" (forces in-place update)', '    +/- KillTimeout: "5000000000" => "1"'].join("\n"),
    );
  });

  it("colours markers, headings, counts and annotations", () => {
    const d = jobDiff(null, old);
    annotate(d, { cache: { ...emptyDesiredUpdates(), Place: 1 } });
    expect(colorize(renderDiff(d, false), true).split("\n")[1]).toBe("\u001b[32m+\u001b[0m \u001b[1mTask Group: \"cache\"\u001b[0m (\u001b[32m1 create\u001b[0m)");
  });
});
