// Nomad's colorstring markup (`[green]…[reset]`), rendered as ANSI or stripped.

const CODES: Record<string, string> = {
  bold: "1",
  red: "31",
  green: "32",
  yellow: "33",
  blue: "34",
  cyan: "36",
  light_yellow: "93",
  reset: "0",
};

/** Replace `[name]` markup with ANSI escapes, or remove it when `color` is false. */
export function colorize(text: string, color: boolean): string {
  return text.replace(/\[(bold|red|green|yellow|blue|cyan|light_yellow|reset)\]/g, (_m, name: string) => (color ? `\u001b[${CODES[name]}m` : ""));
}
