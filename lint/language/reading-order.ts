/** Which lexicons read a short text, and in what order. */
import { detectLanguage } from "./detect.js";
import { supportedLanguages } from "./lexicon/registry.js";

/**
 * The supported languages to read a text with, its own first: a bare "Yes",
 * "OK" or "Reject" on a German page, or "Ja" on an English one, is read by
 * the lexicon that knows it. Null when the text is in a language the linter
 * does not read (it does not guess).
 */
export function readingOrder(text: string, hint: string | null): string[] | null {
  const language = detectLanguage(text, hint);
  if (!language.supported) return null;
  return [language.language, ...supportedLanguages().filter((l) => l !== language.language)];
}
