/**
 * What a step (a page region or a dialog) is for. Each signal text is read in
 * its own language and scored with the weight of where it came from: the
 * region's own headings and the flow action that led here weigh most, then
 * the main buttons, then the title, then form fields. A region whose
 * controls are mostly consent controls leans to "consent". The purpose with
 * the highest total wins; between equal totals, the one named by the
 * stronger source, then the first in PRECEDENCE.
 */
import type { LanguageGuess, PrimaryPurpose, PurposeAnalysis, PurposeSignals } from "./types.js";
import type { CompiledLexicon } from "./lexicon/compiled.js";
import { compiledLexicon } from "./lexicon/compiled.js";
import { supportedLanguages } from "./lexicon/registry.js";
import { findMatches } from "./pattern.js";
import { buildStream } from "./stream.js";
import { detectLanguage } from "./detect.js";
import { hasLetters, normaliseText } from "./normalise.js";

type Source = "flow-action" | "heading" | "button" | "title" | "controls" | "fields" | "text";

/** Order in which tied purposes, and tied sources, are preferred. */
const PRECEDENCE: readonly PrimaryPurpose[] = [
  "consent",
  "view-report",
  "lottery",
  "checkout",
  "install",
  "booking",
  "game",
  "signup",
  "newsletter",
  "login",
  "settings",
  "content",
];
const SOURCE_ORDER: readonly Source[] = ["flow-action", "heading", "button", "title", "controls", "fields", "text"];

const WEIGHT = {
  lastFlowAction: 6,
  earlierFlowAction: 4,
  headings: [6, 4],
  laterHeading: 3,
  buttons: [3, 2],
  laterButton: 1,
  title: 2,
  field: 1,
  fieldCap: 2,
  /** A layer's running text: each block weighs this much, all of them together at most textCap per purpose. */
  text: 1,
  textCap: 2,
  consentControls: 3,
} as const;

/** Buttons read, most prominent first. */
const MAX_BUTTONS = 8;
/** Consent controls a region needs, and their share of its controls, to lean to "consent". */
const MIN_CONSENT_CONTROLS = 2;
const MIN_CONSENT_SHARE = 0.5;

interface Signal {
  source: Source;
  text: string;
  weight: number;
}

interface Hit {
  purpose: PrimaryPurpose;
  source: Source;
  weight: number;
  wording: string;
}

function signalsOf(s: PurposeSignals): Signal[] {
  const out: Signal[] = [];
  s.flowActions.forEach((text, i) => {
    const last = i === s.flowActions.length - 1;
    out.push({ source: "flow-action", text, weight: last ? WEIGHT.lastFlowAction : WEIGHT.earlierFlowAction });
  });
  s.headings.forEach((text, i) => out.push({ source: "heading", text, weight: WEIGHT.headings[i] ?? WEIGHT.laterHeading }));
  s.buttons
    .slice(0, MAX_BUTTONS)
    .forEach((text, i) => out.push({ source: "button", text, weight: WEIGHT.buttons[i] ?? WEIGHT.laterButton }));
  if (s.title) out.push({ source: "title", text: s.title, weight: WEIGHT.title });
  for (const text of s.fields) out.push({ source: "fields", text, weight: WEIGHT.field });
  for (const text of s.texts ?? []) out.push({ source: "text", text, weight: WEIGHT.text });
  return out;
}

/** Lexicons to read a text with: its own language's, or every one when the language cannot be told. */
function lexiconsFor(text: string, hint: string | null): CompiledLexicon[] {
  const guess = detectLanguage(text, hint);
  if (guess.supported) return [compiledLexicon(guess.language)].filter((c): c is CompiledLexicon => c !== null);
  if (guess.language !== "und") return [];
  return supportedLanguages()
    .map((l) => compiledLexicon(l))
    .filter((c): c is CompiledLexicon => c !== null);
}

interface PurposeMatch {
  purpose: PrimaryPurpose;
  start: number;
  end: number;
  wording: string;
}

