/** Word tokens of a text: natural's tokenisers for English and German, Intl.Segmenter otherwise (Chinese included). */
import { tokenizerDe, tokenizerEn } from "./natural-modules.js";
import { normaliseText, primaryTag } from "./normalise.js";

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    try {
      s = new Intl.Segmenter(language === "und" ? undefined : language, { granularity: "word" });
    } catch {
      s = new Intl.Segmenter(undefined, { granularity: "word" });
    }
    segmenters.set(language, s);
  }
  return s;
}

/** Word-like segments of the text, as the segmenter for the language cuts them. */
export function segmentWords(text: string, language: string): string[] {
  const out: string[] = [];
  for (const seg of segmenter(language).segment(text)) if (seg.isWordLike) out.push(seg.segment);
  return out;
}

/**
 * Lower-case word tokens. `language` is a BCP 47 tag; "en" and "de" use
 * natural's aggressive tokenisers (apostrophes and hyphens stay inside
 * words), "zh" and every other language Intl.Segmenter's word boundaries.
 */
export function tokenize(text: string, language: string): string[] {
  const norm = normaliseText(text).toLowerCase();
  if (norm.length === 0) return [];
  const tag = primaryTag(language) ?? "und";
  if (tag === "en") return tokenizerEn.tokenize(norm).filter((t) => t.length > 0);
  if (tag === "de") return tokenizerDe.tokenize(norm).filter((t) => t.length > 0);
  return segmentWords(norm, tag);
}
