// The index from instance paths (JSON pointers) to the source they came from. Entries are made for
// every attribute and block the structure stage reads, but their ranges are wanted only for the
// few that end up in a diagnostic: so an entry keeps its syntax node and asks it for ranges on use
// (parser nodes compute a part's range from the token store each time it is asked for).
import type { Range } from "../diagnostics/types.js";
import type { Attribute, Block } from "../parser/ast.js";

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

export type Paths = Map<string, PathInfo>;

const NEEDS_ESCAPE = /[~/]/;

/** `base` + `/key`, the key escaped as RFC 6901 asks (rarely needed: most keys are plain names). */
export const pointer = (base: string, key: string | number): string =>
  typeof key === "number" || !NEEDS_ESCAPE.test(key) ? `${base}/${key}` : `${base}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;

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
  get labelRanges(): Range[] | undefined {
    return this.withLabels ? this.b.labels.map((l) => l.range) : undefined;
  }
}
