/**
 * Author style rules of one style scope (a document or a declarative shadow
 * root): `<style>` elements and, when they can be read from disk, linked
 * stylesheets and @import, parsed with postcss and indexed for matching.
 */
import postcss, { type AtRule, type ChildNode, type Root } from "postcss";
import { compile } from "css-select";
import { calculate } from "specificity";
import type { Viewport } from "../model.js";
import { declaration, longhands, type Declaration } from "./declarations.js";
import { attr, isElement, isText, tagOf, type AnyNode, type Element, type ParentNode } from "./dom-nodes.js";
import type { LocalFiles } from "./local-files.js";
import { matchesMedia } from "./media-query.js";

export type Specificity = readonly [number, number, number];

export interface StyleRule {
  selector: string;
  matches: (el: Element) => boolean;
  specificity: Specificity;
  /** Position in the scope's style sheets, for source order. */
  order: number;
  declarations: Declaration[];
}

/** Something the style reader could not do, for the model's notes. */
export interface StyleIssue {
  message: string;
  selector?: string;
}

/** Dynamic states no element is in when a page has just loaded. */
const DYNAMIC_PSEUDO =
  /:(?:hover|focus|focus-within|focus-visible|active|visited|target|target-within|autofill|-webkit-autofill|user-invalid|user-valid|playing|paused|fullscreen|modal|popover-open|drop|current|past|future)\b/iu;
const PSEUDO_ELEMENT = /::|:(?:before|after|first-line|first-letter)\b/iu;

const compiled = new Map<string, ((el: Element) => boolean) | null>();
const specificities = new Map<string, Specificity>();
const CACHE_LIMIT = 20_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** A matcher for one selector, or null when it never matches a freshly loaded page or cannot be compiled. */
function matcherOf(selector: string): ((el: Element) => boolean) | null {
  const hit = compiled.get(selector);
  if (hit !== undefined) return hit;
  if (PSEUDO_ELEMENT.test(selector) || DYNAMIC_PSEUDO.test(selector)) return remember(compiled, selector, null);
  let fn: ((el: Element) => boolean) | null = null;
  try {
    const query = compile<AnyNode, Element>(selector, { xmlMode: false });
    fn = (el: Element) => query(el);
  } catch {
    fn = null;
  }
  return remember(compiled, selector, fn);
}

