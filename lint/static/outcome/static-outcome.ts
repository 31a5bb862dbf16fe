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

const RANKING_MESSAGE =
  "holds for some sizes of the step's buttons and not for others; static mode does not lay out the page, so which button is the main one is not known";

function where(note: ModelNote): { selector?: string } {
  return note.selector !== undefined ? { selector: note.selector } : {};
}

/** Regions whose existence depends on layout, by id, with the note saying why. */
function layoutRegions(model: PageModel): Map<string, ModelNote> {
  const bySelector = new Map(
    model.notes.filter((n) => n.kind === LAYOUT_UNKNOWN && n.selector !== undefined).map((n) => [n.selector as string, n]),
  );
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
function rankingDependent(
  model: PageModel,
  result: EngineResult,
  opts: EngineOptions,
  regionOf: ReadonlyMap<string, string>,
): { keys: Set<string>; extra: IncompleteEntry[]; tooMany: Set<string> } {
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
        extra.push({
          ruleId,
          reason: LAYOUT_UNKNOWN,
          message: `Found only for some sizes of the step's buttons: ${f.message}; static mode does not lay out the page, so which button is the main one is not known`,
          selector: f.selector,
          text: f.text,
        });
      }
    }
  }
  return { keys, extra, tooMany: new Set(tooMany.map((r) => r.id)) };
}

/** What static mode does not know about one model, read once for judging its results. */
interface Unknowns {
  notes: ReadonlySet<string>;
  sheets: readonly ModelNote[];
  unknownRegions: ReadonlyMap<string, ModelNote>;
  regionOf: ReadonlyMap<string, string>;
  ranking: { keys: ReadonlySet<string>; tooMany: ReadonlySet<string> };
}

function sheetsWords(sheets: readonly ModelNote[]): string {
  return `${sheets.length === 1 ? "a style sheet" : `${sheets.length} style sheets`} could not be read (${sheets[0].message}), so the styles in effect may differ`;
}

/** Why a result that rests on the step's buttons is not known, or null. */
function rankingDoubt(u: Unknowns, r: Finding | PassEntry): string | null {
  const regionId = u.regionOf.get(r.selector);
  const note = regionId === undefined ? null : u.unknownRegions.get(regionId);
  if (note) return `${note.message}, and static mode does not lay out the page`;
  if (regionId !== undefined && u.ranking.tooMany.has(regionId))
    return "the main button of its step depends on the sizes of more buttons than static mode tries";
  return u.ranking.keys.has(resultKey(r)) ? RANKING_MESSAGE : null;
}

function entry(r: Finding | PassEntry, reason: string, message: string): IncompleteEntry {
  return { ruleId: r.ruleId, reason, message, selector: r.selector, text: r.text };
}

/** The incomplete entry a finding becomes when what it rests on is unknown, or null when it stands. */
function findingDoubt(u: Unknowns, f: Finding, basis: RuleBasis): IncompleteEntry | null {
  switch (basis) {
    case "button-ranking": {
      const doubt = rankingDoubt(u, f);
      return doubt ? entry(f, LAYOUT_UNKNOWN, `${f.message}, as static mode reads the step; but this ${doubt}`) : null;
    }
    case "styles":
      return u.sheets.length > 0
        ? entry(f, STYLESHEET_NOT_READ, `${f.message}, by the styles static mode read; ${sheetsWords(u.sheets)}`)
        : null;
    case "layout":
      return u.notes.has(LAYOUT_UNKNOWN)
        ? entry(
            f,
            LAYOUT_UNKNOWN,
            `${f.message}, as static mode reads the page; but static mode does not lay out the page, so where it is and what covers it is not known`,
          )
        : null;
    case "scripts":
      return u.notes.has(SCRIPTS_NOT_RUN)
        ? entry(
            f,
            SCRIPTS_NOT_RUN,
            `${f.message} in the HTML as served; but the page runs scripts, which static mode does not: they may change it after load`,
          )
        : null;
  }
}

