/**
 * Layered information: a collapsed list of services or vendors under a
 * shown purpose toggle repeats that toggle's consent in more detail
 * (klaro's purpose and its services, a category and its cookie table, a
 * category and its vendors). The toggle governs the list; whether its own
 * text is readable is the rules' call.
 */
import type { Control, Visibility } from "../model.js";
import type { ConsentAnalysis, Purpose } from "../language/types.js";
import { endPurposes } from "./purposes.js";

/** What the governing decision needs of a control's reading. */
export interface LayerReading {
  control: Control;
  analysis: ConsentAnalysis;
  consent: boolean;
}

/**
 * Whether detail under a purpose toggle asks for nothing the toggle does not:
 * every purpose it is for is one the toggle names. A service or vendor is a
 * third party the purpose's data goes to, so its sharing or profiling, as the
 * means of the toggle's purpose, is detail too.
 */
export function repeatsPurposes(detail: readonly Purpose[], governing: readonly Purpose[]): boolean {
  if (detail.length === 0 || governing.length === 0) return false;
  const named = new Set(governing);
  return endPurposes([...detail, ...governing]).every((p) => named.has(p));
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
 * purposes) and names every purpose the hidden control is for
 * (`repeatsPurposes`). A hidden control that adds a purpose the toggle does
 * not name is not a repeat.
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
    if (repeatsPurposes(r.analysis.purposes, governor.analysis.purposes)) out[i] = g;
  });
  return out;
}
