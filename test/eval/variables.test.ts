// variable / variables / locals, value sources and their precedence (hcl-syntax.md §6.2-6.4).
import { describe, expect, it } from "vitest";
import { createJobFileContext, evaluateExpression, toJSON, type JobFileOptions } from "../../src/eval/index.js";
import type { Attribute } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/parse.js";

function run(src: string, expr: string, options: Partial<JobFileOptions> = {}) {
  const { tree } = parse(`${src}\nx = ${expr}\n`);
  const r = createJobFileContext(tree, { baseDir: ".", env: {}, ...options });
  const attr = tree.body.items.find((i): i is Attribute => i.kind === "Attribute")!;
  const e = evaluateExpression(attr.expr, r.ctx);
  const diags = [...r.diagnostics, ...e.diagnostics];
  return { value: toJSON(e.value), type: e.value.type, diags: diags.map((d) => [d.severity, d.message, d.detail ?? ""]), raw: diags };
}

const decl = `variable "port" {\n  type    = number\n  default = 80\n}\n`;

describe("value precedence: -var > -var-file > env > default", () => {
  const file = { path: "a.vars.hcl", text: "port = 81\n" };
  it("default", () => expect(run(decl, "var.port").value).toBe(80));
  it("env over default", () => expect(run(decl, "var.port", { env: { NOMAD_VAR_port: "82" } }).value).toBe(82));
  it("CARAVAN_VAR_ over NOMAD_VAR_", () =>
    expect(run(decl, "var.port", { env: { NOMAD_VAR_port: "82", CARAVAN_VAR_port: "83" } }).value).toBe(83));
  it("var file over env", () => expect(run(decl, "var.port", { env: { NOMAD_VAR_port: "82" }, varFileSources: [file] }).value).toBe(81));
  it("later var files win", () =>
    expect(run(decl, "var.port", { varFileSources: [file, { path: "b.json", text: '{"port": 84}' }] }).value).toBe(84));
  it("-var over everything, last flag wins", () =>
    expect(run(decl, "var.port", { env: { NOMAD_VAR_port: "82" }, varFileSources: [file], vars: ["port=85", "port=86"] }).value).toBe(86));
});

describe("variable declarations", () => {
  it("type converts values from text; complex types parse HCL", () => {
    const src = `variable "ports" {\n  type = list(number)\n}\nvariable "name" {}\n`;
    const r = run(src, "[var.ports, var.name]", { vars: ['ports=[80, "443"]', "name=[1]"] });
    expect(r.value).toEqual([[80, 443], "[1]"]);
    expect(r.diags).toEqual([]);
  });

  it("type defaults to the default's type", () => {
    const r = run(`variable "tags" {\n  default = ["a"]\n}\n`, "var.tags");
    expect(r.type.kind).toBe("tuple");
  });

  it("variables block declares defaults", () => {
    expect(run(`variables {\n  a = 1\n  b = "x"\n}\n`, '"${var.a}${var.b}"').value).toBe("1x");
  });

  it("unset variable", () => {
    const r = run(`variable "v" {}\n`, "1");
    expect(r.diags).toEqual([
      ["error", 'Unset variable "v"', "A used variable must be set or have a default value; see https://www.nomadproject.io/docs/job-specification/hcl2/variables for details."],
    ]);
    expect(r.raw[0]!.code).toBe("eval/unset-variable");
    expect(r.raw[0]!.range.start).toEqual({ offset: 0, line: 1, column: 1 });
  });

  it("undefined -var and var-file variables warn (error with strict)", () => {
    expect(run(decl, "1", { vars: ["nope=1"] }).diags).toEqual([
      [
        "warning",
        "Undefined -var variable",
        'A "nope" variable was passed in the command line but was not found in known variables. To declare variable "nope", place this block in your job file',
      ],
    ]);
    expect(run(decl, "1", { vars: ["nope=1"], strict: true }).diags[0]![0]).toBe("error");
    expect(run(decl, "1", { varFileSources: [{ path: "v.hcl", text: "nope = 1\n" }] }).diags[0]!.slice(0, 2)).toEqual(["warning", "Undefined variable"]);
    expect(run(decl, "1", { env: { NOMAD_VAR_nope: "1" } }).diags).toEqual([]);
  });

  it("invalid values", () => {
    expect(run(decl, "1", { vars: ["port=abc"] }).diags).toEqual([
      ["error", "Invalid argument value for -var variable", "The received arg value for port is not compatible with the variable's type constraint: a number is required."],
    ]);
    expect(run(decl, "1", { env: { NOMAD_VAR_port: "x" } }).diags[0]!.slice(0, 2)).toEqual(["error", "Invalid value for variable"]);
    expect(run(`variable "p" {\n  type    = number\n  default = "x"\n}\n`, "1").diags).toEqual([
      ["error", "Invalid default value for variable", "This default value is not compatible with the variable's type constraint: a number is required."],
    ]);
  });

  it("declaration errors", () => {
    expect(run(`variable "a" {\n  type = any\n}\n`, "1").diags[0]!.slice(0, 2)).toEqual(["error", "Invalid type specification"]);
    expect(run(`variable "a" {}\nvariable "a" {}\n`, "1").diags.map((d) => d[1])).toContain("Duplicate variable");
    expect(run(`variable "a" {\n  default = var.b\n}\n`, "1").diags[0]!.slice(1)).toEqual(["Variables not allowed", "Variables may not be used here."]);
    expect(run(`variable "a" {\n  default = upper("x")\n}\n`, "1").diags[0]![1]).toBe("Function calls not allowed");
    expect(run(`variable "a" {\n  default = 1\n  nope = 2\n}\n`, "1").diags[0]!.slice(1)).toEqual(["Unsupported argument", 'An argument named "nope" is not expected here.']);
    expect(run(`variable "1a" {\n  default = 1\n}\n`, "1").diags[0]![1]).toBe("Invalid variable name");
    expect(run("", "1", { varFileSources: [{ path: "v.hcl", text: 'variable "x" {}\n' }] }).diags[0]![1]).toBe("Variable declaration in a .var file");
  });

  it("validation", () => {
    const src = `variable "n" {\n  type = number\n  default = 1\n  validation {\n    condition     = var.n > 5\n    error_message = "Must be more than 5."\n  }\n}\n`;
    const r = run(src, "var.n");
    expect(r.diags).toEqual([["error", "Invalid value for default variable", "Must be more than 5.\n\nThis was checked by the validation rule at <job>:4,3-13."]]);
    expect(run(src, "var.n", { vars: ["n=7"] }).diags).toEqual([]);
    expect(run(src, "var.n", { vars: ["n=2"] }).diags[0]![1]).toBe("Invalid value for cmd variable");
    const bad = `variable "n" {\n  default = 1\n  validation {\n    condition     = var.m > 1\n    error_message = "lowercase"\n  }\n}\nvariable "m" {\n  default = 1\n}\n`;
    expect(run(bad, "1").diags.map((d) => d[1])).toEqual([
      "Invalid reference in variable validation",
      "Invalid variable validation condition",
      "Invalid validation error message",
      "Unsupported attribute",
    ]);
  });
});

