// Typed access to grammar/jobspec.schema.json: which blocks and attributes a block body may hold,
// how many labels a block takes and whether it may repeat. Structure checks, the instance builder,
// the docs generator and (later) completion all read the schema through this module.
import schemaJson from "../../grammar/jobspec.schema.json" with { type: "json" };

export interface PropSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: PropSchema;
  additionalProperties?: boolean | PropSchema;
  $ref?: string;
  "x-block"?: boolean;
  "x-labels"?: string[];
  "x-repeat"?: boolean;
  "x-attr"?: boolean;
  "x-freeform"?: boolean;
  "x-json"?: string;
  "x-type"?: string;
  "x-default"?: string;
  "x-unit"?: string;
  "x-deprecated"?: string;
}

export interface BlockSchema {
  type: "object";
  description: string;
  properties: Record<string, PropSchema>;
  required: string[];
  additionalProperties: boolean;
  "x-json"?: string;
}

export interface JobspecSchema {
  $id: string;
  description: string;
  properties: Record<string, PropSchema>;
  required: string[];
  definitions: Record<string, BlockSchema>;
}

export const jobspecSchema = schemaJson as unknown as JobspecSchema;

/** The pseudo block of a file's top level. */
export const ROOT: BlockSchema = {
  type: "object",
  description: "A job file.",
  properties: jobspecSchema.properties,
  required: jobspecSchema.required,
  additionalProperties: false,
};

/** Name of the definition a block property points at (`group`, `task`, ...), if it is a block with one. */
export function refName(prop: PropSchema): string | undefined {
  const ref = prop.$ref ?? prop.items?.$ref;
  return ref?.startsWith("#/definitions/") ? ref.slice("#/definitions/".length) : undefined;
}

/** The schema of the body of a block property, or undefined for free-form blocks. */
export function blockBody(prop: PropSchema): BlockSchema | undefined {
  const name = refName(prop);
  return name ? jobspecSchema.definitions[name] : undefined;
}

export const isBlock = (prop: PropSchema): boolean => prop["x-block"] === true;
export const isFreeform = (prop: PropSchema): boolean => prop["x-freeform"] === true;
/** A map that may be written either as a block or as an attribute (`meta`, `env`, ...). */
export const isAttrOrBlock = (prop: PropSchema): boolean => prop["x-attr"] === true;
export const labelNames = (prop: PropSchema): string[] => prop["x-labels"] ?? [];
export const isRepeatable = (prop: PropSchema): boolean => prop["x-repeat"] === true;
export const isDuration = (prop: PropSchema): boolean => prop["x-type"] === "duration";

/** Names of the attributes a block body accepts (everything that is not block-only). */
export function attributeNames(block: BlockSchema): string[] {
  return Object.entries(block.properties)
    .filter(([, p]) => !isBlock(p) || isAttrOrBlock(p))
    .map(([n]) => n);
}

/** JSON types as bit flags (see `ValueSchema.types`). */
export const JSON_TYPE = { string: 1, integer: 2, number: 4, boolean: 8, array: 16, object: 32 } as const;

/**
 * What the instance builder converts an attribute's value to, worked out once per property: its
 * JSON types as bit flags (0 when the schema gives none), and the same for list items and map values.
 */
export class ValueSchema {
  readonly types: number;
  readonly items: ValueSchema | undefined;
  readonly values: ValueSchema | undefined;
  constructor(prop: PropSchema) {
    const names = prop.type === undefined ? [] : Array.isArray(prop.type) ? prop.type : [prop.type];
    this.types = names.reduce((t, n) => t | JSON_TYPE[n as keyof typeof JSON_TYPE], 0);
    this.items = prop.items ? valueSchema(prop.items) : undefined;
    this.values = typeof prop.additionalProperties === "object" ? valueSchema(prop.additionalProperties) : undefined;
  }
}

const valueSchemas = new Map<PropSchema, ValueSchema>();

export function valueSchema(prop: PropSchema): ValueSchema {
  let v = valueSchemas.get(prop);
  if (!v) valueSchemas.set(prop, (v = new ValueSchema(prop)));
  return v;
}

/**
 * A property of a block schema with what the structure stage asks of it worked out once (schema
 * objects come in many shapes, so asking each of them again per attribute read is slow).
 */
