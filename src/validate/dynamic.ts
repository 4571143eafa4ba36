// `dynamic "T" { for_each = ...; iterator = name; labels = [...]; content { ... } }`: expands to
// one `T` block per element of `for_each` (HCL's ext/dynblock, which Nomad applies to job files).
// The content is read with the iterator (default: the block type) bound to `{ key, value }`:
// the index for lists and tuples, the key for maps and objects, the element itself for sets.
import type { Diagnostic, Range } from "../diagnostics/types.js";
import { elements, object, num, str, sortedEntries, type Value } from "../eval/value.js";
import type { Evaluator } from "../jobspec/evaluator.js";
import type { Block, Label } from "../parser/ast.js";

export interface Expanded {
  block: Block;
  evaluator: Evaluator;
}

export function expandDynamic(d: Block, ev: Evaluator, diags: Diagnostic[]): Expanded[] {
  const error = (message: string, range: Range) => void diags.push({ severity: "error", code: "structure/dynamic-block", message, range });
  const type = d.labels[0]?.value;
  if (d.labels.length !== 1 || type === undefined) {
    error('A dynamic block takes one label: the type of the blocks it generates, e.g. dynamic "port"', d.typeRange);
    return [];
  }
  const attr = (name: string) => d.body.items.find((i) => i.kind === "Attribute" && i.name === name);
  const forEach = attr("for_each");
  const content = d.body.items.filter((i): i is Block => i.kind === "Block" && i.type === "content");
  if (forEach?.kind !== "Attribute") return error(`Missing required argument "for_each" in dynamic "${type}"`, d.typeRange), [];
  if (content.length !== 1) return error(`A dynamic block needs exactly one content block, found ${content.length}`, d.typeRange), [];
  if (!ev.child) return error("dynamic blocks need an evaluator with variables", d.typeRange), [];
  const iterAttr = attr("iterator");
  let iterator = type;
  if (iterAttr?.kind === "Attribute") {
    if (iterAttr.expr.kind !== "Variable") return error("iterator must be a bare name, e.g. iterator = port", iterAttr.expr.range), [];
    iterator = iterAttr.expr.name;
  }
  const collection = ev.evaluate(forEach.expr);
  diags.push(...collection.diagnostics);
  const items = iterate(collection.value);
  if (!items) return error(`for_each must be a list, set, map or object, not ${collection.value.type.kind}`, forEach.expr.range), [];
  const labelsAttr = attr("labels");
  return items.map(([key, value]) => {
    const child = ev.child!(iterator, object(new Map([["key", key], ["value", value]]), forEach.expr.range));
    const labels: Label[] = [];
    if (labelsAttr?.kind === "Attribute") {
      const r = child.evaluate(labelsAttr.expr);
      diags.push(...r.diagnostics);
      for (const l of elements(r.value)) labels.push({ value: String(l.v), quoted: true, range: labelsAttr.expr.range });
    }
    const body = content[0]!.body;
    return { block: { ...content[0]!, type, typeRange: d.labels[0]!.range, labels, body }, evaluator: child };
  });
}

/** [key, value] pairs in HCL's iteration order, or undefined for a value that cannot be iterated. */
function iterate(v: Value): Array<[Value, Value]> | undefined {
  if (v.unknown || v.v === null) return v.unknown ? [] : undefined;
  switch (v.type.kind) {
    case "list":
    case "tuple":
      return elements(v).map((e, i) => [num(i), e]);
    case "set":
      return elements(v).map((e) => [e, e]);
    case "map":
    case "object":
      return sortedEntries(v).map(([k, e]) => [str(k), e]);
    default:
      return undefined;
  }
}
