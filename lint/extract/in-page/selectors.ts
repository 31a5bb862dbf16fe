/**
 * Selectors in the page: a CSS selector for each element the model names,
 * unique in its document or shadow root (an id when it is unique there,
 * else a child path with a class and :nth-of-type), joined across shadow
 * hosts and frames with " >>> ".
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type * as SelectorRules from "../../heuristics/selectors.js";
import type { Pass } from "./pass.js";

declare const plainClass: typeof SelectorRules.plainClass;
declare const nthOfType: typeof SelectorRules.nthOfType;
declare const pathSegment: typeof SelectorRules.pathSegment;
declare const joinSelectorPath: typeof SelectorRules.joinSelectorPath;

/** An identifier escaped for a selector. */
export function cssEscape(s: string): string {
  return typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`);
}

/** Whether exactly one element of `root` has the id. */
export function uniqueId(pass: Pass, root: Document | ShadowRoot, id: string): boolean {
  let byId = pass.idUnique.get(root);
  if (!byId) {
    byId = new Map();
    pass.idUnique.set(root, byId);
  }
  let u = byId.get(id);
  if (u === undefined) {
    try {
      u = root.querySelectorAll(`#${cssEscape(id)}`).length === 1;
    } catch {
      u = false;
    }
    byId.set(id, u);
  }
  return u;
}

/** `:nth-of-type(n)` of an element among its parent's children, "" when it is the only one of its tag. */
export function nthPart(pass: Pass, el: Element, parent: Element | Document | ShadowRoot): string {
  const { tagOf } = pass.dom;
  let memo = pass.nthMemo.get(parent);
  if (!memo) {
    memo = new Map();
    const counts = new Map<string, number>();
    const kids = pass.dom.childrenOf(parent);
    for (const k of kids) counts.set(tagOf(k), (counts.get(tagOf(k)) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const k of kids) {
      const n = (seen.get(tagOf(k)) ?? 0) + 1;
      seen.set(tagOf(k), n);
      memo.set(k, nthOfType(n, counts.get(tagOf(k)) ?? 0));
    }
    pass.nthMemo.set(parent, memo);
  }
  return memo.get(el) ?? "";
}

/** The selector of an element within its own document or shadow root. */
export function localSelector(pass: Pass, el: Element, root: Document | ShadowRoot): string {
  const known = pass.localMemo.get(el);
  if (known !== undefined) return known;
  const { tagOf, idOf } = pass.dom;
  const tag = tagOf(el);
  let out: string;
  if (tag === "html" || tag === "body") out = tag;
  else if (idOf(el) && uniqueId(pass, root, idOf(el))) out = `${cssEscape(tag)}#${cssEscape(idOf(el))}`;
  else {
    const cls = pass.dom.classesOf(el).find(plainClass);
    const parent = el.parentElement;
    const seg = pathSegment(cssEscape(tag), cls, nthPart(pass, el, parent ?? root));
    out = parent && tagOf(parent) !== "html" ? `${localSelector(pass, parent, root)} > ${seg}` : seg;
  }
  pass.localMemo.set(el, out);
  return out;
}

/** The selector of an element from the top document: shadow hosts and frames joined with " >>> ". */
export function selectorOf(pass: Pass, el: Element): string {
  const known = pass.selectorMemo.get(el);
  if (known !== undefined) return known;
  const root = el.getRootNode() as Document | ShadowRoot;
  const local = localSelector(pass, el, root);
  const out =
    root.nodeType === 11 ? joinSelectorPath(selectorOf(pass, (root as ShadowRoot).host), local) : (pass.frameOfDoc.get(root as Document)?.selectorPrefix ?? "") + local;
  pass.selectorMemo.set(el, out);
  return out;
}

/** The selectors of the shadow hosts around an element, outermost first. */
export function shadowPathOf(pass: Pass, el: Element): string[] {
  const out: string[] = [];
  let root = el.getRootNode();
  while (root.nodeType === 11) {
    const host = (root as ShadowRoot).host;
    out.unshift(selectorOf(pass, host));
    root = host.getRootNode();
  }
  return out;
}
