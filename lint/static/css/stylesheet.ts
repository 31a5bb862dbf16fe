/**
 * Author style rules of one style scope (a document or a declarative shadow
 * root): `<style>` elements and, when they can be read from disk, linked
 * stylesheets and @import, parsed with postcss and indexed for matching.
 */
import postcss, { type AtRule, type ChildNode, type Root } from "postcss";
import type { Viewport } from "../../model.js";
import { LayerTree, type LayerNode } from "./cascade-layers.js";
import { declaration, longhands, type Declaration } from "./declarations.js";
import { attr, isElement, isText, tagOf, type Element, type ParentNode } from "../model/dom-nodes.js";
import type { LocalFiles } from "../local-files.js";
import { matchesMedia } from "./media-query.js";
import { readSelector, specificityOf, type Matcher, type Specificity } from "./selectors.js";
import { supportsCondition } from "./supports.js";

export type { Specificity } from "./selectors.js";

export interface StyleRule {
  selector: string;
  matches: Matcher;
  specificity: Specificity;
  /** Rank of the rule's cascade layer: higher wins for normal declarations (rules in no layer rank highest). */
  layer: number;
  /** Position in the scope's style sheets, for source order. */
  order: number;
  declarations: Declaration[];
}

/** Something the style reader could not do, for the model's notes. */
export interface StyleIssue {
  message: string;
  selector?: string;
}

/** Properties the static model reads (shorthands expand into these): a rule setting none of them changes nothing it measures. */
const READ_PROPERTIES = new Set([
  "display",
  "visibility",
  "color",
  "-webkit-text-fill-color",
  "font-size",
  "font-weight",
  "opacity",
  "background-color",
  "background-image",
  "transform",
  "scale",
  "translate",
  "zoom",
  "text-indent",
  "position",
  "float",
  "left",
  "top",
  "right",
  "bottom",
  "width",
  "height",
  "min-width",
  "min-height",
  "max-width",
  "max-height",
  "overflow-x",
  "overflow-y",
  "clip",
  "clip-path",
  "content-visibility",
  "margin-left",
  "margin-top",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
  "flex-grow",
  "flex-basis",
  "flex",
  "background-clip",
  "-webkit-background-clip",
  "rotate",
  "perspective",
  "filter",
  "backdrop-filter",
  "contain",
  "will-change",
]);

function readsSomething(decls: readonly Declaration[]): boolean {
  return decls.some((d) => READ_PROPERTIES.has(d.property) || d.property.startsWith("--"));
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
  rules: (StyleRule & { layerNode: LayerNode })[];
  issues: StyleIssue[];
  order: number;
  depth: number;
  layers: LayerTree;
}

/** Where in the style sheets a rule sits: its file, cascade layer and, for nested rules, the selectors of the rule around it. */
interface Context {
  sheetDir: string | null;
  origin: string;
  layer: LayerNode;
  parents: readonly string[] | null;
}

/** Parsed style sheets by their text, most recent last: the pages of one site share their style sheets. */
const parsed = new Map<string, Root | null>();
/** Characters of style sheet text kept parsed at most. */
const PARSED_CHARS = 4_000_000;
let parsedChars = 0;

function parseSheet(css: string): Root | null {
  const hit = parsed.get(css);
  if (hit !== undefined) {
    parsed.delete(css);
    parsed.set(css, hit);
    return hit;
  }
  const root = parseSheetText(css);
  if (css.length > PARSED_CHARS / 4) return root;
  for (const key of parsed.keys()) {
    if (parsedChars + css.length <= PARSED_CHARS) break;
    parsed.delete(key);
    parsedChars -= key.length;
  }
  parsed.set(css, root);
  parsedChars += css.length;
  return root;
}

