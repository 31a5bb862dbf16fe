/**
 * Lexicon patterns: a small notation compiled once into matchers over token
 * streams (see stream.ts).
 *
 *   "personalised ads|targeted advertising"   alternatives; words in an alternative are consecutive tokens
 *   "share|sell ~ partner*|third party"        parts in this order, at most `gap` tokens apart
 *   "*partner* <> weitergeb*"                  parts in either order, at most `gap` tokens apart
 *
 * A word is matched by its stem; `word*`, `*word` and `*word*` match the
 * lower-case surface form by prefix, suffix or infix (German compounds:
 * "*partner*" finds "Werbepartnern"); `=word` matches the surface form
 * exactly. In Chinese each character is a token and Latin runs are words.
 * `{ p, gap, not }` sets the gap for one pattern, or drops a match that
 * contains one of the `not` alternatives.
 */
import type { Token } from "./stream.js";
import { wordPieces } from "./stream.js";

export type PatternSource = string | { p: string; gap?: number; not?: string };

type ElementKind = "stem" | "exact" | "prefix" | "suffix" | "infix";

interface Element {
  kind: ElementKind;
  value: string;
}

type Alternative = readonly Element[];

interface Slot {
  alternatives: readonly Alternative[];
}

export interface Pattern {
  source: string;
  slots: readonly Slot[];
  ordered: boolean;
  gap: number;
  not: Slot | null;
}

export interface Match {
  /** First token index. */
  start: number;
  /** Token index after the last one. */
  end: number;
  /** The parts are adjacent: a phrase, not a co-occurrence. */
  gapless: boolean;
}

/** What compiling needs to know about the language. */
export interface PatternLanguage {
  unit: "word" | "char";
  gap: number;
  stem(word: string): string;
  fold(text: string): string;
  contractions: "en" | "none";
}

function wordElements(word: string, lang: PatternLanguage): Element[] {
  const exact = word.startsWith("=");
  let core = exact ? word.slice(1) : word;
  const lead = core.startsWith("*");
  const trail = core.endsWith("*") && core.length > 1;
  core = core.replace(/^\*|\*$/gu, "").toLowerCase();
  const pieces = wordPieces(core, 0, lang.contractions).map((p) => p.text);
  return pieces.map((piece, i): Element => {
    const first = i === 0;
    const last = i === pieces.length - 1;
    if (exact) return { kind: "exact", value: piece };
    const l = lead && first;
    const t = trail && last;
    if (l && t) return { kind: "infix", value: piece };
    if (l) return { kind: "suffix", value: piece };
    if (t) return { kind: "prefix", value: piece };
    return { kind: "stem", value: lang.stem(piece) };
  });
}

function charElements(text: string, lang: PatternLanguage): Element[] {
  const out: Element[] = [];
  const folded = lang.fold(text);
  const re = /(=?\*?[\p{Script=Latin}\p{N}]+\*?)|(\p{Script=Han})/gu;
  for (const m of folded.matchAll(re)) {
    if (m[1] !== undefined) out.push(...wordElements(m[1], { ...lang, unit: "word", contractions: "none" }));
    else out.push({ kind: "exact", value: m[2] });
  }
  return out;
}

function compileSlot(text: string, lang: PatternLanguage): Slot {
  const alternatives = text
    .split("|")
    .map((a) => a.trim())
    .filter((a) => a.length > 0)
    .map((a) => (lang.unit === "word" ? a.split(/\s+/u).flatMap((w) => wordElements(w, lang)) : charElements(a, lang)))
    .filter((a) => a.length > 0);
  if (alternatives.length === 0) throw new Error(`empty pattern part "${text}"`);
  return { alternatives };
}

export function compilePattern(src: PatternSource, lang: PatternLanguage): Pattern {
  const spec = typeof src === "string" ? { p: src } : src;
  const ordered = !spec.p.includes(" <> ");
  const parts = spec.p.split(ordered ? " ~ " : " <> ");
  return {
    source: spec.p,
    slots: parts.map((part) => compileSlot(part, lang)),
    ordered,
    gap: spec.gap ?? lang.gap,
    not: spec.not ? compileSlot(spec.not, lang) : null,
  };
}

