/**
 * What layout decides about regions, which static mode does not lay out:
 *
 * - whether a fixed or sticky element is a banner, when that needs its width
 *   or a frame's size: a note of kind "static-mode: layout unknown" naming the
 *   region (and one for the region around it), whose results are then unknown;
 * - which button is a region's or a form's main one: the browser ranks
 *   filled buttons before the others, then by area, which static mode does
 *   not know. When several tie for first, the model's order is one of the
 *   possible ones; `rankingVariants` gives the others, so that results can be
 *   checked against every one of them (see static-outcome.ts).
 */
import type { ActionElement, ModelNote, PageModel, Region } from "../../model.js";
import { rankByProminence } from "../../consent/prominence.js";
import { stepActions } from "../../consent/regions.js";
import { LAYOUT_UNKNOWN, STATIC_MODE } from "../outcome/static-notes.js";

/** Most variants of one region's button ranking that are tried; beyond that the region's results are unknown. */
export const MAX_RANKING_VARIANTS = 12;

/** The first-ranked actions, as far as static mode can rank them: those tying with the first on being filled. */
function tiedForFirst(actions: readonly ActionElement[]): ActionElement[] {
  const ranked = rankByProminence(actions);
  if (ranked.length === 0) return [];
  return ranked.filter((a) => a.filled === ranked[0].filled);
}

function differ(actions: readonly ActionElement[], key: (a: ActionElement) => unknown): boolean {
  return new Set(actions.map(key)).size > 1;
}

function regionName(r: Region): string {
  return r.kind === "page" ? "the page" : `${r.kind} ${r.selector}`;
}

/** Notes for fixed or sticky elements whose being a banner needs layout: each names the regions it touches (its own and the one around it). */
export function bannerLayoutNotes(regions: readonly Region[], uncertain: readonly { regionIds: string[]; why: string }[]): ModelNote[] {
  const why = new Map<string, string>();
  for (const banner of uncertain) for (const id of banner.regionIds) if (!why.has(id)) why.set(id, banner.why);
  return regions
    .filter((r) => why.has(r.id))
    .map((r) => ({ kind: LAYOUT_UNKNOWN, message: why.get(r.id) as string, selector: r.selector }));
}

interface Tie {
  region: Region;
  /** Buttons tying for first in the region. */
  regionTies: ActionElement[];
  /** Per form or group of the region: buttons tying for first that differ in being disabled. */
  groupTies: ActionElement[][];
}

function ties(model: PageModel): Tie[] {
  const steps = stepActions(model);
  const out: Tie[] = [];
  for (const region of model.regions) {
    const inRegion = steps.filter((a) => a.regionId === region.id);
    const first = tiedForFirst(inRegion);
    const regionTies = differ(first, (a) => `${a.groupId}\u241f${a.text}\u241f${a.disabled}`) ? first : [];
    const groups = new Set(inRegion.map((a) => a.groupId).filter((g): g is string => g !== null));
    const groupTies = [...groups]
      .map((g) => tiedForFirst(inRegion.filter((a) => a.groupId === g)))
      .filter((t) => differ(t, (a) => a.disabled));
    if (regionTies.length > 0 || groupTies.length > 0) out.push({ region, regionTies: regionTies, groupTies: groupTies });
  }
  return out;
}

/** Informational notes for regions whose main button depends on button sizes. */
export function rankingNotes(model: PageModel): ModelNote[] {
  return ties(model).map((t) => ({
    kind: STATIC_MODE,
    message: `the main button of ${regionName(t.region)} depends on the sizes of its buttons (${[...new Set([...t.regionTies, ...t.groupTies.flat()].map((a) => `"${a.text}"`))].join(", ")}); results are checked against each`,
    selector: t.region.selector,
  }));
}

/** Area rankings to try: each candidate first (with each other second), so that the step's purpose and main button take every value the sizes allow. */
function rankings(tie: Tie): Map<ActionElement, number>[] {
  const out: Map<ActionElement, number>[] = [];
  const rt = tie.regionTies;
  for (const a of rt) {
    const others = rt.filter((b) => b !== a);
    if (others.length === 0) out.push(new Map([[a, 2]]));
    for (const b of others)
      out.push(
        new Map([
          [a, 2],
          [b, 1],
        ]),
      );
  }
  for (const group of tie.groupTies) for (const a of group) out.push(new Map([[a, 3]]));
  return out;
}

export interface RankingVariant {
  region: Region;
  /**
   * The model with the region's buttons ranked one of the ways their sizes
   * allow, and with that region only: the rules' results for the region's
   * own controls, statements and buttons are what they would be in the whole
   * model (regions are judged each on their own); results for elements of
   * other regions are not meaningful in it.
   */
  model: PageModel;
}

export interface RankingVariants {
  variants: RankingVariant[];
  /** Regions with more possible rankings than are tried: their results are not known. */
  tooMany: Region[];
}

/** The model's regions whose buttons tie, each with its buttons ranked in every way their unknown sizes allow. */
export function rankingVariants(model: PageModel): RankingVariants {
  const variants: RankingVariant[] = [];
  const tooMany: Region[] = [];
  const allSteps = stepActions(model);
  for (const tie of ties(model)) {
    const list = rankings(tie);
    if (list.length > MAX_RANKING_VARIANTS) {
      tooMany.push(tie.region);
      continue;
    }
    const steps = allSteps.filter((a) => a.regionId === tie.region.id);
    const order = (actions: readonly ActionElement[]): string =>
      rankByProminence(actions)
        .map((a) => a.id)
        .join(" ");
    const seen = new Set([order(steps)]);
    for (const areas of list) {
      const reranked = (a: ActionElement): ActionElement => (areas.has(a) ? { ...a, area: areas.get(a) as number } : a);
      const key = order(steps.map(reranked));
      if (seen.has(key)) continue;
      seen.add(key);
      variants.push({ region: tie.region, model: { ...model, regions: [tie.region], actions: model.actions.map(reranked) } });
    }
  }
  return { variants, tooMany };
}
