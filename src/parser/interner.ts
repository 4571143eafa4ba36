// Short token texts (names, keywords, small numbers and strings) repeat all over a job file:
// `driver`, `image`, `var`, `"10s"`, `"http"`. Cutting each from the source made a new string per
// occurrence, and every one of them lived as long as the tree. The interner hands out one string
// per text, found by hashing the source characters in place, so a repeat allocates nothing.

const SIZE = 4096; // direct-mapped: a colliding text simply replaces the entry
const MAX_LENGTH = 40; // longer texts rarely repeat; slice them

export class Interner {
  private readonly table: Array<string | undefined> = new Array<string | undefined>(SIZE).fill(undefined);

  /** `text.slice(start, end)`, the same string object each time for the same short text. */
  get(text: string, start: number, end: number): string {
    const length = end - start;
    if (length > MAX_LENGTH) return text.slice(start, end);
    let h = length;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const slot = h & (SIZE - 1);
    const cached = this.table[slot];
    if (cached !== undefined && cached.length === length && text.startsWith(cached, start)) return cached;
    const s = text.slice(start, end);
    this.table[slot] = s;
    return s;
  }
}
