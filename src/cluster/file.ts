// Decoding a cluster file (`node` and `alloc` blocks, see grammar/cluster.schema.json) with the
// parser, the evaluator and ajv, reporting everything as Diagnostics pointing at the source.
import { Ajv, type ErrorObject } from "ajv";
import schema from "../../grammar/cluster.schema.json" with { type: "json" };
import type { Diagnostic, Range } from "../diagnostics/types.js";
import { evaluateExpression } from "../eval/evaluate.js";
import { createJobFileContext } from "../eval/jobfile.js";
import { toJSON } from "../eval/value.js";
import type { Block, Body } from "../parser/ast.js";
import { parse } from "../parser/parse.js";
import { makeNode, nodeIdFor, parsePortList } from "./defaults.js";
import type { Allocation, Cluster, ClusterNode } from "./types.js";

type Instance = Record<string, unknown>;
type Paths = Map<string, { range: Range; nameRange: Range }>;

const STRING_MAPS = new Set(["attributes", "meta"]);

let compiled: ReturnType<Ajv["compile"]> | undefined;
const validator = () => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema));

function diag(code: string, message: string, range: Range, detail?: string): Diagnostic {
  return { severity: "error", code, message, range, ...(detail ? { detail } : {}) };
}

/** Body → plain object; blocks become arrays (host_volume) or one object (reserved). */
function readBody(body: Body, path: string, paths: Paths, evaluate: (b: Body, name: string) => unknown, diags: Diagnostic[]): Instance {
  const out: Instance = {};
  for (const item of body.items) {
    if (item.kind === "Attribute") {
      let v = evaluate(body, item.name);
      if (STRING_MAPS.has(item.name) && v && typeof v === "object" && !Array.isArray(v)) {
        v = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "number" || typeof x === "boolean" ? String(x) : x]));
      }
      out[item.name] = v;
      paths.set(`${path}/${item.name}`, { range: item.expr.range, nameRange: item.nameRange });
    } else if (item.type === "host_volume") {
      const list = (out["host_volume"] ??= []) as unknown[];
      const p = `${path}/host_volume/${list.length}`;
      paths.set(p, { range: item.typeRange, nameRange: item.typeRange });
      if (item.labels.length !== 1) diags.push(diag("structure/labels", `Block "host_volume" needs one label, the volume name`, item.typeRange));
      list.push({ ...readBody(item.body, p, paths, evaluate, diags), __label: item.labels[0]?.value ?? "" });
    } else {
      const p = `${path}/${item.type}`;
      paths.set(p, { range: item.typeRange, nameRange: item.typeRange });
      out[item.type] = readBody(item.body, p, paths, evaluate, diags);
    }
  }
  return out;
}

const stripLabels = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(stripLabels) : x && typeof x === "object" ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== "__label").map(([k, v]) => [k, stripLabels(v)])) : x;

function schemaDiagnostics(errors: ErrorObject[], paths: Paths, fallback: Range): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of errors) {
    let p = e.instancePath;
    if (e.keyword === "additionalProperties") {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const info = paths.get(`${p}/${name}`);
      out.push(diag("schema/unknown", `Unsupported argument or block "${name}"`, info?.nameRange ?? fallback));
      continue;
    }
    while (p !== "" && !paths.has(p)) p = p.slice(0, p.lastIndexOf("/"));
    const where = paths.get(p)?.range ?? fallback;
    out.push(diag(`schema/${e.keyword}`, `${e.instancePath.split("/").filter((s) => !/^\d+$/.test(s)).pop() ?? "cluster"} ${e.message ?? "is invalid"}`, where));
  }
  return out;
}

export interface ClusterFileResult {
  cluster?: Cluster;
  diagnostics: Diagnostic[];
}

export function decodeClusterText(text: string, options: { file?: string; baseDir?: string } = {}): ClusterFileResult {
  const { tree, diagnostics } = parse(text);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const fc = createJobFileContext(tree, { baseDir: options.baseDir ?? process.cwd(), ...(options.file ? { file: options.file } : {}) });
  const diags: Diagnostic[] = [...fc.diagnostics];
  const evaluate = (b: Body, name: string): unknown => {
    const attr = b.items.find((i) => i.kind === "Attribute" && i.name === name);
    if (!attr || attr.kind !== "Attribute") return undefined;
    const r = evaluateExpression(attr.expr, fc.ctx);
    diags.push(...r.diagnostics);
    return toJSON(r.value);
  };
  const paths: Paths = new Map();
  const instance: { node: Instance[]; alloc: Instance[] } = { node: [], alloc: [] };
  const blocks: Block[] = [];
  for (const item of tree.body.items) {
    if (item.kind === "Attribute") {
      diags.push(diag("structure/unexpected-attribute", `Unexpected argument "${item.name}"; a cluster file holds node and alloc blocks`, item.nameRange));
      continue;
    }
    if (item.type === "variable" || item.type === "locals") continue;
    if (item.type !== "node" && item.type !== "alloc") {
      diags.push(diag("structure/unknown-block", `Unsupported block type "${item.type}"`, item.typeRange, "A cluster file holds node and alloc blocks."));
      continue;
    }
    if (item.labels.length !== 1) {
      diags.push(diag("structure/labels", `Block "${item.type}" needs exactly one label (${item.type === "node" ? "the node name" : "the node it runs on"})`, item.typeRange));
      continue;
    }
    const list = instance[item.type];
    const p = `/${item.type}/${list.length}`;
    paths.set(p, { range: item.labels[0]!.range, nameRange: item.typeRange });
    list.push({ ...readBody(item.body, p, paths, evaluate, diags), __label: item.labels[0]!.value });
    blocks.push(item);
  }
  const fallback = tree.body.range;
  const validate = validator();
  if (!validate(stripLabels(instance))) {
    diags.push(...schemaDiagnostics(validate.errors ?? [], paths, fallback));
    return { diagnostics: diags };
  }
  return buildCluster(instance, paths, diags);
}

