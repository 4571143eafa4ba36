// A small interpreter for the hcldec specs of HashiCorp's specsuite (`X.hcldec`): object, attr,
// block, block_list, block_map and literal specs, plus `variables`. Enough to decode the suite's
// inputs with caravan's parser and evaluator and compare with the expected `X.t` results.
import type { Diagnostic } from "../../src/diagnostics/types.js";
import { convert, evaluateExpression, parseTypeExpr, toJSON, type EvalContext, type Value } from "../../src/eval/index.js";
import type { Block, Body, Expression } from "../../src/parser/ast.js";

type Spec =
  | { kind: "object"; children: Array<[string, Spec]> }
  | { kind: "attr"; name: string; type?: Expression }
  | { kind: "block" | "block_list"; blockType: string; nested: Spec }
  | { kind: "block_map"; blockType: string; labels: string[]; nested: Spec }
  | { kind: "literal"; value: Expression };

const noVars: EvalContext = {};

function attrExpr(body: Body, name: string): Expression | undefined {
  for (const i of body.items) if (i.kind === "Attribute" && i.name === name) return i.expr;
  return undefined;
}

function readSpec(b: Block, source: string): Spec {
  const nestedBlock = b.body.items.find((i): i is Block => i.kind === "Block");
  const label = b.labels[0]?.value;
  const typeAttr = attrExpr(b.body, "block_type");
  const blockType = typeAttr ? String(toJSON(evaluateExpression(typeAttr, { source }).value)) : label!;
  switch (b.type) {
    case "object":
      return { kind: "object", children: b.body.items.filter((i): i is Block => i.kind === "Block").map((c) => [c.labels[0]!.value, readSpec(c, source)]) };
    case "attr":
      return { kind: "attr", name: label!, type: attrExpr(b.body, "type") };
    case "block":
    case "block_list":
      return { kind: b.type, blockType, nested: readSpec(nestedBlock!, source) };
    case "block_map": {
      const labels = toJSON(evaluateExpression(attrExpr(b.body, "labels")!, { source }).value) as string[];
      return { kind: "block_map", blockType, labels, nested: readSpec(nestedBlock!, source) };
    }
    case "literal":
      return { kind: "literal", value: attrExpr(b.body, "value")! };
  }
  throw new Error(`unsupported spec ${b.type}`);
}

export function loadSpec(specBody: Body, source: string): { spec: Spec; ctx: EvalContext } {
  const vars = new Map<string, Value>();
  let spec: Spec | undefined;
  for (const item of specBody.items) {
    if (item.kind !== "Block") continue;
    if (item.type === "variables") {
      for (const a of item.body.items) if (a.kind === "Attribute") vars.set(a.name, evaluateExpression(a.expr, { source }).value);
    } else spec = readSpec(item, source);
  }
  return { spec: spec!, ctx: { variables: vars } };
}

/** Decode `body` with `spec`; returns plain JSON and the decoding diagnostics. */
export function decode(spec: Spec, body: Body, ctx: EvalContext, source: string, specSource: string): { value: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const c: EvalContext = { ...ctx, source };
  const run = (s: Spec, b: Body): unknown => {
    switch (s.kind) {
      case "object": {
        const out: Record<string, unknown> = {};
        const declared = new Set(s.children.filter(([, x]) => x.kind === "attr").map(([, x]) => (x as { name: string }).name));
        for (const item of b.items) {
          if (item.kind === "Attribute" && !declared.has(item.name)) {
            diagnostics.push({ severity: "error", code: "schema/unsupported-argument", message: `An argument named "${item.name}" is not expected here.`, range: item.nameRange });
          }
        }
        for (const [key, child] of s.children) out[key] = run(child, b);
        return out;
      }
      case "attr": {
        const expr = attrExpr(b, s.name);
        if (!expr) return null;
        const r = evaluateExpression(expr, c);
        diagnostics.push(...r.diagnostics);
        let v = r.value;
        if (s.type) {
          const { type } = parseTypeExpr(s.type, { constraint: true });
          const conv = type ? convert(v, type) : undefined;
          if (conv?.ok) v = conv.value;
        }
        return toJSON(v);
      }
      case "block":
      case "block_list": {
        const blocks = b.items.filter((i): i is Block => i.kind === "Block" && i.type === s.blockType);
        const values = blocks.map((x) => run(s.nested, x.body));
        return s.kind === "block" ? (values[0] ?? null) : values;
      }
      case "block_map": {
        const out: Record<string, unknown> = {};
        for (const x of b.items) {
          if (x.kind !== "Block" || x.type !== s.blockType) continue;
          let target = out;
          x.labels.forEach((l, i) => {
            if (i === x.labels.length - 1) target[l.value] = run(s.nested, x.body);
            else target = (target[l.value] ??= {}) as Record<string, unknown>;
          });
        }
        return out;
      }
      case "literal":
        return toJSON(evaluateExpression(s.value, { source: specSource }).value);
    }
  };
  return { value: run(spec, body), diagnostics };
}

