/** Measured evidence in plain words: "8 px text with contrast 1.4:1". Shared by the human-readable formats. */
import type { Evidence, Thresholds } from "../types.js";
import { DEFAULT_THRESHOLDS } from "../types.js";

function round(n: number, digits = 1): string {
  const f = 10 ** digits;
  return String(Math.round(n * f) / f);
}

const CONDITION_WORDS: Record<string, string> = {
  "font-size": "too small",
  contrast: "too faint",
  opacity: "nearly transparent",
  transparent: "transparent",
  transform: "scaled to near zero",
  covered: "covered by another element",
  offscreen: "placed off-screen",
  clipped: "clipped out of view",
  "zero-size": "zero-sized",
  "visibility-hidden": "visibility: hidden",
  "display-none": "not displayed",
  collapsed: "inside a collapsed section",
};

/** A hiding or readability condition in plain words ("too faint", "placed off-screen"); the raw name when unknown. */
export function conditionWords(condition: string): string {
  return CONDITION_WORDS[condition] ?? condition;
}

/** "8 px text, contrast 1.4:1 (#cccccc on #ffffff), opacity 0.3" from whatever was measured. */
export function describeMeasures(e: Evidence): string {
  const parts: string[] = [];
  const font = e.effectiveFontPx ?? e.fontPx;
  if (typeof font === "number") parts.push(`${round(font)} px text`);
  if (typeof e.contrast === "number") {
    parts.push(`contrast ${round(e.contrast)}:1${e.color && e.background ? ` (${e.color} on ${e.background})` : ""}`);
  }
  if (typeof e.opacity === "number" && e.opacity < 1) parts.push(`opacity ${round(e.opacity, 2)}`);
  if (typeof e.transformScale === "number" && e.transformScale < 1) parts.push(`scaled to ${round(e.transformScale * 100, 0)}%`);
  const words = (e.conditions ?? [])
    .filter((c) => !["font-size", "contrast", "opacity", "transform"].includes(c))
    .map((c) => CONDITION_WORDS[c] ?? c);
  parts.push(...words);
  return parts.join(", ");
}

/** "readable text needs at least 10 px and 3:1" for the conditions that failed. */
export function describeThresholds(e: Evidence, t: Thresholds = DEFAULT_THRESHOLDS): string {
  const c = new Set(e.conditions ?? []);
  const needs: string[] = [];
  if (c.has("font-size") || c.has("transform")) needs.push(`at least ${t.minFontPx} px`);
  if (c.has("contrast") || c.has("transparent")) needs.push(`contrast of at least ${t.minContrast}:1`);
  if (c.has("opacity")) needs.push(`opacity of at least ${t.minOpacity}`);
  return needs.length ? `readable text needs ${needs.join(" and ")}` : "";
}

/**
 * The readability thresholds among the options the rules ran with: the first
 * options that set every threshold (hidden-consent-text's), else the defaults.
 */
export function readabilityThresholds(options: readonly Readonly<Record<string, unknown>>[]): Thresholds {
  const keys = Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[];
  const found = options.find((o) => keys.every((k) => typeof o[k] === "number"));
  if (!found) return DEFAULT_THRESHOLDS;
  return Object.fromEntries(keys.map((k) => [k, found[k]])) as unknown as Thresholds;
}

export function describeState(e: Evidence): string {
  const parts: string[] = [];
  if (e.checked !== undefined)
    parts.push(
      `${e.checked === true ? "checked" : e.checked === "mixed" ? "mixed" : "unchecked"}${e.checkedSource ? ` (${e.checkedSource})` : ""}`,
    );
  if (e.required) parts.push("required");
  if (e.purposes?.length) parts.push(`purposes: ${e.purposes.join(", ")}`);
  if (e.primaryPurpose) parts.push(`step: ${e.primaryPurpose}`);
  if (e.primaryAction) parts.push(`primary action: "${e.primaryAction}"`);
  return parts.join("; ");
}
