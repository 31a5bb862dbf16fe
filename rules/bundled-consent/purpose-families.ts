/** Families of optional purposes: purposes from different families are unrelated, and asking for them at once bundles them. */
import type { Purpose } from "../../lint/language/types.js";

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

/** Number of unrelated purpose families among the purposes. */
export function familyCount(purposes: readonly Purpose[]): number {
  return new Set(purposes.map((p) => FAMILY[p])).size;
}