function elementMatches(e: Element, t: Token): boolean {
  switch (e.kind) {
    case "stem":
      return t.stem === e.value || t.text === e.value;
    case "exact":
      return t.text === e.value;
    case "prefix":
      return t.text.startsWith(e.value);
    case "suffix":
      return t.text.endsWith(e.value);
    case "infix":
      return t.text.includes(e.value);
  }
}

/** End index of the longest alternative of the slot starting at `at`, or -1. */
function slotEndAt(slot: Slot, tokens: readonly Token[], at: number): number {
  let best = -1;
  const sentence = tokens[at].sentence;
  for (const alt of slot.alternatives) {
    if (at + alt.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < alt.length; k++) {
      const t = tokens[at + k];
      if (t.sentence !== sentence || !elementMatches(alt[k], t)) {
        ok = false;
        break;
      }
    }
    if (ok && at + alt.length > best) best = at + alt.length;
  }
  return best;
}

interface Span {
  start: number;
  end: number;
}

function occurrences(slot: Slot, tokens: readonly Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const end = slotEndAt(slot, tokens, i);
    if (end > i) out.push({ start: i, end });
  }
  return out;
}

function sameSentence(tokens: readonly Token[], a: Span, b: Span): boolean {
  return tokens[a.start].sentence === tokens[b.start].sentence;
}

/** Tokens between two spans that do not overlap; -1 when they overlap. */
function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return -1;
}

function orderedMatches(p: Pattern, occ: Span[][], tokens: readonly Token[]): Match[] {
  const out: Match[] = [];
  for (const first of occ[0]) {
    let current = first;
    let gapless = true;
    let ok = true;
    for (let k = 1; k < occ.length; k++) {
      const next = occ[k].find((o) => o.start >= current.end && o.start - current.end <= p.gap && sameSentence(tokens, current, o));
      if (!next) {
        ok = false;
        break;
      }
      if (next.start !== current.end) gapless = false;
      current = next;
    }
    if (ok) out.push({ start: first.start, end: current.end, gapless });
  }
  return out;
}

function unorderedMatches(p: Pattern, occ: Span[][], tokens: readonly Token[]): Match[] {
  const out: Match[] = [];
  for (const first of occ[0]) {
    const chosen: Span[] = [first];
    let ok = true;
    for (let k = 1; k < occ.length; k++) {
      let best: Span | null = null;
      let bestDistance = Infinity;
      for (const o of occ[k]) {
        if (!sameSentence(tokens, first, o)) continue;
        const d = Math.min(...chosen.map((c) => distance(c, o)));
        if (chosen.some((c) => distance(c, o) < 0)) continue;
        if (d <= p.gap && d < bestDistance) {
          best = o;
          bestDistance = d;
        }
      }
      if (!best) {
        ok = false;
        break;
      }
      chosen.push(best);
    }
    if (!ok) continue;
    const start = Math.min(...chosen.map((c) => c.start));
    const end = Math.max(...chosen.map((c) => c.end));
    const covered = chosen.reduce((n, c) => n + c.end - c.start, 0);
    out.push({ start, end, gapless: covered === end - start });
  }
  return out;
}

function excluded(p: Pattern, m: Match, tokens: readonly Token[]): boolean {
  if (!p.not) return false;
  for (let i = m.start; i < m.end; i++) if (slotEndAt(p.not, tokens, i) > i) return true;
  return false;
}

/** Every match of the pattern: one per occurrence of its first part. */
export function findMatches(p: Pattern, tokens: readonly Token[]): Match[] {
  if (tokens.length === 0) return [];
  const occ = p.slots.map((s) => occurrences(s, tokens));
  if (occ.some((o) => o.length === 0)) return [];
  const found =
    occ.length === 1
      ? occ[0].map((o) => ({ ...o, gapless: true }))
      : p.ordered
        ? orderedMatches(p, occ, tokens)
        : unorderedMatches(p, occ, tokens);
  return found.filter((m) => !excluded(p, m, tokens));
}
