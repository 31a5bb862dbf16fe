/** Page-derived text made safe for a terminal: no escape sequences or control characters, one line, bounded. */
export function terminalSafe(text: string, max = 200): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- the pattern exists to find control characters
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}
