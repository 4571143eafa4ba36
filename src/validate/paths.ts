// The index from instance paths (JSON pointers) to the source they came from, kept as a tree of
// nodes (one per instance key) rather than a map keyed by pointer strings: the structure stage
// records every attribute and block it reads, and building, flattening and hashing a pointer
// string for each cost more than the few lookups made later. Entries keep their syntax node and
// ask it for ranges on use: the ranges are wanted only for the few paths that end up in a
// diagnostic (parser nodes compute a part's range from the token store each time it is asked for).
import type { Range } from "../diagnostics/types.js";
import type { Attribute, Block, Expression } from "../parser/ast.js";

export interface PathInfo {
  /** Attribute: the whole attribute; block: its header (type and labels). */
  readonly range: Range;
  /** Attribute name or block type. */
  readonly nameRange: Range;
  /** Attribute value expression. */
  readonly valueRange?: Range;
  readonly labels?: string[];
  readonly labelRanges?: Range[];
}

/** One instance key: the source recorded for it (if any) and the keys under it. */
export class PathNode {
  info: PathInfo | undefined;
  readonly parent: PathNode | undefined;
  /** The key this node is under in its parent's object (undefined for list items and the root). */
  readonly key: string | undefined;
  // Keys of an object (attribute, block and map key names) and indexes of a list: an instance
  // value is one or the other, so a pointer segment of digits under a list is always an index.
  // An object's keys are a list of nodes (`first`, then each one's `next`, newest first): most
  // objects have a handful of keys, found quicker by a scan than by hashing a name cut from the
  // source, and a Map or an array per object was a tenth of the structure stage and most of its
  // garbage. An index by name is made only for big objects (long free-form maps), by the first
  // scan that passes more than a few keys.
  private first: PathNode | undefined;
  private next: PathNode | undefined;
  private byName: Map<string, PathNode> | undefined;
  private items: PathNode[] | undefined;
  constructor(parent?: PathNode, key?: string) {
    // every field assigned here, in one order: one object shape for all nodes
    this.info = undefined;
    this.parent = parent;
    this.key = key;
    this.first = undefined;
    this.next = undefined;
    this.byName = undefined;
    this.items = undefined;
  }

  /** The node under `key` (a name or a list index), made if missing. */
  child(key: string | number): PathNode {
    if (typeof key === "number") {
      const items = this.items;
      // list indexes are made in order (a list's items are read first to last)
      if (items !== undefined) return items[key] ?? (items[key] = new PathNode(this));
      const n = new PathNode(this);
      // most lists have one item: a list made for its first is of exact size (not room for 17)
      this.items = key === 0 ? [n] : [];
      this.items[key] = n;
      return n;
    }
    return this.findKey(key) ?? this.add(key);
  }

  /** The node under `key` if there is one. */
  find(key: string | number): PathNode | undefined {
    return typeof key === "number" ? this.items?.[key] : this.findKey(key);
  }

  /** A new node under `key`, which the caller knows is not there yet. */
  add(key: string): PathNode {
    const n = new PathNode(this, key);
    n.next = this.first;
    this.first = n;
    this.byName?.set(key, n);
    return n;
  }

  private findKey(key: string): PathNode | undefined {
    if (this.byName !== undefined) return this.byName.get(key);
    let scanned = 0;
    for (let k = this.first; k !== undefined; k = k.next) {
      if (k.key === key) return k;
      scanned++;
    }
    if (scanned > SCAN_LIMIT) this.index();
    return undefined;
  }

  /** Indexes the keys by name, once a scan has passed more than it should. */
  private index(): void {
    this.byName = new Map();
    for (let k = this.first; k !== undefined; k = k.next) this.byName.set(k.key!, k);
  }

  /** Label `n` of the block recorded here (as `info.labels[n]`, without making the list). */
  label(n: number): string | undefined {
    const info = this.info;
    return info instanceof BlockPath ? info.label(n) : info?.labels?.[n];
  }

