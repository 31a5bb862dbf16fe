/**
 * What the rules' results over a static model may claim. The rules judge the
 * model as if it were measured; static mode did not run scripts, lay out the
 * page, or read every style sheet and frame, so results that rest on those
 * facts move to incomplete, with the unknown as the reason:
 *
 * - a pass rests on the absence of a problem: with layout unknown, no text is
 *   known to be uncovered and unclipped; with scripts, no box is known to stay
 *   unticked, no button enabled, nothing not injected;
 * - a finding of hidden-consent-text rests on styles: with a style sheet not
 *   read, the styles may differ;
 * - findings and passes of bundled-consent rest on each region's purpose and
 *   main button. Where the main button depends on button sizes, the rule is
 *   run again with the buttons ranked in every way the sizes allow, and only
 *   results that hold in all of them stand; where a region itself depends on
 *   layout (a note of kind "static-mode: layout unknown" naming it), its
 *   results are unknown;
 * - what a script may add, or an unread frame may hold, is one page-level
 *   entry per rule.
 *
 * Findings that rest on the HTML as served (a `checked` attribute, a `required`
 * box, wording) stand.
 */
import type { ModelNote, PageModel } from "../../model.js";
import { runRules, type EngineOptions, type EngineResult } from "../../run/engine.js";
import type { Finding, IncompleteEntry, PassEntry } from "../../types.js";
import { rankingVariants } from "../model/region-layout.js";
import { FRAME_NOT_READ, LAYOUT_UNKNOWN, SCRIPTS_NOT_RUN, STYLESHEET_NOT_READ } from "./static-notes.js";

/** Rules whose findings rest on computed styles. */
const STYLE_FINDINGS: ReadonlySet<string> = new Set(["hidden-consent-text"]);
/** Rules whose findings and passes rest on each region's purpose and main button. */
const REGION_RESULTS: ReadonlySet<string> = new Set(["bundled-consent"]);

/** What each rule's passes rest on that static mode does not know, most telling first; rules not listed rest on all of it. */
const PASSES_REST_ON: Readonly<Record<string, readonly string[]>> = {
  "pre-checked-opt-in": [SCRIPTS_NOT_RUN],
  "bundled-consent": [SCRIPTS_NOT_RUN],
  "hidden-consent-text": [LAYOUT_UNKNOWN, SCRIPTS_NOT_RUN],
};
const EVERY_UNKNOWN = [LAYOUT_UNKNOWN, SCRIPTS_NOT_RUN];

const PASS_MESSAGES: Readonly<Record<string, string>> = {
  [LAYOUT_UNKNOWN]: "Looks readable in the HTML and styles, but static mode does not lay out the page: whether it is covered by another element or clipped by an overflow box is not known",
  [SCRIPTS_NOT_RUN]: "Fine in the HTML as served, but the page runs scripts, which static mode does not: they may tick, require, restyle or move it after load",
};

const RANKING_MESSAGE = "holds for some sizes of the step's buttons and not for others; static mode does not lay out the page, so which button is the main one is not known";

function where(note: ModelNote): { selector?: string } {
  return note.selector !== undefined ? { selector: note.selector } : {};
}

/** Regions whose existence depends on layout, by id, with the note saying why. */
function layoutRegions(model: PageModel): Map<string, ModelNote> {
  const bySelector = new Map(model.notes.filter((n) => n.kind === LAYOUT_UNKNOWN && n.selector !== undefined).map((n) => [n.selector as string, n]));
  const out = new Map<string, ModelNote>();
  for (const region of model.regions) {
    const note = bySelector.get(region.selector);
    if (note) out.set(region.id, note);
  }
  return out;
}

/** The region of the element a result names (a control, a text block or a button). */
function regionsBySelector(model: PageModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of [...model.texts, ...model.actions, ...model.controls]) out.set(item.selector, item.regionId);
  return out;
}

type Verdict = "finding" | "pass";

function resultKey(r: { selector: string; text: string }): string {
  return `${r.selector}\u241f${r.text}`;
}


function verdicts(result: Pick<EngineResult, "findings" | "passes">, ruleId: string): Map<string, { verdict: Verdict; selector: string }> {
  const out = new Map<string, { verdict: Verdict; selector: string }>();
  for (const p of result.passes) if (p.ruleId === ruleId) out.set(resultKey(p), { verdict: "pass", selector: p.selector });
  for (const f of result.findings) if (f.ruleId === ruleId) out.set(resultKey(f), { verdict: "finding", selector: f.selector });
  return out;
}

/**
 * Results of region-bound rules that change with the ranking of tied
 * buttons, by key, and the items that only some rankings report (with no
 * verdict in the model's own ranking).
 */
