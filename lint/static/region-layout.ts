/**
 * Regions whose reading depends on layout in static mode, as model notes of
 * kind "static-mode: layout unknown" with the region's selector:
 *
 * - a fixed or sticky element that may or may not be a banner (its width or a
 *   frame's size needs layout): the candidate and the region around it;
 * - a region or group whose main button depends on button sizes: the
 *   browser ranks filled buttons by area, which static mode does not know, so
 *   when several shown filled (or several unfilled) buttons tie for first
 *   and they differ in text, form or disabled state, the main button is not
 *   known.
 */
import type { ActionElement, Control, ModelNote, Region } from "../model.js";
import { rankByProminence } from "../consent/prominence.js";
import { LAYOUT_UNKNOWN } from "./static-notes.js";

/** The first-ranked actions, as far as static mode can rank them: those tying with the first on being filled. */
function tiedForFirst(actions: readonly ActionElement[]): ActionElement[] {
  const ranked = rankByProminence(actions);
  if (ranked.length === 0) return [];
  return ranked.filter((a) => a.filled === ranked[0].filled);
}

function differ(actions: readonly ActionElement[], key: (a: ActionElement) => unknown): boolean {
  return new Set(actions.map(key)).size > 1;
}

export interface RegionLayoutInput {
  regions: readonly Region[];
  actions: readonly ActionElement[];
  controls: readonly Control[];
  /** Fixed or sticky elements whose being a banner needs layout: the region ids it touches (its own and the one around it) and why, as a clause. */
  uncertainBanners: readonly { regionIds: string[]; why: string }[];
}

function regionName(r: Region): string {
  return r.kind === "page" ? "the page" : `${r.kind} ${r.selector}`;
}

export function regionLayoutNotes(input: RegionLayoutInput): ModelNote[] {
  const controls = new Set(input.controls.map((c) => c.selector));
  const steps = input.actions.filter((a) => !controls.has(a.selector));
  const why = new Map<string, string>();
  for (const banner of input.uncertainBanners) for (const id of banner.regionIds) if (!why.has(id)) why.set(id, banner.why);
  for (const region of input.regions) {
    if (why.has(region.id)) continue;
    const first = tiedForFirst(steps.filter((a) => a.regionId === region.id));
    if (differ(first, (a) => `${a.groupId}\u241f${a.text}`)) why.set(region.id, `the main button of ${regionName(region)} depends on the sizes of its buttons`);
  }
  const groups = new Set(steps.map((a) => a.groupId).filter((g): g is string => g !== null));
  for (const group of groups) {
    const inGroup = steps.filter((a) => a.groupId === group);
    const first = tiedForFirst(inGroup);
    if (!differ(first, (a) => a.disabled)) continue;
    const region = input.regions.find((r) => r.id === inGroup[0].regionId);
    if (region && !why.has(region.id)) why.set(region.id, `whether the main button of a form in ${regionName(region)} is disabled depends on the sizes of its buttons`);
  }
  return input.regions.filter((r) => why.has(r.id)).map((r) => ({ kind: LAYOUT_UNKNOWN, message: why.get(r.id) as string, selector: r.selector }));
}
