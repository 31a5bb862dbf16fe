/**
 * Readable CSS paths, in the format of ../../heuristics/selectors.ts: "html" and "body" by
 * their tag; "tag#id" when the id is unique in its tree (and the path stops
 * there); else the tag, its first plain class and :nth-of-type when siblings
 * share the tag, after its parent's path (the html element left out), joined
 * by " > "; frames and shadow roots are entered with " >>> ".
 */
import { nthOfType, pathSegment, plainClass } from "../../heuristics/selectors.js";
import { attr, isElement, tagOf, type Element, type ParentNode } from "./dom-nodes.js";

const PLAIN_IDENT = /^[A-Za-z_][\w-]*$/u;

/** Escapes an identifier as CSS.escape does. */
export function cssEscape(ident: string): string {
  if (PLAIN_IDENT.test(ident)) return ident;
  let out = "";
  for (let i = 0; i < ident.length; i++) {
    const ch = ident[i];
    const code = ident.charCodeAt(i);
    if (code === 0) out += "\uFFFD";
    else if ((code >= 0x1 && code <= 0x1f) || code === 0x7f || (i === 0 && code >= 0x30 && code <= 0x39) || (i === 1 && code >= 0x30 && code <= 0x39 && ident[0] === "-")) {
      out += `\\${code.toString(16)} `;
    } else if (i === 0 && ch === "-" && ident.length === 1) out += "\\-";
    else if (code >= 0x80 || ch === "-" || ch === "_" || /[0-9a-z]/iu.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

/** How often each id occurs in a tree, not entering templates (shadow roots are trees of their own). */
export function countIds(root: ParentNode): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (node: ParentNode): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const id = attr(child, "id");
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      if (tagOf(child) !== "template") walk(child);
    }
  };
  walk(root);
  return counts;
}

/** Per parent: each child element's 1-based position among siblings of its tag, and how many siblings share the tag. */
const siblingPositions = new WeakMap<ParentNode, Map<Element, { index: number; count: number }>>();

function positionAmongTag(el: Element): { index: number; count: number } {
  const parent = el.parent;
  if (!parent) return { index: 1, count: 1 };
  let positions = siblingPositions.get(parent);
  if (!positions) {
    positions = new Map();
    const byTag = new Map<string, Element[]>();
    for (const c of parent.children) {
      if (!isElement(c)) continue;
      const list = byTag.get(tagOf(c));
      if (list) list.push(c);
      else byTag.set(tagOf(c), [c]);
    }
    for (const list of byTag.values()) list.forEach((c, i) => positions?.set(c, { index: i + 1, count: list.length }));
    siblingPositions.set(parent, positions);
  }
  return positions.get(el) ?? { index: 1, count: 1 };
}

/** Paths already made, by element: an element's path extends its parent's. */
const paths = new WeakMap<Element, string>();

/** The path of an element inside its own tree (document or shadow root). */
export function localPath(el: Element, ids: ReadonlyMap<string, number>): string {
  const known = paths.get(el);
  if (known !== undefined) return known;
  const tag = tagOf(el);
  let out: string;
  const id = attr(el, "id");
  if (tag === "html" || tag === "body") out = tag;
  else if (id && ids.get(id) === 1) out = `${cssEscape(tag)}#${cssEscape(id)}`;
  else {
    const cls = (attr(el, "class") ?? "").split(/[ \t\n\f\r]+/u).find(plainClass);
    const { index, count } = positionAmongTag(el);
    const segment = pathSegment(cssEscape(tag), cls, nthOfType(index, count));
    const parent: ParentNode | null = el.parent;
    const up = parent && isElement(parent) && tagOf(parent) !== "template" && tagOf(parent) !== "html" ? parent : null;
    out = up ? `${localPath(up, ids)} > ${segment}` : segment;
  }
  paths.set(el, out);
  return out;
}
