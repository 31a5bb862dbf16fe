/**
 * The sentence search both extractors run for a control's label: what
 * counts as readable text, how far up and how much text it looks, and which
 * side of a control's wrapper its label sits on in a list of controls.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other functions of this file by name): static mode imports
 * them, and the browser extractor sends their source text into the page and
 * runs them there.
 */

/** A letter or digit: text a reader can read. */
export function realTextPattern(): RegExp {
  return /[\p{L}\p{N}]/u;
}

/** The bounds of the sentence search. */
export interface SentenceLimits {
  /** Levels of ancestors the search climbs. */
  depth: number;
  /** Longest text (characters) taken as a control's sentence. */
  maxSentence: number;
  /** Characters read from a candidate before it is judged too long. */
  scan: number;
  /** Characters kept of a radio group's question (its end). */
  question: number;
}

export function sentenceLimits(): SentenceLimits {
  return { depth: 6, maxSentence: 1200, scan: 1500, question: 300 };
}

/**
 * Whether labels sit before their controls in a list of siblings with
 * content (`holders[i]`: the sibling holds a control, else it is text), when
 * a control's wrapper has text on both sides ("Styling [x] Analytics [ ]"):
 * every control with text before it (and not all with text after), or the
 * list ending in a control that does not start with one.
 */
export function labelsSitBefore(holders: readonly boolean[]): boolean {
  const text = (i: number): boolean => i >= 0 && i < holders.length && !holders[i];
  let allBefore = true;
  let allAfter = true;
  holders.forEach((holder, i) => {
    if (!holder) return;
    if (!text(i - 1)) allBefore = false;
    if (!text(i + 1)) allAfter = false;
  });
  if (allBefore !== allAfter) return allBefore;
  const n = holders.length;
  return n > 0 && holders[n - 1] && !holders[0];
}
