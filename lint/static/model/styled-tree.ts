/**
 * One pass over a document's flat tree (declarative shadow roots and slots
 * included): every rendered element with its computed style, visibility
 * facts, selector path and place in document order.
 */
import { expanderReach, opensPanels, panelByMarkup } from "../../heuristics/disclosures.js";
import type { Viewport, Visibility } from "../../model.js";
import { AncestorKeys, elementKeys } from "./ancestor-filter.js";
import { cascade, RuleIndex } from "../css/cascade.js";
import { ComputedStyle, type FrameBase } from "../css/computed-style.js";
import { parseInlineStyle } from "../css/declarations.js";
import { attr, declarativeShadowRoot, flatChildren, hasAttr, isElement, roleAttr, shadowRootMode, tagOf, type AnyNode, type Element, type ParentNode } from "./dom-nodes.js";
import type { LocalFiles } from "../local-files.js";
import { joinSelectorPath } from "../../heuristics/selectors.js";
import { countIds, localPath } from "./selector-path.js";
import { collectRules, type StyleIssue } from "../css/stylesheet.js";
import { defaultDisplay, uaDeclarations } from "../css/ua-styles.js";
import { boxFacts, type InheritedFacts } from "./visibility.js";

/** One document: the top page or a frame read into the model. */
export interface DocumentScope {
  /** Frame path from the top document ("" for the top frame). */
  framePath: string;
  url: string;
  root: ParentNode;
  files: LocalFiles | null;
  viewport: Viewport;
  frameBase: FrameBase;
  /** Visibility facts the frame element passes to the frame's content. */
  baseFacts: InheritedFacts;
  /** The frame element in the parent document, null for the top document. */
  frameElement: ElementInfo | null;
}

/** A tree styles apply within: a document, or a declarative shadow root. */
export interface StyleScope {
  doc: DocumentScope;
  root: ParentNode;
  index: RuleIndex;
  ids: Map<string, number>;
  /** Path of the shadow host or frame this tree lies in ("" for the top document). */
  prefix: string;
  /** Shadow host paths from the frame's document down to this tree. */
  shadowPath: string[];
  shadowMode: "open" | "closed" | null;
  /** The tree the shadow host lies in; null for a document. */
  hostScope: StyleScope | null;
}

export interface ElementInfo {
  el: Element;
  tag: string;
  /** Position in flat-tree document order across the whole model. */
  order: number;
  /** Order of the last element in its flat subtree. */
  end: number;
  parent: ElementInfo | null;
  scope: StyleScope;
  style: ComputedStyle;
  visibility: Visibility;
  inherited: InheritedFacts;
  /** Children in the flat tree (text and elements). */
  children: AnyNode[];
  /** Text directly inside the element is in a collapsed region (closed <details>, content-visibility:hidden). */
  hidesContent: boolean;
  /** Readable CSS path, computed on first use. */
  readonly selector: string;
}

/** An element's info with its selector path computed when first read. */
class StyledElement implements ElementInfo {
  end = 0;
  private path: string | null = null;

  constructor(
    readonly el: Element,
    readonly tag: string,
    readonly order: number,
    readonly parent: ElementInfo | null,
    readonly scope: StyleScope,
    readonly style: ComputedStyle,
    readonly visibility: Visibility,
    readonly inherited: InheritedFacts,
    readonly children: AnyNode[],
    readonly hidesContent: boolean,
  ) {}

  get selector(): string {
    this.path ??= joinSelectorPath(this.scope.prefix, localPath(this.el, this.scope.ids));
    return this.path;
  }
}

/** Elements whose content is never rendered as part of the page. */
const UNRENDERED = new Set(["head", "script", "style", "template", "noscript", "meta", "link", "title", "base"]);

export interface StyledTree {
  elements: ElementInfo[];
  byElement: Map<Element, ElementInfo>;
  /** iframe/frame elements met on the way, for reading frames. */
  frames: ElementInfo[];
  issues: StyleIssue[];
  scopes: StyleScope[];
}

/** Ids of panels a disclosure or tab controls: aria-controls of an element with aria-expanded, or of a tab. */
function collapsedPanelIds(root: ParentNode): Set<string> {
  const ids = new Set<string>();
  const walk = (node: ParentNode): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (opensPanels(hasAttr(child, "aria-expanded"), roleAttr(child))) {
        for (const id of (attr(child, "aria-controls") ?? "").split(/\s+/u)) if (id) ids.add(id);
      }
      const shadow = declarativeShadowRoot(child);
      if (shadow) walk(shadow);
      walk(child);
    }
  };
  walk(root);
  return ids;
}

function previousElement(el: Element): Element | null {
  let cur = el.prev;
  while (cur && !isElement(cur)) cur = cur.prev;
  return cur && isElement(cur) ? cur : null;
}

