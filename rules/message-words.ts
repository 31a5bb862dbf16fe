/** Words the rules' messages use for purposes, steps and controls. */
import type { ControlKind } from "../lint/model.js";
import type { PrimaryPurpose, Purpose } from "../lint/language/types.js";

const PURPOSE_WORDS: Record<Purpose, string> = {
  "third-party-sharing": "sharing with third parties",
  "credit-scoring": "credit scoring",
  profiling: "profiling",
  marketing: "marketing",
  "personalised-ads": "personalised ads",
  "analytics-cookies": "analytics cookies",
  location: "precise location",
  contacts: "access to contacts",
  biometrics: "biometrics",
  "model-training": "training models on user content",
};

const STEP_WORDS: Record<PrimaryPurpose, string> = {
  "view-report": "viewing the report",
  lottery: "entering the draw",
  signup: "signing up",
  login: "logging in",
  newsletter: "subscribing to the newsletter",
  checkout: "paying",
  install: "installing",
  booking: "booking",
  game: "playing",
  consent: "the consent choice",
  settings: "the settings",
  content: "using the page",
  unknown: "using the page",
};

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Purposes in reading order ("sharing with third parties and credit scoring"); "optional data processing" when none was named. */
export function purposeWords(purposes: readonly Purpose[]): string {
  return purposes.length === 0 ? "optional data processing" : listWords(purposes.map((p) => PURPOSE_WORDS[p]));
}

/** What a person does on a step ("viewing the report"). */
export function stepWords(purpose: PrimaryPurpose): string {
  return STEP_WORDS[purpose];
}

/** The participle for a control in its granting state: a box is ticked, a switch is on, a radio is preselected. */
/** How an opt-out box or switch is left when it grants: "left unticked", "left switched off". */
export function leftWord(kind: ControlKind): string {
  return kind === "switch" || kind === "toggle-button" ? "left switched off" : "left unticked";
}

export function grantedWord(kind: ControlKind): string {
  switch (kind) {
    case "checkbox":
    case "menuitemcheckbox":
      return "ticked";
    case "switch":
    case "toggle-button":
      return "switched on";
    case "radio":
    case "select":
      return "preselected";
  }
}

/** How a message says a control is in its granting state ("while the box is ticked"). */
export function whileGrantingWords(kind: ControlKind): string {
  switch (kind) {
    case "checkbox":
    case "menuitemcheckbox":
      return "while the box is ticked";
    case "switch":
    case "toggle-button":
      return "while the switch is on";
    case "radio":
    case "select":
      return "while the granting option is selected";
  }
}

/** The control as a noun ("box", "switch", "option"). */
export function controlNoun(kind: ControlKind): string {
  switch (kind) {
    case "checkbox":
    case "menuitemcheckbox":
      return "box";
    case "switch":
    case "toggle-button":
      return "switch";
    case "radio":
    case "select":
      return "option";
  }
}
