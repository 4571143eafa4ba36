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
  readonly body: BlockSchema | undefined;
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
    this.body = blockBody(prop);
  }
}

const propTables = new Map<BlockSchema, Map<string, NamedProp>>();

/**
 * The property `name` of a block schema, by a Map lookup: an object lookup with a name cut from
 * the source makes V8 look the name up in its string table every time, and would find inherited
 * members (`toString`, `constructor`) as if the schema had them.
 */
export function schemaProperty(schema: BlockSchema, name: string): NamedProp | undefined {
  let table = propTables.get(schema);
  if (!table) {
    table = new Map(Object.entries(schema.properties).map(([key, prop]) => [key, new NamedProp(key, prop)]));
    propTables.set(schema, table);
  }
  return table.get(name);
}

export function blockNames(block: BlockSchema): string[] {
  return Object.entries(block.properties)
    .filter(([, p]) => isBlock(p))
    .map(([n]) => n);
}
