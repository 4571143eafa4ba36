// `dynamic` blocks are expanded before the structure, schema and rule stages see the job.
import { describe, expect, it } from "vitest";
import { validateJobText } from "../../src/validate/index.js";

const decodeJobText = (text: string) => validateJobText(text, { env: {} });

const job = (group: string) => `
locals {
  ports = { http = 8080, metrics = 9100 }
  zones = ["a", "b"]
}
job "web" {
  group "g" {
${group}
    task "t" {
      driver = "raw_exec"
      config { command = "/bin/true" }
    }
  }
}
`;

describe("dynamic blocks", () => {
  it("generate one block per element, with the iterator's key and value", () => {
    const { job: j, diagnostics } = decodeJobText(
      job(`
    network {
      dynamic "port" {
        for_each = local.ports
        labels   = [port.key]
        content {
          static = port.value
        }
      }
    }
    dynamic "constraint" {
      for_each = local.zones
      iterator = z
      content {
        attribute = "\${meta.zone}"
        value     = "zone-\${z.value}-\${z.key}"
      }
    }`),
    );
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const g = j!.TaskGroups![0]!;
    expect(g.Networks![0]!.ReservedPorts).toEqual([
      expect.objectContaining({ Label: "http", Value: 8080 }),
      expect.objectContaining({ Label: "metrics", Value: 9100 }),
    ]);
    expect(g.Constraints!.map((c) => c.RTarget)).toEqual(["zone-a-0", "zone-b-1"]);
    expect(g.Constraints![0]!.LTarget).toBe("${meta.zone}");
  });

  it("reports a missing for_each or content block at the dynamic block", () => {
    const { diagnostics } = decodeJobText(job(`    dynamic "constraint" {\n      content {}\n    }`));
    expect(diagnostics.map((d) => [d.code, d.message, d.range.start.line])).toContainEqual([
      "structure/dynamic-block",
      'Missing required argument "for_each" in dynamic "constraint"',
      8,
    ]);
  });

  it("rejects a for_each that cannot be iterated", () => {
    const { diagnostics } = decodeJobText(job(`    dynamic "constraint" {\n      for_each = 3\n      content {}\n    }`));
    expect(diagnostics.map((d) => d.message)).toContain("for_each must be a list, set, map or object, not number");
  });
});
