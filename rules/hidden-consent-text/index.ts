/**
 * hidden-consent-text: consent-bearing text (a consent control's text, or a
 * consent statement) is in the current step but a reader could not
 * reasonably read it.
 */
import type { Box, PageModel, Region, TextBlock, TextRun } from "../../lint/model.js";
import type { Evidence, PassEntry, Rule, RuleContext, RuleFinding, RuleIncomplete, RuleOutcome } from "../../lint/types.js";
import type { Purpose } from "../../lint/language/types.js";
import { consentView, endPurposes, langHint, normaliseSpace, reportedText, type ControlView, type StatementView } from "../../lint/consent/index.js";
import { repeatsPurposes } from "../../lint/consent/layers.js";
import { controlEvidence, controlPass, purposeKey, statementEvidence, statementPass } from "../evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { whileGrantingWords } from "../message-words.js";
import { blindSpotIncompletes, finishOutcome, unreadIncompletes } from "../outcome.js";
import { ConsentReader, consentRuns, type ConsentRun } from "./consent-runs.js";
import { MESSAGES, notRenderedMessage, unreadableMessage } from "./messages.js";
import { DEFAULT_OPTIONS, OPTIONS_SCHEMA, type HiddenTextOptions } from "./options.js";
import {
  backgroundUnknown,
  hexColour,
  notRenderedConditions,
  unreadableConditions,
  type NotRenderedCondition,
  type UnreadableCondition,
} from "./readability.js";

const ID = "hidden-consent-text";

/** A control or statement whose consent text is judged. */
interface Subject {
  anchor: "control" | "statement";
  blocks: TextBlock[];
  /** The consent it carries is in effect (the control grants, the statement applies). */
  inEffect: boolean;
  /** How the message says that the consent is in effect ("while the box is ticked"). */
  inEffectWords: string;
  langHint: string | undefined;
  noun: string;
  /** Purposes the whole text asks for. */
  purposes: readonly Purpose[];
  /** The shown toggle a control in a collapsed list hangs under (a service under its purpose), read as if it granted; null for none. */
  governor: Subject | null;
  /** Whether the text is a word-for-word copy of text shown readable on the control's line (its visible name beside a screen-reader copy). */
  copiedBeside: (text: string) => boolean;
}

/** What the judging of one model shares: its thresholds and the consent layers over the page. */
interface JudgeContext {
  model: PageModel;
  t: HiddenTextOptions;
  consentLayers: readonly Region[];
}

type Verdict =
  | { kind: "not-rendered"; run: TextRun; conditions: NotRenderedCondition[] }
  | { kind: "unreadable"; run: TextRun; conditions: UnreadableCondition[] }
  | { kind: "background-unknown"; run: TextRun }
  | { kind: "readable" };

/**
 * Screen-reader-only runs the visible text already covers: the control's
 * readable, rendered consent runs name every purpose the hidden run is for
 * (sharing or profiling as the means of a named purpose add nothing new).
 */
function visiblyRepeated(run: ConsentRun, runs: readonly ConsentRun[], t: HiddenTextOptions): boolean {
  const seen = runs.filter((r) => r !== run && notRenderedConditions(r.run.visibility).length === 0 && unreadableConditions(r.run, t).length === 0);
  if (!seen.some((r) => r.carries)) return false;
  const shown = new Set(seen.flatMap((r) => r.purposes));
  return endPurposes(run.purposes).every((p) => shown.has(p));
}

function severity(v: Verdict): number[] {
  if (v.kind === "readable") return [0];
  if (v.kind === "background-unknown") return [1];
  const run = v.run;
  return [v.kind === "not-rendered" ? 3 : 2, v.conditions.length, -run.effectiveFontPx, -(run.contrast ?? Infinity)];
}

