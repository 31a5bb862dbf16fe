/**
 * Collapsed panels both extractors recognise: a display:none element that
 * a disclosure explains is collapsed (its text is there to be opened), not
 * hidden. Also when a link is drawn as a button.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other functions of this file by name): static mode imports
 * them, and the browser extractor sends their source text into the page and
 * runs them there.
 */

/** A panel by its own markup: a tab panel, or hidden="until-found" (`hidden` as the caller reads it). */
export function panelByMarkup(role: string, hidden: string | null): boolean {
  return role === "tabpanel" || hidden === "until-found";
}

/** An element whose aria-controls names panels it opens: an expander (aria-expanded) or a tab. */
export function opensPanels(hasExpanded: boolean, role: string): boolean {
  return hasExpanded || role === "tab";
}

/** How many previous siblings of a hidden element are looked at for an expander that explains it. */
export function expanderReach(): number {
  return 2;
}

/** Padding of a link drawn as a button: 12 px across and 4 px down, at least. */
export function paddedLikeButton(horizontal: number, vertical: number): boolean {
  return horizontal >= 12 && vertical >= 4;
}
