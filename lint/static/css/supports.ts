/**
 * @supports conditions as Chromium answers them. Chromium supports standard
 * and -webkit- prefixed properties and selectors; what only other engines
 * support (-moz-, -ms-, -o- prefixes) it does not.
 */

const OTHER_ENGINES = /(?:^|[\s(:,])-(?:moz|ms|o)-/iu;

/** Splits a condition at top-level words, keeping parenthesised groups and functions whole. */
function parts(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  const flush = (): void => {
    if (current.trim()) out.push(current.trim());
    current = "";
  };
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && /\s/u.test(ch)) {
      flush();
      continue;
    }
    current += ch;
    if (depth === 0 && ch === ")") flush();
  }
  flush();
  return out;
}

function feature(part: string): boolean {
  if (OTHER_ENGINES.test(part)) return false;
  const fn = /^([a-z-]+)\((.*)\)$/isu.exec(part);
  if (fn) return ["selector", "font-tech", "font-format"].includes(fn[1].toLowerCase());
  if (!part.startsWith("(") || !part.endsWith(")")) return false;
  const inner = part.slice(1, -1).trim();
  if (/^[\w-]+\s*:/u.test(inner)) return true;
  return supportsCondition(inner);
}

/** Whether an @supports condition holds in Chromium. */
export function supportsCondition(text: string): boolean {
  const list = parts(text.trim());
  if (list.length === 0) return false;
  if (list[0].toLowerCase() === "not") return list.length === 2 && !feature(list[1]);
  let result = feature(list[0]);
  for (let i = 1; i + 1 < list.length; i += 2) {
    const op = list[i].toLowerCase();
    const next = feature(list[i + 1]);
    if (op === "and") result = result && next;
    else if (op === "or") result = result || next;
    else return false;
  }
  return list.length % 2 === 1 && result;
}