function worse(a: Verdict, b: Verdict): boolean {
  const sa = severity(a);
  const sb = severity(b);
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const x = sa[i] ?? 0;
    const y = sb[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

/**
 * A consent dialog or banner over the page is a step of its own, answered
 * before the page beneath: page text it covers is not hidden by the page.
 */
function underConsentLayer(run: ConsentRun, layers: readonly Region[]): boolean {
  const x = run.run.box.x + run.run.box.width / 2;
  const y = run.run.box.y + run.run.box.height / 2;
  return layers.some((l) => l.id !== run.block.regionId && x >= l.box.x && x <= l.box.x + l.box.width && y >= l.box.y && y <= l.box.y + l.box.height);
}

/** Conditions that make a rendered run unreadable, but for being covered by a consent layer over it. */
function unreadableFor(r: ConsentRun, t: HiddenTextOptions, consentLayers: readonly Region[]): UnreadableCondition[] {
  return unreadableConditions(r.run, t).filter((c) => c !== "covered" || !underConsentLayer(r, consentLayers));
}

/** The purposes a run stands for: its own, else its block's, else the whole text's. */
function runPurposes(r: ConsentRun, reader: ConsentReader, subject: Subject): readonly Purpose[] {
  if (r.purposes.length > 0) return r.purposes;
  const block = reader.meaning(r.block.text).purposes;
  return block.length > 0 ? block : subject.purposes;
}

/** Purposes a control's consent text names where a person can read them: in its own rendered, readable runs. */
function readablePurposes(subject: Subject, runs: readonly ConsentRun[], reader: ConsentReader, t: HiddenTextOptions, consentLayers: readonly Region[]): Set<Purpose> {
  const out = new Set<Purpose>();
  for (const r of runs) {
    if (!r.carries || notRenderedConditions(r.run.visibility).length > 0 || unreadableFor(r, t, consentLayers).length > 0 || backgroundUnknown(r.run)) continue;
    for (const p of runPurposes(r, reader, subject)) out.add(p);
  }
  return out;
}

/** Text compared word for word, whatever its spacing and case. */
function copyKey(text: string): string {
  return normaliseSpace(text).toLowerCase();
}

/** Two boxes on one line: they overlap vertically by at least half the shorter one. */
function sameLine(a: Box, b: Box): boolean {
  if (a.height <= 0 || b.height <= 0) return false;
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlap >= 0.5 * Math.min(a.height, b.height);
}

/**
 * Texts a person reads on a control's line, in its region and frame: blocks
 * rendered and readable in every run. A control whose label is a copy hidden
 * for screen readers (vanilla-cookieconsent's `.toggle__label` at opacity 0
 * under the switch) has its visible name there, usually the section's title
 * button beside the switch.
 */
function readableCopiesBeside(c: ControlView, jc: JudgeContext): Set<string> {
  const out = new Set<string>();
  const own = c.control;
  const lines = [own.box, ...c.blocks.map((b) => b.box)].filter((b) => b.height > 0);
  if (lines.length === 0) return out;
  for (const block of jc.model.texts) {
    if (block.regionId !== own.regionId || block.framePath !== own.framePath) continue;
    if (!lines.some((l) => sameLine(l, block.box))) continue;
    if (notRenderedConditions(block.visibility).length > 0) continue;
    const readable = block.runs.every((run) => {
      const r: ConsentRun = { run, block, purposes: [], carries: false };
      return notRenderedConditions(run.visibility).length === 0 && unreadableFor(r, jc.t, jc.consentLayers).length === 0 && !backgroundUnknown(run);
    });
    if (readable && block.runs.length > 0) out.add(copyKey(block.text));
  }
  return out;
}

/** `readableCopiesBeside`, read only when a run of the control is not readable: it scans the region's text blocks. */
function lazyCopiesBeside(c: ControlView, jc: JudgeContext): (text: string) => boolean {
  let copies: Set<string> | null = null;
  return (text) => (copies ??= readableCopiesBeside(c, jc)).has(copyKey(text));
}

function judge(subject: Subject, t: HiddenTextOptions, consentLayers: readonly Region[]): Verdict | null {
  const reader = new ConsentReader(subject.langHint);
  const runs = consentRuns(subject.blocks, reader);
  if (runs.length === 0) return null;
  let readable: Set<Purpose> | null = null;
  let governorReadable: boolean | null = null;
  /**
   * Layered detail: a run put out of sight that names only purposes the
   * control's own readable text names, or that repeats the consent of the
   * governing toggle it hangs under when all of that toggle's text is
   * readable (a collapsed list of services under a readable purpose), hides
   * no consent.
   */
  const repeatsReadable = (r: ConsentRun): boolean => {
    if (subject.anchor !== "control") return false;
    const purposes = runPurposes(r, reader, subject);
    readable ??= readablePurposes(subject, runs, reader, t, consentLayers);
    const shown = readable;
    if (purposes.length > 0 && purposes.every((p) => shown.has(p))) return true;
    const governor = subject.governor;
    if (!governor) return false;
    governorReadable ??= judge(governor, t, consentLayers)?.kind === "readable";
    return governorReadable && repeatsPurposes(purposes, governor.purposes);
  };
  let worst: Verdict = { kind: "readable" };
  for (const r of runs) {
    const hidden = notRenderedConditions(r.run.visibility);
    let verdict: Verdict;
    if (hidden.length > 0) {
      const excused =
        !subject.inEffect || (r.run.visibility.srOnly && subject.anchor === "control" && visiblyRepeated(r, runs, t)) || repeatsReadable(r);
      verdict = excused ? { kind: "readable" } : { kind: "not-rendered", run: r.run, conditions: hidden };
    } else {
      const unreadable = unreadableFor(r, t, consentLayers);
      if (unreadable.length > 0) verdict = { kind: "unreadable", run: r.run, conditions: unreadable };
      else verdict = backgroundUnknown(r.run) ? { kind: "background-unknown", run: r.run } : { kind: "readable" };
    }
    // A word-for-word copy of text a person reads on the control's line hides nothing.
    if (verdict.kind !== "readable" && subject.copiedBeside(r.run.text)) continue;
    if (worse(verdict, worst)) worst = verdict;
  }
  return worst;
}

function runEvidence(run: TextRun, conditions: readonly string[]): Evidence {
  return {
    fontPx: run.fontPx,
    effectiveFontPx: run.effectiveFontPx,
    contrast: run.contrast,
    color: hexColour(run.color),
    background: run.background ? hexColour(run.background) : null,
    backgroundSource: run.backgroundSource,
    opacity: run.visibility.opacity,
    transformScale: run.visibility.transformScale,
    box: { ...run.box },
    conditions: [...conditions],
  };
}

interface Anchor {
  selector: string;
  role: string;
  name: string;
  text: string;
  kind: string;
  purposes: Purpose[];
  evidence: Evidence;
}

function controlSubject(c: ControlView, jc: JudgeContext): Subject {
  return {
    anchor: "control",
    blocks: c.blocks,
    // A box the flow's own actions set was chosen while it was shown: its text, put away since (a dialog closed after "Save"), hid nothing.
    inEffect: c.granting && !c.control.touchedByFlow,
    inEffectWords: whileGrantingWords(c.control.kind),
    langHint: c.langHint,
    noun: "Consent text",
    purposes: c.analysis.purposes,
    // The governing toggle's text must be readable as if it granted: every run of it rendered and readable.
    governor: c.governor ? { ...controlSubject(c.governor, jc), inEffect: true, governor: null } : null,
    copiedBeside: lazyCopiesBeside(c, jc),
  };
}

function controlAnchor(c: ControlView): Anchor {
  return {
    selector: c.control.selector,
    role: c.control.role,
    name: c.control.name,
    text: reportedText(c.text),
    kind: c.control.kind,
    purposes: c.analysis.purposes,
    evidence: controlEvidence(c),
  };
}

/** A statement applies whenever its region is shown: nobody has to tick anything for it to take effect. */
function statementSubject(s: StatementView, model: PageModel): Subject {
  return {
    anchor: "statement",
    blocks: [s.block],
    inEffect: s.region.region.visible,
    inEffectWords: "although it still applies",
    langHint: langHint(model, [s.block]),
    noun: "Consent statement",
    purposes: s.analysis.purposes,
    governor: null,
    copiedBeside: () => false,
  };
}

function statementAnchor(s: StatementView): Anchor {
  return {
    selector: s.block.selector,
    role: "text",
    name: "",
    text: reportedText(s.block.text),
    kind: "text",
    purposes: s.analysis.purposes,
    evidence: statementEvidence(s),
  };
}

function findingOf(subject: Subject, anchor: Anchor, verdict: Verdict & { kind: "not-rendered" | "unreadable" }, model: PageModel, t: HiddenTextOptions): RuleFinding {
  const message =
    verdict.kind === "not-rendered"
      ? notRenderedMessage(subject.noun, verdict.conditions, subject.inEffectWords)
      : unreadableMessage(subject.noun, verdict.conditions, verdict.run, t);
  return {
    ...message,
    selector: anchor.selector,
    role: anchor.role,
    name: anchor.name,
    text: anchor.text,
    evidence: { ...anchor.evidence, ...runEvidence(verdict.run, verdict.conditions), viewport: model.viewport },
    fingerprintParts: [subject.anchor, anchor.kind, purposeKey(anchor.purposes)],
  };
}

function check(model: PageModel, ctx: RuleContext<HiddenTextOptions>): RuleOutcome {
  const view = consentView(model, ctx.languages);
  const t = ctx.options;
  const consentLayers = view.regions.filter((r) => r.consentStep && r.region.kind !== "page" && r.region.visible).map((r) => r.region);
  const findings: RuleFinding[] = [];
  const passes: Omit<PassEntry, "ruleId">[] = [];
  const incomplete: RuleIncomplete[] = [];
  const subjects: { subject: Subject; anchor: Anchor; pass: Omit<PassEntry, "ruleId"> }[] = [
    ...view.consentControls.map((c) => ({ subject: controlSubject(c, { model, t, consentLayers }), anchor: controlAnchor(c), pass: controlPass(c) })),
    ...view.statements.map((s) => ({ subject: statementSubject(s, model), anchor: statementAnchor(s), pass: statementPass(s) })),
  ];
  for (const { subject, anchor, pass } of subjects) {
    const verdict = judge(subject, t, consentLayers);
    if (verdict === null) continue;
    if (verdict.kind === "readable") passes.push(pass);
    else if (verdict.kind === "background-unknown") {
      incomplete.push({
        reason: "background-image",
        messageId: "backgroundUnknown",
        data: { subject: subject.noun, backdrop: verdict.run.backgroundSource === "canvas" ? "canvas" : "image" },
        selector: verdict.run.selector,
        text: anchor.text,
      });
    } else findings.push(findingOf(subject, anchor, verdict, model, t));
  }
  incomplete.push(...unreadIncompletes(view.unread, new Set(["control", "text"])), ...blindSpotIncompletes(model));
  return finishOutcome(findings, passes, incomplete);
}

export const hiddenConsentText: Rule<HiddenTextOptions> = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "error",
    description: "Consent text must be rendered where a person can read it",
    title: "Consent text hard to see or hidden",
    explanation:
      "The words that ask for consent are too small, too faint, covered or hidden, so a person cannot reasonably read what they are agreeing to. A request for consent has to be clear and easy to see.",
    fullDescription:
      "Finds consent-bearing text (the label of a consent control, or a statement that an action grants consent) that is rendered but unreadable (under 10 px, scaled to near zero, contrast under 3:1, transparent, under 0.4 opacity, covered by another element), whatever the control's state; and text that is not rendered where a person can see it (off-screen, clipped, zero size, visibility:hidden, display:none, inside a collapsed section) while the consent it carries is in effect. Text on a background image cannot be measured and is reported as incomplete. Thresholds are configurable.",
    docsUrl: docsUrl(ID),
    legal: [LEGAL.gdprArt7_2, LEGAL.gdprArt12_1, LEGAL.edpb032022Hidden, LEGAL.wcag143, LEGAL.wcag144, LEGAL.piplArt17],
    messages: MESSAGES,
    schema: OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_OPTIONS,
    deprecatedConfigKey: "thresholds",
    // A finding rests on the styles read; a pass on nothing covering or clipping the text (layout), then on no script restyling it.
    restsOn: { findings: ["styles"], passes: ["layout", "scripts"] },
  },
  check,
};