  /** The source recorded here or, failing that, at the closest ancestor that has one. */
  recorded(): PathInfo | undefined {
    let n: PathNode | undefined = this;
    while (n !== undefined && n.info === undefined) n = n.parent;
    return n?.info;
  }

  /** The node at a JSON pointer relative to this node ("/a/0"), if there is one. */
  at(pointer: string): PathNode | undefined {
    const n = this.walk(pointer);
    return n.depth === pointer.length ? n.node : undefined;
  }

  /** The deepest node along a relative JSON pointer, and the length of the pointer's prefix it is at. */
  walk(pointer: string): { node: PathNode; depth: number } {
    let node: PathNode = this;
    let at = 0;
    while (at < pointer.length) {
      const next = pointer.indexOf("/", at + 1);
      const end = next < 0 ? pointer.length : next;
      const n = node.findSegment(pointer.slice(at + 1, end));
      if (n === undefined) break;
      node = n;
      at = end;
    }
    return { node, depth: at };
  }

  /** The node under one JSON pointer segment (escaped as RFC 6901 asks). */
  findSegment(segment: string): PathNode | undefined {
    if (this.items !== undefined && /^(0|[1-9]\d*)$/.test(segment)) return this.items[Number(segment)];
    return this.findKey(NEEDS_UNESCAPE.test(segment) ? segment.replace(/~1/g, "/").replace(/~0/g, "~") : segment);
  }
}

const NEEDS_UNESCAPE = /~/;
/** Keys of an object scanned for a name before they get an index by name. */
const SCAN_LIMIT = 8;

/** The path index of one instance, by node; lookups by pointer string for ajv's instance paths and the rules. */
export class Paths {
  readonly root = new PathNode();

  /** The node at a JSON pointer ("" is the root), if anything was recorded at or under it. */
  node(pointer: string): PathNode | undefined {
    return this.root.at(pointer);
  }
  get(pointer: string): PathInfo | undefined {
    return this.node(pointer)?.info;
  }
  /** The source recorded for a JSON pointer or its closest recorded ancestor. */
  recorded(pointer: string): PathInfo | undefined {
    return this.root.walk(pointer).node.recorded();
  }
  has(pointer: string): boolean {
    return this.get(pointer) !== undefined;
  }
}

export function headerRange(b: Block): Range {
  const last = b.labels.length ? b.labels[b.labels.length - 1]!.range : b.typeRange;
  return { start: b.typeRange.start, end: last.end };
}

export class AttributePath implements PathInfo {
  constructor(private readonly a: Attribute) {}
  get range(): Range {
    return this.a.range;
  }
  get nameRange(): Range {
    return this.a.nameRange;
  }
  get valueRange(): Range {
    return this.a.expr.range;
  }
}

/** A block; `withLabels` for schema blocks (free-form blocks record no labels). */
export class BlockPath implements PathInfo {
  constructor(
    private readonly b: Block,
    private readonly withLabels: boolean,
  ) {}
  get range(): Range {
    return headerRange(this.b);
  }
  get nameRange(): Range {
    return this.b.typeRange;
  }
  get labels(): string[] | undefined {
    return this.withLabels ? this.b.labels.map((l) => l.value) : undefined;
  }
  /** Label `n` (as `labels[n]`) without making the list. */
  label(n: number): string | undefined {
    return this.withLabels ? this.b.labels[n]?.value : undefined;
  }
  get labelRanges(): Range[] | undefined {
    return this.withLabels ? this.b.labels.map((l) => l.range) : undefined;
  }
}

/** A value inside an attribute's (a list item): its expression is its whole, name and value. */
export class ExpressionPath implements PathInfo {
  constructor(private readonly e: Expression) {}
  get range(): Range {
    return this.e.range;
  }
  get nameRange(): Range {
    return this.e.range;
  }
  get valueRange(): Range {
    return this.e.range;
  }
}
