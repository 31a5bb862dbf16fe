/**
 * Strict JSON syntax for `.json` files that are otherwise read through the
 * YAML parser (for line numbers): YAML accepts things JSON does not (a
 * trailing comma, unquoted keys, single quotes, comments), and a file named
 * .json must be JSON for every other tool that reads it too.
 */
import type { LineCounter } from "yaml";

export interface JsonSyntaxProblem {
  line: number;
  col: number;
  message: string;
}

/** Offset of the first comma that is followed only by white space and a closing bracket, outside strings. */
function trailingComma(source: string): number {
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ",") {
      let j = i + 1;
      while (j < source.length && /\s/u.test(source[j])) j++;
      if (source[j] === "}" || source[j] === "]") return i;
    }
  }
  return -1;
}

/**
 * For a file named `*.json`: the first reason `source` is not strict JSON,
 * with where it is; null when it is JSON or the file is not named .json.
 */
export function jsonSyntaxProblem(file: string, source: string, counter: LineCounter): JsonSyntaxProblem | null {
  if (!/\.json$/iu.test(file)) return null;
  try {
    JSON.parse(source.replace(/^\uFEFF/u, ""));
    return null;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const comma = trailingComma(source);
    const position = /at position (\d+)/u.exec(text);
    const at = position ? Number(position[1]) : -1;
    // The earlier of the two: a trailing comma near the end must not hide a mistake above it.
    const commaFirst = comma >= 0 && (at < 0 || comma < at);
    const { line, col } = counter.linePos(commaFirst ? comma : Math.max(at, 0));
    const message = commaFirst
      ? "trailing comma (JSON allows none before } or ])"
      : (text.split(/,\s*"|\n/u)[0] ?? text).replace(/ in JSON at position \d+.*$/u, "");
    return { line, col, message };
  }
}
