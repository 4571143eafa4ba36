// Moved to src/diagnostics so every stage shares one implementation.
export * from "../diagnostics/didyoumean.js";
