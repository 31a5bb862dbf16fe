/** CSS colour values: parsing, alpha compositing and the colour stops of gradients. */
import type { Rgba } from "../../model.js";
import { NAMED_COLOURS } from "./named-colours.js";
import { topLevelTokens } from "./css-tokens.js";

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/** System colours as Chromium resolves them in its light scheme. */
const SYSTEM_COLOURS: ReadonlyMap<string, Rgba> = new Map([
  ["canvas", WHITE],
  ["canvastext", BLACK],
  ["buttonface", { r: 239, g: 239, b: 239, a: 1 }],
  ["buttontext", BLACK],
  ["buttonborder", BLACK],
  ["field", WHITE],
  ["fieldtext", BLACK],
  ["graytext", { r: 109, g: 109, b: 109, a: 1 }],
  ["linktext", { r: 0, g: 0, b: 238, a: 1 }],
]);

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function fromHex(hex: string): Rgba | null {
  if (!/^[0-9a-f]+$/iu.test(hex)) return null;
  const full = hex.length === 3 || hex.length === 4 ? [...hex].map((h) => h + h).join("") : hex;
  if (full.length !== 6 && full.length !== 8) return null;
  const n = (i: number): number => parseInt(full.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
}

/** A channel of rgb(): a number 0-255 or a percentage. */
function rgbChannel(token: string): number | null {
  if (token === "none") return 0;
  const pct = /^(-?[\d.]+)%$/u.exec(token);
  if (pct) return clamp((parseFloat(pct[1]) / 100) * 255, 0, 255);
  const n = Number(token);
  return Number.isFinite(n) ? clamp(n, 0, 255) : null;
}

function alphaValue(token: string | undefined): number | null {
  if (token === undefined) return 1;
  if (token === "none") return 0;
  const pct = /^(-?[\d.]+)%$/u.exec(token);
  if (pct) return clamp(parseFloat(pct[1]) / 100, 0, 1);
  const n = Number(token);
  return Number.isFinite(n) ? clamp(n, 0, 1) : null;
}

function hueDegrees(token: string): number | null {
  const m = /^(-?[\d.]+)(deg|grad|rad|turn)?$/u.exec(token);
  if (!m) return token === "none" ? 0 : null;
  const v = parseFloat(m[1]);
  switch (m[2]) {
    case "grad":
      return (v * 360) / 400;
    case "rad":
      return (v * 180) / Math.PI;
    case "turn":
      return v * 360;
    default:
      return v;
  }
}

function percentage(token: string): number | null {
  if (token === "none") return 0;
  const m = /^(-?[\d.]+)%?$/u.exec(token);
  return m ? clamp(parseFloat(m[1]) / 100, 0, 1) : null;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const hue = ((h % 360) + 360) % 360;
  const f = (n: number): number => {
    const k = (n + hue / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

/** The arguments of a colour function: "r g b / a" or "r, g, b, a" as [channels..., alpha?]. */
function functionArgs(inner: string): { channels: string[]; alpha: string | undefined } {
  const [main, slashAlpha] = inner.split("/");
  const parts = main.split(/[\s,]+/u).filter((p) => p.length > 0);
  if (slashAlpha !== undefined) return { channels: parts, alpha: slashAlpha.trim() };
  return { channels: parts.slice(0, 3), alpha: parts[3] };
}

function fromFunction(name: string, inner: string): Rgba | null {
  const { channels, alpha } = functionArgs(inner.trim().toLowerCase());
  if (channels.length !== 3) return null;
  const a = alphaValue(alpha);
  if (a === null) return null;
  if (name === "rgb" || name === "rgba") {
    const [r, g, b] = channels.map(rgbChannel);
    if (r === null || g === null || b === null) return null;
    return { r, g, b, a };
  }
  if (name === "hsl" || name === "hsla") {
    const h = hueDegrees(channels[0]);
    const s = percentage(channels[1]);
    const l = percentage(channels[2]);
    if (h === null || s === null || l === null) return null;
    const [r, g, b] = hslToRgb(h, s, l);
    return { r, g, b, a };
  }
  return null;
}

/**
 * A CSS colour as RGBA; `current` stands for `currentcolor`. Null when the
 * value is not a colour this parser knows (color-mix(), lab(), var() left over).
 */
export function parseColour(value: string, current: Rgba): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v === "") return null;
  if (v === "transparent") return TRANSPARENT;
  if (v === "currentcolor") return current;
  if (v.startsWith("#")) return fromHex(v.slice(1));
  const fn = /^([a-z-]+)\((.*)\)$/su.exec(v);
  if (fn) return fromFunction(fn[1], fn[2]);
  const named = NAMED_COLOURS.get(v);
  if (named !== undefined) return { r: (named >> 16) & 255, g: (named >> 8) & 255, b: named & 255, a: 1 };
  return SYSTEM_COLOURS.get(v) ?? null;
}

const GRADIENT = /^(?:repeating-)?(?:linear|radial|conic)-gradient\(/u;

/** The colours named anywhere in a value (gradient stops, a shorthand's colour), in order. */
export function colourStops(value: string, current: Rgba): Rgba[] {
  const out: Rgba[] = [];
  for (const token of topLevelTokens(value)) {
    const lower = token.toLowerCase();
    if (GRADIENT.test(lower)) {
      const inner = token.slice(token.indexOf("(") + 1, -1);
      out.push(...colourStops(inner.replace(/,/gu, " , "), current));
      continue;
    }
    const colour = parseColour(token, current);
    if (colour) out.push(colour);
  }
  return out;
}

/** The value paints a gradient. */
export function isGradient(value: string): boolean {
  return /(?:^|[\s,])(?:repeating-)?(?:linear|radial|conic)-gradient\(/iu.test(value);
}

/** The value paints an image (url(), image-set(), element()). */
export function isImage(value: string): boolean {
  return /(?:^|[\s,])(?:url|image-set|-webkit-image-set|element|image|cross-fade|paint)\(/iu.test(value);
}
