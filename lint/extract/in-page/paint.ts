/**
 * Style and contrast in the page: computed colours (parsed, or painted on a
 * canvas when Chromium returns a form the parser does not know), background
 * layers and what they make of the background behind content, the worst
 * contrast of a text colour on it, and whether a link is drawn as a button.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { ActionElement, Rgba } from "../../model.js";
import type * as ColourFns from "../../heuristics/colour.js";
import type * as DisclosureRules from "../../heuristics/disclosures.js";
import type * as GeometryFns from "./css-geometry.js";
import type { BackgroundState } from "./frame-part.js";
import type { Info, Layer, Pass } from "./pass.js";

declare const parseCssColour: typeof ColourFns.parseCssColour;
declare const compositeOver: typeof ColourFns.compositeOver;
declare const textContrast: typeof ColourFns.textContrast;
declare const fillStandsOut: typeof ColourFns.fillStandsOut;
declare const paddedLikeButton: typeof DisclosureRules.paddedLikeButton;
declare const gradientColourTokens: typeof ColourFns.gradientColourTokens;
declare const roundedColour: typeof ColourFns.roundedColour;
declare const cssPx: typeof GeometryFns.cssPx;

/** A CSS colour as the browser paints it on a 1x1 canvas; null when it is not a colour or cannot be painted. */
export function colourByPainting(pass: Pass, value: string): Rgba | null {
  if (pass.paintProbe === undefined) {
    try {
      const canvas = document.createElement("canvas");
      canvas.width = 1;
      canvas.height = 1;
      pass.paintProbe = canvas.getContext("2d", { willReadFrequently: true });
    } catch {
      pass.paintProbe = null;
    }
  }
  const probe = pass.paintProbe;
  if (!probe) return null;
  try {
    if (typeof CSS !== "undefined" && !CSS.supports("color", value)) return null;
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = value;
    probe.fillRect(0, 0, 1, 1);
    const d = probe.getImageData(0, 0, 1, 1).data;
    return { r: d[0], g: d[1], b: d[2], a: d[3] / 255 };
  } catch {
    return null;
  }
}

/** A computed colour value as RGBA, remembered per value for the pass. */
export function colourOf(pass: Pass, value: string | null | undefined): Rgba | null {
  if (!value) return null;
  const cached = pass.colourCache.get(value);
  if (cached !== undefined) return cached;
  const c = parseCssColour(value) ?? colourByPainting(pass, value);
  pass.colourCache.set(value, c);
  return c;
}