function buildCluster(instance: { node: Instance[]; alloc: Instance[] }, paths: Paths, diags: Diagnostic[]): ClusterFileResult {
  const nodes: ClusterNode[] = [];
  const seen = new Map<string, Range>();
  instance.node.forEach((n, k) => {
    const count = (n["count"] as number | undefined) ?? 1;
    const reserved = (n["reserved"] ?? {}) as Instance;
    const ports = reserved["ports"] === undefined ? [] : parsePortList(String(reserved["ports"]));
    if (ports === undefined) {
      diags.push(diag("schema/ports", "Invalid port list", paths.get(`/node/${k}/reserved/ports`)!.range));
      return;
    }
    const vols = Object.fromEntries(((n["host_volume"] ?? []) as Instance[]).map((v) => [String(v["__label"]), { path: String(v["path"]), readOnly: v["read_only"] === true }]));
    const label = String(n["__label"]);
    for (let i = 1; i <= count; i++) {
      const name = count > 1 ? `${label}-${i}` : label;
      const range = paths.get(`/node/${k}`)!.range;
      if (seen.has(name)) {
        diags.push({ ...diag("rule/duplicate-node", `Duplicate node name "${name}"`, range), related: [{ message: "first declared here", range: seen.get(name)! }] });
        continue;
      }
      seen.set(name, range);
      nodes.push(
        makeNode({
          name,
          datacenter: n["datacenter"] as string | undefined,
          nodePool: n["node_pool"] as string | undefined,
          nodeClass: n["node_class"] as string | undefined,
          status: n["status"] as ClusterNode["status"] | undefined,
          eligible: n["eligible"] as boolean | undefined,
          drain: n["drain"] as boolean | undefined,
          cpu: n["cpu"] as number | undefined,
          cores: n["cores"] as number | undefined,
          memoryMB: n["memory"] as number | undefined,
          diskMB: n["disk"] as number | undefined,
          drivers: n["drivers"] as string[] | undefined,
          attributes: n["attributes"] as Record<string, string> | undefined,
          meta: n["meta"] as Record<string, string> | undefined,
          reserved: { cpu: reserved["cpu"] as number | undefined, memoryMB: reserved["memory"] as number | undefined, diskMB: reserved["disk"] as number | undefined, ports },
          hostVolumes: vols,
          minDynamicPort: n["min_dynamic_port"] as number | undefined,
          maxDynamicPort: n["max_dynamic_port"] as number | undefined,
        }),
      );
    }
  });
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const allocs: Allocation[] = [];
  const perGroup = new Map<string, number>();
  instance.alloc.forEach((a, k) => {
    const nodeName = String(a["__label"]);
    const node = byName.get(nodeName);
    if (!node) {
      diags.push(diag("rule/unknown-node", `Allocation on unknown node "${nodeName}"`, paths.get(`/alloc/${k}`)!.range));
      return;
    }
    const job = String(a["job"]);
    const group = (a["group"] as string | undefined) ?? job;
    const key = `${job}.${group}`;
    const index = perGroup.get(key) ?? 0;
    perGroup.set(key, index + 1);
    allocs.push({
      id: nodeIdFor(`alloc:${k}:${nodeName}:${key}`),
      name: `${key}[${index}]`,
      namespace: (a["namespace"] as string | undefined) ?? "default",
      jobId: job,
      group,
      nodeId: node.id,
      desiredStatus: "run",
      clientStatus: (a["status"] as Allocation["clientStatus"] | undefined) ?? "running",
      resources: {
        cpu: (a["cpu"] as number | undefined) ?? 0,
        cores: (a["cores"] as number | undefined) ?? 0,
        memoryMB: (a["memory"] as number | undefined) ?? 0,
        diskMB: (a["disk"] as number | undefined) ?? 0,
        ports: ((a["ports"] ?? []) as number[]).map((p, i) => ({ label: `port${i}`, value: p })),
      },
    });
  });
  if (diags.some((d) => d.severity === "error")) return { diagnostics: diags };
  return { cluster: { nodes, allocs }, diagnostics: diags };
}
