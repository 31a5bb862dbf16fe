/**
 * A quick test before full selector matching, as browsers do with their
 * ancestor Bloom filters: a rule like `.card .note > span` can only match an
 * element that has an ancestor with class `card` and one with class `note`.
 * The keys of the ancestors of the element being styled are kept as counts
 * while the tree is walked.
 */

/** Keys of one compound selector's ids, classes and tag ("#id", ".class", "tag"), outside parentheses and brackets. */
function compoundKeys(compound: string): string[] {
  let plain = "";
  let depth = 0;
  for (const ch of compound) {
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0) plain += ch;
  }
  const keys: string[] = [];
  const tag = /^([a-z][\w-]*)/iu.exec(plain);
  if (tag) keys.push(tag[1].toLowerCase());
  for (const m of plain.matchAll(/([#.])([\w-]+)/gu)) keys.push(`${m[1]}${m[2]}`);
  return keys;
}

/** Splits a selector at its top-level combinators: compounds, and the combinator after each but the last (" ", ">", "+", "~"). */
function splitCompounds(selector: string): { compounds: string[]; combinators: string[] } {
  const compounds: string[] = [];
  const combinators: string[] = [];
  let depth = 0;
  let current = "";
  let pending: string | null = null;
  for (const ch of selector.trim()) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    const combinator = depth === 0 && (ch === ">" || ch === "+" || ch === "~");
    const space = depth === 0 && /\s/u.test(ch);
    if (combinator || space) {
      if (current !== "") {
        compounds.push(current);
        current = "";
        pending = " ";
      }
      if (combinator) pending = ch;
      continue;
    }
    if (pending !== null && current === "") {
      combinators.push(pending);
      pending = null;
    }
    current += ch;
  }
  if (current !== "") compounds.push(current);
  return { compounds, combinators };
}

/**
 * Keys that must each be on some ancestor of an element the selector matches:
 * those of every compound linked to the subject by descendant and child
 * combinators only. Empty when the selector has escapes or nothing is required.
 */
export function requiredAncestorKeys(selector: string): string[] {
  if (selector.includes("\\")) return [];
  const { compounds, combinators } = splitCompounds(selector);
  if (combinators.length !== compounds.length - 1) return [];
  const keys = new Set<string>();
  for (let i = compounds.length - 2; i >= 0; i--) {
    if (combinators[i] !== " " && combinators[i] !== ">") break;
    for (const key of compoundKeys(compounds[i])) keys.add(key);
  }
  return [...keys];
}

/** The keys an element offers to its descendants: its tag, id and classes. */
export function elementKeys(tag: string, id: string | null, classes: string | null): string[] {
  const keys = [tag];
  if (id) keys.push(`#${id}`);
  if (classes) for (const c of classes.split(/\s+/u)) if (c) keys.push(`.${c}`);
  return keys;
}

/** Counts of the keys of the elements on the path from the root to the element being styled. */
export class AncestorKeys {
  private readonly counts = new Map<string, number>();

  push(keys: readonly string[]): void {
    for (const k of keys) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  pop(keys: readonly string[]): void {
    for (const k of keys) {
      const n = (this.counts.get(k) ?? 0) - 1;
      if (n <= 0) this.counts.delete(k);
      else this.counts.set(k, n);
    }
  }

  hasAll(keys: readonly string[]): boolean {
    for (const k of keys) if (!this.counts.has(k)) return false;
    return true;
  }
}
