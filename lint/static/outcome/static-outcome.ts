/**
 * What the rules' results over a static model may claim. The rules judge the
 * model as if it were measured; static mode did not run scripts, lay out the
 * page, or read every style sheet and frame, so results that rest on those
 * facts move to incomplete, with the unknown as the reason. Each rule says
 * what its findings and its passes rest on (meta.restsOn), most telling first:
 *
 * - "styles": with a style sheet not read, the styles in effect may differ;
 * - "layout": with layout unknown, no text is known to be uncovered and
 *   unclipped;
 * - "scripts": with scripts not run, no box is known to stay unticked, no
 *   button enabled, nothing not injected;
 * - "button-ranking": each region's purpose and main button. Where the main
 *   button depends on button sizes, the rule is run again with the buttons
 *   ranked in every way the sizes allow, and only results that hold in all of
 *   them stand; where a region itself depends on layout (a note of kind
 *   "static-mode: layout unknown" naming it), its results are unknown.
 *
 * What a script may add, or an unread frame may hold, is one page-level entry
 * per rule. Results that rest on none of the unknowns (a `checked` attribute,
 * a `required` box, wording: the HTML as served) stand.
 */
import type { ModelNote, PageModel } from "../../model.js";
import { runRules, type EngineOptions, type EngineResult } from "../../run/engine.js";
import type { Finding, IncompleteEntry, PassEntry, RuleBasis, RuleMeta } from "../../types.js";
import { rankingVariants } from "../model/region-layout.js";
import { FRAME_NOT_READ, LAYOUT_UNKNOWN, SCRIPTS_NOT_RUN, STYLESHEET_NOT_READ } from "./static-notes.js";

/** Whether a rule rests on the ranking of a step's buttons, in its findings or its passes. */
function restsOnRanking(meta: RuleMeta): boolean {
  return meta.restsOn.findings.includes("button-ranking") || meta.restsOn.passes.includes("button-ranking");
}

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
  const selected = opts.rules.filter((r) => restsOnRanking(r.rule.meta));
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

  const metas = new Map(opts.rules.map(({ rule }) => [rule.meta.id, rule.meta]));
  const sheetsNote = (): string =>
    `${sheets.length === 1 ? "a style sheet" : `${sheets.length} style sheets`} could not be read (${sheets[0].message}), so the styles in effect may differ`;

  /** Why a result that rests on the step's buttons is not known, or null. */
  const rankingDoubt = (r: Finding | PassEntry): string | null => {
    const regionId = regionOf.get(r.selector);
    const note = regionId === undefined ? null : unknownRegions.get(regionId);
    if (note) return `${note.message}, and static mode does not lay out the page`;
    if (regionId !== undefined && ranking.tooMany.has(regionId)) return "the main button of its step depends on the sizes of more buttons than static mode tries";
    return ranking.keys.has(resultKey(r)) ? RANKING_MESSAGE : null;
  };

  /** The incomplete entry a finding becomes when what it rests on is unknown, or null when it stands. */
  const findingDoubt = (f: Finding, basis: RuleBasis): IncompleteEntry | null => {
    const at = (reason: string, message: string): IncompleteEntry => ({ ruleId: f.ruleId, reason, message, selector: f.selector, text: f.text });
    switch (basis) {
      case "button-ranking": {
        const doubt = rankingDoubt(f);
        return doubt ? at(LAYOUT_UNKNOWN, `${f.message}, as static mode reads the step; but this ${doubt}`) : null;
      }
      case "styles":
        return sheets.length > 0 ? at(STYLESHEET_NOT_READ, `${f.message}, by the styles static mode read; ${sheetsNote()}`) : null;
      case "layout":
        return unknown.has(LAYOUT_UNKNOWN)
          ? at(LAYOUT_UNKNOWN, `${f.message}, as static mode reads the page; but static mode does not lay out the page, so where it is and what covers it is not known`)
          : null;
      case "scripts":
        return scripts ? at(SCRIPTS_NOT_RUN, `${f.message} in the HTML as served; but the page runs scripts, which static mode does not: they may change it after load`) : null;
    }
  };

  /** The incomplete entry a pass becomes when what it rests on is unknown, or null when it stands. */
  const passDoubt = (p: PassEntry, basis: RuleBasis): IncompleteEntry | null => {
    const at = (reason: string, message: string): IncompleteEntry => ({ ruleId: p.ruleId, reason, message, selector: p.selector, text: p.text });
    switch (basis) {
      case "button-ranking": {
        const doubt = rankingDoubt(p);
        return doubt ? at(LAYOUT_UNKNOWN, `Not tied to the step as static mode reads it; but this ${doubt}`) : null;
      }
      case "styles":
        return sheets.length > 0 ? at(STYLESHEET_NOT_READ, `Fine by the styles static mode read; but ${sheetsNote()}`) : null;
      case "layout":
        return unknown.has(LAYOUT_UNKNOWN)
          ? at(LAYOUT_UNKNOWN, "Looks readable in the HTML and styles, but static mode does not lay out the page: whether it is covered by another element or clipped by an overflow box is not known")
          : null;
      case "scripts":
        return unknown.has(SCRIPTS_NOT_RUN)
          ? at(SCRIPTS_NOT_RUN, "Fine in the HTML as served, but the page runs scripts, which static mode does not: they may tick, require, restyle or move it after load")
          : null;
    }
  };

  /** Keeps the results that stand; the others go to incomplete, for the first of their bases that is unknown. */
  function standing<R extends Finding | PassEntry>(results: readonly R[], basesOf: (meta: RuleMeta) => readonly RuleBasis[], doubt: (r: R, basis: RuleBasis) => IncompleteEntry | null): R[] {
    return results.filter((r) => {
      const meta = metas.get(r.ruleId);
      for (const basis of meta ? basesOf(meta) : []) {
        const entry = doubt(r, basis);
        if (!entry) continue;
        incomplete.push(entry);
        return false;
      }
      return true;
    });
  }

  const findings = standing(result.findings, (m) => m.restsOn.findings, findingDoubt);
  const passes = standing(result.passes, (m) => m.restsOn.passes, passDoubt);

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
