// Printing the converted value as hcl2json does: Go's encoding/json writes object keys sorted by
// their UTF-8 bytes, and JavaScript then lists integer-like keys first when it parses that text.
// Rebuilding every object with sorted keys makes `JSON.stringify` print exactly what
// `JSON.stringify(await parse(...))` of @cdktf/hcl2json prints.

/** Byte-wise UTF-8 order: UTF-16 order, except that surrogates (U+10000 and up) sort after U+E000–U+FFFF. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy && (x >= 0xe000 || y >= 0xe000)) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** A copy of `value` whose objects have their keys in sorted order. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort(compareUtf8)) {
    const v = sortKeysDeep(obj[key]);
    if (key === "__proto__") Object.defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

/** The JSON text `caravan hcl2json` prints: sorted keys, two-space indent, final newline. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value), null, 2) + "\n";
}