export class NamedProp {
  readonly block: boolean;
  readonly attrOrBlock: boolean;
  readonly repeatable: boolean;
  readonly freeform: boolean;
  readonly labels: string[];
  readonly value: ValueSchema;
  private readonly bodySchema: BlockSchema | undefined;
  private bodyProps: BlockProps | undefined;
  constructor(
    /** The name as the schema spells it: an internalized string, quick as a property key (names cut from the source are not). */
    readonly key: string,
    readonly prop: PropSchema,
  ) {
    this.block = isBlock(prop);
    this.attrOrBlock = isAttrOrBlock(prop);
    this.repeatable = isRepeatable(prop);
    this.freeform = isFreeform(prop);
    this.labels = labelNames(prop);
    this.value = valueSchema(prop);
    this.bodySchema = blockBody(prop);
    this.bodyProps = undefined;
  }

  /** The properties of the block's body; undefined for free-form blocks. Made on first use (definitions refer to one another). */
  get body(): BlockProps | undefined {
    return this.bodySchema && (this.bodyProps ??= blockProps(this.bodySchema));
  }
}

/** A block schema with its properties by name and its required names, worked out once (`blockProps`). */
export class BlockProps {
  readonly required: readonly string[];
  /** A new instance object for the block (see `instanceClass`). */
  readonly newObject: () => Record<string, unknown>;
  /**
   * The properties in a table without collisions, by a hash of a name's length and first and last
   * characters (`slot`). Names cut from the source are new strings each time: a Map, or an object,
   * first hashes all of a name's characters (in a call out of the compiled code), which was a tenth
   * of the structure stage; here a name is compared with the one property it could be.
   */
  private readonly table: (NamedProp | undefined)[];
  private readonly mask: number;
  private readonly mul: number;
  constructor(readonly schema: BlockSchema) {
    this.required = schema.required;
    const Instance = instanceClass(Object.keys(schema.properties));
    this.newObject = () => new Instance();
    const props = Object.entries(schema.properties).map(([key, prop]) => new NamedProp(key, prop));
    this.table = [];
    this.mask = 0;
    this.mul = 0;
    this.byName = undefined;
    for (let size = 8; size <= 4096; size *= 2) {
      const mul = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31].find((m) => new Set(props.map((p) => slot(p.key, m, size - 1))).size === props.length);
      if (mul === undefined) continue;
      this.mask = size - 1;
      this.mul = mul;
      this.table = Array.from({ length: size }, () => undefined as NamedProp | undefined);
      for (const p of props) this.table[slot(p.key, mul, size - 1)] = p;
      return;
    }
    // two names alike in length and first and last characters: no table can tell them apart
    this.byName = new Map(props.map((p) => [p.key, p]));
  }

  /** Set only when the schema's names have no collision-free table. */
  private readonly byName: ReadonlyMap<string, NamedProp> | undefined;

  get(name: string): NamedProp | undefined {
    if (this.byName !== undefined) return this.byName.get(name);
    const p = this.table[slot(name, this.mul, this.mask)];
    return p !== undefined && p.key === name ? p : undefined;
  }
}

/** A name's slot in a table of `mask + 1` entries (`""` gives NaN, i.e. slot 0). */
function slot(name: string, mul: number, mask: number): number {
  const n = name.length;
  return (n * 31 + name.charCodeAt(0) * mul + name.charCodeAt(n - 1)) & mask;
}

/**
 * The class of a block's instance objects: every property of the block's schema is there from the
 * start, `undefined` until set, in schema order, so all objects of one block share one hidden class
 * (and no prototype members). The schema validator asks each object for all the properties its
 * schema knows and enumerates its keys: on one shape per block those are quick, where objects
 * built key by key (hundreds of shapes) make megamorphic misses, and hash-table objects are slow
 * to enumerate (schema stage 40% faster than with hash tables). The constructor is generated so
 * that it stores each key by name: a loop of computed-key stores, one store site for every block,
 * was slower than all that was saved. Readers of the instance see an unset property as
 * `undefined`, present in `Object.keys` and `in`.
 */
function instanceClass(keys: string[]): new () => Record<string, unknown> {
  const body = keys.map((k) => `this[${JSON.stringify(k)}] = undefined;`).join("\n");
  const Instance = new Function(body) as unknown as new () => Record<string, unknown>;
  Instance.prototype = Object.create(null) as object;
  return Instance;
}

const blockPropsCache = new Map<BlockSchema, BlockProps>();

export function blockProps(schema: BlockSchema): BlockProps {
  let props = blockPropsCache.get(schema);
  if (!props) blockPropsCache.set(schema, (props = new BlockProps(schema)));
  return props;
}

export function blockNames(block: BlockSchema): string[] {
  return Object.entries(block.properties)
    .filter(([, p]) => isBlock(p))
    .map(([n]) => n);
}
