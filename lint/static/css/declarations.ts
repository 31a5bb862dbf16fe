/** CSS declarations: splitting inline styles and expanding the shorthands the static model reads. */
import { parseColour, TRANSPARENT } from "./colour.js";
import { topLevelTokens } from "./css-tokens.js";

export interface Declaration {
  property: string;
  value: string;
  important: boolean;
  /** The shorthand this longhand came from, when its value still holds var() and is expanded after substitution. */
  shorthand?: string;
}

/** Splits `text` at `sep` outside parentheses, brackets and quotes. */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== null) {
      if (ch === "\\" && i + 1 < text.length) {
        current += ch + text[++i];
        continue;
      }
      if (ch === quote) quote = null;
      current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** One declaration from a property and a raw value that may end in !important. */
export function declaration(property: string, rawValue: string, important = false): Declaration | null {
  const prop = property.trim();
  const name = prop.startsWith("--") ? prop : prop.toLowerCase();
  let value = rawValue.trim();
  let imp = important;
  const bang = /!\s*important\s*$/iu.exec(value);
  if (bang) {
    imp = true;
    value = value.slice(0, bang.index).trim();
  }
  if (name === "" || (value === "" && !name.startsWith("--"))) return null;
  return { property: name, value, important: imp };
}

/** The declarations of a `style` attribute, shorthands expanded. */
export function parseInlineStyle(style: string): Declaration[] {
  const out: Declaration[] = [];
  if (style === "") return out;
  for (const part of splitTopLevel(style.replace(/\/\*[\s\S]*?\*\//gu, ""), ";")) {
    const colon = part.indexOf(":");
    if (colon <= 0) continue;
    const d = declaration(part.slice(0, colon), part.slice(colon + 1));
    if (d) out.push(...longhands(d));
  }
  return out;
}

const FONT_SIZE_KEYWORDS = new Set([
  "xx-small",
  "x-small",
  "small",
  "medium",
  "large",
  "x-large",
  "xx-large",
  "xxx-large",
  "larger",
  "smaller",
]);
const FONT_WEIGHT_KEYWORDS = new Set(["bold", "bolder", "lighter"]);
const SYSTEM_FONTS = new Set(["caption", "icon", "menu", "message-box", "small-caption", "status-bar"]);

function looksLikeSize(token: string): boolean {
  const t = token.toLowerCase();
  return FONT_SIZE_KEYWORDS.has(t) || /^[+-]?(?:\d+\.?\d*|\.\d+)(%|[a-z]+)$/u.test(t) || /^(calc|min|max|clamp)\(/u.test(t);
}

function fontLonghands(value: string): Record<string, string> | null {
  const tokens = topLevelTokens(value, true);
  if (tokens.length === 1 && SYSTEM_FONTS.has(tokens[0].toLowerCase())) return null;
  let weight = "normal";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].toLowerCase();
    if (looksLikeSize(t) && !/^\d+$/u.test(t)) return { "font-size": tokens[i], "font-weight": weight };
    if (FONT_WEIGHT_KEYWORDS.has(t) || /^\d{1,4}$/u.test(t)) weight = t;
  }
  return null;
}

function backgroundLonghands(value: string): Record<string, string> {
  const layers = splitTopLevel(value, ",");
  const last = layers[layers.length - 1] ?? "";
  let colour = "transparent";
  for (const token of topLevelTokens(last)) {
    if (parseColour(token, TRANSPARENT) !== null) colour = token;
  }
  const tokens = layers.flatMap((layer) => topLevelTokens(layer));
  const images = tokens.filter((t) =>
    /^(?:repeating-)?(?:linear|radial|conic)-gradient\(|^(?:url|image-set|-webkit-image-set|image|element|cross-fade|paint)\(/iu.test(t),
  );
  return {
    "background-color": colour,
    "background-image": images.length > 0 ? images.join(", ") : "none",
    "background-clip": tokens.some((t) => t.toLowerCase() === "text") ? "text" : "border-box",
  };
}

function boxLonghands(prefix: string, value: string): Record<string, string> {
  const t = topLevelTokens(value);
  const [top, right = top, bottom = top, left = right] = t;
  if (top === undefined) return {};
  const names =
    prefix === "inset" ? ["top", "right", "bottom", "left"] : [`${prefix}-top`, `${prefix}-right`, `${prefix}-bottom`, `${prefix}-left`];
  return { [names[0]]: top, [names[1]]: right, [names[2]]: bottom, [names[3]]: left };
}

const SIDES = ["top", "right", "bottom", "left"] as const;
const BORDER_STYLES = new Set(["none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset"]);

/** Width, style and colour of one border side from a `border`/`border-top` value. */
function borderSide(value: string): { width: string; style: string; colour: string } {
  let width = "medium";
  let style = "none";
  let colour = "currentcolor";
  for (const token of topLevelTokens(value)) {
    const t = token.toLowerCase();
    if (BORDER_STYLES.has(t)) style = t;
    else if (t === "currentcolor" || parseColour(token, TRANSPARENT) !== null) colour = token;
    else if (
      t === "thin" ||
      t === "medium" ||
      t === "thick" ||
      /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[a-z]+)?$/u.test(t) ||
      /^(?:calc|min|max|clamp)\(/u.test(t)
    )
      width = token;
  }
  return { width, style, colour };
}

function borderLonghands(sides: readonly (typeof SIDES)[number][], value: string): Record<string, string> {
  const { width, style, colour } = borderSide(value);
  const out: Record<string, string> = {};
  for (const side of sides) {
    out[`border-${side}-width`] = width;
    out[`border-${side}-style`] = style;
    out[`border-${side}-color`] = colour;
  }
  return out;
}

/** border-width, border-style or border-color: one to four values, top right bottom left. */
function borderPartLonghands(part: "width" | "style" | "color", value: string): Record<string, string> {
  const t = topLevelTokens(value);
  const [top, right = top, bottom = top, left = right] = t;
  if (top === undefined) return {};
  const values = [top, right, bottom, left];
  return Object.fromEntries(SIDES.map((side, i) => [`border-${side}-${part}`, values[i]]));
}

function overflowLonghands(value: string): Record<string, string> {
  const [x, y = x] = topLevelTokens(value);
  return x === undefined ? {} : { "overflow-x": x, "overflow-y": y };
}

const SHORTHANDS: Record<string, (value: string) => Record<string, string> | null> = {
  background: backgroundLonghands,
  font: fontLonghands,
  overflow: overflowLonghands,
  inset: (v) => boxLonghands("inset", v),
  margin: (v) => boxLonghands("margin", v),
  padding: (v) => boxLonghands("padding", v),
  border: (v) => borderLonghands(SIDES, v),
  "border-top": (v) => borderLonghands(["top"], v),
  "border-right": (v) => borderLonghands(["right"], v),
  "border-bottom": (v) => borderLonghands(["bottom"], v),
  "border-left": (v) => borderLonghands(["left"], v),
  "border-width": (v) => borderPartLonghands("width", v),
  "border-style": (v) => borderPartLonghands("style", v),
  "border-color": (v) => borderPartLonghands("color", v),
};

/** The longhand values of a shorthand (or the property itself), from a value without var(). */
export function expandValue(property: string, value: string): Record<string, string> {
  const expand = SHORTHANDS[property];
  if (!expand) return { [property]: value };
  const wide = value.trim().toLowerCase();
  if (wide === "inherit" || wide === "initial" || wide === "unset" || wide === "revert") {
    const probe = expand(
      property === "font" ? "16px serif" : property === "background" ? "transparent" : property.startsWith("border") ? "0 none" : "0",
    );
    return Object.fromEntries(Object.keys(probe ?? {}).map((k) => [k, wide]));
  }
  return expand(value) ?? {};
}

/** Longhands a shorthand sets when its value still has var() in it, expanded after substitution. */
const DEFERRED_LONGHANDS: Record<string, string[]> = {
  background: ["background-color", "background-image", "background-clip"],
  font: ["font-size", "font-weight"],
  overflow: ["overflow-x", "overflow-y"],
  inset: ["top", "right", "bottom", "left"],
  margin: ["margin-top", "margin-right", "margin-bottom", "margin-left"],
  padding: ["padding-top", "padding-right", "padding-bottom", "padding-left"],
  border: SIDES.flatMap((side) => [`border-${side}-width`, `border-${side}-style`, `border-${side}-color`]),
  "border-top": ["border-top-width", "border-top-style", "border-top-color"],
  "border-right": ["border-right-width", "border-right-style", "border-right-color"],
  "border-bottom": ["border-bottom-width", "border-bottom-style", "border-bottom-color"],
  "border-left": ["border-left-width", "border-left-style", "border-left-color"],
  "border-width": SIDES.map((side) => `border-${side}-width`),
  "border-style": SIDES.map((side) => `border-${side}-style`),
  "border-color": SIDES.map((side) => `border-${side}-color`),
};

/** A declaration as the longhands the cascade compares. */
export function longhands(d: Declaration): Declaration[] {
  if (!SHORTHANDS[d.property]) return [d];
  if (/var\(/iu.test(d.value)) {
    return (DEFERRED_LONGHANDS[d.property] ?? []).map((p) => ({
      property: p,
      value: d.value,
      important: d.important,
      shorthand: d.property,
    }));
  }
  return Object.entries(expandValue(d.property, d.value)).map(([property, value]) => ({ property, value, important: d.important }));
}
