// "Did you mean ...?" suggestions by edit distance (Damerau-Levenshtein with adjacent swaps).

/** Edit distance, computed row by row: only the last two rows are kept (swaps look two back). */
export function editDistance(a: string, b: string): number {
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0); // row i - 2
  let prev = new Array<number>(n + 1); // row i - 1
  let row = new Array<number>(n + 1); // row i
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
    }
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[n]!;
}

/** The closest candidate within a distance of a third of the word's length (at least 1, at most 3). */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    // the distance is at least the difference in length: such a candidate could never be returned
    if (Math.abs(lc.length - w.length) > limit) continue;
    const dist = editDistance(w, lc);
    if (dist < bestD || (dist === bestD && best !== undefined && c < best)) {
      bestD = dist;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}
