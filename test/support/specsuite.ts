// Reading the expectations of HashiCorp's specsuite `.t` files.

export interface Expected {
  from: { line: number; column: number; byte: number };
  to: { line: number; column: number; byte: number };
}

/** The `diagnostics { error { from {...} to {...} } }` ranges of a `.t` file. */
export function expectedDiagnostics(t: string): Expected[] {
  const out: Expected[] = [];
  const re = /from\s*\{([^}]*)\}\s*to\s*\{([^}]*)\}/g;
  const pos = (s: string) => ({
    line: Number(/line\s*=\s*(\d+)/.exec(s)![1]),
    column: Number(/column\s*=\s*(\d+)/.exec(s)![1]),
    byte: Number(/byte\s*=\s*(\d+)/.exec(s)![1]),
  });
  for (const m of t.matchAll(re)) out.push({ from: pos(m[1]!), to: pos(m[2]!) });
  return out;
}

