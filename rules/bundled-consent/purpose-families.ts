/**
 * Families of optional purposes: purposes from different families are
 * unrelated, and asking for them with one control bundles them.
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
