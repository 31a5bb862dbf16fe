/** The text a reader takes as a control's label, and the text of its chosen option. */
import type { Control } from "../model.js";
import { joinDistinct, normaliseSpace } from "./text.js";

/** The selected option of a <select>, if any. */
export function selectedOption(control: Control): { text: string; value: string } | null {
  const option = control.options?.find((o) => o.selected);
  return option ? { text: option.text, value: option.value } : null;
}

/**
 * The option's own text: a radio's label ("Yes", "不同意"), a select's
 * selected option. Null for controls that are not one option of several.
 */
export function optionText(control: Control): string | null {
  if (control.kind === "radio") return joinDistinct([control.name, control.labelText]);
  if (control.kind === "select") {
    const option = selectedOption(control);
    return option ? normaliseSpace(option.text || option.value) : "";
  }
  return null;
}

/**
 * A control's consent text: accessible name, label, the sentence it sits in,
 * aria-describedby text and the radio group's question, without repeats.
 * Radios and selects put the question first and the chosen option last, as a
 * reader takes them ("Share my number with partners? Yes").
 */
export function consentText(control: Control): string {
  const context = [control.sentenceText, control.describedByText];
  if (control.kind === "radio") return joinDistinct([control.groupLabel, ...context, control.name, control.labelText]);
  if (control.kind === "select") {
    return joinDistinct([control.groupLabel, control.name, control.labelText, ...context, optionText(control) ?? ""]);
  }
  return joinDistinct([control.name, control.labelText, ...context, control.groupLabel]);
}
