/** Plain-text helpers for consent text as the rules report it. */

/** Collapses runs of whitespace to single spaces and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Longest consent text a finding carries; longer text is cut at a word boundary and marked with an ellipsis. */
export const MAX_REPORTED_TEXT = 300;

/** Whitespace-normalised text, cut to at most `max` characters. */
export function reportedText(text: string, max = MAX_REPORTED_TEXT): string {
  const clean = normaliseSpace(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * Shortest part (in characters, spaces excluded) that is dropped for being
 * contained in a longer one. Shorter parts ("No", "是") are kept unless
 * repeated exactly: as substrings they match inside unrelated words.
 */
const MIN_CONTAINED_LENGTH = 6;

/**
 * Joins label parts, dropping any part whose text is already contained in
 * another (an accessible name repeated in its label, a label inside the
 * sentence it sits in). Order of first appearance is kept.
 */
export function joinDistinct(parts: readonly string[]): string {
  const clean = parts.map(normaliseSpace).filter((p) => p.length > 0);
  const keys = clean.map((p) => p.toLowerCase());
  const kept: string[] = [];
  clean.forEach((part, i) => {
    const key = keys[i];
    const long = key.replace(/ /gu, "").length >= MIN_CONTAINED_LENGTH;
    const covered = keys.some((other, j) => {
      if (j === i) return false;
      if (other === key) return j < i;
      return long && other.includes(key);
    });
    if (!covered) kept.push(part);
  });
  return kept.join(" ");
}
