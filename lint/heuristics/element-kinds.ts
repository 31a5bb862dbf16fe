/**
 * What kind of element a page element is, as both extractors tell them
 * apart: consent-control roles, the input types that are form fields, and the
 * input types that are buttons.
 *
 * Every function here is standalone (no imports at run time, no module
 * state): static mode imports them, and the browser extractor sends their
 * source text into the page and runs them there.
 */

/** The tables of element kinds; made once by each caller. */
export interface ElementKinds {
  /** ARIA roles of controls that can give consent (checked or not). */
  controlRoles: Set<string>;
  /** `<input type>` values that are form fields a person fills in. */
  fieldInputs: Set<string>;
  /** `<input type>` values that are buttons. */
  actionInputs: Set<string>;
}

/** The element-kind tables. */
export function elementKinds(): ElementKinds {
  return {
    controlRoles: new Set(["checkbox", "switch", "radio", "menuitemcheckbox"]),
    fieldInputs: new Set([
      "text",
      "email",
      "tel",
      "password",
      "number",
      "date",
      "datetime-local",
      "month",
      "week",
      "time",
      "search",
      "url",
      "file",
    ]),
    actionInputs: new Set(["submit", "button", "reset", "image"]),
  };
}
