// The formatter's public surface.
export { format, formatTree, type FormatOptions, type FormatResult } from "./format.js";
export type { Region } from "./regions.js";
