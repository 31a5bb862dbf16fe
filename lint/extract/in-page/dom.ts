/**
 * DOM access for the in-page pass through the isolated world's own
 * prototypes. Forms and documents expose named children as properties
 * (`<input name="id">` shadows form.id), so properties that matter are read
 * through their prototype getters, saved once when a pass starts.
 *
 * Every function here is standalone (no imports, no module state, only
 * other in-page functions by name), because the extractor sends their source
 * text into the page and runs them there.
 */

/** The DOM reads the pass makes, bound to builtins saved before any page element is touched. */
export interface Dom {
  tagOf(el: Element): string;
  idOf(el: Element): string;
  attr(el: Element, name: string): string | null;
  hasAttr(el: Element, name: string): boolean;
  rectOf(el: Element): DOMRect;
  childNodesOf(n: Node): Node[];
  childrenOf(n: Element | Document | ShadowRoot): Element[];
  classesOf(el: Element): string[];
  shadowOf(el: Element): ShadowRoot | null;
  rootElementOf(doc: Document): Element | null;
  urlOf(doc: Document): string;
  titleOf(doc: Document): string;
  /** Every element under `el` (a live, native list). */
  elementsIn(el: Element): HTMLCollectionOf<Element>;
  /** The first element under `el` matching `selector`. */
  firstMatchIn(el: Element, selector: string): Element | null;
  /** The topmost element at a point of a document's (or shadow root's) viewport, as hit-testing finds it. */
  elementAt(root: Document | ShadowRoot, x: number, y: number): Element | null;
}

/** A reader of property `name` through the getter `proto` defines, whatever the object itself shadows. */
export function prototypeGetter(proto: object, name: string): (self: unknown) => unknown {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  return (self) => (get ? get.call(self) : (self as Record<string, unknown>)[name]);
}

/** The DOM reads of one pass, through getters and methods saved now. */
export function savedDom(): Dom {
  const tagGetter = prototypeGetter(Element.prototype, "localName");
  const idGetter = prototypeGetter(Element.prototype, "id");
  const classListGetter = prototypeGetter(Element.prototype, "classList");
  const childNodesGetter = prototypeGetter(Node.prototype, "childNodes");
  const elementChildrenGetter = prototypeGetter(Element.prototype, "children");
  const fragmentChildrenGetter = prototypeGetter(DocumentFragment.prototype, "children");
  const documentChildrenGetter = prototypeGetter(Document.prototype, "children");
  const shadowRootGetter = prototypeGetter(Element.prototype, "shadowRoot");
  const urlGetter = prototypeGetter(Document.prototype, "URL");
  const titleGetter = prototypeGetter(Document.prototype, "title");
  const rootElementGetter = prototypeGetter(Document.prototype, "documentElement");
  const getAttributeFn = Element.prototype.getAttribute;
  const hasAttributeFn = Element.prototype.hasAttribute;
  const rectFn = Element.prototype.getBoundingClientRect;
  const elementsByTagFn = Element.prototype.getElementsByTagName;
  const querySelectorFn = Element.prototype.querySelector;
  const documentPointFn = Document.prototype.elementFromPoint;
  const shadowPointFn = typeof ShadowRoot === "function" ? ShadowRoot.prototype.elementFromPoint : undefined;
  return {
    tagOf: (el) => String(tagGetter(el) ?? ""),
    idOf: (el) => {
      const id = idGetter(el);
      return typeof id === "string" ? id : "";
    },
    attr: (el, name) => getAttributeFn.call(el, name),
    hasAttr: (el, name) => hasAttributeFn.call(el, name),
    rectOf: (el) => rectFn.call(el),
    childNodesOf: (n) => Array.from(childNodesGetter(n) as ArrayLike<Node>),
    childrenOf: (n) => {
      const getter = n.nodeType === 1 ? elementChildrenGetter : n.nodeType === 9 ? documentChildrenGetter : fragmentChildrenGetter;
      return Array.from((getter(n) ?? []) as ArrayLike<Element>);
    },
    classesOf: (el) => Array.from((classListGetter(el) ?? []) as ArrayLike<string>),
    shadowOf: (el) => (shadowRootGetter(el) as ShadowRoot | null) ?? null,
    rootElementOf: (doc) => (rootElementGetter(doc) as Element | null) ?? null,
    urlOf: (doc) => String(urlGetter(doc) ?? ""),
    titleOf: (doc) => String(titleGetter(doc) ?? ""),
    elementsIn: (el) => elementsByTagFn.call(el, "*"),
    firstMatchIn: (el, selector) => querySelectorFn.call(el, selector),
    elementAt: (root, x, y) => {
      const fn = root.nodeType === 9 ? documentPointFn : shadowPointFn;
      return fn ? (fn.call(root, x, y) as Element | null) : null;
    },
  };
}

/** The first token of an element's role attribute, lower-cased ("" when none). */
export function roleOf(dom: Dom, el: Element): string {
  return (dom.attr(el, "role") ?? "").trim().toLowerCase().split(/\s+/)[0] ?? "";
}

/** The text of an element's own text nodes (not its descendants'). */
export function ownTextOf(dom: Dom, el: Element): string {
  let s = "";
  for (const n of dom.childNodesOf(el)) if (n.nodeType === 3) s += (n as Text).data;
  return s;
}

/** Whether `a` contains `b` in the flat tree (across shadow roots). */
export function composedContains(a: Element, b: Node): boolean {
  if (a === b || a.contains(b)) return true;
  let n: Node | null = b;
  for (let i = 0; n && i < 1024; i++) {
    if (n === a) return true;
    const parent: Node | null = n.parentNode;
    n = parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : parent;
  }
  return false;
}

/** Whitespace runs as one space, trimmed. */
export function norm(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
