/**
 * Computed style of an element from its declared style and its parent's
 * computed style: var() substitution, inheritance (colour, font size and
 * weight, visibility, text-indent), font-size units, opacity multiplied down
 * the tree, backgrounds composited up it, and transform scale.
 */
import type { Rgba, Viewport } from "../../model.js";
import type { DeclaredStyle } from "./cascade.js";
import { compositeOver } from "../../heuristics/colour.js";
import { colourStops, isGradient, isImage, parseColour, BLACK, TRANSPARENT, WHITE } from "./colour.js";
import { expandValue } from "./declarations.js";
import { resolveLength, resolveNumber, type LengthContext } from "./length.js";
import { IDENTITY, transformEffect } from "./transform.js";

/** What lies behind text painted in an element. */
export interface EffectiveBackground {
  kind: "solid" | "gradient" | "image";
  /** Candidate colours behind the text: one for a solid background, one per stop for gradients; empty for images. */
  colours: Rgba[];
}

/** Visual state an iframe's document starts from: its frame element's opacity, scale and background. */
export interface FrameBase {
  opacity: number;
  transformScale: number;
  background: EffectiveBackground;
}

export const TOP_FRAME_BASE: FrameBase = { opacity: 1, transformScale: 1, background: { kind: "solid", colours: [WHITE] } };

const FONT_KEYWORDS: Record<string, number> = {
  "xx-small": 9,
  "x-small": 10,
  small: 13,
  medium: 16,
  large: 18,
  "x-large": 24,
  "xx-large": 32,
  "xxx-large": 48,
};

const INHERITED = new Set(["color", "font-size", "font-weight", "visibility", "text-indent", "-webkit-text-fill-color"]);
const WIDE_KEYWORDS = new Set(["inherit", "initial", "unset", "revert", "revert-layer"]);
const FLEX_OR_GRID = new Set(["flex", "inline-flex", "grid", "inline-grid"]);

const BLOCKIFIED: Record<string, string> = {
  inline: "block",
  "inline-block": "block",
  "inline-flex": "flex",
  "inline-grid": "grid",
  "inline-table": "table",
  "inline-list-item": "list-item",
  "inline flow-root": "flow-root",
  contents: "contents",
};

/** Two-keyword display values as their one-keyword forms. */
function normaliseDisplay(value: string): string {
  const v = value.trim().toLowerCase().replace(/\s+/gu, " ");
  const map: Record<string, string> = {
    "block flow": "block",
    "block flow-root": "flow-root",
    "inline flow": "inline",
    "inline flow-root": "inline-block",
    "block flex": "flex",
    "inline flex": "inline-flex",
    "block grid": "grid",
    "inline grid": "inline-grid",
    "block table": "table",
    "inline table": "inline-table",
    "block flow list-item": "list-item",
    "list-item block": "list-item",
  };
  return map[v] ?? v;
}

function blockify(display: string): string {
  return BLOCKIFIED[display] ?? display;
}

const VAR_REF = /var\(\s*(--[\w-]+)\s*(?:,([^()]*(?:\([^()]*\)[^()]*)*))?\)/u;

/** Replaces var() references; null when one has no value and no fallback (the declaration is then invalid). */
function substituteVars(value: string, custom: ReadonlyMap<string, string>): string | null {
  let out = value;
  for (let guard = 0; guard < 32 && out.includes("var("); guard++) {
    const m = VAR_REF.exec(out);
    if (!m) return null;
    const replacement = custom.get(m[1]) ?? m[2]?.trim();
    if (replacement === undefined) return null;
    out = out.slice(0, m.index) + replacement + out.slice(m.index + m[0].length);
  }
  return out.includes("var(") ? null : out;
}

export interface StyleContext {
  viewport: Viewport;
  /** Font size of the root element, for rem (16 while computing the root itself). */
  remPx: number;
  frameBase: FrameBase;
}

function fontWeightOf(value: string, parent: number): number {
  const v = value.trim().toLowerCase();
  if (v === "normal") return 400;
  if (v === "bold") return 700;
  if (v === "bolder") return parent < 350 ? 400 : parent < 550 ? 700 : 900;
  if (v === "lighter") return parent < 550 ? 100 : parent < 750 ? 400 : 700;
  const n = Number(v);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : parent;
}

