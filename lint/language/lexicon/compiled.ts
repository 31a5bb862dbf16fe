/** Lexicons compiled into matchers once per language, on first use. */
import type { PrimaryPurpose, Purpose } from "../types.js";
import type { Lexicon } from "./types.js";
import type { Pattern, PatternLanguage, PatternSource } from "../pattern.js";
import { compilePattern } from "../pattern.js";
import { porterEn } from "../natural-modules.js";
import { stemWord } from "../stream.js";
import { lexiconFor } from "./registry.js";

export interface Tagged<T> {
  tag: T;
  pattern: Pattern;
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  /** How text is folded before it is matched: traditional to simplified for Chinese, unchanged for word languages. */
  fold: (text: string) => string;
  purposes: readonly Tagged<Purpose>[];
  necessary: readonly Pattern[];
  requiredTerms: readonly Pattern[];
  policies: readonly Pattern[];
  backReferences: readonly Pattern[];
  primaryPurposes: readonly Tagged<PrimaryPurpose>[];
  synonyms: readonly Tagged<string>[];
  stopWords: ReadonlySet<string>;
}

function patternLanguage(lexicon: Lexicon): PatternLanguage {
  const tools = lexicon.tools;
  if (tools.unit === "word") {
    return { unit: "word", gap: lexicon.gap, stem: (w) => stemWord(tools.stemmer, w), fold: (t) => t, contractions: tools.contractions };
  }
  return { unit: "char", gap: lexicon.gap, stem: (w) => stemWord(porterEn, w), fold: tools.fold, contractions: "none" };
}

function tagged<T extends string>(table: Partial<Record<T, readonly PatternSource[]>>, lang: PatternLanguage): Tagged<T>[] {
  const out: Tagged<T>[] = [];
  for (const tag of Object.keys(table) as T[]) {
    for (const src of table[tag] ?? []) out.push({ tag, pattern: compilePattern(src, lang) });
  }
  return out;
}

function compile(lexicon: Lexicon): CompiledLexicon {
  const lang = patternLanguage(lexicon);
  const list = (sources: readonly PatternSource[]): Pattern[] => sources.map((s) => compilePattern(s, lang));
  const fold = lexicon.tools.unit === "char" ? lexicon.tools.fold : (t: string) => t;
  return {
    lexicon,
    fold,
    purposes: tagged(lexicon.purposes, lang),
    necessary: list(lexicon.necessary),
    requiredTerms: list(lexicon.requiredTerms),
    policies: list(lexicon.policies),
    backReferences: list(lexicon.backReferences),
    primaryPurposes: tagged(lexicon.primaryPurposes, lang),
    synonyms: tagged(lexicon.synonyms, lang),
    stopWords: new Set(
      fold(lexicon.stopWords)
        .split(/\s+/u)
        .filter((w) => w.length > 0),
    ),
  };
}

const compiled = new Map<string, CompiledLexicon>();

/** The compiled lexicon of a supported language, or null. */
export function compiledLexicon(language: string): CompiledLexicon | null {
  const hit = compiled.get(language);
  if (hit) return hit;
  const lexicon = lexiconFor(language);
  if (!lexicon) return null;
  const c = compile(lexicon);
  compiled.set(language, c);
  return c;
}
