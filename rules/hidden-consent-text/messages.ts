/** The words that fill hidden-consent-text's messages (meta.messages): which message, and what was measured. */
import type { TextRun } from "../../lint/model.js";
import type { RuleFinding } from "../../lint/types.js";
import { reportedText } from "../../lint/consent/index.js";
import { listWords } from "../message-words.js";
import type { HiddenTextOptions } from "./options.js";
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
function describe(c: UnreadableCondition, run: TextRun, t: HiddenTextOptions): { lead: string; tail: string; need?: string } {
  switch (c) {
    case "font-size":
      return { lead: `is ${short(run.effectiveFontPx)} px`, tail: `${short(run.effectiveFontPx)} px`, need: `${short(t.minFontPx)} px` };
    case "contrast": {
      const r = `${ratio(run.contrast ?? 0, t.minContrast)}:1`;
      return { lead: `has contrast ${r}`, tail: `contrast ${r}`, need: `${short(t.minContrast)}:1` };
    }
    case "opacity":
      return {
        lead: `is at ${short(run.visibility.opacity)} opacity`,
        tail: `${short(run.visibility.opacity)} opacity`,
        need: `${short(t.minOpacity)} opacity`,
      };
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
export function unreadableMessage(
  subject: string,
  conditions: readonly UnreadableCondition[],
  run: TextRun,
  t: HiddenTextOptions,
): Pick<RuleFinding, "messageId" | "data"> {
  const parts = conditions.map((c) => describe(c, run, t));
  const [first, ...rest] = parts;
  const withs = rest.length > 0 ? ` with ${listWords(rest.map((p) => p.tail))}` : "";
  const measures = `${first.lead}${withs}`;
  const needs = parts.flatMap((p) => (p.need ? [p.need] : []));
  if (needs.length === 0) return { messageId: "unreadable", data: { subject, measures } };
  return { messageId: "unreadableNeeds", data: { subject, measures, needs: listWords(needs) } };
}

/** The message of each way of not being rendered, by id. */
const NOT_RENDERED: Record<NotRenderedCondition, string> = {
  "display-none": "notDisplayed",
  "visibility-hidden": "visibilityHidden",
  collapsed: "collapsed",
  "zero-size": "zeroSize",
  offscreen: "offscreen",
  clipped: "clipped",
};

/** "Consent text is inside a collapsed section while the box is ticked". */
export function notRenderedMessage(
  subject: string,
  conditions: readonly NotRenderedCondition[],
  inEffect: string,
): Pick<RuleFinding, "messageId" | "data"> {
  return { messageId: NOT_RENDERED[conditions[0]], data: { subject, inEffect } };
}

/** hidden-consent-text's meta.messages. */
export const MESSAGES = {
  notDisplayed: "{{subject}} is not displayed {{inEffect}}",
  visibilityHidden: "{{subject}} is invisible (visibility: hidden) {{inEffect}}",
  collapsed: "{{subject}} is inside a collapsed section {{inEffect}}",
  zeroSize: "{{subject}} has zero size {{inEffect}}",
  offscreen: "{{subject}} is placed off-screen {{inEffect}}",
  clipped: "{{subject}} is clipped out of view {{inEffect}}",
  unreadable: "{{subject}} {{measures}}",
  unreadableNeeds: "{{subject}} {{measures}}; readable text needs at least {{needs}}",
  backgroundUnknown: "{{subject}} sits on a background {{backdrop}}; its contrast could not be measured",
};
