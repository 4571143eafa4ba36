export { schedule } from "./schedule.js";
export type * from "./types.js";
export { emptyDesiredUpdates } from "./types.js";
export { checkOperand, resolveTarget, meetsConstraint, constraintString } from "./constraints.js";
export { fitScore, affinityScore, antiAffinityScore, spreadScore } from "./rank.js";
export { tasksUpdated, specEqual } from "./update.js";
