// Stage 1, structure: walks the syntax tree guided by the schema and builds the JSON instance
// that the schema stage (ajv) checks and the decoder turns into a Job. On the way it reports
// unknown blocks and attributes (with "did you mean"), wrong label counts, repeated singleton
// blocks, duplicate attributes, missing required attributes and legacy fields. Every instance
// path is remembered with the source ranges it came from, so later stages can point at them.
import type { Diagnostic, Range } from "../diagnostics/types.js";
import type { Attribute, Block, Body, BodyItem, SyntaxTree } from "../parser/ast.js";
import type { Evaluator } from "../jobspec/evaluator.js";
import { ROOT, attributeNames, blockNames, blockProps, isBlock, type BlockProps, type NamedProp, type PropSchema } from "../jobspec/schema.js";
import { didYouMean } from "./didyoumean.js";
import { attributeJSON, freeformBody } from "./coerce.js";
import { expandDynamic } from "./dynamic.js";
import { AttributePath, BlockPath, headerRange, Paths, type PathNode } from "./paths.js";

export type { PathInfo, PathNode } from "./paths.js";
export { headerRange, Paths } from "./paths.js";

export interface ReadResult {
  instance: Record<string, unknown>;
  paths: Paths;
  diagnostics: Diagnostic[];
}

export function readJobFile(tree: SyntaxTree, evaluator: Evaluator): ReadResult {
  const r = new Reader(evaluator, tree.body);
  const instance = r.body(tree.body, ROOT_PROPS, r.paths.root, undefined, undefined);
  return { instance, paths: r.paths, diagnostics: r.diags };
}

class Reader {
  paths = new Paths();
  diags: Diagnostic[] = [];
  constructor(
    private ev: Evaluator,
    private readonly root: Body,
  ) {}

  private error(code: string, message: string, range: Range, extra: Partial<Diagnostic> = {}): void {
    this.diags.push({ severity: "error", code, message, range, ...extra });
  }

  /**
   * Reads a block body into the instance object at `at`; `owner` is the block and `key` its
   * instance key (both undefined for the file), wanted only for errors.
   */
  body(body: Body, props: BlockProps, at: PathNode, owner: Block | undefined, key: string | undefined): Record<string, unknown> {
    // One class of objects per block schema (see instanceClass in schema.ts). These objects stay
    // internal: only free-form maps (made by coerce.ts) reach the decoded job.
    const out = props.newObject();
    const outer = this.ev;
    for (const item of body.items) {
      // `dynamic` blocks are replaced by the blocks they generate, each read with its iterator in scope
      if (item.kind === "Block" && item.type === "dynamic" && body !== this.root) {
        for (const { block, evaluator } of expandDynamic(item, outer, this.diags)) {
          this.ev = evaluator;
          this.item(block, props, at, key, out);
        }
        this.ev = outer;
      } else this.item(item, props, at, key, out);
    }
    for (const req of props.required) {
      if (at.find(req) !== undefined) continue;
      const prop = props.schema.properties[req]!;
      const what = isBlock(prop) ? "block" : "argument";
      if (owner === undefined) this.error("structure/missing-block", "A job block is required", { start: body.range.start, end: body.range.start });
      else this.error(`structure/missing-${isBlock(prop) ? "block" : "attribute"}`, `Missing required ${what} "${req}"`, headerRange(owner));
    }
    return out;
  }

  /**
   * Reads one item of a body. The names already read in the body are the path index's children of
   * `at` (recorded as an item is accepted, so the index doubles as the body's seen-names set); a
   * name seen as one kind makes the other an error, so a name is never both.
   */
  private item(item: BodyItem, props: BlockProps, at: PathNode, key: string | undefined, out: Record<string, unknown>): void {
    const named = props.get(item.kind === "Attribute" ? item.name : item.type);
    if (item.kind === "Attribute") {
      const a = item;
      if (!named || (named.block && !named.attrOrBlock)) return this.unknown(a.name, a.nameRange, props, "attribute", key, named?.prop);
      const prev = at.find(named.key);
      if (prev?.info instanceof AttributePath) {
        return this.error("structure/duplicate-attribute", `Attribute redefined: "${a.name}" was already set`, a.nameRange, {
          related: [{ message: "first set here", range: prev.info.nameRange }],
        });
      }
      if (prev) return this.error("structure/attribute-and-block", `"${a.name}" may be given as an attribute or as a block, not both`, a.nameRange);
      return this.attribute(a, named, at, out);
    }
    const b = item;
    if (!named || (!named.block && !named.attrOrBlock)) return this.unknown(b.type, b.typeRange, props, "block", key, named?.prop);
    const prev = at.find(named.key);
    if (prev?.info instanceof AttributePath) return this.error("structure/attribute-and-block", `"${b.type}" may be given as an attribute or as a block, not both`, b.typeRange);
    if (b.labels.length !== named.labels.length) return this.labelCount(b, named.labels);
    if (prev && !named.repeatable) {
      return this.error(
        "structure/duplicate-block",
        b.type === "job" && props === ROOT_PROPS ? "Duplicate job block" : `Duplicate ${b.type} block: only one is allowed here`,
        headerRange(b),
        { related: [{ message: "first defined here", range: prev.info!.range }] },
      );
    }
    this.block(b, named, prev ?? at.add(named.key), at, out);
  }

