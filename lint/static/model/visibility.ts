/**
 * Where an element can be seen, from CSS alone: display and visibility,
 * off-screen offsets, clip and clip-path, explicit zero sizes, collapsed
 * regions, opacity and transform scale. Layout facts (covering, clipping by
 * an overflow ancestor of a larger box) are not known statically.
 */
import type { Visibility } from "../../model.js";
import type { ComputedStyle } from "../css/computed-style.js";
import { functionArguments, topLevelTokens } from "../css/css-tokens.js";
import { resolveLength } from "../css/length.js";

/** Offsets at or beyond this many px to the left or top put a box off the page. */
export const OFFSCREEN_PX = 500;

/** A box this small (px) or smaller on a side is a screen-reader-only box. */
const SR_ONLY_PX = 1;

/** The box is laid out where a person could see it (not hidden, collapsed, off-screen, zero-size or fully transparent). */
export function isShownBox(v: Visibility): boolean {
  return !(v.displayNone || v.visibilityHidden || v.collapsed || v.offscreen || v.zeroSize) && v.opacity > 0;
}

/** What an element passes down to its children. */
export interface InheritedFacts {
  displayNone: boolean;
  collapsed: boolean;
  offscreen: boolean;
  clipped: boolean;
  srOnly: boolean;
  inScrollContainer: boolean;
}

export const NO_FACTS: InheritedFacts = {
  displayNone: false,
  collapsed: false,
  offscreen: false,
  clipped: false,
  srOnly: false,
  inScrollContainer: false,
};

const CLIPPING_OVERFLOW = new Set(["hidden", "clip", "auto", "scroll"]);
const SCROLLING_OVERFLOW = new Set(["auto", "scroll", "overlay"]);
/** Displays whose boxes take a width and height (inline boxes ignore them). */
const BOXED = new Set([
  "block",
  "inline-block",
  "flex",
  "inline-flex",
  "grid",
  "inline-grid",
  "flow-root",
  "list-item",
  "inline-list-item",
]);
const FLEX_CONTAINERS = new Set(["flex", "inline-flex"]);

function overflowValue(style: ComputedStyle, property: string): string {
  const v = style.get(property);
  return v === null ? "visible" : v.trim().toLowerCase();
}

/**
 * The element's containing block is the viewport (fixed) or the initial
 * containing block (absolute), at the page's origin: no ancestor is
 * positioned (for absolute) or makes a containing block for fixed boxes
 * (transform, filter, perspective, contain, will-change).
 */
function containingBlockAtOrigin(style: ComputedStyle): boolean {
  for (let p = style.parent; p; p = p.parent) {
    if (p.containsFixed) return false;
    if (style.position === "absolute" && p.position !== "static") return false;
  }
  return true;
}

/**
 * The box lies wholly off the page to the left or top, as far as CSS alone
 * tells: a fixed box, or an absolute one placed from the page's origin, at a
 * large negative left/top (or left + width <= 0); and any box pushed left
 * (position, margin, text-indent, translate) by more than the viewport's
 * width and then some, so that no placement of its container brings it
 * back. Other offsets, and vertical ones relative to a container whose place
 * on a long page is unknown, need layout.
 */
function isOffscreen(style: ComputedStyle, viewportWidth: number): boolean {
  const far = (n: number | null): boolean => n !== null && n <= -OFFSCREEN_PX;
  const farLeft = (n: number | null): boolean => n !== null && n <= -(viewportWidth + OFFSCREEN_PX);
  const left = style.position === "static" || style.position === "sticky" ? null : style.lengthPx("left");
  if ((style.position === "absolute" || style.position === "fixed") && containingBlockAtOrigin(style)) {
    const top = style.lengthPx("top");
    if (far(left) || far(top)) return true;
    const width = style.lengthPx("width");
    const height = style.lengthPx("height");
    if (left !== null && width !== null && left + width <= 0) return true;
    if (top !== null && height !== null && top + height <= 0) return true;
  } else if (farLeft(left)) return true;
  return farLeft(style.lengthPx("margin-left")) || farLeft(style.textIndentPx) || farLeft(style.translateX);
}

/** clip: rect(top, right, bottom, left) leaves at most a 1px sliver (it applies to absolutely positioned boxes). */
function clipRectClips(style: ComputedStyle): boolean {
  if (style.position !== "absolute" && style.position !== "fixed") return false;
  const clip = style.get("clip");
  const args = clip ? functionArguments(clip, "rect") : null;
  if (!args || args.length !== 4) return false;
  const px = args.map((a) => (a.trim().toLowerCase() === "auto" ? null : resolveLength(a, style.lengthContext(null))));
  const [top, right, bottom, left] = px;
  const narrow = right !== null && right - (left ?? 0) <= SR_ONLY_PX;
  const flat = bottom !== null && bottom - (top ?? 0) <= SR_ONLY_PX;
  return narrow || flat;
}

function percent(token: string | undefined): number | null {
  if (token === undefined) return null;
  const m = /^(-?[\d.]+)%$/u.exec(token.trim());
  return m ? parseFloat(m[1]) : null;
}

