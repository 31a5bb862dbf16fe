/**
 * Required controls: a strictly necessary category shown checked and
 * disabled, or labelled always on ("always required", "immer aktiv",
 * "始终启用"), grants nothing optional. It is not a consent control, whatever
 * text sits around it.
 */
import type { Control } from "../model.js";
import type { ConsentAnalysis } from "../language/types.js";
import { analyzeConsent } from "../language/index.js";
import { joinDistinct } from "./text.js";

/** Why a control is taken for a required one: shown checked and disabled, or its own label says it is always on. */
export type RequiredReason = "checked-disabled" | "always-on-label";

/**
 * Labels that say a category is always on or cannot be refused, in English,
 * German and Chinese (simplified and traditional); global, for `matchAll`.
 * Negated forms ("non-essential", "nicht notwendig", "非必要") are not markers.
 */
const ALWAYS_ON: readonly RegExp[] = [
  /(?<![\p{L}-])(?:always[ -](?:required|active|on|enabled|allowed)|strictly[ -]necessary|essential|necessary|required)(?![\p{L}])/giu,
  /(?<![\p{L}])(?:immer[ -](?:erforderlich|aktiv|an|aktiviert|notwendig)|unbedingt[ -](?:erforderlich|notwendig)\p{L}*|notwendig\p{L}*|erforderlich\p{L}*|essen[sz]iell\p{L}*)/giu,
  /(?:始终|始終|总是|總是|一直|一律|永远|永遠)(?:启用|啟用|开启|開啟|激活|有效|允许|允許)|必要|必需|必須|必须/gu,
];

/** Words before a marker that turn it into its opposite. */
const NEGATED: readonly RegExp[] = [/(?:\bnon[ -]?|\bun|\bnot[ -]|\bnicht[ -]|\bkein\p{L}*[ -]|非|不)$/iu];

/** The text says a category is always on, required or strictly necessary ("(always required)", "immer aktiv", "始终启用"). */
export function hasAlwaysOnMarker(text: string): boolean {
  for (const marker of ALWAYS_ON) {
    for (const m of text.matchAll(marker)) {
      const before = text.slice(0, m.index ?? 0);
      if (!NEGATED.some((n) => n.test(before))) return true;
    }
  }
  return false;
}

/** The control's own label: its accessible name and <label> text, or the sentence it sits in when it has neither. */
export function ownLabel(control: Control): string {
  const own = joinDistinct([control.name, control.labelText]);
  return own !== "" ? own : control.sentenceText;
}

/**
 * Why the control is a required one, or null. Checked and disabled: the
 * person cannot refuse, so nothing is asked. Labelled always on: only when
 * it is shown on, the form does not require it, and its own label names no
 * optional purpose itself; a switch that says
 * "Analytics (always on)" and can be switched off still asks for consent to
 * analytics, which is optional whatever the label claims.
 */
export function requiredReason(control: Control, langHint: string | undefined): RequiredReason | null {
  if (control.disabled && control.checked === true) return "checked-disabled";
  // Always on means shown on; a box the form requires ("I agree (required)") must be ticked to go on, which is bundling, not a required category.
  if (control.kind === "radio" || control.kind === "select" || control.checked !== true || control.required) return null;
  const label = ownLabel(control);
  if (!hasAlwaysOnMarker(label)) return null;
  const own: ConsentAnalysis = analyzeConsent(label, { langHint, role: "control" });
  return own.purposes.length === 0 ? "always-on-label" : null;
}
