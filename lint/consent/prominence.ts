/** Ranking of a step's buttons by how prominent they are to a reader. */
import type { ActionElement, Visibility } from "../model.js";

/** The element is laid out where a person can see it (not display:none, hidden, zero-size, collapsed or off-screen). */
export function isShown(v: Visibility): boolean {
  return !(v.displayNone || v.visibilityHidden || v.zeroSize || v.collapsed || v.offscreen);
}

function compareProminence(a: ActionElement, b: ActionElement): number {
  if (a.filled !== b.filled) return a.filled ? -1 : 1;
  if (a.area !== b.area) return b.area - a.area;
  return b.fontPx - a.fontPx;
}

/**
 * Shown actions with some text, most prominent first: filled buttons before
 * outlined ones and links, then larger boxes, then larger type. Document
 * order breaks ties. Disabled buttons stay in: a submit button disabled until
 * a box is ticked is still the step's main button.
 */
export function rankByProminence(actions: readonly ActionElement[]): ActionElement[] {
  return actions
    .map((action, index) => ({ action, index }))
    .filter(({ action }) => isShown(action.visibility) && action.text.trim().length > 0)
    .sort((a, b) => compareProminence(a.action, b.action) || a.index - b.index)
    .map(({ action }) => action);
}