/** Purposes a text names; a phrase inside a longer phrase of another purpose does not count ("隐私设置" is not "设置"). */
function purposesIn(text: string, hint: string | null): PurposeMatch[] {
  const norm = normaliseText(text);
  if (!hasLetters(norm)) return [];
  const found: PurposeMatch[] = [];
  for (const c of lexiconsFor(norm, hint)) {
    const stream = buildStream(norm, c.lexicon.tools);
    for (const t of c.primaryPurposes) {
      for (const m of findMatches(t.pattern, stream.tokens)) {
        const wording = norm.slice(stream.tokens[m.start].start, stream.tokens[m.end - 1].end);
        found.push({ purpose: t.tag, start: m.start, end: m.end, wording });
      }
    }
  }
  return found.filter(
    (m) => !found.some((n) => n.purpose !== m.purpose && n.end - n.start > m.end - m.start && n.start <= m.start && n.end >= m.end),
  );
}

function consentControlsLean(s: PurposeSignals): boolean {
  return s.consentControlCount >= MIN_CONSENT_CONTROLS && s.consentControlCount >= s.controlCount * MIN_CONSENT_SHARE;
}

function rank<T>(order: readonly T[], x: T): number {
  const i = order.indexOf(x);
  return i < 0 ? order.length : i;
}

function classify(s: PurposeSignals, hint: string | null): PurposeAnalysis {
  const language: LanguageGuess = detectLanguage([s.title, ...s.headings, ...s.buttons].filter((t) => t).join(" · "), hint);
  const hits: Hit[] = [];
  const capped = {
    fields: { cap: WEIGHT.fieldCap, used: new Map<PrimaryPurpose, number>() },
    text: { cap: WEIGHT.textCap, used: new Map<PrimaryPurpose, number>() },
  };
  for (const signal of signalsOf(s)) {
    const seen = new Set<PrimaryPurpose>();
    for (const m of purposesIn(signal.text, hint)) {
      if (seen.has(m.purpose)) continue;
      seen.add(m.purpose);
      let weight = signal.weight;
      if (signal.source === "fields" || signal.source === "text") {
        const { cap, used } = capped[signal.source];
        const soFar = used.get(m.purpose) ?? 0;
        weight = Math.min(weight, cap - soFar);
        if (weight <= 0) continue;
        used.set(m.purpose, soFar + weight);
      }
      hits.push({ purpose: m.purpose, source: signal.source, weight, wording: m.wording });
    }
  }
  if (consentControlsLean(s)) {
    hits.push({
      purpose: "consent",
      source: "controls",
      weight: WEIGHT.consentControls,
      wording: `${s.consentControlCount} of ${s.controlCount} controls ask for consent`,
    });
  }

  if (hits.length === 0) {
    const plain = s.fields.length === 0 && s.controlCount === 0 && (s.headings.length > 0 || s.title.length > 0);
    return { purpose: plain ? "content" : "unknown", language, decidedBy: "default", matched: [] };
  }

  const totals = new Map<PrimaryPurpose, number>();
  const strongest = new Map<PrimaryPurpose, number>();
  for (const h of hits) {
    totals.set(h.purpose, (totals.get(h.purpose) ?? 0) + h.weight);
    strongest.set(h.purpose, Math.min(strongest.get(h.purpose) ?? Infinity, rank(SOURCE_ORDER, h.source)));
  }
  const winner = [...totals.entries()].sort(
    (a, b) => b[1] - a[1] || (strongest.get(a[0]) ?? 0) - (strongest.get(b[0]) ?? 0) || rank(PRECEDENCE, a[0]) - rank(PRECEDENCE, b[0]),
  )[0][0];

  const bySource = new Map<Source, number>();
  for (const h of hits) if (h.purpose === winner) bySource.set(h.source, (bySource.get(h.source) ?? 0) + h.weight);
  const decidedBy = [...bySource.entries()].sort((a, b) => b[1] - a[1] || rank(SOURCE_ORDER, a[0]) - rank(SOURCE_ORDER, b[0]))[0][0];

  return {
    purpose: winner,
    language,
    decidedBy,
    matched: hits.filter((h) => h.purpose === winner).map((h) => `${h.source}: ${h.wording}`),
  };
}

/** What the step is for; see the module comment for how signals are weighed. */
export function classifyPrimaryPurpose(signals: PurposeSignals, langHint?: string | null): PurposeAnalysis {
  return classify(signals, langHint ?? null);
}