/** The background layer an element paints: none, a colour, a gradient's stops, or an image. */
export function layerOf(pass: Pass, style: CSSStyleDeclaration): Layer {
  const image = style.backgroundImage;
  const colour = colourOf(pass, style.backgroundColor) ?? pass.k.CLEAR;
  if (image && image !== "none") {
    if (/gradient\(/.test(image) && !/url\(|image-set\(|element\(|cross-fade\(|paint\(/.test(image)) {
      const stops: Rgba[] = [];
      for (const token of gradientColourTokens(image)) {
        const c = colourOf(pass, token);
        if (c) stops.push(c);
      }
      if (stops.length > 0) return { kind: "gradient", stops, under: colour.a > 0 ? colour : null };
    }
    return { kind: "image" };
  }
  return colour.a > 0 ? { kind: "colour", colour } : { kind: "none" };
}

/** Whether nothing under a layer shows through it. */
export function opaqueLayer(l: Layer): boolean {
  return (
    l.kind === "image" ||
    l.kind === "canvas" ||
    (l.kind === "colour" && l.colour.a >= 1) ||
    (l.kind === "gradient" && l.stops.every((s) => s.a >= 1))
  );
}

/** The background after painting `layer` over `bg`. */
export function applyLayer(bg: BackgroundState, layer: Layer): BackgroundState {
  switch (layer.kind) {
    case "none":
      return bg;
    case "image":
      return { source: "image", colours: [] };
    case "canvas":
      return { source: "canvas", colours: [] };
    case "colour": {
      if (layer.colour.a >= 1) return { source: "solid", colours: [{ ...layer.colour, a: 1 }] };
      if (bg.colours.length === 0) return bg;
      return { source: bg.source, colours: bg.colours.map((c) => ({ ...compositeOver(layer.colour, c), a: 1 })) };
    }
    case "gradient": {
      const under = layer.under ? applyLayer(bg, { kind: "colour", colour: layer.under }) : bg;
      if (layer.stops.every((s) => s.a >= 1)) return { source: "gradient", colours: layer.stops.map((s) => ({ ...s, a: 1 })) };
      if (under.colours.length === 0) return under;
      const colours: Rgba[] = [];
      for (const stop of layer.stops)
        for (const c of under.colours) if (colours.length < 16) colours.push({ ...compositeOver(stop, c), a: 1 });
      return { source: "gradient", colours };
    }
  }
}

/** Whether a layer is a fill a reader sees: a gradient, or a colour that stands out from what is behind. */
export function filledLayer(layer: Layer, behind: BackgroundState): boolean {
  return layer.kind === "gradient" || (layer.kind === "colour" && fillStandsOut(layer.colour, behind.colours[0]));
}

/** A link drawn as a button: filled or bordered all round, and padded. */
export function looksLikeButton(pass: Pass, style: CSSStyleDeclaration, behind: BackgroundState): boolean {
  const filled = filledLayer(layerOf(pass, style), behind);
  const sides = ["top", "right", "bottom", "left"];
  const bordered = sides.every(
    (s) => cssPx(style.getPropertyValue(`border-${s}-width`)) >= 1 && style.getPropertyValue(`border-${s}-style`) !== "none",
  );
  const padded = paddedLikeButton(
    cssPx(style.paddingLeft) + cssPx(style.paddingRight),
    cssPx(style.paddingTop) + cssPx(style.paddingBottom),
  );
  return (filled || bordered) && padded;
}

/** The background colour (of the candidates) on which text of `colour` reads worst, and that contrast. */
export function colourWorst(colour: Rgba, bg: BackgroundState, opacity: number): { background: Rgba | null; contrast: number | null } {
  if (bg.source === "image" || bg.source === "canvas" || bg.colours.length === 0) return { background: null, contrast: null };
  let worst: Rgba = bg.colours[0];
  let worstRatio = Infinity;
  for (const c of bg.colours) {
    const ratio = textContrast(colour, c, opacity);
    if (ratio < worstRatio) {
      worstRatio = ratio;
      worst = c;
    }
  }
  return { background: roundedColour(worst), contrast: worstRatio };
}

/** The worst WCAG contrast of `colour` (its alpha and `opacity` applied) against the colours behind it; null when they are unknown. */
export function contrastBehind(colour: Rgba, behind: BackgroundState, opacity: number): number | null {
  if (behind.source === "image" || behind.source === "canvas" || behind.colours.length === 0) return null;
  let worst = Infinity;
  for (const c of behind.colours) worst = Math.min(worst, textContrast(colour, c, opacity));
  return worst;
}

/** The colour of a border all round (width at least 1px, a style that draws, a colour not wholly transparent) per side; null without one. */
export function borderColours(pass: Pass, style: CSSStyleDeclaration): Rgba[] | null {
  const out: Rgba[] = [];
  for (const s of ["top", "right", "bottom", "left"]) {
    if (cssPx(style.getPropertyValue(`border-${s}-width`)) < 1) return null;
    const kind = style.getPropertyValue(`border-${s}-style`);
    if (kind === "none" || kind === "hidden" || kind === "") return null;
    const c = colourOf(pass, style.getPropertyValue(`border-${s}-color`));
    if (!c || c.a <= 0) return null;
    out.push(c);
  }
  return out;
}

/**
 * How an action or link is painted: font weight, text colour, the background
 * behind its text (its own fill over what is behind it, the worst candidate)
 * and the text's contrast on it (opacity applied as for text runs), its own
 * solid fill's and its border's contrast against what is behind it (its own
 * opacity applied), and whether that draws it as a button (either at least
 * 1.5:1, or a gradient or image fill; over an image, where contrast is
 * unknown, a fill or border all round at least half opaque counts).
 * `hitBg` and `hitBehind`: the background at its centre with and without its
 * own, when hit-testing found something other than its ancestors painted
 * there (see `hitTest`); otherwise its ancestors' backgrounds are used.
 */
export function actionPaint(
  pass: Pass,
  info: Info,
  hitBg: BackgroundState | null,
  hitBehind: BackgroundState | null = null,
): Pick<ActionElement, "fontWeight" | "color" | "background" | "textContrast" | "fillContrast" | "borderContrast" | "buttonLike"> {
  const st = info.style;
  const behind = hitBehind ?? (info.parent ? info.parent.bg : pass.ctx.background);
  const parentOpacity = info.parent ? info.parent.opacity : pass.ctx.opacity;
  const ownOpacity = parentOpacity > 0 ? Math.min(1, info.opacity / parentOpacity) : 1;
  const fill = colourOf(pass, st.getPropertyValue("-webkit-text-fill-color")) ?? colourOf(pass, st.color) ?? pass.k.BLACK;
  const { background, contrast } = colourWorst(fill, hitBg ?? info.bg, info.opacity);
  const layer = layerOf(pass, st);
  const unknownBehind = behind.source === "image" || behind.source === "canvas" || behind.colours.length === 0;
  const fillContrast = layer.kind === "colour" ? contrastBehind(layer.colour, behind, ownOpacity) : null;
  const borders = borderColours(pass, st);
  let borderContrast: number | null = null;
  if (borders && !unknownBehind) {
    for (const c of borders) {
      const ratio = contrastBehind(c, behind, ownOpacity);
      if (ratio !== null && (borderContrast === null || ratio < borderContrast)) borderContrast = ratio;
    }
  }
  const opaqueEnough = (c: Rgba): boolean => c.a * ownOpacity >= 0.5;
  const buttonLike =
    layer.kind === "gradient" ||
    layer.kind === "image" ||
    (fillContrast !== null && fillContrast >= 1.5) ||
    (borderContrast !== null && borderContrast >= 1.5) ||
    (unknownBehind && ((layer.kind === "colour" && opaqueEnough(layer.colour)) || (borders !== null && borders.every(opaqueEnough))));
  return {
    fontWeight: parseInt(st.fontWeight, 10) || 400,
    color: roundedColour(fill),
    background,
    textContrast: contrast,
    fillContrast,
    borderContrast,
    buttonLike,
  };
}
