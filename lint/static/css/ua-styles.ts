/** The parts of Chromium's user-agent style sheet the static model reads. */
import type { Declaration } from "./declarations.js";
import { attr, hasAttr, tagOf, type Element } from "../model/dom-nodes.js";

const BLOCK = new Set(
  "html body address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend listing main menu nav ol p plaintext pre search section summary ul xmp optgroup option frameset frame".split(
    " ",
  ),
);
const NONE = new Set("head script style template title meta link base noscript area datalist param".split(" "));
const INLINE_BLOCK = new Set("button input select textarea meter progress".split(" "));
const TABLE: Record<string, string> = {
  table: "table",
  tr: "table-row",
  td: "table-cell",
  th: "table-cell",
  caption: "table-caption",
  tbody: "table-row-group",
  thead: "table-header-group",
  tfoot: "table-footer-group",
  col: "table-column",
  colgroup: "table-column-group",
  li: "list-item",
};

const HEADING_SIZE: Record<string, string> = { h1: "2em", h2: "1.5em", h3: "1.17em", h4: "1em", h5: "0.83em", h6: "0.67em" };
const BOLD = new Set("b strong h1 h2 h3 h4 h5 h6 th optgroup".split(" "));
const FORM_CONTROLS = new Set("button input select textarea".split(" "));

/** The display the user-agent style sheet gives a tag (before author styles). */
export function defaultDisplay(el: Element): string {
  const tag = tagOf(el);
  if (NONE.has(tag)) return "none";
  if (tag === "input" && (attr(el, "type") ?? "").toLowerCase() === "hidden") return "none";
  if (tag === "dialog" && !hasAttr(el, "open")) return "none";
  if (BLOCK.has(tag)) return "block";
  if (INLINE_BLOCK.has(tag)) return "inline-block";
  return TABLE[tag] ?? "inline";
}

/** What the user-agent declarations of an element depend on, as a cache key. */
function uaKey(el: Element, tag: string): string {
  const hidden = attr(el, "hidden");
  const type = tag === "input" || tag === "button" ? (attr(el, "type") ?? "").toLowerCase() : "";
  const flag = tag === "a" ? hasAttr(el, "href") : tag === "dialog" ? hasAttr(el, "open") : false;
  return `${tag}\u241f${hidden === null ? "" : `h:${hidden.trim().toLowerCase()}`}\u241f${type}\u241f${flag ? 1 : 0}`;
}

const uaCache = new Map<string, readonly Declaration[]>();

/** User-agent declarations for an element, lowest in the cascade (shared between elements: not to be changed). */
export function uaDeclarations(el: Element): readonly Declaration[] {
  const tag = tagOf(el);
  const key = uaKey(el, tag);
  let found = uaCache.get(key);
  if (!found) {
    if (uaCache.size > 2000) uaCache.clear();
    found = computeUaDeclarations(el, tag);
    uaCache.set(key, found);
  }
  return found;
}

function computeUaDeclarations(el: Element, tag: string): Declaration[] {
  const out: Declaration[] = [];
  const add = (property: string, value: string): void => {
    out.push({ property, value, important: false });
  };
  add("display", defaultDisplay(el));
  const hidden = attr(el, "hidden");
  if (hidden !== null) {
    if (hidden.trim().toLowerCase() === "until-found") add("content-visibility", "hidden");
    else add("display", "none");
  }
  const heading = HEADING_SIZE[tag];
  if (heading) add("font-size", heading);
  if (tag === "small" || tag === "sub" || tag === "sup") add("font-size", "smaller");
  if (tag === "big") add("font-size", "larger");
  if (BOLD.has(tag)) add("font-weight", "bold");
  if (FORM_CONTROLS.has(tag)) {
    add("font-size", "13.333333px");
    add("font-weight", "normal");
    add("color", tag === "button" ? "buttontext" : "fieldtext");
    const button = tag === "button" || (tag === "input" && /^(button|submit|reset)$/iu.test(attr(el, "type") ?? ""));
    add("background-color", button ? "buttonface" : "field");
    if (button) {
      for (const side of ["top", "right", "bottom", "left"]) {
        add(`border-${side}-width`, "2px");
        add(`border-${side}-style`, "outset");
        add(`border-${side}-color`, "buttonborder");
      }
    }
  }
  if (tag === "a" && hasAttr(el, "href")) add("color", "linktext");
  if (tag === "mark") {
    add("background-color", "yellow");
    add("color", "black");
  }
  if (tag === "dialog") {
    add("position", "absolute");
    add("background-color", "canvas");
    add("color", "canvastext");
  }
  if (tag === "pre" || tag === "code" || tag === "kbd" || tag === "samp" || tag === "tt") add("font-size", "0.8125em");
  return out;
}
