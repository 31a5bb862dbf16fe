/**
 * Families of optional purposes: purposes from different families are
 * unrelated, and asking for them with one control bundles them. So are
 * purposes granted in separate clauses of one label ("send me marketing
 * emails and let partners use my profile for ads").
 */
import type { Purpose } from "../../lint/language/types.js";
import { endPurposes } from "../../lint/consent/index.js";

const FAMILY: Record<Purpose, string> = {
  "third-party-sharing": "sharing",
  "credit-scoring": "sharing",
  profiling: "sharing",
  marketing: "marketing",
  "personalised-ads": "marketing",
  "analytics-cookies": "analytics",
  location: "location",
  contacts: "contacts",
  biometrics: "biometrics",
  "model-training": "model-training",
};

/** Number of unrelated purpose families among what the purposes are for (sharing and profiling count as the means of another purpose). */
export function familyCount(purposes: readonly Purpose[]): number {
  return new Set(endPurposes(purposes).map((p) => FAMILY[p])).size;
}

/** What one clause asks for: its end purposes, and sharing when it gives data to others (another recipient is another purpose). */
function clauseAsk(purposes: readonly Purpose[]): Set<Purpose> {
  const ask = new Set(endPurposes(purposes));
  if (purposes.includes("third-party-sharing")) ask.add("third-party-sharing");
  return ask;
}

function within(a: ReadonlySet<Purpose>, b: ReadonlySet<Purpose>): boolean {
  return [...a].every((p) => b.has(p));
}

/**
 * Clauses of one text that grant different things: two clauses count as
 * separate grants when neither asks only for things the other asks for too
 * (a heading "Partner offers" over "share my email with partners so they
 * can send me offers" is one grant, said twice).
 */
export function separateGrants(clauses: readonly (readonly Purpose[])[]): boolean {
  const asks = clauses.map(clauseAsk);
  return asks.some((a, i) => asks.some((b, j) => j > i && !within(a, b) && !within(b, a)));
}