  /** `owner`: the instance key of the block the name is in (undefined at the top level). */
  private unknown(name: string, range: Range, props: BlockProps, kind: "attribute" | "block", owner: string | undefined, prop?: PropSchema): void {
    if (prop) {
      // right name, wrong syntax: `update = {...}` or `driver { }`
      const msg = kind === "attribute" ? `Unsupported argument; "${name}" is a block, write it as ${name} { ... }` : `Unsupported block; "${name}" is an argument, write it as ${name} = ...`;
      this.error(`structure/unknown-${kind}`, msg, range);
      return;
    }
    const schema = props.schema;
    const candidates = kind === "attribute" ? attributeNames(schema) : blockNames(schema);
    const guess = didYouMean(name, candidates) ?? didYouMean(name, Object.keys(schema.properties));
    const where = owner === undefined ? "at the top level" : `in a ${owner} block`;
    const msg = `Unsupported ${kind === "attribute" ? "argument" : "block type"}: "${name}" is not expected ${where}` + (guess ? `; did you mean "${guess}"?` : "");
    this.error(`structure/unknown-${kind}`, msg, range, guess ? { fixes: [{ title: `Replace with "${guess}"`, edits: [{ range, newText: guess }] }] } : {});
  }

  private labelCount(b: Block, wanted: string[]): void {
    const range = b.labels.length > wanted.length ? b.labels[wanted.length]!.range : headerRange(b);
    const msg =
      wanted.length === 0
        ? `Extraneous label for ${b.type}: no labels are expected for ${b.type} blocks`
        : b.labels.length < wanted.length
          ? `Missing ${wanted.slice(b.labels.length).join(", ")} for ${b.type}: ${b.type} blocks require ${wanted.length} label${wanted.length > 1 ? "s" : ""} (${wanted.join(", ")})`
          : `Extraneous label for ${b.type}: only ${wanted.length} label${wanted.length > 1 ? "s are" : " is"} expected (${wanted.join(", ")})`;
    this.error("structure/label-count", msg, range);
  }

  /** An attribute not yet read in this body; its instance key is the name as the schema spells it. */
  private attribute(a: Attribute, named: NamedProp, at: PathNode, out: Record<string, unknown>): void {
    const key = named.key;
    at.add(key).info = new AttributePath(a);
    const json = attributeJSON(this.ev, a.expr, named.value, at, key, this.diags);
    if (json !== undefined) out[key] = json; // undefined: null or unknown, i.e. unset
  }

  /** `under`: the node of the block's key (for a repeatable block, of its list) under `at`. */
  private block(b: Block, named: NamedProp, under: PathNode, at: PathNode, out: Record<string, unknown>): void {
    const { key, repeatable: repeat, body: bodyProps } = named;
    const node = repeat ? under.child((out[key] as unknown[] | undefined)?.length ?? 0) : under;
    node.info = new BlockPath(b, true);
    let value: Record<string, unknown>;
    // variable/variables/locals were evaluated (and checked) by the evaluator's job-file context;
    // `type = list(string)` is a type expression, not a value.
    if (at === this.paths.root && EVALUATOR_BLOCKS.has(key)) value = {};
    else if (bodyProps) value = this.body(b.body, bodyProps, node, b, key);
    else if (named.freeform) value = freeformBody(b.body, this.ev, named.value, node, this.diags);
    else value = {};
    // a list made for its first block is of exact size (a list grown by push keeps room for 17)
    if (!repeat) out[key] = value;
    else if (out[key] === undefined) out[key] = [value];
    else (out[key] as unknown[]).push(value);
  }
}

const EVALUATOR_BLOCKS = new Set(["variable", "variables", "locals"]);
const ROOT_PROPS = blockProps(ROOT);
