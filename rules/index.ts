/** Every rule, in a stable order (the order reports and `consentlint rules` list them). */
import type { Rule } from "../lint/types.js";
import { bundledConsent } from "./bundled-consent/index.js";
import { hiddenConsentText } from "./hidden-consent-text/index.js";
import { preCheckedOptIn } from "./pre-checked-opt-in/index.js";

export const allRules: Rule[] = [preCheckedOptIn, hiddenConsentText, bundledConsent];

export { bundledConsent, hiddenConsentText, preCheckedOptIn };
