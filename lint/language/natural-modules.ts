/**
 * The parts of `natural` this module uses, loaded by their own paths: the
 * package index pulls in dotenv, which prints to stdout and reads `.env`.
 */
import { createRequire } from "node:module";

export interface NaturalStemmer {
  stem(token: string): string;
}

export interface NaturalTokenizer {
  tokenize(text: string): string[];
}

type TokenizerClass = new () => NaturalTokenizer;

const load = createRequire(import.meta.url);

function stemmer(path: string): NaturalStemmer {
  const mod = load(path) as { stem?: unknown };
  if (typeof mod.stem !== "function") throw new Error(`natural: ${path} is not a stemmer`);
  const stem = mod.stem as (token: string) => string;
  return { stem: (token) => stem.call(mod, token) };
}

function tokenizer(path: string): NaturalTokenizer {
  const Ctor = load(path) as TokenizerClass;
  if (typeof Ctor !== "function") throw new Error(`natural: ${path} is not a tokenizer`);
  return new Ctor();
}

/** Porter stemmer for English. */
export const porterEn: NaturalStemmer = stemmer("natural/lib/natural/stemmers/porter_stemmer.js");
/** Snowball (Porter) stemmer for German. */
export const porterDe: NaturalStemmer = stemmer("natural/lib/natural/stemmers/porter_stemmer_de.js");
/** Splits on anything but ASCII letters, digits, apostrophes, hyphens and slashes. */
export const tokenizerEn: NaturalTokenizer = tokenizer("natural/lib/natural/tokenizers/aggressive_tokenizer.js");
/** As the English one, keeping ä, ö, ü and ß. */
export const tokenizerDe: NaturalTokenizer = tokenizer("natural/lib/natural/tokenizers/aggressive_tokenizer_de.js");
