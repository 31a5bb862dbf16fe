/**
 * Colour arithmetic both extractors share: parsing computed colours, alpha
 * compositing and the WCAG 2.x contrast ratio.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other functions of this file by name): static mode imports
 * them, and the browser extractor sends their source text into the page and
 * runs them there.
 */
import type { Rgba } from "../model.js";

/** A colour channel held to 0-255. */
export function clampChannel(n: number): number {
  return n < 0 ? 0 : n > 255 ? 255 : n;
}

/** An alpha held to 0-1. */
export function clampAlpha(n: number): number {
  return n < 0 ? 0 : n > 1 ? 1 : n;
}

/** A number, or a percentage of `scale`, as CSS colour functions write them. */
export function colourNumber(token: string, scale: number): number {
  const t = token.trim();
  if (t === "none") return 0;
  if (t.endsWith("%")) return (parseFloat(t) / 100) * scale;
  return parseFloat(t);
}

/**
 * Parses the colours Chromium returns as computed values: `rgb()`, `rgba()`
 * (comma or space syntax), `color(srgb r g b / a)`, `transparent` and hex.
 * Returns null for anything else (lab(), oklch() ...), for the caller to
 * resolve another way.
 */
export function parseCssColour(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v === "transparent") return { r: 0, g: 0, b: 0, a: 0 };
  if (v.startsWith("#")) {
    const hex = v.slice(1);
    if (!/^[0-9a-f]+$/.test(hex)) return null;
    const full = hex.length === 3 || hex.length === 4 ? hex.split("").map((c) => c + c).join("") : hex;
    if (full.length !== 6 && full.length !== 8) return null;
    const n = (i: number): number => parseInt(full.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(v);
  if (!fn) return null;
  const body = fn[2].trim();
  if (fn[1] === "color") {
    const m = /^(srgb|srgb-linear)\s+([^/]+?)(?:\s*\/\s*(.+))?$/.exec(body);
    if (!m) return null;
    const parts = m[2].trim().split(/\s+/);
    if (parts.length !== 3) return null;
    let [r, g, b] = parts.map((p) => colourNumber(p, 1));
    if (m[1] === "srgb-linear") {
      const encode = (c: number): number => (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);
      r = encode(r);
      g = encode(g);
      b = encode(b);
    }
    const a = m[3] !== undefined ? colourNumber(m[3], 1) : 1;
    if ([r, g, b, a].some((x) => Number.isNaN(x))) return null;
    return { r: clampChannel(r * 255), g: clampChannel(g * 255), b: clampChannel(b * 255), a: clampAlpha(a) };
  }
  let channels: string[];
  let alpha: string | undefined;
  if (body.includes(",")) {
    const parts = body.split(",");
    if (parts.length < 3 || parts.length > 4) return null;
    channels = parts.slice(0, 3);
    alpha = parts[3];
  } else {
    const [rgb, a] = body.split("/");
    channels = rgb.trim().split(/\s+/);
    alpha = a;
    if (channels.length !== 3) return null;
  }
  const [r, g, b] = channels.map((c) => colourNumber(c, 255));
  const a = alpha !== undefined ? colourNumber(alpha, 1) : 1;
  if ([r, g, b, a].some((x) => Number.isNaN(x))) return null;
  return { r: clampChannel(r), g: clampChannel(g), b: clampChannel(b), a: clampAlpha(a) };
}

/** `top` painted with its alpha over `bottom`; the result has bottom's coverage added. */
export function compositeOver(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number): number => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** `colour` faded by `opacity` toward an opaque `background`. */
export function fadeToward(colour: Rgba, background: Rgba, opacity: number): Rgba {
  const o = clampAlpha(opacity);
  return {
    r: colour.r * o + background.r * (1 - o),
    g: colour.g * o + background.g * (1 - o),
    b: colour.b * o + background.b * (1 - o),
    a: 1,
  };
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function relativeLuminance(c: Rgba): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/**
 * WCAG 2.x contrast ratio of text colour `fg` (its own alpha, then the
 * effective `opacity`, applied over the background) against the opaque
 * `bg`, rounded to 2 decimals.
 */
export function textContrast(fg: Rgba, bg: Rgba, opacity: number): number {
  const solidBg = bg.a >= 1 ? bg : compositeOver(bg, { r: 255, g: 255, b: 255, a: 1 });
  const painted = compositeOver(fg, solidBg);
  const seen = fadeToward(painted, solidBg, opacity);
  const l1 = relativeLuminance(seen);
  const l2 = relativeLuminance(solidBg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  return Math.round(ratio * 100) / 100;
}

/** The colour tokens of a computed `background-image` gradient, in order. */
export function gradientColourTokens(value: string): string[] {
  const out: string[] = [];
  const re = /(rgba?\([^)]*\)|color\([^)]*\)|(?:ok)?lab\([^)]*\)|(?:ok)?lch\([^)]*\)|hsla?\([^)]*\)|hwb\([^)]*\)|#[0-9a-fA-F]{3,8}\b|\btransparent\b)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null) out.push(m[1]);
  return out;
}

/** An Rgba rounded for output: integer channels, alpha to 3 decimals. */
export function roundedColour(c: Rgba): Rgba {
  return { r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b), a: Math.round(c.a * 1000) / 1000 };
}

/**
 * A background colour a reader sees as a fill of its own: at least half
 * opaque and standing out from what is behind it (contrast 1.1:1 or more;
 * nothing known behind counts as standing out).
 */
export function fillStandsOut(colour: Rgba, under: Rgba | undefined): boolean {
  if (colour.a < 0.5) return false;
  return under === undefined || textContrast(colour, under, 1) >= 1.1;
}
