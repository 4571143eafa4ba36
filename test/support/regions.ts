// A tiny, self-contained HCL character classifier for the test generators (mutate.ts, mangle.ts).
//
// It is deliberately independent of src/lexer so the golden inputs it helps reproduce never change
// when the real scanner changes. It only needs to tell code from comments, template text, heredoc
// bodies and whitespace, which a small modal state machine does well enough on valid files.

/** Per-character class. */
export const C = {
  /** Expression or structure characters in main mode, including newlines. */
  Code: 0,
  /** A space or tab in main mode (between tokens). */
  Space: 1,
  Comment: 2,
  /** Literal text of a quoted string or heredoc, including the heredoc's closing marker line. */
  Text: 3,
  /** The `"` that opens or closes a quoted template. */
  Quote: 4,
  /** `${`, `%{`, `~}` or the `}` closing a template sequence, and a heredoc opener `<<EOT⏎`. */
  Seq: 5,
} as const;
export type C = (typeof C)[keyof typeof C];

type Mode = { kind: "main"; depth: number; template: boolean } | { kind: "quoted" } | { kind: "heredoc"; marker: string };

const HEREDOC = /<<-?([\p{ID_Start}_][\p{ID_Continue}-]*)\r?\n/uy;

/** Classify every UTF-16 code unit of `text`. */
export function classify(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  const modes: Mode[] = [{ kind: "main", depth: 0, template: false }];
  let i = 0;
  const mark = (from: number, to: number, c: C): void => {
    out.fill(c, from, to);
  };
  while (i < text.length) {
    const mode = modes[modes.length - 1]!;
    const ch = text[i]!;
    if (mode.kind === "main") {
      if (ch === " " || ch === "\t") {
        mark(i, i + 1, C.Space);
        i++;
      } else if (ch === "#" || (ch === "/" && text[i + 1] === "/")) {
        const end = lineEnd(text, i);
        mark(i, end, C.Comment);
        i = end;
      } else if (ch === "/" && text[i + 1] === "*") {
        const close = text.indexOf("*/", i + 2);
        const end = close < 0 ? text.length : close + 2;
        mark(i, end, C.Comment);
        i = end;
      } else if (ch === '"') {
        mark(i, i + 1, C.Quote);
        modes.push({ kind: "quoted" });
        i++;
      } else if (ch === "<" && text[i + 1] === "<" && (HEREDOC.lastIndex = i, HEREDOC.test(text))) {
        const end = HEREDOC.lastIndex;
        const m = text.slice(i, end).match(/^<<-?(.+?)\r?\n$/u)!;
        mark(i, end, C.Seq);
        modes.push({ kind: "heredoc", marker: m[1]! });
        i = end;
      } else if (ch === "{") {
        mode.depth++;
        mark(i, i + 1, C.Code);
        i++;
      } else if ((ch === "}" || (ch === "~" && text[i + 1] === "}")) && mode.depth === 0 && mode.template) {
        const len = ch === "~" ? 2 : 1;
        mark(i, i + len, C.Seq);
        modes.pop();
        i += len;
      } else {
        if (ch === "}" && mode.depth > 0) mode.depth--;
        mark(i, i + 1, C.Code);
        i++;
      }
      continue;
    }
    if (mode.kind === "quoted") {
      if (ch === '"') {
        mark(i, i + 1, C.Quote);
        modes.pop();
        i++;
      } else if (ch === "\n") {
        modes.pop(); // unterminated on this line; resume main mode
      } else if (ch === "\\") {
        mark(i, i + 2, C.Text);
        i += 2;
      } else if ((ch === "$" || ch === "%") && text[i + 1] === ch && text[i + 2] === "{") {
        mark(i, i + 3, C.Text);
        i += 3;
      } else if (!templateSeq(text, i, out, modes)) {
        mark(i, i + 1, C.Text);
        i++;
      } else {
        i += text[i + 2] === "~" ? 3 : 2;
      }
      continue;
    }
    // heredoc: whole lines; the closer is a line whose trimmed text equals the marker
    if (i === 0 || text[i - 1] === "\n") {
      const end = lineEnd(text, i);
      if (text.slice(i, end).trim() === mode.marker) {
        mark(i, end, C.Text);
        modes.pop();
        i = end;
        continue;
      }
    }
    if ((ch === "$" || ch === "%") && text[i + 1] === ch && text[i + 2] === "{") {
      mark(i, i + 3, C.Text);
      i += 3;
    } else if (templateSeq(text, i, out, modes)) {
      i += text[i + 2] === "~" ? 3 : 2;
    } else {
      mark(i, i + 1, C.Text);
      i++;
    }
  }
  return out;
}

function templateSeq(text: string, i: number, out: Uint8Array, modes: Mode[]): boolean {
  const ch = text[i];
  if ((ch !== "$" && ch !== "%") || text[i + 1] !== "{") return false;
  const len = text[i + 2] === "~" ? 3 : 2;
  out.fill(C.Seq, i, i + len);
  modes.push({ kind: "main", depth: 0, template: true });
  return true;
}

/** Offset of the end of the line containing `from` (before `\r\n` or `\n`). */
export function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  if (nl < 0) return text.length;
  return nl > from && text[nl - 1] === "\r" ? nl - 1 : nl;
}
