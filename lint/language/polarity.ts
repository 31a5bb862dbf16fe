/** Whether a radio or select option grants ("Yes", "Allow", "同意", "Ja, gerne"), refuses ("No", "不同意", "Nein") or neither. */
import type { OptionPolarity } from "./types.js";
import { compiledLexicon } from "./lexicon/compiled.js";
import { readingOrder } from "./reading-order.js";
import { normaliseText } from "./normalise.js";
import { Memo } from "./memo.js";

/** Bullets, ticks and punctuation before the words ("✓ Yes", "(Nein)", "・是"). */
const LEADING_MARKS = /^[\s\p{P}\p{S}]+/u;

function polarity(text: string, hint: string | null): OptionPolarity {
  const norm = normaliseText(text).replace(LEADING_MARKS, "").toLowerCase();
  if (norm.length === 0) return "neutral";
  const order = readingOrder(norm, hint);
  if (!order) return "neutral";
  for (const l of order) {
    const p = polarityIn(norm, l);
    if (p !== "neutral") return p;
  }
  return "neutral";
}

function polarityIn(norm: string, language: string): OptionPolarity {
  const c = compiledLexicon(language);
  if (!c) return "neutral";
  const source = c.fold(norm);
  if (c.lexicon.polarity.refuse.test(source)) return "refuse";
  if (c.lexicon.polarity.grant.test(source)) return "grant";
  return "neutral";
}

const memo = new Memo<OptionPolarity>(5_000);

/**
 * Polarity of an option's own text, by its first words. Options in a
 * language that is not read ("Oui", "Sí") are neutral: the linter does not
 * guess.
 */
export function optionPolarity(text: string, langHint?: string | null): OptionPolarity {
  const hint = langHint ?? null;
  return memo.get(`${hint ?? ""}\u0000${text}`, () => polarity(text, hint));
}