function rankingDependent(model: PageModel, result: EngineResult, opts: EngineOptions, regionOf: ReadonlyMap<string, string>): { keys: Set<string>; extra: IncompleteEntry[]; tooMany: Set<string> } {
  const keys = new Set<string>();
  const extra: IncompleteEntry[] = [];
  const selected = opts.rules.filter((r) => REGION_RESULTS.has(r.rule.meta.id));
  const { variants, tooMany } = rankingVariants(model);
  for (const { rule } of variants.length > 0 ? selected : []) {
    const ruleId = rule.meta.id;
    const base = verdicts(result, ruleId);
    for (const variant of variants) {
      const inRegion = (r: { selector: string }): boolean => regionOf.get(r.selector) === variant.region.id;
      const other = runRules(variant.model, { ...opts, rules: selected.filter((s) => s.rule === rule) });
      const seen = verdicts(other, ruleId);
      for (const [key, b] of base) if (seen.get(key)?.verdict !== b.verdict && inRegion(b)) keys.add(key);
      for (const f of other.findings) {
        const key = resultKey(f);
        if (base.has(key) || keys.has(key) || !inRegion(f)) continue;
        keys.add(key);
        extra.push({ ruleId, reason: LAYOUT_UNKNOWN, message: `Found only for some sizes of the step's buttons: ${f.message}; static mode does not lay out the page, so which button is the main one is not known`, selector: f.selector, text: f.text });
      }
    }
  }
  return { keys, extra, tooMany: new Set(tooMany.map((r) => r.id)) };
}

/**
 * Moves the results static mode cannot stand behind to incomplete. Results of
 * a browser model are returned unchanged.
 */
export function staticLimits(model: PageModel, result: EngineResult, opts: EngineOptions): EngineResult {
  if (model.source !== "static") return result;
  const scripts = model.notes.find((n) => n.kind === SCRIPTS_NOT_RUN) ?? null;
  const unknown = new Set(model.notes.map((n) => n.kind));
  const sheets = model.notes.filter((n) => n.kind === STYLESHEET_NOT_READ);
  const frames = model.notes.filter((n) => n.kind === FRAME_NOT_READ);
  const incomplete: IncompleteEntry[] = [...result.incomplete];
  const unknownRegions = layoutRegions(model);
  const regionOf = regionsBySelector(model);
  const ranking = rankingDependent(model, result, opts, regionOf);
  incomplete.push(...ranking.extra);

  /** Why a region-bound result is not known, or null. */
  const regionDoubt = (r: Finding | PassEntry): string | null => {
    if (!REGION_RESULTS.has(r.ruleId)) return null;
    const regionId = regionOf.get(r.selector);
    const note = regionId === undefined ? null : unknownRegions.get(regionId);
    if (note) return `${note.message}, and static mode does not lay out the page`;
    if (regionId !== undefined && ranking.tooMany.has(regionId)) return "the main button of its step depends on the sizes of more buttons than static mode tries";
    return ranking.keys.has(resultKey(r)) ? RANKING_MESSAGE : null;
  };

  const findings = result.findings.filter((f) => {
    const doubt = regionDoubt(f);
    if (doubt) {
      incomplete.push({ ruleId: f.ruleId, reason: LAYOUT_UNKNOWN, message: `${f.message}, as static mode reads the step; but this ${doubt}`, selector: f.selector, text: f.text });
      return false;
    }
    if (sheets.length === 0 || !STYLE_FINDINGS.has(f.ruleId)) return true;
    incomplete.push({
      ruleId: f.ruleId,
      reason: STYLESHEET_NOT_READ,
      message: `${f.message}, by the styles static mode read; ${sheets.length === 1 ? "a style sheet" : `${sheets.length} style sheets`} could not be read (${sheets[0].message}), so the styles in effect may differ`,
      selector: f.selector,
      text: f.text,
    });
    return false;
  });

  const passes = result.passes.filter((p) => {
    const doubt = regionDoubt(p);
    if (doubt) {
      incomplete.push({ ruleId: p.ruleId, reason: LAYOUT_UNKNOWN, message: `Not tied to the step as static mode reads it; but this ${doubt}`, selector: p.selector, text: p.text });
      return false;
    }
    const reason = (PASSES_REST_ON[p.ruleId] ?? EVERY_UNKNOWN).find((kind) => unknown.has(kind));
    if (reason === undefined) return true;
    incomplete.push({ ruleId: p.ruleId, reason, message: PASS_MESSAGES[reason], selector: p.selector, text: p.text });
    return false;
  });

  for (const { rule } of opts.rules) {
    const ruleId = rule.meta.id;
    if (scripts) {
      incomplete.push({
        ruleId,
        reason: SCRIPTS_NOT_RUN,
        message: "The page runs scripts, which static mode does not: consent controls or text they add after load, and boxes they tick, are not seen",
        ...where(scripts),
      });
    }
    for (const frame of frames) incomplete.push({ ruleId, reason: FRAME_NOT_READ, message: `A frame could not be read in static mode (${frame.message}); consent controls inside it are not seen`, ...where(frame) });
  }

  const undecided = new Set(incomplete.map((i) => i.ruleId));
  return {
    ...result,
    findings,
    passes,
    incomplete,
    inapplicable: result.inapplicable.filter((id) => !undecided.has(id)),
  };
}

/** The rules over a static model, with what static mode cannot know moved to incomplete. */
export function runStaticRules(model: PageModel, opts: EngineOptions): EngineResult {
  return staticLimits(model, runRules(model, opts), opts);
}