export class ComputedStyle {
  readonly custom: ReadonlyMap<string, string>;
  /** Display as used: blockified inside flex and grid containers and for absolutely positioned or floated boxes. */
  readonly display: string;
  /** The display the box would have without display:none, for telling block from inline text structure. */
  readonly layoutDisplay: string;
  /** Display of the nearest ancestor-or-self that generates a box (display:contents passes through). */
  readonly containerDisplay: string;
  readonly position: string;
  readonly visibility: string;
  readonly color: Rgba;
  /** The colour glyphs are painted in (-webkit-text-fill-color, else color). */
  readonly textColour: Rgba;
  readonly fontPx: number;
  readonly fontWeight: number;
  readonly ownOpacity: number;
  /** Product of the element's and its ancestors' opacity. */
  readonly opacity: number;
  readonly ownBackgroundColour: Rgba;
  /** The element paints a background image (url(), image-set()) of its own. */
  readonly ownBackgroundImage: boolean;
  /** The element paints a gradient of its own. */
  readonly ownGradient: boolean;
  readonly background: EffectiveBackground;
  readonly ownScale: number;
  /** Product of the scale factors of the element and its ancestors. */
  readonly transformScale: number;
  readonly translateX: number;
  readonly translateY: number;
  /** Computed text-indent in px (inherited). */
  readonly textIndentPx: number;
  private fixedContainer: boolean | null = null;

  constructor(
    private readonly declared: DeclaredStyle,
    readonly parent: ComputedStyle | null,
    private readonly ctx: StyleContext,
    defaultDisplay: string,
  ) {
    this.custom = this.computeCustom();
    const parentContainer = parent?.containerDisplay ?? "block";
    const floated = ["left", "right", "inline-start", "inline-end"].includes((this.get("float") ?? "none").toLowerCase());
    this.position = (this.get("position") ?? "static").toLowerCase();
    const outOfFlow = floated || this.position === "absolute" || this.position === "fixed";
    const shouldBlockify = FLEX_OR_GRID.has(parentContainer) || outOfFlow;
    const declaredDisplay = normaliseDisplay(this.get("display") ?? "inline");
    const display = shouldBlockify ? blockify(declaredDisplay) : declaredDisplay;
    this.display = display;
    const fallback = shouldBlockify ? blockify(normaliseDisplay(defaultDisplay)) : normaliseDisplay(defaultDisplay);
    this.layoutDisplay = display === "none" ? (fallback === "none" ? "block" : fallback) : display;
    this.containerDisplay = display === "contents" ? parentContainer : display;
    const vis = (this.get("visibility") ?? parent?.visibility ?? "visible").toLowerCase();
    this.visibility = vis === "hidden" || vis === "collapse" ? vis : "visible";

    const parentColour = parent?.color ?? BLACK;
    const colourValue = this.get("color");
    this.color = (colourValue !== null ? parseColour(colourValue, parentColour) : null) ?? parentColour;
    const fillValue = this.get("-webkit-text-fill-color");
    const fill = fillValue !== null && fillValue.toLowerCase() !== "currentcolor" ? parseColour(fillValue, this.color) : null;
    this.textColour = fill ?? this.color;

    this.fontPx = this.computeFontPx();
    this.fontWeight = fontWeightOf(this.get("font-weight") ?? String(parent?.fontWeight ?? 400), parent?.fontWeight ?? 400);

    const opacityValue = this.get("opacity");
    const own = opacityValue !== null ? resolveNumber(opacityValue) : null;
    this.ownOpacity = (own === null ? 1 : Math.min(1, Math.max(0, own))) * filterOpacity(this.get("filter"));
    this.opacity = (parent ? parent.opacity : ctx.frameBase.opacity) * this.ownOpacity;

    const bgValue = this.get("background-color");
    this.ownBackgroundColour = (bgValue !== null ? parseColour(bgValue, this.color) : null) ?? TRANSPARENT;
    const image = this.get("background-image") ?? "none";
    this.ownBackgroundImage = isImage(image);
    this.ownGradient = !this.ownBackgroundImage && isGradient(image);
    this.background = this.computeBackground(image);

    const transforms = { transform: this.get("transform"), scale: this.get("scale"), translate: this.get("translate"), zoom: this.get("zoom") };
    const effect =
      transforms.transform === null && transforms.scale === null && transforms.translate === null && transforms.zoom === null
        ? IDENTITY
        : transformEffect(transforms, this.lengthContext(null));
    this.ownScale = effect.scale;
    this.transformScale = (parent ? parent.transformScale : ctx.frameBase.transformScale) * effect.scale;
    this.translateX = effect.translateX;
    this.translateY = effect.translateY;
    const indent = this.get("text-indent");
    const indentPx = indent !== null ? resolveLength(indent, this.lengthContext(null)) : null;
    this.textIndentPx = indentPx ?? parent?.textIndentPx ?? 0;
  }

  /** What the frame's document (or the page) is painted on, under the root element. */
  get frameBackground(): EffectiveBackground {
    return this.ctx.frameBase.background;
  }

  /** The element makes a containing block for fixed (and absolute) descendants: a transform, perspective, filter, contain or will-change. */
  get containsFixed(): boolean {
    if (this.fixedContainer === null) {
      const set = (p: string): boolean => {
        const v = this.get(p);
        return v !== null && v.trim().toLowerCase() !== "none";
      };
      const contain = (this.get("contain") ?? "").toLowerCase();
      const willChange = (this.get("will-change") ?? "").toLowerCase();
      this.fixedContainer =
        ["transform", "scale", "translate", "rotate", "perspective", "filter", "backdrop-filter"].some(set) ||
        /\b(?:paint|layout|strict|content)\b/u.test(contain) ||
        /\b(?:transform|perspective|filter|scale|translate|rotate)\b/u.test(willChange);
    }
    return this.fixedContainer;
  }

