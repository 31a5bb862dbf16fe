/**
 * Token streams that lexicon patterns are matched against. Word languages
 * are tokenised with natural, split at hyphens and slashes ("third-party",
 * "E-Mail-Adresse") and stemmed; Chinese is a stream of characters (after
 * folding traditional to simplified), with runs of Latin letters or digits
 * as word tokens. Every token keeps its offsets in the source text and the
 * index of the sentence it is in: patterns never reach across sentences.
 */
import type { NaturalStemmer, NaturalTokenizer } from "./natural-modules.js";
import { porterEn } from "./natural-modules.js";

export interface Token {
  /** Lower-case surface form. */
  text: string;
  stem: string;
  start: number;
  end: number;
  sentence: number;
}

export interface TextStream {
  /** The text the offsets refer to: normalised, lower-cased for word languages. */
  source: string;
  tokens: Token[];
  /** Offsets at which sentences end. */
  sentenceEnds: number[];
}

/** How a word language is tokenised and stemmed. */
export interface WordTools {
  unit: "word";
  tokenizer: NaturalTokenizer;
  stemmer: NaturalStemmer;
  /** Contractions: "en" splits "don't" into "do" + "not" and drops a possessive "'s". */
  contractions: "en" | "none";
}

/** How a character language is matched. */
export interface CharTools {
  unit: "char";
  /** Folds variant characters to the lexicon's forms, one character for one. */
  fold(text: string): string;
}

export type TextTools = WordTools | CharTools;

const SENTENCE_END = /[.!?;](?=\s|$|\p{Script=Han})|[。！？；]/gu;

/** Offsets at which sentences end. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) ends.push(m.index ?? 0);
  return ends;
}

function assignSentences(tokens: Token[], ends: readonly number[]): void {
  let s = 0;
  for (const t of tokens) {
    while (s < ends.length && ends[s] < t.start) s++;
    t.sentence = s;
  }
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

const EN_NOT: Readonly<Record<string, string>> = { ca: "can", wo: "will", sha: "shall" };

/** Splits a contraction into words: "don't" -> do, not; "partner's" -> partner; other apostrophes separate words. */
function splitApostrophes(p: Piece, contractions: WordTools["contractions"]): Piece[] {
  if (!p.text.includes("'")) return [p];
  if (contractions === "en") {
    const nt = /^(\p{L}+)n't$/u.exec(p.text);
    if (nt) {
      const base = EN_NOT[nt[1]] ?? nt[1];
      const cut = p.start + nt[1].length;
      return [
        { text: base, start: p.start, end: cut },
        { text: "not", start: cut, end: p.end },
      ];
    }
    const poss = /^(\p{L}+)'s$/u.exec(p.text);
    if (poss) return [{ text: poss[1], start: p.start, end: p.start + poss[1].length }];
  }
  const out: Piece[] = [];
  let offset = p.start;
  for (const part of p.text.split("'")) {
    if (part.length > 0) out.push({ text: part, start: offset, end: offset + part.length });
    offset += part.length + 1;
  }
  return out;
}

/** Word pieces of one token: split at hyphens, slashes and underscores, then at apostrophes. */
export function wordPieces(token: string, start: number, contractions: WordTools["contractions"]): Piece[] {
  const out: Piece[] = [];
  let offset = start;
  for (const part of token.split(/[-/_]/u)) {
    if (part.length > 0) out.push(...splitApostrophes({ text: part, start: offset, end: offset + part.length }, contractions));
    offset += part.length + 1;
  }
  return out;
}

const stemCache = new WeakMap<NaturalStemmer, Map<string, string>>();
const STEM_CACHE_LIMIT = 50_000;

/** Stem of a lower-case word, remembered per stemmer. */
export function stemWord(stemmer: NaturalStemmer, word: string): string {
  let cache = stemCache.get(stemmer);
  if (!cache) {
    cache = new Map();
    stemCache.set(stemmer, cache);
  }
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = /^\p{N}+$/u.test(word) ? word : stemmer.stem(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/** Lower-cased text; the original when lower-casing would change its length (offsets must hold). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

export function wordStream(text: string, tools: WordTools): TextStream {
  const source = lowerSameLength(text);
  const tokens: Token[] = [];
  let cursor = 0;
  for (const raw of tools.tokenizer.tokenize(source)) {
    const at = source.indexOf(raw, cursor);
    if (at < 0) continue;
    cursor = at + raw.length;
    for (const p of wordPieces(raw.toLowerCase(), at, tools.contractions)) {
      tokens.push({ text: p.text, stem: stemWord(tools.stemmer, p.text), start: p.start, end: p.end, sentence: 0 });
    }
  }
  const ends = sentenceEnds(source);
  assignSentences(tokens, ends);
  return { source, tokens, sentenceEnds: ends };
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function charStream(text: string, tools: CharTools): TextStream {
  const source = tools.fold(lowerSameLength(text));
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (HAN.test(ch)) {
      tokens.push({ text: ch, stem: ch, start: i, end: i + ch.length, sentence: 0 });
      i += ch.length;
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < source.length) {
        const c = String.fromCodePoint(source.codePointAt(j) ?? 0);
        if (!WORD_CHAR.test(c) || HAN.test(c)) break;
        j += c.length;
      }
      const word = source.slice(i, j).toLowerCase();
      tokens.push({ text: word, stem: stemWord(porterEn, word), start: i, end: j, sentence: 0 });
      i = j;
      continue;
    }
    i += ch.length;
  }
  const ends = sentenceEnds(source);
  assignSentences(tokens, ends);
  return { source, tokens, sentenceEnds: ends };
}

/** Index of the sentence an offset of the source is in. */
export function sentenceOf(stream: TextStream, offset: number): number {
  let s = 0;
  while (s < stream.sentenceEnds.length && stream.sentenceEnds[s] < offset) s++;
  return s;
}

export function buildStream(text: string, tools: TextTools): TextStream {
  return tools.unit === "word" ? wordStream(text, tools) : charStream(text, tools);
}