function specificityOf(selector: string): Specificity {
  const hit = specificities.get(selector);
  if (hit) return hit;
  let s: Specificity;
  try {
    const r = calculate(selector);
    s = [r.A, r.B, r.C];
  } catch {
    s = [(selector.match(/#/gu) ?? []).length, (selector.match(/[.:[]/gu) ?? []).length, (selector.match(/(?:^|[\s>+~])[a-z]/giu) ?? []).length];
  }
  return remember(specificities, selector, s);
}

/** What a scope's style sheets come from, and where linked files are read. */
export interface SheetSource {
  root: ParentNode;
  viewport: Viewport;
  /** Reads linked style sheets relative to the document, when local files may be read. */
  files: LocalFiles | null;
  /** Resolves a selector path for notes. */
  selectorOf: (el: Element) => string;
}

interface CollectState {
  rules: StyleRule[];
  issues: StyleIssue[];
  order: number;
  depth: number;
}

function parseSheet(css: string): Root | null {
  let text = css;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return postcss.parse(text);
    } catch (e) {
      const reason = e instanceof Error && "reason" in e ? String((e as { reason: unknown }).reason) : "";
      if (reason === "Unclosed block") text += "}";
      else if (reason === "Unclosed bracket") text += ")";
      else if (reason === "Unclosed string") text += '"';
      else if (reason === "Unclosed comment") text += "*/";
      else return null;
    }
  }
  return null;
}

function importTarget(params: string): { href: string; media: string } | null {
  const m = /^\s*(?:url\(\s*(['"]?)(.*?)\1\s*\)|(['"])(.*?)\3)\s*(.*)$/su.exec(params);
  if (!m) return null;
  const href = m[2] ?? m[4] ?? "";
  return { href, media: (m[5] ?? "").replace(/\b(?:layer|supports)\([^)]*\)|\blayer\b/giu, "").trim() };
}

function addRule(state: CollectState, selectors: readonly string[], decls: Declaration[]): void {
  const order = state.order++;
  for (const raw of selectors) {
    const selector = raw.trim();
    if (selector === "") continue;
    const matches = matcherOf(selector);
    if (!matches) continue;
    state.rules.push({ selector, matches, specificity: specificityOf(selector), order, declarations: decls });
  }
}

function walkNodes(nodes: readonly ChildNode[], source: SheetSource, state: CollectState, sheetDir: string | null, origin: string): void {
  for (const node of nodes) {
    if (node.type === "rule") {
      const decls: Declaration[] = [];
      for (const child of node.nodes) {
        if (child.type !== "decl") continue;
        const d = declaration(child.prop, child.value, child.important === true);
        if (d) decls.push(...longhands(d));
      }
      if (decls.length > 0) addRule(state, node.selectors, decls);
    } else if (node.type === "atrule") {
      walkAtRule(node, source, state, sheetDir, origin);
    }
  }
}

function walkAtRule(node: AtRule, source: SheetSource, state: CollectState, sheetDir: string | null, origin: string): void {
  const name = node.name.toLowerCase();
  if (name === "media") {
    if (matchesMedia(node.params, source.viewport)) walkNodes(node.nodes ?? [], source, state, sheetDir, origin);
  } else if (name === "supports" || name === "layer" || name === "container" || name === "scope" || name === "starting-style") {
    if (name !== "starting-style") walkNodes(node.nodes ?? [], source, state, sheetDir, origin);
  } else if (name === "import") {
    const target = importTarget(node.params);
    if (!target || !matchesMedia(target.media, source.viewport)) return;
    const css = state.depth < 8 && source.files ? source.files.read(target.href, sheetDir, "stylesheet") : null;
    if (css === null) {
      state.issues.push({ message: `imported stylesheet ${target.href} not read (${origin})` });
      return;
    }
    state.depth++;
    collectSheet(css.text, source, state, css.dir, target.href);
    state.depth--;
  }
}

function collectSheet(css: string, source: SheetSource, state: CollectState, sheetDir: string | null, origin: string): void {
  const root = parseSheet(css);
  if (!root) {
    state.issues.push({ message: `stylesheet ${origin} could not be parsed` });
    return;
  }
  walkNodes(root.nodes, source, state, sheetDir, origin);
}

/** `<style>` and `<link rel=stylesheet>` elements of a scope in document order, not entering templates or shadow roots. */
function sheetElements(node: ParentNode, out: Element[]): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    const tag = tagOf(child);
    if (tag === "template") continue;
    if (tag === "style") out.push(child);
    else if (tag === "link" && /(?:^|\s)stylesheet(?:\s|$)/iu.test(attr(child, "rel") ?? "") && !/(?:^|\s)alternate(?:\s|$)/iu.test(attr(child, "rel") ?? "")) out.push(child);
    else sheetElements(child, out);
  }
  return out;
}

/** The author rules of a scope in source order, and what could not be read. */
export function collectRules(source: SheetSource): { rules: StyleRule[]; issues: StyleIssue[] } {
  const state: CollectState = { rules: [], issues: [], order: 0, depth: 0 };
  for (const el of sheetElements(source.root, [])) {
    const media = attr(el, "media");
    if (media !== null && !matchesMedia(media, source.viewport)) continue;
    if (tagOf(el) === "style") {
      const type = (attr(el, "type") ?? "text/css").trim().toLowerCase();
      if (type !== "" && type !== "text/css") continue;
      collectSheet(el.children.map((c) => (isText(c) ? c.data : "")).join(""), source, state, null, "in <style>");
      continue;
    }
    if (el.attribs.disabled !== undefined) continue;
    const href = attr(el, "href") ?? "";
    const css = source.files ? source.files.read(href, null, "stylesheet") : null;
    if (css === null) {
      state.issues.push({ message: `external stylesheet ${href} not read`, selector: source.selectorOf(el) });
      continue;
    }
    collectSheet(css.text, source, state, css.dir, href);
  }
  return state;
}
