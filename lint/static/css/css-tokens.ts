/** Splitting CSS values into their top-level parts. */

/**
 * The parts of a value separated by whitespace, commas or slashes outside
 * parentheses and quotes: "1px solid rgb(0, 0, 0)" -> ["1px", "solid", "rgb(0, 0, 0)"].
 * With `keepSlash`, "/" is kept as a part of its own (for the font shorthand).
 */
export function topLevelTokens(value: string, keepSlash = false): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = "";
  const flush = (): void => {
    if (current.length > 0) out.push(current);
    current = "";
  };
  for (const ch of value) {
    if (quote !== null) {
      current += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === "(") {
      depth++;
      current += ch;
    } else if (ch === ")") {
      depth = Math.max(0, depth - 1);
      current += ch;
    } else if (depth === 0 && (/\s/u.test(ch) || ch === ",")) {
      flush();
    } else if (depth === 0 && ch === "/") {
      flush();
      if (keepSlash) out.push("/");
    } else {
      current += ch;
    }
  }
  flush();
  return out;
}

/** The arguments of a function value ("scale(0.5, 2)" -> ["0.5", "2"]), or null when `value` is not a call of `name`. */
export function functionArguments(value: string, name: string): string[] | null {
  const v = value.trim();
  if (!v.toLowerCase().startsWith(`${name.toLowerCase()}(`) || !v.endsWith(")")) return null;
  return topLevelTokens(v.slice(name.length + 1, -1));
}
