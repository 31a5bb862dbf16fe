/**
 * What a piece of consent wording asks for: optional purposes, terms the
 * service needs, things that are not optional, policy pointers, and whether
 * it is a statement that an action grants consent.
 *
 * Matches of different kinds compete where they overlap, and the longer one
 * wins: "newsletter about your account" (necessary) beats "newsletter"
 * (marketing), "Credit Score Service Agreement" (credit scoring) beats
 * "Service Agreement" (terms), "non-essential cookies" beats "essential
 * cookies". Within purposes, a phrase that contains another purpose's
 * phrase is the more specific reading ("personalisierte Werbung" is
 * personalised ads, not also marketing; "marketing cookies" are cookies).
 */
import type { ConsentAnalysis, LanguageGuess, Purpose } from "./types.js";
import type { CompiledLexicon } from "./lexicon/compiled.js";
import type { Match, Pattern } from "./pattern.js";
import type { TextStream } from "./stream.js";
import { compiledLexicon } from "./lexicon/compiled.js";
import { findMatches } from "./pattern.js";
import { buildStream, sentenceOf } from "./stream.js";
import { detectLanguage } from "./detect.js";
import { hasLetters, normaliseText } from "./normalise.js";
import { findGrants, type Grant } from "./statements.js";
import { Memo } from "./memo.js";

export type ConsentRole = "control" | "statement" | "any";

export interface AnalyzeOptions {
  /** The lang attribute in effect for the text. */
  langHint?: string | null;
  /**
   * "control": the label of a checkbox, switch, radio group or select; the
   * control is the grant, so naming an optional purpose is asking for it.
   * "statement": free text; it asks for consent only with an explicit grant.
   * "any": either (pieces of text whose role is not known): a named purpose
   * counts, and statements are recognised.
   */
  role?: ConsentRole;
  /**
   * Earlier text of the same notice, in reading order: the blocks of a
   * banner or dialog before this one. Read only when a grant refers back
   * ("these cookies", "dem zu", "上述") and the text names no purpose before
   * it (see ConsentAnalysis.refersBack); the purposes it names are then
   * granted too. Never a control's label: that is the control's own consent.
   */
  context?: readonly string[];
}

type Kind = "purpose" | "necessary" | "terms" | "policy";

/** Token offsets of a match: first token, and the token after the last. */
interface Span {
  start: number;
  end: number;
}

interface KindMatch {
  kind: Kind;
  purpose: Purpose | null;
  start: number;
  end: number;
  gapless: boolean;
}

function length(m: KindMatch): number {
  return m.end - m.start;
}

