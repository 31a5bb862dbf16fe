/** Evaluates @media query lists against the linted viewport (screen, light scheme). */
import type { Viewport } from "../../model.js";
import { resolveLength, resolveNumber } from "./length.js";

type RangeOp = "<=" | ">=" | "<" | ">" | "=";

function mediaLength(value: string, viewport: Viewport): number | null {
  return resolveLength(value, { emPx: 16, remPx: 16, percentOfPx: null, viewportWidth: viewport.width, viewportHeight: viewport.height });
}

/** The numeric value of a range feature for this viewport, or null when it is not one. */
function featureValue(name: string, viewport: Viewport): number | null {
  switch (name) {
    case "width":
    case "device-width":
      return viewport.width;
    case "height":
    case "device-height":
      return viewport.height;
    case "aspect-ratio":
    case "device-aspect-ratio":
      return viewport.width / viewport.height;
    case "resolution":
    case "-webkit-device-pixel-ratio":
      return viewport.deviceScaleFactor;
    case "color":
      return 8;
    case "monochrome":
      return 0;
    default:
      return null;
  }
}

function parseValue(name: string, value: string, viewport: Viewport): number | null {
  const v = value.trim();
  if (name.includes("aspect-ratio")) {
    const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/u.exec(v);
    if (m) return parseFloat(m[1]) / parseFloat(m[2]);
    return resolveNumber(v);
  }
  if (name.includes("resolution") || name.includes("pixel-ratio")) {
    const m = /^(\d+(?:\.\d+)?)(dppx|x|dpi|dpcm)?$/u.exec(v);
    if (!m) return null;
    const n = parseFloat(m[1]);
    if (m[2] === "dpi") return n / 96;
    if (m[2] === "dpcm") return (n * 2.54) / 96;
    return n;
  }
  if (name === "color" || name === "monochrome") return resolveNumber(v);
  return mediaLength(v, viewport);
}

function compare(a: number, op: RangeOp, b: number): boolean {
  switch (op) {
    case "<=":
      return a <= b + 1e-9;
    case ">=":
      return a >= b - 1e-9;
    case "<":
      return a < b;
    case ">":
      return a > b;
    default:
      return Math.abs(a - b) < 1e-9;
  }
}

/** Discrete features of a screen in the light scheme, with no user preference set. */
function discreteFeature(name: string, value: string | null, viewport: Viewport): boolean {
  const mobile = viewport.isMobile;
  const is = (expected: string): boolean => value === null || value === expected;
  switch (name) {
    case "orientation":
      return value === null || value === (viewport.height >= viewport.width ? "portrait" : "landscape");
    case "prefers-color-scheme":
      return value === "light";
    case "prefers-reduced-motion":
    case "prefers-reduced-transparency":
    case "prefers-contrast":
    case "prefers-reduced-data":
      return value === "no-preference";
    case "forced-colors":
    case "inverted-colors":
      return value === "none";
    case "hover":
    case "any-hover":
      return value === null ? !mobile : value === (mobile ? "none" : "hover");
    case "pointer":
    case "any-pointer":
      return value === null || value === (mobile ? "coarse" : "fine");
    case "scripting":
      return is("enabled");
    case "display-mode":
      return is("browser");
    case "update":
      return is("fast");
    case "grid":
      return value === "0";
    default:
      return false;
  }
}

/** One parenthesised feature: "(min-width: 600px)", "(width >= 600px)", "(400px <= width <= 800px)", "(hover)". */
function featureMatches(feature: string, viewport: Viewport): boolean {
  const f = feature.trim().toLowerCase();
  const colon = f.indexOf(":");
  if (colon >= 0) {
    const name = f.slice(0, colon).trim();
    const value = f.slice(colon + 1).trim();
    const prefix = /^(min|max)-(.+)$/u.exec(name.replace(/^-webkit-(min|max)-/u, "$1-"));
    const base = prefix ? prefix[2] : name;
    const actual = featureValue(base, viewport);
    if (actual === null) return discreteFeature(name, value, viewport);
    const expected = parseValue(base, value, viewport);
    if (expected === null) return false;
    if (!prefix) return compare(actual, "=", expected);
    return compare(actual, prefix[1] === "min" ? ">=" : "<=", expected);
  }
  const parts = f.split(/(<=|>=|<|>|=)/u).map((p) => p.trim());
  if (parts.length === 1) {
    const actual = featureValue(f, viewport);
    return actual !== null ? actual !== 0 : discreteFeature(f, null, viewport);
  }
  for (let i = 0; i + 2 < parts.length; i += 2) {
    const [left, op, right] = [parts[i], parts[i + 1] as RangeOp, parts[i + 2]];
    const leftName = featureValue(left, viewport) !== null ? left : null;
    const rightName = featureValue(right, viewport) !== null ? right : null;
    const name = leftName ?? rightName;
    if (name === null) return false;
    const a = leftName !== null ? featureValue(left, viewport) : parseValue(name, left, viewport);
    const b = rightName !== null ? featureValue(right, viewport) : parseValue(name, right, viewport);
    if (a === null || b === null || !compare(a, op, b)) return false;
  }
  return true;
}

/** The top-level parenthesised groups and words of one media query. */
function queryParts(query: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of query) {
    if (ch === "(") {
      if (depth === 0 && current.trim()) out.push(...current.trim().split(/\s+/u));
      if (depth === 0) current = "";
      else current += ch;
      depth++;
    } else if (ch === ")") {
      depth--;
      if (depth === 0) {
        out.push(`(${current})`);
        current = "";
      } else current += ch;
    } else current += ch;
  }
  if (current.trim()) out.push(...current.trim().split(/\s+/u));
  return out;
}

function conditionMatches(parts: readonly string[], viewport: Viewport): boolean {
  let result: boolean | null = null;
  let joiner: "and" | "or" = "and";
  let negateNext = false;
  for (const part of parts) {
    const word = part.toLowerCase();
    if (word === "and" || word === "or") {
      joiner = word;
      continue;
    }
    if (word === "not") {
      negateNext = true;
      continue;
    }
    let value: boolean;
    if (part.startsWith("(")) {
      const inner = part.slice(1, -1);
      value =
        /^\s*\(|\s(and|or|not)\s/iu.test(inner) || /^\s*not\s/iu.test(inner)
          ? conditionMatches(queryParts(inner), viewport)
          : featureMatches(inner, viewport);
    } else {
      value = word === "all" || word === "screen";
    }
    if (negateNext) value = !value;
    negateNext = false;
    result = result === null ? value : joiner === "and" ? result && value : result || value;
  }
  return result ?? true;
}

/** One query of a list: "[not|only] type [and (feature)]..." or a condition. */
function queryMatches(query: string, viewport: Viewport): boolean {
  const parts = queryParts(query.trim());
  if (parts.length === 0) return true;
  const first = parts[0].toLowerCase();
  if (first === "only") return conditionMatches(parts.slice(1), viewport);
  if (first === "not" && parts.length > 1 && !parts[1].startsWith("(")) return !conditionMatches(parts.slice(1), viewport);
  return conditionMatches(parts, viewport);
}

/** Whether a media query list (the prelude of @media, or a media attribute) applies to the viewport. */
export function matchesMedia(list: string, viewport: Viewport): boolean {
  const trimmed = list.trim();
  if (trimmed === "") return true;
  const queries: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of trimmed) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      queries.push(current);
      current = "";
    } else current += ch;
  }
  queries.push(current);
  return queries.some((q) => queryMatches(q, viewport));
}
