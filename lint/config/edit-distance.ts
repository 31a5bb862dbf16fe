/** Levenshtein edit distance between short strings, for "did you mean" suggestions. */

/** Number of single-character insertions, deletions and substitutions turning `a` into `b` (by code point). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[t.length];
}

/** Distance scaled to 0..1 by the longer string's length, ignoring case (0 = same, 1 = nothing in common). */
export function relativeDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longest = Math.max([...x].length, [...y].length);
  return longest === 0 ? 0 : editDistance(x, y) / longest;
}

/**
 * The allowed values closest to `value` (case-insensitive), nearest first:
 * only those a typo away (one edit for words of up to 4 characters, else up
 * to a third of the characters).
 */
export function closestMatches(value: string, allowed: readonly string[], max = 3): string[] {
  const needle = value.toLowerCase();
  return allowed
    .map((candidate) => ({ candidate, distance: editDistance(needle, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => {
      const longest = Math.max(value.length, candidate.length);
      return distance <= (longest <= 4 ? 1 : Math.ceil(longest / 3));
    })
    .sort((x, y) => x.distance - y.distance)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}
