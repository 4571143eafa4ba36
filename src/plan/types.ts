// The job diff tree (plan.md §2.1): every value is the flattened string form.

export type DiffType = "None" | "Added" | "Deleted" | "Edited";

export interface FieldDiff {
  Type: DiffType;
  Name: string;
  Old: string;
  New: string;
  Annotations: string[];
}

export interface ObjectDiff {
  Type: DiffType;
  Name: string;
  Fields: FieldDiff[];
  Objects: ObjectDiff[];
}

export interface TaskDiff {
  Type: DiffType;
  Name: string;
  Fields: FieldDiff[];
  Objects: ObjectDiff[];
  Annotations: string[];
}

export interface TaskGroupDiff {
  Type: DiffType;
  Name: string;
  Fields: FieldDiff[];
  Objects: ObjectDiff[];
  Tasks: TaskDiff[];
  /** Non-zero update counts keyed as printed: `create`, `destroy`, `in-place update`, … */
  Updates: Record<string, number>;
}

export interface JobDiff {
  Type: DiffType;
  ID: string;
  Fields: FieldDiff[];
  Objects: ObjectDiff[];
  TaskGroups: TaskGroupDiff[];
}
