/** One-line messages for hidden consent text. */
import type { TextRun } from "../../lint/model.js";
import type { Thresholds } from "../../lint/types.js";
import { reportedText } from "../../lint/consent/index.js";
import { listWords } from "../message-words.js";
import type { NotRenderedCondition, UnreadableCondition } from "./readability.js";

/** A number with at most one decimal ("8", "9.5"). */
function short(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A contrast ratio that never rounds up to the threshold it failed ("2.96" rather than "3.0" against 3:1). */
function ratio(value: number, min: number): string {
  const one = Math.round(value * 10) / 10;
  return one >= min ? value.toFixed(2) : String(one);
}

function percent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}

/** How each unreadable condition reads: as the sentence's first fact ("is 8 px") and as a later one ("8 px"). */
function describe(c: UnreadableCondition, run: TextRun, t: Thresholds): { lead: string; tail: string; need?: string } {
  switch (c) {
    case "font-size":
      return { lead: `is ${short(run.effectiveFontPx)} px`, tail: `${short(run.effectiveFontPx)} px`, need: `${short(t.minFontPx)} px` };
    case "contrast": {
      const r = `${ratio(run.contrast ?? 0, t.minContrast)}:1`;
      return { lead: `has contrast ${r}`, tail: `contrast ${r}`, need: `${short(t.minContrast)}:1` };
    }
    case "opacity":
      return { lead: `is at ${short(run.visibility.opacity)} opacity`, tail: `${short(run.visibility.opacity)} opacity`, need: `${short(t.minOpacity)} opacity` };
    case "transform":
      return { lead: `is scaled to ${percent(run.visibility.transformScale)}`, tail: `a ${percent(run.visibility.transformScale)} scale` };
    case "transparent":
      return { lead: "is transparent", tail: "a transparent colour" };
    case "covered": {
      const by = run.visibility.coveredBy ? reportedText(run.visibility.coveredBy, 60) : "another element";
      return { lead: `is covered by ${by}`, tail: `${by} over it` };
    }
  }
}

/** "Consent text is 8 px with contrast 1.4:1; readable text needs at least 10 px and 3:1". */
export function unreadableMessage(subject: string, conditions: readonly UnreadableCondition[], run: TextRun, t: Thresholds): string {
  const parts = conditions.map((c) => describe(c, run, t));
  const [first, ...rest] = parts;
  const withs = rest.length > 0 ? ` with ${listWords(rest.map((p) => p.tail))}` : "";
  const needs = parts.flatMap((p) => (p.need ? [p.need] : []));
  const need = needs.length > 0 ? `; readable text needs at least ${listWords(needs)}` : "";
  return `${subject} ${first.lead}${withs}${need}`;
}

const NOT_RENDERED: Record<NotRenderedCondition, string> = {
  "display-none": "is not displayed",
  "visibility-hidden": "is invisible (visibility: hidden)",
  collapsed: "is inside a collapsed section",
  "zero-size": "has zero size",
  offscreen: "is placed off-screen",
  clipped: "is clipped out of view",
};

/** "Consent text is inside a collapsed section while the box is ticked". */
export function notRenderedMessage(subject: string, conditions: readonly NotRenderedCondition[], inEffect: string): string {
  return `${subject} ${NOT_RENDERED[conditions[0]]} ${inEffect}`;
}