function parseSheetText(css: string): Root | null {
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

interface ImportTarget {
  href: string;
  media: string;
  /** The layer name of layer(name), "" for a bare `layer`, null when not layered. */
  layer: string | null;
  supports: string | null;
}

function importTarget(params: string): ImportTarget | null {
  const m = /^\s*(?:url\(\s*(['"]?)(.*?)\1\s*\)|(['"])(.*?)\3)\s*(.*)$/su.exec(params);
  if (!m) return null;
  const href = m[2] ?? m[4] ?? "";
  let rest = m[5] ?? "";
  let layer: string | null = null;
  let supports: string | null = null;
  rest = rest.replace(/\blayer\(([^)]*)\)|\blayer\b/iu, (_all, name: string | undefined) => {
    layer = (name ?? "").trim();
    return "";
  });
  rest = rest.replace(/\bsupports\(((?:[^()]|\([^()]*\))*)\)/iu, (_all, cond: string) => {
    supports = cond;
    return "";
  });
  return { href, media: rest.trim(), layer, supports };
}

/** A nested rule's selector against the selectors of the rule around it: `&` stands for them, and a selector without `&` is their descendant. */
function nestedSelector(selector: string, parents: readonly string[]): string {
  const parent = `:is(${parents.join(", ")})`;
  return selector.includes("&") ? selector.replace(/&/gu, parent) : `${parent} ${selector}`;
}

function addRule(state: CollectState, selectors: readonly string[], decls: Declaration[], ctx: Context): void {
  const order = state.order++;
  for (const raw of selectors) {
    const selector = raw.trim();
    if (selector === "") continue;
    const reading = readSelector(selector);
    if (reading.kind === "never") continue;
    if (reading.kind === "unsupported") {
      if (readsSomething(decls)) state.issues.push({ message: `selector ${selector} (${ctx.origin}) cannot be evaluated statically` });
      continue;
    }
    state.rules.push({
      selector,
      matches: reading.matches,
      specificity: specificityOf(selector),
      layer: 0,
      layerNode: ctx.layer,
      order,
      declarations: decls,
    });
  }
}

function declarationsOf(nodes: readonly ChildNode[]): Declaration[] {
  const decls: Declaration[] = [];
  for (const child of nodes) {
    if (child.type !== "decl") continue;
    const d = declaration(child.prop, child.value, child.important === true);
    if (d) decls.push(...longhands(d));
  }
  return decls;
}

function walkNodes(nodes: readonly ChildNode[], source: SheetSource, state: CollectState, ctx: Context): void {
  if (ctx.parents) {
    const own = declarationsOf(nodes);
    if (own.length > 0) addRule(state, ctx.parents, own, ctx);
  }
  for (const node of nodes) {
    if (node.type === "rule") {
      const selectors = ctx.parents
        ? node.selectors.map((s) => nestedSelector(s.trim(), ctx.parents as readonly string[]))
        : node.selectors;
      walkNodes(node.nodes, source, state, { ...ctx, parents: selectors });
    } else if (node.type === "atrule") {
      walkAtRule(node, source, state, ctx);
    }
  }
}

function walkAtRule(node: AtRule, source: SheetSource, state: CollectState, ctx: Context): void {
  const name = node.name.toLowerCase();
  const inner = node.nodes ?? [];
  switch (name) {
    case "media":
      if (matchesMedia(node.params, source.viewport)) walkNodes(inner, source, state, ctx);
      return;
    case "supports":
      if (supportsCondition(node.params)) walkNodes(inner, source, state, ctx);
      return;
    case "layer": {
      if (node.nodes === undefined) {
        for (const layerName of node.params.split(",")) if (layerName.trim()) state.layers.layer(ctx.layer, layerName);
        return;
      }
      walkNodes(inner, source, state, { ...ctx, layer: state.layers.layer(ctx.layer, node.params) });
      return;
    }
    case "container":
    case "scope":
      if (inner.some((n) => n.type === "rule" || n.type === "decl" || n.type === "atrule")) {
        const why = name === "container" ? "container queries depend on layout" : "@scope is not evaluated statically";
        state.issues.push({ message: `@${name} ${node.params.trim()} (${ctx.origin}): ${why}; its rules are not applied` });
      }
      return;
    case "import":
      walkImport(node, source, state, ctx);
      return;
    default:
      return;
  }
}

function walkImport(node: AtRule, source: SheetSource, state: CollectState, ctx: Context): void {
  const target = importTarget(node.params);
  if (!target || !matchesMedia(target.media, source.viewport)) return;
  if (target.supports !== null && !supportsCondition(target.supports)) return;
  const css = state.depth < 8 && source.files ? source.files.read(target.href, ctx.sheetDir, "stylesheet") : null;
  if (css === null) {
    state.issues.push({ message: `imported stylesheet ${target.href} not read (${ctx.origin})` });
    return;
  }
  const layer = target.layer === null ? ctx.layer : state.layers.layer(ctx.layer, target.layer);
  state.depth++;
  collectSheet(css.text, source, state, { sheetDir: css.dir, origin: target.href, layer, parents: null });
  state.depth--;
}

function collectSheet(css: string, source: SheetSource, state: CollectState, ctx: Context): void {
  const root = parseSheet(css);
  if (!root) {
    state.issues.push({ message: `stylesheet ${ctx.origin} could not be parsed` });
    return;
  }
  walkNodes(root.nodes, source, state, ctx);
}

/** `<style>` and `<link rel=stylesheet>` elements of a scope in document order, not entering templates or shadow roots. */
function sheetElements(node: ParentNode, out: Element[]): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    const tag = tagOf(child);
    if (tag === "template") continue;
    if (tag === "style") out.push(child);
    else if (
      tag === "link" &&
      /(?:^|\s)stylesheet(?:\s|$)/iu.test(attr(child, "rel") ?? "") &&
      !/(?:^|\s)alternate(?:\s|$)/iu.test(attr(child, "rel") ?? "")
    )
      out.push(child);
    else sheetElements(child, out);
  }
  return out;
}

/** The author rules of a scope in source order, and what could not be read. */
export function collectRules(source: SheetSource): { rules: StyleRule[]; issues: StyleIssue[] } {
  const state: CollectState = { rules: [], issues: [], order: 0, depth: 0, layers: new LayerTree() };
  const top = (origin: string, sheetDir: string | null): Context => ({ sheetDir, origin, layer: state.layers.root, parents: null });
  for (const el of sheetElements(source.root, [])) {
    const media = attr(el, "media");
    if (media !== null && !matchesMedia(media, source.viewport)) continue;
    if (tagOf(el) === "style") {
      const type = (attr(el, "type") ?? "text/css").trim().toLowerCase();
      if (type !== "" && type !== "text/css") continue;
      collectSheet(el.children.map((c) => (isText(c) ? c.data : "")).join(""), source, state, top("in <style>", null));
      continue;
    }
    if (el.attribs.disabled !== undefined) continue;
    const href = attr(el, "href") ?? "";
    const css = source.files ? source.files.read(href, null, "stylesheet") : null;
    if (css === null) {
      state.issues.push({ message: `external stylesheet ${href} not read`, selector: source.selectorOf(el) });
      continue;
    }
    collectSheet(css.text, source, state, top(href, css.dir));
  }
  const ranks = state.layers.ranks();
  const rules: StyleRule[] = state.rules.map(({ layerNode, ...rule }) => ({ ...rule, layer: ranks.get(layerNode) ?? 0 }));
  return { rules, issues: state.issues };
}