  private computeCustom(): ReadonlyMap<string, string> {
    const inherited = this.parent?.custom ?? new Map<string, string>();
    let own: Map<string, string> | null = null;
    for (const [prop, d] of this.declared) {
      if (!prop.startsWith("--")) continue;
      own ??= new Map(inherited);
      const value = substituteVars(d.value, own);
      if (value === null) own.delete(prop);
      else own.set(prop, value.trim());
    }
    return own ?? inherited;
  }

  /**
   * The specified value of a property after var() substitution and shorthand
   * expansion, with inherit/initial resolved; null when nothing sets it
   * (or it was reset to its initial value).
   */
  get(property: string): string | null {
    const d = this.declared.get(property);
    if (!d) return null;
    let value = d.value.includes("var(") ? substituteVars(d.value, this.custom) : d.value;
    if (value === null) return INHERITED.has(property) ? this.inheritedValue(property) : null;
    if (d.shorthand) value = expandValue(d.shorthand, value)[property] ?? null;
    if (value === null) return null;
    const keyword = value.trim().toLowerCase();
    if (!WIDE_KEYWORDS.has(keyword)) return value;
    if (keyword === "inherit" || ((keyword === "unset" || keyword === "revert" || keyword === "revert-layer") && INHERITED.has(property))) {
      return this.inheritedValue(property);
    }
    return null;
  }

  private inheritedValue(property: string): string | null {
    const p = this.parent;
    if (!p) return null;
    switch (property) {
      case "color":
        return rgbaText(p.color);
      case "-webkit-text-fill-color":
        return rgbaText(p.textColour);
      case "font-size":
        return `${p.fontPx}px`;
      case "font-weight":
        return String(p.fontWeight);
      case "visibility":
        return p.visibility;
      case "text-indent":
        return `${p.textIndentPx}px`;
      default:
        return p.get(property);
    }
  }

  private computeFontPx(): number {
    const parentPx = this.parent?.fontPx ?? 16;
    const value = this.get("font-size");
    if (value === null) return parentPx;
    const v = value.trim().toLowerCase();
    const keyword = FONT_KEYWORDS[v];
    if (keyword !== undefined) return keyword;
    if (v === "larger") return parentPx * 1.2;
    if (v === "smaller") return parentPx / 1.2;
    const px = resolveLength(v, {
      emPx: parentPx,
      remPx: this.parent ? this.ctx.remPx : 16,
      percentOfPx: parentPx,
      viewportWidth: this.ctx.viewport.width,
      viewportHeight: this.ctx.viewport.height,
    });
    return px !== null && px >= 0 ? px : parentPx;
  }

  private computeBackground(image: string): EffectiveBackground {
    const under: EffectiveBackground = this.parent ? this.parent.background : this.ctx.frameBase.background;
    if (this.ownBackgroundImage) return { kind: "image", colours: [] };
    const colour = this.ownBackgroundColour;
    const overParent = (c: Rgba): EffectiveBackground =>
      c.a >= 1 ? { kind: "solid", colours: [c] } : under.kind === "image" ? under : { kind: under.kind, colours: under.colours.map((u) => compositeOver(c, u)) };
    const base = colour.a > 0 ? overParent(colour) : under;
    if (!this.ownGradient) return base;
    const stops = colourStops(image, this.color);
    if (stops.length === 0) return base;
    if (base.kind === "image" && stops.some((s) => s.a < 1)) return base;
    const colours = base.kind === "image" ? stops : stops.flatMap((s) => base.colours.map((b) => compositeOver(s, b)));
    return { kind: "gradient", colours };
  }

  /** A context for resolving lengths of this element's own properties. */
  lengthContext(percentOfPx: number | null): LengthContext {
    return {
      emPx: this.fontPx,
      remPx: this.parent ? this.ctx.remPx : this.fontPx,
      percentOfPx,
      viewportWidth: this.ctx.viewport.width,
      viewportHeight: this.ctx.viewport.height,
    };
  }

  /** A length property in px; null when unset, auto, or not resolvable without layout (percentages). */
  lengthPx(property: string): number | null {
    const v = this.get(property);
    return v === null ? null : resolveLength(v, this.lengthContext(null));
  }
}

/** The product of a filter's opacity() functions (1 when it has none). */
function filterOpacity(filter: string | null): number {
  if (filter === null) return 1;
  let out = 1;
  for (const m of filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/giu)) {
    const v = parseFloat(m[1]) / (m[2] === "%" ? 100 : 1);
    if (Number.isFinite(v)) out *= Math.min(1, Math.max(0, v));
  }
  return out;
}

function rgbaText(c: Rgba): string {
  return `rgba(${c.r}, ${c.g}, ${c.b}, ${c.a})`;
}
