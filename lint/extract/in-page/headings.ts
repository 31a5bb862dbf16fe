/**
 * Headings in the page, for the regions they name: the text of each
 * heading (h1-h6, role=heading), given to its region; hidden headings count
 * only in a region hidden as a whole (a closed dialog still says what it is).
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type * as RegionFns from "./regions.js";
import type * as TextFns from "./text.js";
import type { RegionHeading } from "./frame-part.js";
import type { Info, Pass } from "./pass.js";

declare const regionOf: typeof RegionFns.regionOf;
declare const textIn: typeof TextFns.textIn;

/** The pass's headings with their regions, at most 100. */
export function regionHeadings(pass: Pass): RegionHeading[] {
  const headings: RegionHeading[] = [];
  const regionRoots = new Map<string, Info>();
  for (const [info, id] of pass.regionOfInfo) regionRoots.set(id, info);
  for (const info of pass.headingInfos) {
    if (headings.length >= 100) continue;
    const regionRoot = regionRoots.get(regionOf(pass, info));
    // Hidden headings count only in a region that is hidden as a whole (a closed dialog still says what it is).
    if (info.displayNone && !(regionRoot && regionRoot.displayNone)) continue;
    const text = textIn(pass, info, { limit: 300 }).text;
    if (text) headings.push({ regionId: regionOf(pass, info), text });
  }
  return headings;
}
