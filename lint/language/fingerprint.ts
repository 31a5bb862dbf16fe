/**
 * A normalised form of consent wording for similarity: lower-cased, stemmed,
 * stop words and numbers removed, synonyms folded to one word ("third
 * parties" and "partners" -> partner), then the unique tokens sorted and
 * joined by spaces. Light edits of a label keep the same string.
 */
import type { CompiledLexicon } from "./lexicon/compiled.js";
import type { TextStream } from "./stream.js";
import { compiledLexicon } from "./lexicon/compiled.js";
import { findMatches } from "./pattern.js";
import { buildStream, stemWord } from "./stream.js";
import { porterEn } from "./natural-modules.js";
import { detectLanguage } from "./detect.js";
import { normaliseText } from "./normalise.js";
import { segmentWords } from "./tokenize.js";
import { Memo } from "./memo.js";

const NUMBER = /^[\p{N}.,:/-]+$/u;

interface Replacement {
  start: number;
  end: number;
  canonical: string;
}

/** Non-overlapping synonym matches, longest first. */
function synonymSpans(c: CompiledLexicon, stream: TextStream): Replacement[] {
  const all: Replacement[] = [];
  for (const t of c.synonyms) {
    for (const m of findMatches(t.pattern, stream.tokens)) if (m.gapless) all.push({ start: m.start, end: m.end, canonical: t.tag });
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Replacement[] = [];
  for (const r of all) if (!taken.some((t) => r.start < t.end && t.start < r.end)) taken.push(r);
  return taken.sort((a, b) => a.start - b.start);
}

function wordTokens(c: CompiledLexicon, stream: TextStream): string[] {
  const tools = c.lexicon.tools;
  if (tools.unit !== "word") return [];
  const out: string[] = [];
  const spans = synonymSpans(c, stream);
  let s = 0;
  for (let i = 0; i < stream.tokens.length;) {
    const span = spans[s];
    if (span && span.start === i) {
      out.push(span.canonical);
      i = span.end;
      s++;
      continue;
    }
    const t = stream.tokens[i++];
    if (!c.stopWords.has(t.text) && !NUMBER.test(t.text)) out.push(t.stem);
  }
  return out;
}

/** Chinese: synonym spans become their canonical word; the text between them is cut into words by Intl.Segmenter. */
function charTokens(c: CompiledLexicon, stream: TextStream): string[] {
  const out: string[] = [];
  const spans = synonymSpans(c, stream);
  const emitRun = (from: number, to: number): void => {
    if (from >= to) return;
    const text = stream.source.slice(from, to);
    for (const w of segmentWords(text, "zh")) {
      const word = /^\p{Script=Latin}+$/u.test(w) ? stemWord(porterEn, w) : w;
      if (!c.stopWords.has(w) && !NUMBER.test(w)) out.push(word);
    }
  };
  let cursor = 0;
  for (const span of spans) {
    emitRun(cursor, stream.tokens[span.start].start);
    out.push(span.canonical);
    cursor = stream.tokens[span.end - 1].end;
  }
  emitRun(cursor, stream.source.length);
  return out;
}

function fingerprint(text: string, hint: string | null): string {
  const norm = normaliseText(text);
  const language = detectLanguage(norm, hint);
  const c = language.supported ? compiledLexicon(language.language) : null;
  let tokens: string[];
  if (c) {
    const stream = buildStream(norm, c.lexicon.tools);
    tokens = c.lexicon.tools.unit === "word" ? wordTokens(c, stream) : charTokens(c, stream);
  } else {
    tokens = segmentWords(norm.toLowerCase(), language.language).filter((w) => !NUMBER.test(w));
  }
  return [...new Set(tokens)].sort().join(" ");
}

const memo = new Memo<string>(20_000);

export function fingerprintText(text: string, langHint?: string | null): string {
  const hint = langHint ?? null;
  return memo.get(`${hint ?? ""}\u0000${text}`, () => fingerprint(text, hint));
}
