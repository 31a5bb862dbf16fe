/**
 * Selectors of author rules: what an element matches as the page has just
 * loaded (no hover, focus or user input), their specificity, and which ones
 * Chromium would apply but static mode cannot evaluate.
 */
import { compile } from "css-select";
import { calculate } from "specificity";
import { attr, hasAttr, type AnyNode, type Element } from "../model/dom-nodes.js";

export type Specificity = readonly [number, number, number];
export type Matcher = (el: Element) => boolean;

/**
 * How a selector reads: a matcher; "never" when it matches nothing on a
 * freshly loaded page (dynamic states, pseudo-elements) or Chromium drops it
 * too (unknown or other engines' pseudo-classes); "unsupported" when Chromium
 * applies it but static mode cannot tell where.
 */
export type SelectorReading = { kind: "matcher"; matches: Matcher } | { kind: "never" } | { kind: "unsupported" };

/** Dynamic states no element is in when a page has just loaded, or states only script sets. */
const DYNAMIC_PSEUDO =
  /:(?:hover|focus|focus-within|focus-visible|active|visited|target|target-within|autofill|-webkit-autofill|user-invalid|user-valid|playing|paused|seeking|buffering|stalled|muted|volume-locked|fullscreen|picture-in-picture|modal|popover-open|drop|current|past|future|state\()/iu;
const PSEUDO_ELEMENT = /::|:(?:before|after|first-line|first-letter)\b/iu;

/** Selectors Chromium applies that css-select cannot compile or that need layout or script state. */
const UNSUPPORTED = /:(?:host|host-context|valid|invalid|in-range|out-of-range|indeterminate)\b|:nth-(?:last-)?child\([^)]*\bof\b/iu;

const FORM_TEXT_INPUTS = new Set([
  "",
  "text",
  "search",
  "url",
  "tel",
  "email",
  "password",
  "date",
  "month",
  "week",
  "time",
  "datetime-local",
  "number",
]);

function inheritedAttr(el: Element, name: string): string | null {
  for (let cur: Element | null = el; cur; cur = cur.parent && cur.parent.type === "tag" ? (cur.parent as Element) : null) {
    const v = attr(cur, name);
    if (v !== null) return v.trim().toLowerCase();
  }
  return null;
}

function editable(el: Element): boolean {
  const tag = el.name.toLowerCase();
  const fixed = hasAttr(el, "readonly") || hasAttr(el, "disabled");
  if (tag === "textarea") return !fixed;
  if (tag === "input") return !fixed && FORM_TEXT_INPUTS.has((attr(el, "type") ?? "").trim().toLowerCase());
  const ce = inheritedAttr(el, "contenteditable");
  return ce !== null && ce !== "false";
}

/** Pseudo-classes css-select does not know, as they read on a page that has just loaded (no script has run). */
const PSEUDOS: Record<string, (el: Element, value?: string | null) => boolean> = {
  /** Custom elements are defined only by script; every other element is defined. */
  defined: (el) => !el.name.includes("-"),
  lang: (el, value) => {
    const lang = inheritedAttr(el, "lang");
    const wanted = (value ?? "")
      .trim()
      .replace(/^["']|["']$/gu, "")
      .toLowerCase();
    return lang !== null && wanted !== "" && (lang === wanted || lang.startsWith(`${wanted}-`));
  },
  dir: (el, value) => (inheritedAttr(el, "dir") === "rtl" ? "rtl" : "ltr") === (value ?? "").trim().toLowerCase(),
  "read-write": editable,
  "read-only": (el) => !editable(el),
  "placeholder-shown": (el) => {
    const tag = el.name.toLowerCase();
    if (!hasAttr(el, "placeholder")) return false;
    if (tag === "textarea") return el.children.length === 0;
    return tag === "input" && (attr(el, "value") ?? "") === "";
  },
  open: (el) => ["details", "dialog"].includes(el.name.toLowerCase()) && hasAttr(el, "open"),
  closed: (el) => ["details", "dialog"].includes(el.name.toLowerCase()) && !hasAttr(el, "open"),
  default: (el) => {
    const tag = el.name.toLowerCase();
    if (tag === "option") return hasAttr(el, "selected");
    return tag === "input" && /^(checkbox|radio)$/iu.test(attr(el, "type") ?? "") && hasAttr(el, "checked");
  },
};

const readings = new Map<string, SelectorReading>();
const specificities = new Map<string, Specificity>();
const CACHE_LIMIT = 20_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** How a selector reads on a freshly loaded page. */
export function readSelector(selector: string): SelectorReading {
  const hit = readings.get(selector);
  if (hit !== undefined) return hit;
  if (PSEUDO_ELEMENT.test(selector) || DYNAMIC_PSEUDO.test(selector)) return remember(readings, selector, { kind: "never" });
  if (UNSUPPORTED.test(selector)) return remember(readings, selector, { kind: "unsupported" });
  let reading: SelectorReading;
  try {
    const query = compile<AnyNode, Element>(selector.replace(/:-webkit-any\(/giu, ":is("), { xmlMode: false, pseudos: PSEUDOS });
    reading = { kind: "matcher", matches: (el: Element) => query(el) };
  } catch {
    reading = { kind: "never" };
  }
  return remember(readings, selector, reading);
}

export function specificityOf(selector: string): Specificity {
  const hit = specificities.get(selector);
  if (hit) return hit;
  let s: Specificity;
  try {
    const r = calculate(selector);
    s = [r.A, r.B, r.C];
  } catch {
    s = [
      (selector.match(/#/gu) ?? []).length,
      (selector.match(/[.:[]/gu) ?? []).length,
      (selector.match(/(?:^|[\s>+~])[a-z]/giu) ?? []).length,
    ];
  }
  return remember(specificities, selector, s);
}
