/** Evidence and pass entries the three rules share for consent controls and statements. */
import type { PassEntry, Evidence } from "../lint/types.js";
import type { Purpose } from "../lint/language/types.js";
import type { ControlView, StatementView } from "../lint/consent/index.js";
import { reportedText } from "../lint/consent/index.js";

/** Purposes in a stable order, for fingerprints. */
export function purposeKey(purposes: readonly Purpose[]): string {
  return [...new Set(purposes)].sort().join("+") || "optional";
}

/** What was read about a consent control: its state and how it was read, and what it asks for. */
export function controlEvidence(c: ControlView): Evidence {
  const control = c.control;
  return {
    checked: control.checked,
    checkedSource: control.checkedSource,
    defaultChecked: control.defaultChecked,
    required: control.required,
    disabled: control.disabled,
    ...(c.optionText !== null ? { option: c.optionText } : {}),
    ...(c.tickingRefuses ? { tickingRefuses: true } : {}),
    purposes: c.analysis.purposes,
    language: c.analysis.language.language,
  };
}

/** What was read about a consent statement. */
export function statementEvidence(s: StatementView): Evidence {
  return { purposes: s.analysis.purposes, language: s.analysis.language.language };
}

export function controlPass(c: ControlView): Omit<PassEntry, "ruleId"> {
  return { selector: c.control.selector, role: c.control.role, name: c.control.name, text: reportedText(c.text) };
}

export function statementPass(s: StatementView): Omit<PassEntry, "ruleId"> {
  return { selector: s.block.selector, role: "text", name: "", text: reportedText(s.block.text) };
}