describe("files that declare no variables or locals", () => {
  it("have empty var and local, and still check values given for variables", () => {
    expect(run("", "var.port").diags.map((d) => d[1])).toEqual(["Unsupported attribute"]);
    expect(run("", "local.a").diags.map((d) => d[1])).toEqual(["Unsupported attribute"]);
    expect(run("", '"${var.port}"', { env: { NOMAD_VAR_port: "1" } }).diags.map((d) => d[1])).toEqual(["Unsupported attribute"]);
    expect(run("", "1", { vars: ["port=1"] }).diags.map((d) => d[1])).toEqual(["Undefined -var variable"]);
    expect(run("", "1", { varFileSources: [{ path: "v.hcl", text: "port = 1\n" }] }).diags.map((d) => d[1])).toEqual(["Undefined variable"]);
  });
});

describe("locals", () => {
  it("evaluate in any order", () => {
    const src = `locals {\n  c = "\${local.b}-c"\n  b = "\${local.a}-b"\n}\nlocals {\n  a = upper(var.x)\n}\nvariable "x" {\n  default = "a"\n}\n`;
    expect(run(src, "local.c").value).toBe("A-b-c");
  });

  it("cycles end in an error", () => {
    const r = run(`locals {\n  a = local.b\n  b = local.a\n}\n`, "1");
    expect(r.diags.map((d) => d[1])).toEqual(["Unsupported attribute"]);
  });

  it("duplicates", () => {
    const r = run(`locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n`, "local.a");
    expect(r.diags[0]!.slice(1)).toEqual(["Duplicate value in locals", "Duplicate a definition found."]);
    expect(r.value).toBe(1);
  });

  it("pass runtime references through", () => {
    expect(run(`locals {\n  d = "\${NOMAD_ALLOC_DIR}/x"\n}\n`, "local.d").value).toBe("${NOMAD_ALLOC_DIR}/x");
  });
});

describe("origins", () => {
  it("values carry the range of the expression they came from", () => {
    const { tree } = parse('x = [1, "a"]\n');
    const { ctx } = createJobFileContext(tree, { baseDir: "." });
    const v = evaluateExpression((tree.body.items[0] as Attribute).expr, ctx).value;
    expect(v.origin?.start.column).toBe(5);
    const items = v.v as { origin?: { start: { column: number } } }[];
    expect(items.map((i) => i.origin?.start.column)).toEqual([6, 9]);
  });
});
