/**
 * Types of the consent-language module: the one place that reads consent
 * wording, used by every rule.
 */

/** Optional processing purposes (see rules.md "Consent to optional processing"). */
export type Purpose =
  | "third-party-sharing"
  | "credit-scoring"
  | "profiling"
  | "marketing"
  | "personalised-ads"
  | "analytics-cookies"
  | "location"
  | "contacts"
  | "biometrics"
  | "model-training";

/** What a step is for. "consent" covers consent dialogs, cookie banners and privacy-settings steps. */
export type PrimaryPurpose =
  | "view-report"
  | "lottery"
  | "signup"
  | "login"
  | "newsletter"
  | "checkout"
  | "install"
  | "booking"
  | "game"
  | "consent"
  | "settings"
  | "content"
  | "unknown";

/** Languages whose consent wording is understood. */
export type SupportedLanguage = "en" | "de" | "zh";

export interface LanguageGuess {
  /** BCP 47 primary tag ("en", "de", "zh", "fr", "ja", ...) or "und" when there is too little text. */
  language: string;
  /** For zh: "Hans", "Hant" or null when it cannot tell. */
  script: string | null;
  supported: boolean;
}

export interface ConsentAnalysis {
  language: LanguageGuess;
  /**
   * "understood": supported language, analysed; "unsupported": a language the module cannot read
   * (the caller reports incomplete, never guesses); "empty": no words.
   */
  status: "understood" | "unsupported" | "empty";
  /** Optional-processing purposes the text asks permission for. Empty when none. */
  purposes: Purpose[];
  /**
   * The same purposes by the clause that asks for them, in text order:
   * sentences, and coordinated grants within one ("send me offers and let
   * partners use my profile for ads"). Clauses that name no purpose are left out.
   */
  purposeClauses: Purpose[][];
  /** The text grants (or asks to grant) consent to at least one optional purpose. */
  optionalConsent: boolean;
  /** The text accepts terms needed for the service (terms of service, payment terms, privacy notice acknowledgement). */
  requiredTerms: boolean;
  /** The text is about something not optional only: remember me, theme, language, own-account notifications, strictly necessary cookies. */
  necessaryOnly: boolean;
  /** The text names something strictly necessary (even beside optional purposes it may deny). */
  necessaryMentioned: boolean;
  /**
   * The text says an action or continuing grants agreement without a control
   * ("by clicking Pay you agree ...", "installing means you authorise ...", "继续即表示同意").
   */
  statement: boolean;
  /** The text mentions the action that grants (the verb or button named in a statement), when it does. */
  statementAction: string | null;
  /** The words of the statement's first grant ("By scrolling this page, clicking a link or carrying on using the site, you agree"), when it is one. */
  grantWording: string | null;
  /**
   * A grant points back at purposes named before it ("By continuing you agree
   * to these cookies", "stimmen Sie dem zu", "即表示您同意上述Cookie") and the
   * text names none before it: the earlier text of the same notice, given as
   * `context`, says what is granted.
   */
  refersBack: boolean;
  /** The text only points to a policy without granting anything ("see our privacy policy"). */
  policyLinkOnly: boolean;
  /** The words or phrases that matched, for evidence and debugging. */
  matched: string[];
}

export type OptionPolarity = "grant" | "refuse" | "neutral";

/** What a consent request's button or link does (rules.md, "Choice rules"): see `choiceAction`. */
export type ChoiceAction = "accept" | "refuse" | "settings" | "acknowledge" | "other";

export interface PurposeSignals {
  title: string;
  headings: string[];
  /** Texts of the main buttons, most prominent first. */
  buttons: string[];
  /** Labels or names of form fields (not consent controls). */
  fields: string[];
  /** Texts of the flow's actions that led here ("View my annual bill"). */
  flowActions: string[];
  /** Labels of the consent controls in the region, to tell a consent dialog from a page with one box. */
  consentControlCount: number;
  /** All controls (checkbox/radio/switch/select) in the region. */
  controlCount: number;
  /**
   * The running text of a layer over the page (dialog, banner, frame), read
   * weakly: a bar with no heading that says "we use cookies" is a consent
   * notice. Empty for the page itself.
   */
  texts?: string[];
}

export interface PurposeAnalysis {
  purpose: PrimaryPurpose;
  language: LanguageGuess;
  /** Which signal decided it ("heading", "title", "button", "flow-action", "fields", "controls"). */
  decidedBy: string;
  matched: string[];
}
