/**
 * Layered information: a collapsed list of services or vendors under a
 * shown purpose toggle repeats that toggle's consent in more detail
 * (klaro's purpose and its services, a category and its cookie table, a
 * category and its vendors). The toggle governs the list; whether its own
 * text is readable is the rules' call.
 */
import type { Control, Visibility } from "../model.js";
import type { ConsentAnalysis } from "../language/types.js";

/** What the governing decision needs of a control's reading. */
export interface LayerReading {
  control: Control;
  analysis: ConsentAnalysis;
  consent: boolean;
}

/** Taken out of the layout: a closed <details>, a display:none panel, visibility:hidden. */
export function putAway(v: Visibility): boolean {
  return v.collapsed || v.displayNone || v.visibilityHidden;
}

/**
 * For each control put away in a collapsed list, the control that governs
 * it, by index into `readings`; -1 for none. The governor is the nearest
 * control before it in the same frame and region that is not put away (the
 * toggle whose row or section the list hangs under), is a consent control by
 * its own text (`own`: readings before master toggles lend their neighbours'
 * purposes) and names every purpose the hidden control does. A hidden
 * control that adds a purpose the toggle does not name is not a repeat.
 */
export function governorIndexes(readings: readonly LayerReading[], own: readonly LayerReading[]): number[] {
  const out = readings.map(() => -1);
  const lastShown = new Map<string, number>();
  readings.forEach((r, i) => {
    const key = `${r.control.framePath}\u0000${r.control.regionId}`;
    if (!putAway(r.control.visibility)) {
      lastShown.set(key, i);
      return;
    }
    const g = lastShown.get(key);
    if (g === undefined || !r.consent) return;
    const governor = own[g];
    if (!governor.consent) return;
    const named = new Set(governor.analysis.purposes);
    if (r.analysis.purposes.length > 0 && r.analysis.purposes.every((p) => named.has(p))) out[i] = g;
  });
  return out;
}
