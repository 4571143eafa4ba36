// A readable dump of the syntax tree, one node per line with its range: for golden tests and
// for debugging (`caravan hcl2json --tree` may print it later).
import type { Range } from "../diagnostics/types.js";
import type * as A from "./ast.js";

const r = (x: Range): string => `${x.start.line}:${x.start.column}-${x.end.line}:${x.end.column}`;

export function dumpTree(body: A.Body): string {
  const out: string[] = [];
  dumpBody(body, 0, out);
  return out.join("\n") + "\n";
}

function dumpBody(body: A.Body, depth: number, out: string[]): void {
  out.push(`${"  ".repeat(depth)}Body ${r(body.range)}`);
  for (const item of body.items) {
    const pad = "  ".repeat(depth + 1);
    if (item.kind === "Attribute") {
      out.push(`${pad}Attribute ${item.name} ${r(item.range)} name=${r(item.nameRange)} eq=${r(item.equalsRange)}`);
      dumpExpr(item.expr, depth + 2, out);
    } else {
      const labels = item.labels.map((l) => `${JSON.stringify(l.value)}${l.quoted ? "" : "(bare)"}@${r(l.range)}`).join(" ");
      out.push(
        `${pad}Block ${item.type} ${r(item.range)} type=${r(item.typeRange)}${labels ? ` labels=[${labels}]` : ""} open=${r(item.openBraceRange)} close=${item.closeBraceRange ? r(item.closeBraceRange) : "none"}${item.oneLine ? " one-line" : ""}`,
      );
      dumpBody(item.body, depth + 2, out);
    }
  }
}

function dumpExpr(e: A.Expression | A.TemplatePart, depth: number, out: string[]): void {
  const pad = "  ".repeat(depth);
  const line = (s: string): void => void out.push(`${pad}${s} ${r(e.range)}`);
  const kids = (...xs: Array<A.Expression | A.TemplatePart | undefined>) => {
    for (const x of xs) if (x) dumpExpr(x, depth + 1, out);
  };
  switch (e.kind) {
    case "Literal": return line(`Literal ${e.raw ?? JSON.stringify(e.value)}`);
    case "Variable": return line(`Variable ${e.name}`);
    case "AnonSymbol": return line("AnonSymbol");
    case "Invalid": return line("Invalid");
    case "GetAttr": line(`GetAttr .${e.name}`); return kids(e.object);
    case "Index": line(`Index${e.legacy ? " (legacy)" : ""}`); return kids(e.collection, e.key);
    case "Splat": line(`Splat ${e.full ? "[*]" : ".*"}`); return kids(e.source, e.each);
    case "FunctionCall": line(`Call ${e.name}${e.expandFinal ? " ..." : ""}`); return kids(...e.args);
    case "Tuple": line("Tuple"); return kids(...e.items);
    case "Object":
      line("Object");
      for (const item of e.items) {
        out.push(`${pad}  Item ${item.separator} ${r(item.range)}`);
        dumpExpr(item.key, depth + 2, out);
        dumpExpr(item.value, depth + 2, out);
      }
      return;
    case "For":
      line(`For ${e.object ? "object" : "tuple"} ${e.keyVar ? `${e.keyVar}, ` : ""}${e.valueVar}${e.grouping ? " grouping" : ""}`);
      return kids(e.collection, e.keyExpr, e.valueExpr, e.condExpr);
    case "Conditional": line("Conditional"); return kids(e.cond, e.trueExpr, e.falseExpr);
    case "Binary": line(`Binary ${e.op}`); return kids(e.left, e.right);
    case "Unary": line(`Unary ${e.op}`); return kids(e.operand);
    case "Parens": line("Parens"); return kids(e.expr);
    case "Template":
      line(`Template${e.heredoc ? ` heredoc ${e.heredoc.flush ? "<<-" : "<<"}${e.heredoc.marker}` : ""}`);
      return kids(...e.parts);
    case "TemplateLiteral": return line(`Text ${JSON.stringify(e.value)}`);
    case "TemplateInterpolation": line(`Interp${e.stripLeft ? " ~left" : ""}${e.stripRight ? " ~right" : ""}`); return kids(e.expr);
    case "TemplateIf":
      line("If");
      kids(e.cond);
      out.push(`${pad}  Then`);
      for (const p of e.then) dumpExpr(p, depth + 2, out);
      if (e.else) {
        out.push(`${pad}  Else`);
        for (const p of e.else) dumpExpr(p, depth + 2, out);
      }
      return;
    case "TemplateFor":
      line(`ForDirective ${e.keyVar ? `${e.keyVar}, ` : ""}${e.valueVar}`);
      kids(e.collection);
      for (const p of e.body) dumpExpr(p, depth + 1, out);
      return;
  }
}
