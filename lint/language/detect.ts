/**
 * Language identification for short interface texts: the script decides
 * first (kana is Japanese, Hangul Korean, Han without kana Chinese), then, for
 * Latin script, function words and diacritics. The `lang` attribute in effect
 * (the hint) decides when the text alone is ambiguous ("OK", "Ja") or when
 * its own evidence is close to the best; text that clearly reads as another
 * language wins over it.
 */
import type { LanguageGuess } from "./types.js";
import { LATIN_PROFILES } from "./detection-profiles.js";
import { hasLetters, normaliseText, primaryTag, scriptOfTag } from "./normalise.js";
import { scriptEvidence } from "./zh-variants.js";
import { isSupportedLanguage } from "./lexicon/registry.js";
import { Memo } from "./memo.js";

/** Score of the hint's language, relative to the best, at or above which the hint is kept. */
const HINT_KEEP_RATIO = 0.5;
/** Evidence a Latin-script guess needs without a hint, and its lead over the runner-up. */
const MIN_EVIDENCE = 1;
const MIN_EVIDENCE_AGAINST_HINT = 2;
const MIN_LEAD = 2;

interface WeightedLanguages {
  languages: string[];
  weight: number;
}

function buildIndex(pick: (p: { words: string; letters: string }) => string[]): Map<string, WeightedLanguages> {
  const byKey = new Map<string, string[]>();
  for (const [language, profile] of Object.entries(LATIN_PROFILES)) {
    for (const key of new Set(pick(profile))) {
      const list = byKey.get(key) ?? [];
      list.push(language);
      byKey.set(key, list);
    }
  }
  const out = new Map<string, WeightedLanguages>();
  for (const [key, languages] of byKey) out.set(key, { languages, weight: 1 / languages.length });
  return out;
}

const WORDS = buildIndex((p) => p.words.split(/\s+/u).filter((w) => w.length > 0));
const LETTERS = buildIndex((p) => [...p.letters]);

const SCRIPT_PATTERNS = {
  han: /\p{Script=Han}/u,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  hangul: /\p{Script=Hangul}/u,
  latin: /\p{Script=Latin}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  greek: /\p{Script=Greek}/u,
  thai: /\p{Script=Thai}/u,
  devanagari: /\p{Script=Devanagari}/u,
} as const;

type Script = keyof typeof SCRIPT_PATTERNS;

/** Languages a script stands for when the text is in it; the hint picks among them, else the first. */
const SCRIPT_LANGUAGES: Partial<Record<Script, string[]>> = {
  cyrillic: ["ru", "uk", "bg", "sr", "mk", "be", "kk"],
  arabic: ["ar", "fa", "ur"],
  hebrew: ["he", "yi"],
  greek: ["el"],
  thai: ["th"],
  devanagari: ["hi", "mr", "ne"],
};

function countScripts(text: string): Record<Script, number> & { other: number } {
  const counts = { han: 0, kana: 0, hangul: 0, latin: 0, cyrillic: 0, arabic: 0, hebrew: 0, greek: 0, thai: 0, devanagari: 0, other: 0 };
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    let found = false;
    for (const script of Object.keys(SCRIPT_PATTERNS) as Script[]) {
      if (SCRIPT_PATTERNS[script].test(ch)) {
        counts[script]++;
        found = true;
        break;
      }
    }
    if (!found) counts.other++;
  }
  return counts;
}

/** Lower-case Latin words of the text; words with an apostrophe also give their parts ("j'accepte"). */
function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}']+/u)) {
    const word = raw.replace(/^'+|'+$/gu, "");
    if (word.length === 0 || !/\p{Script=Latin}/u.test(word)) continue;
    if (word.includes("'") && !WORDS.has(word)) out.push(...word.split("'").filter((p) => p.length > 0));
    else out.push(word);
  }
  return out;
}

interface LatinScores {
  scores: Map<string, number>;
  words: number;
  /** Words of the best language found in its profile. */
  bestHits: number;
}

