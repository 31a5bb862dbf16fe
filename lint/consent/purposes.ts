/** How optional purposes relate when one text names several. */
import type { Purpose } from "../language/types.js";

/**
 * Purposes that say how data is used for another purpose named beside them
 * ("share my email with partners so they can send me offers", "ads based on
 * my interest profile"): with another purpose they are its means, not a
 * purpose of their own.
 */
const MEANS: ReadonlySet<Purpose> = new Set(["third-party-sharing", "profiling"]);

/** The purposes a text is for: its purposes without the means, unless the means are all it names. */
export function endPurposes(purposes: readonly Purpose[]): Purpose[] {
  const ends = purposes.filter((p) => !MEANS.has(p));
  return [...new Set(ends.length > 0 ? ends : purposes)];
}
