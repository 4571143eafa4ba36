// The formatter's public surface.
export { format, formatTokens, type FormatOptions, type FormatResult } from "./format.js";