/** clip-path leaves nothing to see: inset(50%) and more, a zero circle or ellipse, a polygon with no area. */
function clipPathClips(style: ComputedStyle): boolean {
  const value = style.get("clip-path");
  if (!value) return false;
  const v = value.trim().toLowerCase();
  const inset = functionArguments(v, "inset");
  if (inset) {
    const until = inset.indexOf("round");
    const sides = (until >= 0 ? inset.slice(0, until) : inset).map((s) => s.trim());
    const [t, r = t, b = t, l = r] = sides;
    const pt = [t, r, b, l].map(percent);
    if (pt[0] !== null && pt[2] !== null && pt[0] + pt[2] >= 100) return true;
    if (pt[1] !== null && pt[3] !== null && pt[1] + pt[3] >= 100) return true;
    const width = style.lengthPx("width");
    const height = style.lengthPx("height");
    const px = [t, r, b, l].map((s) => (s === undefined ? null : resolveLength(s, style.lengthContext(null))));
    if (height !== null && px[0] !== null && px[2] !== null && px[0] + px[2] >= height) return true;
    return width !== null && px[1] !== null && px[3] !== null && px[1] + px[3] >= width;
  }
  for (const shape of ["circle", "ellipse"]) {
    const args = functionArguments(v, shape);
    if (!args) continue;
    const radii = args.slice(0, args.indexOf("at") >= 0 ? args.indexOf("at") : args.length);
    return radii.length > 0 && radii.every((r) => resolveLength(r, style.lengthContext(0)) === 0);
  }
  const polygon = functionArguments(v.replace(/^polygon\(\s*(?:nonzero|evenodd)\s*,/u, "polygon("), "polygon");
  if (polygon) {
    const points = v
      .slice(v.indexOf("(") + 1, -1)
      .split(",")
      .map((p) => topLevelTokens(p).join(" "))
      .filter((p) => !/^(nonzero|evenodd)$/u.test(p));
    return points.length > 0 && new Set(points).size === 1;
  }
  return false;
}

function tiny(n: number | null): boolean {
  return n !== null && n <= SR_ONLY_PX;
}

export interface BoxFacts {
  visibility: Visibility;
  /** What the element's children inherit. */
  inherited: InheritedFacts;
}

/**
 * The visibility facts of an element from its computed style and what its
 * parent passes down. `collapsedPanel`: the element is a display:none panel
 * of a disclosure widget (counted as collapsed, not display:none).
 * `hidesContent`: its children are collapsed (closed <details>, content-visibility:hidden).
 */
/** A side's padding is unset or zero (padding shows overflowing content even in a zero-size box). */
function noPadding(style: ComputedStyle, a: string, b: string): boolean {
  return [a, b].every((p) => style.get(p) === null || style.lengthPx(p) === 0);
}

/** The element's width or height is zero by its own CSS, whatever the layout around it. */
function zeroByCss(style: ComputedStyle): boolean {
  if (!BOXED.has(style.layoutDisplay) && !style.layoutDisplay.startsWith("table")) return false;
  const flexed =
    FLEX_CONTAINERS.has(style.parent?.containerDisplay ?? "") && (style.get("flex-grow") !== null || style.get("flex-basis") !== null);
  const zero = (size: string, min: string, max: string): boolean => {
    const minPx = style.get(min) === null ? 0 : style.lengthPx(min);
    return (style.lengthPx(size) === 0 || style.lengthPx(max) === 0) && minPx === 0;
  };
  const width = !flexed && zero("width", "min-width", "max-width") && noPadding(style, "padding-left", "padding-right");
  const height = !flexed && zero("height", "min-height", "max-height") && noPadding(style, "padding-top", "padding-bottom");
  return width || height;
}

export function boxFacts(
  style: ComputedStyle,
  base: InheritedFacts,
  collapsedPanel: boolean,
  hidesContent: boolean,
  viewportWidth: number,
): BoxFacts {
  const ownNone = style.display === "none";
  const ox = overflowValue(style, "overflow-x");
  const oy = overflowValue(style, "overflow-y");
  const clipsOverflow = CLIPPING_OVERFLOW.has(ox) || CLIPPING_OVERFLOW.has(oy);
  const width = style.lengthPx("width");
  const height = style.lengthPx("height");
  const maxWidth = style.lengthPx("max-width");
  const maxHeight = style.lengthPx("max-height");
  const displayNone = base.displayNone || (ownNone && !collapsedPanel);
  const collapsed = base.collapsed || (ownNone && collapsedPanel);
  const rendered = !displayNone && !collapsed;
  const zeroSize = rendered && clipsOverflow && zeroByCss(style);
  const shown = rendered && !zeroSize;
  const clipShape = clipRectClips(style) || clipPathClips(style);
  const onePixel = tiny(width) || tiny(height) || tiny(maxWidth) || tiny(maxHeight);
  const outOfFlow = style.position === "absolute" || style.position === "fixed";
  const srOnlyBox =
    (clipShape && onePixel) ||
    (outOfFlow && clipsOverflow && (tiny(width) || tiny(maxWidth)) && (tiny(height) || tiny(maxHeight)) && !zeroSize);
  const visibility: Visibility = {
    displayNone,
    visibilityHidden: style.visibility !== "visible",
    zeroSize,
    offscreen: shown && (base.offscreen || isOffscreen(style, viewportWidth)),
    clipped: shown && (base.clipped || clipShape || srOnlyBox),
    collapsed,
    opacity: style.opacity,
    transformScale: style.transformScale,
    covered: false,
    inScrollContainer: base.inScrollContainer,
    srOnly: base.srOnly || srOnlyBox,
  };
  const inherited: InheritedFacts = {
    displayNone: visibility.displayNone,
    collapsed: visibility.collapsed || hidesContent,
    offscreen: visibility.offscreen,
    clipped: visibility.clipped || zeroSize,
    srOnly: visibility.srOnly,
    inScrollContainer: base.inScrollContainer || (!zeroSize && (SCROLLING_OVERFLOW.has(ox) || SCROLLING_OVERFLOW.has(oy))),
  };
  return { visibility, inherited };
}