/** The incomplete entry a pass becomes when what it rests on is unknown, or null when it stands. */
function passDoubt(u: Unknowns, p: PassEntry, basis: RuleBasis): IncompleteEntry | null {
  switch (basis) {
    case "button-ranking": {
      const doubt = rankingDoubt(u, p);
      return doubt ? entry(p, LAYOUT_UNKNOWN, `Not tied to the step as static mode reads it; but this ${doubt}`) : null;
    }
    case "styles":
      return u.sheets.length > 0
        ? entry(p, STYLESHEET_NOT_READ, `Fine by the styles static mode read; but ${sheetsWords(u.sheets)}`)
        : null;
    case "layout":
      return u.notes.has(LAYOUT_UNKNOWN)
        ? entry(
            p,
            LAYOUT_UNKNOWN,
            "Looks readable in the HTML and styles, but static mode does not lay out the page: whether it is covered by another element or clipped by an overflow box is not known",
          )
        : null;
    case "scripts":
      return u.notes.has(SCRIPTS_NOT_RUN)
        ? entry(
            p,
            SCRIPTS_NOT_RUN,
            "Fine in the HTML as served, but the page runs scripts, which static mode does not: they may tick, require, restyle or move it after load",
          )
        : null;
  }
}

/**
 * The results that stand; each other one goes to `incomplete`, for the first
 * basis its rule's meta.restsOn lists that the model leaves unknown.
 */
function standing<R extends Finding | PassEntry>(
  results: readonly R[],
  basesOf: (ruleId: string) => readonly RuleBasis[],
  doubt: (r: R, basis: RuleBasis) => IncompleteEntry | null,
  incomplete: IncompleteEntry[],
): R[] {
  return results.filter((r) => {
    for (const basis of basesOf(r.ruleId)) {
      const moved = doubt(r, basis);
      if (!moved) continue;
      incomplete.push(moved);
      return false;
    }
    return true;
  });
}

/**
 * Moves the results static mode cannot stand behind to incomplete. Results of
 * a browser model are returned unchanged.
 */
export function staticLimits(model: PageModel, result: EngineResult, opts: EngineOptions): EngineResult {
  if (model.source !== "static") return result;
  const scripts = model.notes.find((n) => n.kind === SCRIPTS_NOT_RUN) ?? null;
  const frames = model.notes.filter((n) => n.kind === FRAME_NOT_READ);
  const regionOf = regionsBySelector(model);
  const ranking = rankingDependent(model, result, opts, regionOf);
  const u: Unknowns = {
    notes: new Set(model.notes.map((n) => n.kind)),
    sheets: model.notes.filter((n) => n.kind === STYLESHEET_NOT_READ),
    unknownRegions: layoutRegions(model),
    regionOf,
    ranking,
  };
  const incomplete: IncompleteEntry[] = [...result.incomplete, ...ranking.extra];
  const restsOn = new Map(opts.rules.map(({ rule }) => [rule.meta.id, rule.meta.restsOn]));
  const findings = standing(
    result.findings,
    (id) => restsOn.get(id)?.findings ?? [],
    (f, basis) => findingDoubt(u, f, basis),
    incomplete,
  );
  const passes = standing(
    result.passes,
    (id) => restsOn.get(id)?.passes ?? [],
    (p, basis) => passDoubt(u, p, basis),
    incomplete,
  );

  for (const { rule } of opts.rules) {
    const ruleId = rule.meta.id;
    if (scripts) {
      incomplete.push({
        ruleId,
        reason: SCRIPTS_NOT_RUN,
        message:
          "The page runs scripts, which static mode does not: consent controls or text they add after load, and boxes they tick, are not seen",
        ...where(scripts),
      });
    }
    for (const frame of frames)
      incomplete.push({
        ruleId,
        reason: FRAME_NOT_READ,
        message: `A frame could not be read in static mode (${frame.message}); consent controls inside it are not seen`,
        ...where(frame),
      });
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
