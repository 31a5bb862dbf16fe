/** Text of elements in the flat tree: all of it, or only what is shown to a reader or exposed to assistive tech. */
import { attr, isElement, isText, tagOf, type AnyNode, type Element } from "./dom-nodes.js";
import type { ElementInfo } from "./styled-tree.js";

/** Collapses runs of whitespace to single spaces and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Elements whose content is not text of the page (form widgets, media, embedded documents). */
export const NO_TEXT_CONTENT = new Set([
  "select",
  "textarea",
  "svg",
  "math",
  "iframe",
  "frame",
  "canvas",
  "video",
  "audio",
  "object",
  "embed",
  "picture",
  "img",
  "input",
  "datalist",
  "meter",
  "progress",
  "option",
  "optgroup",
]);

const INLINE_LEVEL = new Set([
  "inline",
  "inline-block",
  "inline-flex",
  "inline-grid",
  "inline-table",
  "inline-list-item",
  "contents",
  "ruby",
  "ruby-base",
  "ruby-text",
]);

/** The element starts a block of its own in the layout (not inline-level). */
export function isBlockLevel(info: ElementInfo): boolean {
  return !INLINE_LEVEL.has(info.style.layoutDisplay);
}

export interface TextOptions {
  byElement: ReadonlyMap<Element, ElementInfo>;
  /** Leave out display:none, visibility:hidden and aria-hidden content. */
  shownOnly: boolean;
  /** Elements whose text is left out (a control inside its own label). */
  skip?: ReadonlySet<Element>;
}

function hiddenFromReaders(info: ElementInfo): boolean {
  return info.visibility.displayNone || info.visibility.visibilityHidden || (attr(info.el, "aria-hidden") ?? "").toLowerCase() === "true";
}

function collect(node: AnyNode, opts: TextOptions, out: string[]): void {
  if (isText(node)) {
    out.push(node.data);
    return;
  }
  if (!isElement(node) || opts.skip?.has(node)) return;
  const info = opts.byElement.get(node);
  if (!info) return;
  if (opts.shownOnly && hiddenFromReaders(info)) return;
  const tag = tagOf(node);
  if (tag === "br") {
    out.push(" ");
    return;
  }
  if (opts.shownOnly && tag === "img") {
    out.push(` ${attr(node, "alt") ?? ""} `);
    return;
  }
  if (NO_TEXT_CONTENT.has(tag)) return;
  const block = isBlockLevel(info);
  if (block) out.push(" ");
  for (const child of info.children) collect(child, opts, out);
  if (block) out.push(" ");
}

/** The element's text in the flat tree, whitespace-normalised. */
export function elementText(info: ElementInfo, opts: TextOptions): string {
  const out: string[] = [];
  for (const child of info.children) collect(child, opts, out);
  return normaliseSpace(out.join(""));
}
