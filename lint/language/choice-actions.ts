/**
 * What a consent request's button or link does, read from its own text:
 * accepts optional purposes in one action, refuses them all, opens settings,
 * only acknowledges, or something else. And whether a refusal's wording
 * shames the person for refusing. The choice rules ask these; the wording
 * lives in each language's lexicon (`choiceActions`, `shamingRefusal`).
 */
import type { ChoiceAction, Purpose } from "./types.js";
import { analyzeConsent } from "./consent.js";
import type { Lexicon } from "./lexicon/types.js";
import { compiledLexicon } from "./lexicon/compiled.js";
import { readingOrder } from "./reading-order.js";
import { normaliseText } from "./normalise.js";
import { Memo } from "./memo.js";

/** Marks around a button's words ("✓ Accept", "[ Reject ]", "同意 >", "Accept all →"). */
const EDGE_MARKS = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
/** Longest button text read as one action; longer text is a sentence, not a control's name. */
const MAX_ACTION_CHARS = 60;

/** The text as the lexicons match it: normalised, lower-cased, marks at the edges removed, inner punctuation as plain commas and spaces. */
function actionSource(text: string): string {
  return normaliseText(text)
    .toLowerCase()
    .replace(EDGE_MARKS, "")
    .replace(/\s*[,，、]\s*/gu, ", ")
    .replace(/\s*[!！。.]+\s*/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

function actionIn(source: string, language: string): ChoiceAction {
  const c = compiledLexicon(language);
  if (!c) return "other";
  const folded = c.fold(source);
  const k = c.lexicon.choiceActions;
  // Refusal first: "Do not accept" and "不同意" hold an accepting word.
  if (k.refuse.test(folded)) return "refuse";
  if (k.accept.test(folded)) return "accept";
  if (k.settings.test(folded)) return "settings";
  if (k.acknowledge.test(folded)) return "acknowledge";
  return "other";
}

function classify(text: string, hint: string | null): ChoiceAction | "unknown-language" {
  const source = actionSource(text);
  if (source.length === 0 || source.length > MAX_ACTION_CHARS) return "other";
  const order = readingOrder(source, hint);
  if (!order) return "unknown-language";
  for (const language of order) {
    const action = actionIn(source, language);
    if (action !== "other") return action;
  }
  return "other";
}

const actions = new Memo<ChoiceAction | "unknown-language">(5_000);

/**
 * What a button or link of a consent request does, by its whole text
 * (accessible name): "accept", "refuse", "settings", "acknowledge" or
 * "other"; "unknown-language" for text in a language the linter does not
 * read (it does not guess). "OK" is "acknowledge": whether it grants is for
 * the text around it to say.
 */
export function choiceAction(text: string, langHint?: string | null): ChoiceAction | "unknown-language" {
  const hint = langHint ?? null;
  return actions.get(`${hint ?? ""}\u0000${text}`, () => classify(text, hint));
}

/**
 * A test of one lexicon field against a text, read by every lexicon that may
 * read it (its own language first), memoised: true when any matches, false
 * when none does, null for text in a language the linter does not read.
 */
function lexiconTest(field: (lexicon: Lexicon) => RegExp): (text: string, langHint?: string | null) => boolean | null {
  const memo = new Memo<boolean | null>(5_000);
  return (text, langHint) => {
    const hint = langHint ?? null;
    return memo.get(`${hint ?? ""}\u0000${text}`, () => {
      const sources = lexiconSources(text, hint);
      return sources === null ? null : sources.some(({ lexicon, source }) => field(lexicon).test(source));
    });
  };
}

/**
 * Whether refusal wording (a refuse control's text, or the text right next
 * to it) shames or guilts the person for refusing: true or false; null for
 * text in a language the linter does not read.
 */
export const shamesRefusal = lexiconTest((l) => l.shamingRefusal);

/** A text as each lexicon that may read it sees it (normalised, lower-cased, folded), its own language first; null when none reads it. */
function lexiconSources(text: string, hint: string | null): { lexicon: Lexicon; source: string }[] | null {
  const norm = normaliseText(text).toLowerCase();
  if (norm.trim().length === 0) return [];
  const order = readingOrder(norm, hint);
  if (!order) return null;
  return order.flatMap((language) => {
    const c = compiledLexicon(language);
    return c ? [{ lexicon: c.lexicon, source: c.fold(norm) }] : [];
  });
}

/** Sentences and bracketed asides (and, in Chinese, clauses between commas): negations count within one, so a label that says its refusal twice is no double negative. */
const CLAUSE_BREAKS = /[.;:!?()[\]。；：！？（）【】]+/u;
/** In Chinese text a comma (，, normalised to ",") ends a clause too. */
const CJK_CLAUSE_BREAKS = /[.;:!?()[\]。；：！？（）【】,，]+/u;
const HAN = /\p{Script=Han}/u;

/** The words just before a negation that make it the second half of an either-or. */
const EITHER_OR = /(?:\bor|\boder|\bbzw\.?|或者?|或是|\/)\s*$/u;

/** How many negations one clause holds, by the first lexicon that finds any. */
function negationCount(clause: readonly { lexicon: Lexicon; source: string }[]): number {
  for (const { lexicon, source } of clause) {
    // "enable or disable", "aktivieren oder deaktivieren", "开启或关闭": an either-or names both states, it negates nothing.
    const count = [...source.matchAll(lexicon.negations)].filter(
      (m) => !EITHER_OR.test(source.slice(Math.max(0, m.index - 8), m.index)),
    ).length;
    if (count > 0) return count;
  }
  return 0;
}

const wording = new Memo<{ tickingRefuses: boolean; doubleNegative: boolean } | null>(5_000);

/**
 * How a consent control's wording says its state: whether ticking it
 * refuses (an opt-out control, which grants when left unticked: a clause of
 * opt-out wording with an odd number of negations), and whether a clause
 * stacks two or more negations (a double negative, whose meaning is hard to
 * tell). Null for text in a language the linter does not read.
 */
export function controlWording(text: string, langHint?: string | null): { tickingRefuses: boolean; doubleNegative: boolean } | null {
  const hint = langHint ?? null;
  return wording.get(`${hint ?? ""}\u0000${text}`, () => {
    const sources = lexiconSources(text, hint);
    if (sources === null) return null;
    // Each lexicon's source split once; the same clause index is the same clause in every one (folding keeps punctuation).
    const split = sources.map(({ lexicon, source }) => ({
      lexicon,
      clauses: source.split(HAN.test(text) ? CJK_CLAUSE_BREAKS : CLAUSE_BREAKS),
    }));
    let tickingRefuses = false;
    let doubleNegative = false;
    for (let i = 0; i < (split[0]?.clauses.length ?? 0); i++) {
      const clause = split.map(({ lexicon, clauses }) => ({ lexicon, source: (clauses[i] ?? "").trim() }));
      const count = negationCount(clause);
      if (count >= 2) doubleNegative = true;
      if (count % 2 === 1 && clause.some(({ lexicon, source }) => lexicon.optOut.test(source))) tickingRefuses = true;
    }
    return { tickingRefuses: tickingRefuses && !doubleNegative, doubleNegative };
  });
}

/**
 * Whether the action a consent statement names ("continuing to browse",
 * "die Website weiter nutzen", "继续使用") is conduct that is no affirmative
 * action: continuing, browsing, scrolling, closing, using the service. A
 * click on a named button ("by clicking Accept") is not. Null for text in a
 * language the linter does not read.
 */
export const isConduct = lexiconTest((l) => l.conduct);

/** Whether a button's or link's text offers a paid alternative to consent ("Subscribe", "Pur-Abo", "订阅免广告"). Null for text the linter does not read. */
export const offersPaidAlternative = lexiconTest((l) => l.paidAlternative);

/** Clauses of a notice: sentences, and the parts between commas and semicolons. */
const NOTICE_CLAUSES = /[.;:!?，,；。！？、]+/u;

const denied = new Memo<Purpose[] | null>(2_000);

/**
 * Purposes a notice names only to deny them ("We do not use analytics or
 * advertising cookies", "Es findet kein Tracking statt", "不使用分析或广告
 * Cookie"): each is named in no clause without a negation. Null for text in a
 * language the linter does not read.
 */
export function deniedPurposes(text: string, langHint?: string | null): Purpose[] | null {
  const hint = langHint ?? null;
  return denied.get(`${hint ?? ""}\u0000${text}`, () => {
    const sources = lexiconSources(text, hint);
    if (sources === null) return null;
    const named = new Set<Purpose>();
    const affirmed = new Set<Purpose>();
    for (const clause of normaliseText(text).split(NOTICE_CLAUSES)) {
      const purposes = analyzeConsent(clause, { langHint: hint ?? undefined, role: "statement" }).purposes;
      if (purposes.length === 0) continue;
      const negated = (lexiconSources(clause, hint) ?? []).some(
        ({ lexicon, source }) => (source.match(lexicon.negations) ?? []).length > 0 || lexicon.denials.test(source),
      );
      for (const p of purposes) (negated ? named : affirmed).add(p);
    }
    return [...named].filter((p) => !affirmed.has(p));
  });
}

/** Whether a consent request's text says refusing leaves the service out of reach ("如您拒绝，将无法观看"). Null for text the linter does not read. */
export const refusalDeniesService = lexiconTest((l) => l.refusalDenies);
