/** A run of text as the model records it: the direct text of one element, with its computed style, contrast and visibility. */
import type { Box, TextRun, Visibility } from "../../model.js";
import { roundedColour, textContrast as contrastOn } from "../../heuristics/colour.js";
import type { ElementInfo } from "./styled-tree.js";

export const ZERO_BOX: Box = { x: 0, y: 0, width: 0, height: 0 };

function round(n: number, places: number): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

/** The background behind the text and the contrast against it: the worst stop of a gradient; unknown over an image. */
export function textContrast(info: ElementInfo): Pick<TextRun, "background" | "backgroundSource" | "contrast"> {
  const style = info.style;
  const bg = style.background;
  if (bg.kind === "image" || bg.colours.length === 0) return { background: null, backgroundSource: "image", contrast: null };
  let worst = bg.colours[0];
  let worstRatio = contrastOn(style.textColour, worst, style.opacity);
  for (const c of bg.colours.slice(1)) {
    const ratio = contrastOn(style.textColour, c, style.opacity);
    if (ratio < worstRatio) {
      worst = c;
      worstRatio = ratio;
    }
  }
  return { background: roundedColour(worst), backgroundSource: bg.kind, contrast: worstRatio };
}

/** The element paints its background through its text (background-clip: text): transparent glyphs show it. */
function clipsBackgroundToText(info: ElementInfo): boolean {
  return [info.style.get("background-clip"), info.style.get("-webkit-background-clip")].some((v) => v !== null && v.trim().toLowerCase() === "text");
}

/** What is behind text when something other than its ancestors may be painted there: unknown, as an image is. */
const UNKNOWN_BACKGROUND: Pick<TextRun, "background" | "backgroundSource" | "contrast"> = { background: null, backgroundSource: "image", contrast: null };

/**
 * A run for text held directly by `owner`; `collapsed` marks text inside a
 * closed <details> or content-visibility:hidden element; `backgroundUnknown`
 * that another element may be painted behind it (see painted-behind.ts).
 */
export function makeRun(owner: ElementInfo, text: string, collapsed: boolean, backgroundUnknown = false): TextRun {
  const style = owner.style;
  const visibility: Visibility = collapsed ? { ...owner.visibility, collapsed: true } : { ...owner.visibility };
  const fontPx = round(style.fontPx, 2);
  return {
    text,
    fontPx,
    effectiveFontPx: round(style.fontPx * style.transformScale, 2),
    fontWeight: style.fontWeight,
    color: roundedColour(style.textColour),
    ...(backgroundUnknown ? UNKNOWN_BACKGROUND : textContrast(owner)),
    colorTransparent: style.textColour.a === 0 && !clipsBackgroundToText(owner),
    box: { ...ZERO_BOX },
    visibility,
    selector: owner.selector,
  };
}
