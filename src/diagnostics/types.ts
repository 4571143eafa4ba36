// Positions, ranges and diagnostics: the data every stage returns (architecture principle 4).

/**
 * A point in the source. The offset is a JS string index (UTF-16 code units): what every stage
 * slices with and what the language server protocol counts in. It equals Go hcl's byte offset for
 * ASCII text; `byteOffset` converts where a UTF-8 byte offset is needed.
 */
export interface Pos {
  /** Offset in UTF-16 code units from the start of the text (JS string index). */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in Unicode code points from the line start. */
  column: number;
}

/** Half-open range [start, end). */
export interface Range {
  start: Pos;
  end: Pos;
}

export type Severity = "error" | "warning" | "info" | "hint";

/** A text edit that fixes a diagnostic: replace `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedInfo {
  message: string;
  range: Range;
  /** File the related range is in, when not the diagnostic's own file. */
  file?: string;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable code, grouped by stage: `syntax/...`, `eval/...`, `structure/...`, `schema/...`, `rule/...`, `plan/...`. */
  code: string;
  /** Short summary in plain words, e.g. "Missing newline after argument". */
  message: string;
  /** Longer explanation, e.g. "An argument definition must end with a newline." */
  detail?: string;
  range: Range;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** File the diagnostic belongs to, filled in by multi-file front ends. */
  file?: string;
}

export function pos(offset: number, line: number, column: number): Pos {
  return { offset, line, column };
}

export function range(start: Pos, end: Pos): Range {
  return { start, end };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** The UTF-8 byte offset of a string index (Go hcl's `Pos.Byte`). */
export function byteOffset(text: string, offset: number): number {
  return Buffer.byteLength(text.slice(0, offset), "utf8");
}
