/** Every rule, in a stable order (the order reports and `consentlint rules` list them): the core rules, then the choice rules. */
import type { Rule } from "../lint/types.js";
import { asymmetricChoice } from "./asymmetric-choice/index.js";
import { bundledConsent } from "./bundled-consent/index.js";
import { confirmshaming } from "./confirmshaming/index.js";
import { consentWall } from "./consent-wall/index.js";
import { hiddenConsentText } from "./hidden-consent-text/index.js";
import { implicitConsent } from "./implicit-consent/index.js";
import { preCheckedOptIn } from "./pre-checked-opt-in/index.js";
import { trickQuestion } from "./trick-question/index.js";

export const allRules: Rule[] = [
  preCheckedOptIn,
  hiddenConsentText,
  bundledConsent,
  asymmetricChoice,
  implicitConsent,
  confirmshaming,
  trickQuestion,
  consentWall,
];

export {
  asymmetricChoice,
  bundledConsent,
  confirmshaming,
  consentWall,
  hiddenConsentText,
  implicitConsent,
  preCheckedOptIn,
  trickQuestion,
};