function holdsExpander(el: Element): boolean {
  return hasAttr(el, "aria-expanded") || el.children.some((c) => isElement(c) && holdsExpander(c));
}

/**
 * A display:none element a disclosure explains (../../heuristics/disclosures.ts):
 * a tab panel, the target of an expander's aria-controls, or an element
 * right after (within two siblings) an expander; hidden is read trimmed and
 * in any case.
 */
function isCollapsedPanel(el: Element, controlled: ReadonlySet<string>): boolean {
  if (panelByMarkup(roleAttr(el), (attr(el, "hidden") ?? "").trim().toLowerCase())) return true;
  const id = attr(el, "id");
  if (id && controlled.has(id)) return true;
  let sib = previousElement(el);
  for (let k = 0; k < expanderReach() && sib; k++) {
    if (holdsExpander(sib)) return true;
    sib = previousElement(sib);
  }
  return false;
}

/** The first <summary> child of a <details>, which stays shown when it is closed. */
function detailsSummary(details: Element): Element | null {
  for (const child of details.children) if (isElement(child) && tagOf(child) === "summary") return child;
  return null;
}

/** Builds the styled flat tree of a document, numbering elements from `firstOrder`. */
export function styleDocument(doc: DocumentScope, firstOrder: number): StyledTree {
  const elements: ElementInfo[] = [];
  const byElement = new Map<Element, ElementInfo>();
  const frames: ElementInfo[] = [];
  const issues: StyleIssue[] = [];
  const scopes: StyleScope[] = [];
  const controlled = collapsedPanelIds(doc.root);
  const ancestors = new AncestorKeys();
  const ctx = { viewport: doc.viewport, remPx: 16, frameBase: doc.frameBase };
  let order = firstOrder;

  const makeScope = (root: ParentNode, prefix: string, shadowPath: string[], shadowMode: StyleScope["shadowMode"], hostScope: StyleScope | null): StyleScope => {
    const ids = countIds(root);
    const { rules, issues: found } = collectRules({
      root,
      viewport: doc.viewport,
      files: doc.files,
      selectorOf: (el) => joinSelectorPath(prefix, localPath(el, ids)),
    });
    issues.push(...found);
    const scope: StyleScope = { doc, root, index: new RuleIndex(rules), ids, prefix, shadowPath, shadowMode, hostScope };
    scopes.push(scope);
    return scope;
  };

  const visit = (el: Element, parent: ElementInfo | null, scope: StyleScope): void => {
    const tag = tagOf(el);
    if (UNRENDERED.has(tag)) return;
    const declared = cascade(uaDeclarations(el), scope.index.matching(el, ancestors), parseInlineStyle(attr(el, "style") ?? ""));
    const style = new ComputedStyle(declared, parent?.style ?? null, ctx, defaultDisplay(el));
    if (!parent) ctx.remPx = style.fontPx;
    let base = parent ? parent.inherited : doc.baseFacts;
    if (parent && parent.tag === "details" && !hasAttr(parent.el, "open") && detailsSummary(parent.el) === el) {
      base = { ...base, collapsed: parent.visibility.collapsed };
    }
    const collapsedPanel = style.display === "none" && isCollapsedPanel(el, controlled);
    const contentVisibility = (style.get("content-visibility") ?? "").trim().toLowerCase();
    const hidesContent = (tag === "details" && !hasAttr(el, "open")) || contentVisibility === "hidden";
    const facts = boxFacts(style, base, collapsedPanel, hidesContent, doc.viewport.width);
    const info = new StyledElement(el, tag, order++, parent, scope, style, facts.visibility, facts.inherited, flatChildren(el), hidesContent);
    elements.push(info);
    byElement.set(el, info);
    if (tag === "iframe" || tag === "frame") {
      frames.push(info);
      info.end = info.order;
      return;
    }
    const shadow = declarativeShadowRoot(el);
    let childScope = scope;
    if (shadow) {
      const mode = shadowRootMode(el);
      childScope = makeScope(shadow, info.selector, [...scope.shadowPath, info.selector], mode, scope);
    }
    const keys = elementKeys(tag, attr(el, "id"), attr(el, "class"));
    ancestors.push(keys);
    for (const child of info.children) {
      if (!isElement(child)) continue;
      const lightChildOfSlot = tag === "slot" && child.parent !== el;
      visit(child, info, lightChildOfSlot ? (scope.hostScope ?? scope) : childScope);
    }
    ancestors.pop(keys);
    info.end = order - 1;
  };

  const top = makeScope(doc.root, doc.framePath, [], null, null);
  for (const child of doc.root.children) if (isElement(child)) visit(child, null, top);
  return { elements, byElement, frames, issues, scopes };
}