function scoreLatin(text: string): LatinScores {
  const scores = new Map<string, number>();
  const hits = new Map<string, number>();
  const add = (entry: WeightedLanguages | undefined): void => {
    if (!entry) return;
    for (const language of entry.languages) scores.set(language, (scores.get(language) ?? 0) + entry.weight);
  };
  const words = latinWords(text);
  for (const word of words) {
    const entry = WORDS.get(word);
    add(entry);
    for (const language of entry?.languages ?? []) hits.set(language, (hits.get(language) ?? 0) + 1);
  }
  const lower = text.toLowerCase();
  for (const letter of new Set(lower)) add(LETTERS.get(letter));
  const best = ranked(scores)[0];
  return { scores, words: words.length, bestHits: best ? (hits.get(best[0]) ?? 0) : 0 };
}

function ranked(scores: Map<string, number>): Array<[string, number]> {
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function guess(language: string, script: string | null = null): LanguageGuess {
  return { language, script, supported: isSupportedLanguage(language) };
}

const UNDETERMINED: LanguageGuess = { language: "und", script: null, supported: false };

function chineseGuess(text: string, hint: string | null): LanguageGuess {
  const { traditional, simplified } = scriptEvidence(text);
  const script = traditional > simplified ? "Hant" : simplified > traditional ? "Hans" : scriptOfTag(hint);
  return guess("zh", script);
}

function latinGuess(text: string, hint: string | null): LanguageGuess {
  const hintTag = primaryTag(hint);
  const { scores } = scoreLatin(text);
  const order = ranked(scores);
  const [bestLanguage, best] = order[0] ?? ["", 0];
  const second = order[1]?.[1] ?? 0;
  const hintScore = hintTag !== null ? (scores.get(hintTag) ?? 0) : 0;
  if (best > 0 && hintScore > 0 && hintScore >= best * HINT_KEEP_RATIO) return guess(hintTag ?? bestLanguage, scriptOfTag(hint));
  // Against a hint naming another Latin-script language, one word is not enough to overrule it.
  const needed = hintTag !== null && hintTag in LATIN_PROFILES ? MIN_EVIDENCE_AGAINST_HINT : MIN_EVIDENCE;
  if (best >= needed && best >= second * MIN_LEAD) return guess(bestLanguage);
  if (hintTag !== null) return hintTag === "zh" ? guess("zh", scriptOfTag(hint)) : guess(hintTag);
  return UNDETERMINED;
}

function detect(text: string, hint: string | null): LanguageGuess {
  if (!hasLetters(text)) return UNDETERMINED;
  const hintTag = primaryTag(hint);
  const c = countScripts(text);
  if (c.kana > 0 && (c.kana >= 2 || c.kana * 10 >= c.han)) return guess("ja");
  const letters = c.han + c.kana + c.hangul + c.latin + c.cyrillic + c.arabic + c.hebrew + c.greek + c.thai + c.devanagari + c.other;
  if (c.hangul > 0 && c.hangul * 10 >= letters * 3) return guess("ko");

  const otherScripts = (Object.keys(SCRIPT_LANGUAGES) as Script[]).map((s) => [s, c[s]] as const).sort((a, b) => b[1] - a[1]);
  const [topScript, topCount] = otherScripts[0];
  if (topCount > c.latin && topCount > c.han) {
    const languages = SCRIPT_LANGUAGES[topScript] ?? [];
    if (topScript === "cyrillic" && /[іїєґ]/iu.test(text) && hintTag !== "ru") return guess("uk");
    return guess(hintTag !== null && languages.includes(hintTag) ? hintTag : languages[0]);
  }
  if (c.other > c.latin && c.other > c.han) return hintTag !== null ? guess(hintTag) : UNDETERMINED;

  if (c.han > 0) {
    const latin = scoreLatin(text);
    const reads = (c.han >= latin.words && latin.bestHits < 2) || c.han >= 2 * latin.words;
    if (reads) return hintTag === "ja" ? guess("ja") : chineseGuess(text, hint);
  }
  return latinGuess(text, hint);
}

const memo = new Memo<LanguageGuess>(20_000);

/**
 * The language of one text block. `hint` is the `lang` attribute in effect;
 * the result's `language` is "und" when there are no letters, or when the
 * text is ambiguous and there is no hint.
 */
export function detectLanguage(text: string, hint?: string | null): LanguageGuess {
  const h = hint ?? null;
  return memo.get(`${h ?? ""}\u0000${text}`, () => Object.freeze(detect(normaliseText(text), h)));
}
