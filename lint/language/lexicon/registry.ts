/** The languages whose consent wording is read: one lexicon file each. */
import type { Lexicon } from "./types.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { zh } from "./zh.js";

const LEXICONS: ReadonlyMap<string, Lexicon> = new Map([en, de, zh].map((l) => [l.language, l]));

export function lexiconFor(language: string): Lexicon | null {
  return LEXICONS.get(language) ?? null;
}

export function isSupportedLanguage(language: string): boolean {
  return LEXICONS.has(language);
}

export function supportedLanguages(): string[] {
  return [...LEXICONS.keys()];
}