function overlaps(a: KindMatch, b: KindMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

function collect(c: CompiledLexicon, stream: TextStream): KindMatch[] {
  const out: KindMatch[] = [];
  const add = (kind: Kind, patterns: readonly Pattern[], purpose: Purpose | null = null): void => {
    for (const p of patterns) for (const m of findMatches(p, stream.tokens)) out.push({ kind, purpose, ...m });
  };
  for (const t of c.purposes) add("purpose", [t.pattern], t.tag);
  add("necessary", c.necessary);
  add("terms", c.requiredTerms);
  add("policy", c.policies);
  return out;
}

/** Drops matches that a longer match of another kind overlaps, and purpose phrases inside a longer phrase of another purpose. */
function resolve(matches: readonly KindMatch[]): KindMatch[] {
  return matches.filter((m) => {
    for (const n of matches) {
      if (n === m || length(n) <= length(m)) continue;
      if (n.kind !== m.kind && overlaps(n, m)) return false;
      if (m.kind === "purpose" && n.kind === "purpose" && n.purpose !== m.purpose && n.gapless && n.start <= m.start && n.end >= m.end)
        return false;
    }
    return true;
  });
}

function surface(norm: string, stream: TextStream, m: Span): string {
  return norm.slice(stream.tokens[m.start].start, stream.tokens[m.end - 1].end);
}

/** The sentence of a policy mention says the policy is read or accepted ("I have read the privacy policy", "Datenschutzerklärung gelesen"). */
function acceptedInSentence(stream: TextStream, m: KindMatch, acknowledgement: RegExp): boolean {
  const sentence = stream.tokens[m.start].sentence;
  const from = sentence === 0 ? 0 : stream.sentenceEnds[sentence - 1] + 1;
  const to = sentence < stream.sentenceEnds.length ? stream.sentenceEnds[sentence] : stream.source.length;
  return acknowledgement.test(stream.source.slice(from, to));
}

function uniquePurposes(matches: readonly KindMatch[]): Purpose[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  return [...new Set(sorted.flatMap((m) => (m.purpose ? [m.purpose] : [])))];
}

/** Offsets at which clauses end: sentence ends and the lexicon's clause breaks. */
function clauseEnds(stream: TextStream, breaks: RegExp | undefined): number[] {
  const ends = [...stream.sentenceEnds];
  if (breaks) for (const m of stream.source.matchAll(breaks)) ends.push(m.index ?? 0);
  return ends.sort((a, b) => a - b);
}

/**
 * Purposes of the matches grouped by clause, in text order, without empty
 * clauses. A match that reaches across a break ("send me offers and share my
 * data with partners") belongs to the clause it ends in, where its object is.
 */
function purposesByClause(stream: TextStream, matches: readonly KindMatch[], ends: readonly number[]): Purpose[][] {
  const byClause = new Map<number, KindMatch[]>();
  for (const m of matches) {
    const last = stream.tokens[m.end - 1].start;
    const clause = ends.filter((e) => e < last).length;
    byClause.set(clause, [...(byClause.get(clause) ?? []), m]);
  }
  return [...byClause.keys()].sort((a, b) => a - b).map((k) => uniquePurposes(byClause.get(k) ?? []));
}

function sentenceText(stream: TextStream, sentence: number): string {
  const from = sentence === 0 ? 0 : stream.sentenceEnds[sentence - 1] + 1;
  const to = sentence < stream.sentenceEnds.length ? stream.sentenceEnds[sentence] : stream.source.length;
  return stream.source.slice(from, to);
}

/** Purpose matches outside negated sentences ("we never sell your data" names no purpose a later "these" points at). */
function affirmed(stream: TextStream, matches: readonly KindMatch[], negation: RegExp): KindMatch[] {
  const negated = new Map<number, boolean>();
  return matches.filter((m) => {
    const sentence = stream.tokens[m.start].sentence;
    if (!negated.has(sentence)) negated.set(sentence, negation.test(sentenceText(stream, sentence)));
    return !negated.get(sentence);
  });
}

/** Back references ("these cookies", "dem zu", "上述") that no other reading overlaps: "essential cookies" and "cookie policy" say what they are. */
function backReferences(c: CompiledLexicon, stream: TextStream, kept: readonly KindMatch[]): Match[] {
  const out: Match[] = [];
  for (const p of c.backReferences) {
    for (const m of findMatches(p, stream.tokens)) {
      if (!kept.some((k) => k.start < m.end && m.start < k.end)) out.push(m);
    }
  }
  // "cookies" inside "these cookies" is the same reference.
  return out.filter((m) => !out.some((n) => n !== m && n.end - n.start > m.end - m.start && n.start <= m.start && n.end >= m.end));
}

const namedMemo = new Memo<readonly Purpose[]>(5_000);

/** The optional purposes a piece of earlier text names, outside negated sentences; none for text the module cannot read. */
function purposesNamed(text: string, hint: string | null): readonly Purpose[] {
  return namedMemo.get(`${hint ?? ""}\u0000${text}`, () => {
    const norm = normaliseText(text);
    if (!hasLetters(norm)) return [];
    const language = detectLanguage(norm, hint);
    const c = language.supported ? compiledLexicon(language.language) : null;
    if (!c) return [];
    const stream = buildStream(norm, c.lexicon.tools);
    const purposes = resolve(collect(c, stream)).filter((m) => m.kind === "purpose");
    return Object.freeze(uniquePurposes(affirmed(stream, purposes, c.lexicon.negation)));
  });
}

function frozen(a: ConsentAnalysis): ConsentAnalysis {
  Object.freeze(a.purposes);
  for (const c of a.purposeClauses) Object.freeze(c);
  Object.freeze(a.purposeClauses);
  Object.freeze(a.matched);
  return Object.freeze(a);
}

function blank(language: LanguageGuess, status: ConsentAnalysis["status"]): ConsentAnalysis {
  return frozen({
    language,
    status,
    purposes: [],
    purposeClauses: [],
    optionalConsent: false,
    requiredTerms: false,
    necessaryOnly: false,
    necessaryMentioned: false,
    statement: false,
    statementAction: null,
    grantWording: null,
    refersBack: false,
    policyLinkOnly: false,
    matched: [],
  });
}

/** Quotation marks around a button's name in a statement. */
const QUOTES = /["'“”„‟‘’‚«»‹›「」『』]/u;

/** Character spans (in `norm`) of the button names statements quote: an action with a quotation mark right before it. */
function quotedActionSpans(norm: string, grants: readonly Grant[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const g of grants) {
    if (g.action === null) continue;
    for (let at = norm.indexOf(g.action); at >= 0; at = norm.indexOf(g.action, at + 1)) {
      if (at > 0 && QUOTES.test(norm[at - 1])) spans.push([at, at + g.action.length]);
    }
  }
  return spans;
}

function analyse(text: string, hint: string | null, role: ConsentRole, context: readonly string[]): ConsentAnalysis {
  const norm = normaliseText(text);
  const language = detectLanguage(norm, hint);
  if (!hasLetters(norm)) return blank(language, "empty");
  const c = language.supported ? compiledLexicon(language.language) : null;
  if (!c) return blank(language, "unsupported");

  const stream = buildStream(norm, c.lexicon.tools);
  const kept = resolve(collect(c, stream));
  const purposeMatches = kept.filter((m) => m.kind === "purpose");
  const necessary = kept.filter((m) => m.kind === "necessary");
  const terms = kept.filter((m) => m.kind === "terms");
  const policies = kept.filter((m) => m.kind === "policy");

  const grants: Grant[] = role === "control" ? [] : findGrants(stream.source, norm, c.lexicon);
  const statement = grants.length > 0;
  const grantSentences = new Set(grants.map((g) => sentenceOf(stream, g.end - 1)));
  // The name of the button a statement quotes ("By clicking “Get offers” you accept the terms") labels the action; it grants nothing itself.
  const named = quotedActionSpans(norm, grants);
  const granted = purposeMatches.filter(
    (m) =>
      grantSentences.has(stream.tokens[m.start].sentence) &&
      !named.some(([from, to]) => stream.tokens[m.start].start >= from && stream.tokens[m.end - 1].end <= to),
  );

  // A grant that points back ("these cookies", "dem zu", "上述") takes the purposes named in the sentences before
  // it; when there are none, those of the earlier text of the same notice (`context`).
  const references = backReferences(c, stream, kept).filter((r) => grantSentences.has(stream.tokens[r.start].sentence));
  const earlier = affirmed(stream, purposeMatches, c.lexicon.negation);
  const inherited: KindMatch[] = [];
  let refersBack = false;
  for (const sentence of new Set(references.map((r) => stream.tokens[r.start].sentence))) {
    const before = earlier.filter((m) => stream.tokens[m.start].sentence < sentence);
    if (before.length > 0) inherited.push(...before);
    else refersBack = true;
  }
  const fromContext = refersBack ? context.flatMap((t) => purposesNamed(t, hint)) : [];

  const mentioned = uniquePurposes(purposeMatches);
  const counted = role === "statement" && statement ? [...new Set([...granted, ...inherited])] : purposeMatches;
  const own = uniquePurposes(counted);
  const purposes = [...new Set([...own, ...fromContext])];
  const ownClauses = purposesByClause(
    stream,
    role === "statement" && statement ? granted : purposeMatches,
    clauseEnds(stream, c.lexicon.clauseBreaks),
  );
  const pointedAt = [...new Set([...uniquePurposes(inherited), ...fromContext])].filter(
    (p) => !ownClauses.some((clause) => clause.includes(p)),
  );
  const purposeClauses = pointedAt.length > 0 ? [...ownClauses, pointedAt] : ownClauses;
  const optionalConsent = role === "statement" ? statement && purposes.length > 0 : purposes.length > 0;
  const policyAccepted = policies.some((m) => acceptedInSentence(stream, m, c.lexicon.acknowledgement));
  const requiredTerms = terms.length > 0 || policyAccepted;
  const policyLinkOnly = policies.length > 0 && mentioned.length === 0 && terms.length === 0 && !statement && !policyAccepted;

  const matched = [
    ...kept.map((m) => `${m.purpose ?? m.kind}: ${surface(norm, stream, m)}`),
    ...grants.map((g) => `grant: ${g.wording}`),
    ...references.map((r) => `refers back: ${surface(norm, stream, r)}`),
    ...[...new Set(fromContext)].map((p) => `${p}: named earlier in the notice`),
  ];
  return frozen({
    language,
    status: "understood",
    purposes,
    purposeClauses,
    optionalConsent,
    requiredTerms,
    necessaryOnly: mentioned.length === 0 && necessary.length > 0,
    necessaryMentioned: necessary.length > 0,
    statement,
    statementAction: grants.find((g) => g.action !== null)?.action ?? null,
    grantWording: grants[0]?.wording ?? null,
    refersBack,
    policyLinkOnly,
    matched,
  });
}

const memo = new Memo<ConsentAnalysis>(20_000);

/** Reads consent wording; see AnalyzeOptions for the roles. Results are frozen and shared between callers. */
export function analyzeConsent(text: string, opts: AnalyzeOptions = {}): ConsentAnalysis {
  const hint = opts.langHint ?? null;
  const role = opts.role ?? "any";
  const context = opts.context ?? [];
  const key = `${role}\u0000${hint ?? ""}\u0000${text}${context.length > 0 ? `\u0000${context.join("\u0001")}` : ""}`;
  return memo.get(key, () => analyse(text, hint, role, context));
}
