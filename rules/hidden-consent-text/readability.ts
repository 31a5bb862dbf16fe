/** Measured conditions that make a run of text unreadable or unseen, from the PageModel's facts and the thresholds. */
import type { Rgba, TextRun, Visibility } from "../../lint/model.js";
import type { HiddenTextOptions } from "./options.js";

/** Conditions of text that is not rendered where a person can see it, most absolute first. */
export type NotRenderedCondition = "display-none" | "visibility-hidden" | "collapsed" | "zero-size" | "offscreen" | "clipped";

/** Conditions of text that is rendered but cannot reasonably be read. */
export type UnreadableCondition = "font-size" | "transform" | "contrast" | "transparent" | "opacity" | "covered";

/**
 * Where the text is not rendered for a reader. Text clipped or off to the
 * side inside a visible scroll container can be scrolled to, so it counts as
 * shown; screen-reader-only text is clipped by construction.
 */
export function notRenderedConditions(v: Visibility): NotRenderedCondition[] {
  const scrollable = v.inScrollContainer && !v.srOnly;
  const out: NotRenderedCondition[] = [];
  if (v.displayNone) out.push("display-none");
  if (v.visibilityHidden) out.push("visibility-hidden");
  if (v.collapsed) out.push("collapsed");
  if (v.zeroSize) out.push("zero-size");
  if (v.offscreen && !scrollable) out.push("offscreen");
  if ((v.clipped && !scrollable) || v.srOnly) out.push("clipped");
  return out;
}

/** Why rendered text cannot reasonably be read, against the thresholds. */
export function unreadableConditions(run: TextRun, t: HiddenTextOptions): UnreadableCondition[] {
  const out: UnreadableCondition[] = [];
  if (run.effectiveFontPx < t.minFontPx) out.push("font-size");
  if (run.visibility.transformScale <= t.minTransformScale) out.push("transform");
  if (run.colorTransparent) out.push("transparent");
  if (run.contrast !== null && run.contrast < t.minContrast) out.push("contrast");
  if (run.visibility.opacity < t.minOpacity) out.push("opacity");
  if (run.visibility.covered) out.push("covered");
  return out;
}

/** The contrast of the text cannot be measured: there is an image or canvas behind it. */
export function backgroundUnknown(run: TextRun): boolean {
  return run.contrast === null && !run.colorTransparent;
}

function channel(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, "0");
}

/** "#rrggbb", or "#rrggbbaa" when the colour is not opaque. */
export function hexColour(c: Rgba): string {
  const rgb = `#${channel(c.r)}${channel(c.g)}${channel(c.b)}`;
  return c.a >= 1 ? rgb : `${rgb}${channel(c.a * 255)}`;
}
