/**
 * The consent-language module: the one place that reads consent wording.
 * Every rule asks it; none keeps word lists of its own.
 */
export type {
  ChoiceAction,
  ConsentAnalysis,
  LanguageGuess,
  OptionPolarity,
  PrimaryPurpose,
  Purpose,
  PurposeAnalysis,
  PurposeSignals,
  SupportedLanguage,
} from "./types.js";
export { detectLanguage } from "./detect.js";
export { analyzeConsent, type AnalyzeOptions, type ConsentRole } from "./consent.js";
export { optionPolarity } from "./polarity.js";
export {
  choiceAction,
  controlWording,
  deniedPurposes,
  isConduct,
  offersPaidAlternative,
  refusalDeniesService,
  shamesRefusal,
} from "./choice-actions.js";
export { classifyPrimaryPurpose } from "./primary-purpose.js";
export { fingerprintText } from "./fingerprint.js";
export { tokenize } from "./tokenize.js";
export { supportedLanguages, isSupportedLanguage } from "./lexicon/registry.js";
