/**
 * The in-page pass: one walk of a document's flat tree (same-origin and
 * srcdoc frames entered through contentDocument, open shadow roots through
 * their slots) that returns the document's part of the PageModel as plain
 * data.
 *
 * `collectFrame` is sent into the page as source text and run in an isolated
 * world, so it must stay standalone: no imports at run time, no module
 * state, only the colour functions declared below (sent along with it), and
 * only the isolated world's own builtins. Styles are always read through the
 * element's own window.
 *
 * Coordinates: boxes are in top-level CSS px (the top document's viewport);
 * each document has an offset and scale from its frame element.
 */
import type {
  ActionElement,
  Box,
  CheckedSource,
  Control,
  ControlKind,
  FormField,
  FrameInfo,
  Group,
  ModelNote,
  Region,
  Rgba,
  SelectOption,
  TextBlock,
  TextRun,
  Visibility,
} from "../../model.js";
import type { BackgroundState, CollectArgs, FrameContext, FramePart, PendingFrame, RegionHeading } from "./frame-part.js";

declare function parseCssColour(value: string): Rgba | null;
declare function compositeOver(top: Rgba, bottom: Rgba): Rgba;
declare function textContrast(fg: Rgba, bg: Rgba, opacity: number): number;
declare function gradientColourTokens(value: string): string[];
declare function roundedColour(c: Rgba): Rgba;
declare function cssPx(value: string | null | undefined): number;
declare function ownScale(transform: string, scale: string, zoom: string): [number, number];
declare function clipRectOf(value: string, rect: { left: number; top: number; width: number; height: number }): Box | null;
declare function clipPathEmpties(value: string, w: number, h: number): boolean;
declare function intersectBoxes(a: Box | null, b: Box | null): Box | null;
declare function boxArea(b: Box): number;
declare function boxesOverlap(a: Box, b: Box): boolean;

export function collectFrame(args: CollectArgs): FramePart {
  const started = Date.now();
  const ctx = args.context;
  const prefix = ctx.idPrefix;
  const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
  const CLEAR: Rgba = { r: 0, g: 0, b: 0, a: 0 };
  const REAL_TEXT = /[\p{L}\p{N}]/u;
  const SKIP = new Set(["script", "style", "noscript", "template", "head", "meta", "link", "title", "base"]);
  const NO_DESCEND = new Set(["select", "textarea", "option", "optgroup", "datalist", "iframe", "frame", "object", "embed", "video", "audio", "canvas", "img", "input"]);
  const BLOCK_TAGS = new Set([
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
  ]);
  const CONTROL_ROLES = new Set(["checkbox", "switch", "radio", "menuitemcheckbox"]);
  const FIELD_INPUTS = new Set(["text", "email", "tel", "password", "number", "date", "datetime-local", "month", "week", "time", "search", "url", "file"]);
  const ACTION_INPUTS = new Set(["submit", "button", "reset", "image"]);
  const IMAGE_TAGS = new Set(["img", "video", "picture", "object", "embed", "svg", "iframe", "frame"]);
  const OPAQUE_TAGS = new Set(["img", "video", "canvas", "iframe", "frame", "svg", "input", "button", "select", "textarea", "object", "embed", "picture"]);

  // ---------------------------------------------------------------- DOM access
  // Forms and documents expose named children as properties (`<input name="id">`
  // shadows form.id), so properties that matter are read through prototypes.

  const getterOf = (proto: object, name: string): ((self: unknown) => unknown) => {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    return (self) => (get ? get.call(self) : (self as Record<string, unknown>)[name]);
  };
  const tagGetter = getterOf(Element.prototype, "localName");
  const idGetter = getterOf(Element.prototype, "id");
  const classListGetter = getterOf(Element.prototype, "classList");
  const childNodesGetter = getterOf(Node.prototype, "childNodes");
  const elementChildrenGetter = getterOf(Element.prototype, "children");
  const fragmentChildrenGetter = getterOf(DocumentFragment.prototype, "children");
  const documentChildrenGetter = getterOf(Document.prototype, "children");
  const shadowRootGetter = getterOf(Element.prototype, "shadowRoot");
  const urlGetter = getterOf(Document.prototype, "URL");
  const titleGetter = getterOf(Document.prototype, "title");
  const rootElementGetter = getterOf(Document.prototype, "documentElement");
  const getAttributeFn = Element.prototype.getAttribute;
  const hasAttributeFn = Element.prototype.hasAttribute;
  const rectFn = Element.prototype.getBoundingClientRect;
  const tagOf = (el: Element): string => String(tagGetter(el) ?? "");
  const idOf = (el: Element): string => {
    const id = idGetter(el);
    return typeof id === "string" ? id : "";
  };
  const attr = (el: Element, name: string): string | null => getAttributeFn.call(el, name);
  const hasAttr = (el: Element, name: string): boolean => hasAttributeFn.call(el, name);
  const rectOf = (el: Element): DOMRect => rectFn.call(el);
  const childNodesOf = (n: Node): Node[] => Array.from(childNodesGetter(n) as ArrayLike<Node>);
  const childrenOf = (n: Element | Document | ShadowRoot): Element[] => {
    const getter = n.nodeType === 1 ? elementChildrenGetter : n.nodeType === 9 ? documentChildrenGetter : fragmentChildrenGetter;
    return Array.from((getter(n) ?? []) as ArrayLike<Element>);
  };
  const classesOf = (el: Element): string[] => Array.from((classListGetter(el) ?? []) as ArrayLike<string>);
  const shadowOf = (el: Element): ShadowRoot | null => (shadowRootGetter(el) as ShadowRoot | null) ?? null;
  const rootElementOf = (doc: Document): Element | null => (rootElementGetter(doc) as Element | null) ?? null;

  // ---------------------------------------------------------------- notes

  const notes: ModelNote[] = [];
  const noteKeys = new Set<string>();
  function addNote(kind: string, message: string, selector?: string): void {
    const key = `${kind}\u241f${selector ?? message}`;
    if (noteKeys.has(key)) return;
    noteKeys.add(key);
    notes.push(selector === undefined ? { kind, message } : { kind, message, selector });
  }
  let truncated = false;
  const overBudget = (): boolean => Date.now() - started > args.budgetMs;

  // ---------------------------------------------------------------- numbers and boxes

  const round2 = (n: number): number => Math.round(n * 100) / 100;
  const round3 = (n: number): number => Math.round(n * 1000) / 1000;
  const px = cssPx;
  const intersect = intersectBoxes;
  const area = boxArea;
  const overlaps = boxesOverlap;
  const norm = (s: string): string => s.replace(/\s+/g, " ").trim();

  const roundBox = (b: Box): Box => ({ x: round2(b.x), y: round2(b.y), width: round2(b.width), height: round2(b.height) });

  // ---------------------------------------------------------------- colours

  const colourCache = new Map<string, Rgba | null>();
  let paintProbe: CanvasRenderingContext2D | null | undefined;
  function colourByPainting(value: string): Rgba | null {
    if (paintProbe === undefined) {
      try {
        const canvas = document.createElement("canvas");
        canvas.width = 1;
        canvas.height = 1;
        paintProbe = canvas.getContext("2d", { willReadFrequently: true });
      } catch {
        paintProbe = null;
      }
    }
    if (!paintProbe) return null;
    try {
      if (typeof CSS !== "undefined" && !CSS.supports("color", value)) return null;
      paintProbe.clearRect(0, 0, 1, 1);
      paintProbe.fillStyle = value;
      paintProbe.fillRect(0, 0, 1, 1);
      const d = paintProbe.getImageData(0, 0, 1, 1).data;
      return { r: d[0], g: d[1], b: d[2], a: d[3] / 255 };
    } catch {
      return null;
    }
  }
  function colourOf(value: string | null | undefined): Rgba | null {
    if (!value) return null;
    const cached = colourCache.get(value);
    if (cached !== undefined) return cached;
    const c = parseCssColour(value) ?? colourByPainting(value);
    colourCache.set(value, c);
    return c;
  }

  type Layer =
    | { kind: "none" }
    | { kind: "colour"; colour: Rgba }
    | { kind: "gradient"; stops: Rgba[]; under: Rgba | null }
    | { kind: "image" }
    | { kind: "canvas" };

  function layerOf(style: CSSStyleDeclaration): Layer {
    const image = style.backgroundImage;
    const colour = colourOf(style.backgroundColor) ?? CLEAR;
    if (image && image !== "none") {
      if (/gradient\(/.test(image) && !/url\(|image-set\(|element\(|cross-fade\(|paint\(/.test(image)) {
        const stops: Rgba[] = [];
        for (const token of gradientColourTokens(image)) {
          const c = colourOf(token);
          if (c) stops.push(c);
        }
        if (stops.length > 0) return { kind: "gradient", stops, under: colour.a > 0 ? colour : null };
      }
      return { kind: "image" };
    }
    return colour.a > 0 ? { kind: "colour", colour } : { kind: "none" };
  }

  const opaqueLayer = (l: Layer): boolean =>
    l.kind === "image" || l.kind === "canvas" || (l.kind === "colour" && l.colour.a >= 1) || (l.kind === "gradient" && l.stops.every((s) => s.a >= 1));

  function applyLayer(bg: BackgroundState, layer: Layer): BackgroundState {
    switch (layer.kind) {
      case "none":
        return bg;
      case "image":
        return { source: "image", colours: [] };
      case "canvas":
        return { source: "canvas", colours: [] };
      case "colour": {
        if (layer.colour.a >= 1) return { source: "solid", colours: [{ ...layer.colour, a: 1 }] };
        if (bg.colours.length === 0) return bg;
        return { source: bg.source, colours: bg.colours.map((c) => ({ ...compositeOver(layer.colour, c), a: 1 })) };
      }
      case "gradient": {
        const under = layer.under ? applyLayer(bg, { kind: "colour", colour: layer.under }) : bg;
        if (layer.stops.every((s) => s.a >= 1)) return { source: "gradient", colours: layer.stops.map((s) => ({ ...s, a: 1 })) };
        if (under.colours.length === 0) return under;
        const colours: Rgba[] = [];
        for (const stop of layer.stops) for (const c of under.colours) if (colours.length < 16) colours.push({ ...compositeOver(stop, c), a: 1 });
        return { source: "gradient", colours };
      }
    }
  }

  // ---------------------------------------------------------------- element facts

  const roleOf = (el: Element): string => (attr(el, "role") ?? "").trim().toLowerCase().split(/\s+/)[0] ?? "";

  // ---------------------------------------------------------------- frames and infos

  interface FrameState {
    doc: Document;
    win: Window;
    ox: number;
    oy: number;
    scale: number;
    framePath: string;
    selectorPrefix: string;
    viewW: number;
    viewH: number;
    scrollX: number;
    scrollY: number;
    scrollW: number;
    scrollH: number;
    clipX: boolean;
    baseClip: Box | null;
    baseScroll: Box | null;
    baseBg: BackgroundState;
    offscreen: boolean;
  }

  interface Info {
    el: Element;
    tag: string;
    role: string;
    parent: Info | null;
    fs: FrameState;
    style: CSSStyleDeclaration;
    index: number;
    exit: number;
    displayNone: boolean;
    collapsed: boolean;
    closedDetails: boolean;
    srOnly: boolean;
    clipEmpty: boolean;
    fixed: boolean;
    opacity: number;
    sx: number;
    sy: number;
    clip: Box | null;
    absClip: Box | null;
    scroll: Box | null;
    absScroll: Box | null;
    bg: BackgroundState;
    block: Info;
    isBlock: boolean;
    heading: number | null;
    link: string | null;
    lang: string | null;
    inAction: Info | null;
    inLabel: boolean;
    kind: "control" | "action" | "field" | "control-field" | null;
    actionCount: number;
    itemCount: number;
    contentLen: number;
    textLen: number;
    region?: string;
    group?: string | null;
  }

  function frameMetrics(doc: Document, win: Window): Pick<FrameState, "viewW" | "viewH" | "scrollX" | "scrollY" | "scrollW" | "scrollH" | "clipX"> {
    const root = rootElementOf(doc);
    const body = doc.body;
    const rootStyle = root ? win.getComputedStyle(root) : null;
    const bodyStyle = body ? win.getComputedStyle(body) : null;
    const hides = (v: string | undefined): boolean => v === "hidden" || v === "clip";
    const clipX = hides(rootStyle?.overflowX) || (rootStyle?.overflowX === "visible" && hides(bodyStyle?.overflowX));
    return {
      viewW: win.innerWidth,
      viewH: win.innerHeight,
      scrollX: win.scrollX,
      scrollY: win.scrollY,
      scrollW: Math.max(root?.scrollWidth ?? 0, body?.scrollWidth ?? 0, win.innerWidth),
      scrollH: Math.max(root?.scrollHeight ?? 0, body?.scrollHeight ?? 0, win.innerHeight),
      clipX,
    };
  }

  const topFs: FrameState = {
    doc: document,
    win: window,
    ox: ctx.offsetX,
    oy: ctx.offsetY,
    scale: ctx.scale,
    framePath: ctx.framePath,
    selectorPrefix: ctx.selectorPrefix,
    ...frameMetrics(document, window),
    baseClip: ctx.clip,
    baseScroll: ctx.scroll,
    baseBg: ctx.background,
    offscreen: ctx.offscreen,
  };
  const frameOfDoc = new Map<Document, FrameState>([[document, topFs]]);

  function toTop(r: { left: number; top: number; width: number; height: number }, fs: FrameState): Box {
    return { x: fs.ox + r.left * fs.scale, y: fs.oy + r.top * fs.scale, width: r.width * fs.scale, height: r.height * fs.scale };
  }
  const styleOf = (el: Element): CSSStyleDeclaration => {
    const known = infos.get(el);
    if (known) return known.style;
    const win = el.ownerDocument.defaultView ?? window;
    return win.getComputedStyle(el);
  };

  const controlledIdsByRoot = new Map<Node, Set<string>>();
  function controlledIds(root: Document | ShadowRoot): Set<string> {
    let ids = controlledIdsByRoot.get(root);
    if (!ids) {
      ids = new Set();
      for (const el of Array.from(root.querySelectorAll("[aria-controls]"))) {
        if (!hasAttr(el, "aria-expanded") && roleOf(el) !== "tab") continue;
        for (const id of (attr(el, "aria-controls") ?? "").split(/\s+/)) if (id) ids.add(id);
      }
      controlledIdsByRoot.set(root, ids);
    }
    return ids;
  }

  /** display:none that a disclosure explains: aria-controls of an expander, a toggle right before it, a tab panel, hidden=until-found. */
  function collapseExplained(el: Element): boolean {
    if (attr(el, "hidden") === "until-found") return true;
    if (roleOf(el) === "tabpanel") return true;
    const root = el.getRootNode() as Document | ShadowRoot;
    const id = idOf(el);
    if (id && typeof root.querySelectorAll === "function" && controlledIds(root).has(id)) return true;
    let sib = el.previousElementSibling;
    for (let k = 0; k < 2 && sib; k++) {
      if (hasAttr(sib, "aria-expanded") || sib.querySelector("[aria-expanded]")) return true;
      sib = sib.previousElementSibling;
    }
    return false;
  }

  function classify(el: Element, tag: string, role: string, style: CSSStyleDeclaration, behind: BackgroundState): Info["kind"] {
    if (tag === "input") {
      const type = (el as HTMLInputElement).type;
      if (type === "checkbox" || type === "radio") return "control";
      if (ACTION_INPUTS.has(type)) return "action";
      return FIELD_INPUTS.has(type) ? "field" : null;
    }
    if (CONTROL_ROLES.has(role)) return "control";
    if (tag === "select") return (el as HTMLSelectElement).options.length > 4 ? "control-field" : "control";
    if (tag === "textarea") return "field";
    if (tag === "button" || role === "button") return hasAttr(el, "aria-pressed") ? "control" : "action";
    if ((tag === "a" && hasAttr(el, "href")) || role === "link") return looksLikeButton(style, behind) ? "action" : null;
    return null;
  }

  function looksLikeButton(style: CSSStyleDeclaration, behind: BackgroundState): boolean {
    const layer = layerOf(style);
    const filled = layer.kind === "gradient" || (layer.kind === "colour" && layer.colour.a >= 0.5 && standsOut(layer.colour, behind));
    const sides = ["top", "right", "bottom", "left"];
    const bordered = sides.every((s) => px(style.getPropertyValue(`border-${s}-width`)) >= 1 && style.getPropertyValue(`border-${s}-style`) !== "none");
    const padded = px(style.paddingLeft) + px(style.paddingRight) >= 12 && px(style.paddingTop) + px(style.paddingBottom) >= 4;
    return (filled || bordered) && padded;
  }

  function standsOut(colour: Rgba, behind: BackgroundState): boolean {
    const under = behind.colours[0];
    if (!under) return true;
    return textContrast(colour, under, 1) >= 1.1;
  }

  function isBlockEl(tag: string, role: string, display: string, kind: Info["kind"]): boolean {
    if (kind === "action" || kind === "control" || kind === "control-field") return true;
    if (tag === "label" || tag === "button" || tag === "li" || tag === "td" || tag === "th" || tag === "legend" || tag === "summary" || tag === "caption") return true;
    if (/^h[1-6]$/.test(tag) || role === "heading" || role === "dialog" || role === "alertdialog") return true;
    if (display === "none") return BLOCK_TAGS.has(tag);
    if (display === "contents") return false;
    return !display.startsWith("inline") && !display.startsWith("ruby");
  }

  const infos = new Map<Element, Info>();
  let counter = 0;

  function makeInfo(el: Element, p: Info | null, fs: FrameState): Info {
    const style = fs.win.getComputedStyle(el);
    const tag = tagOf(el);
    const role = roleOf(el);
    const pos = style.position;
    const display = style.display;
    const sameFrameParent = p !== null && p.fs === fs;

    let displayNone = p ? p.displayNone : ctx.displayNone;
    let collapsed = p ? p.collapsed : ctx.collapsed;
    if (p && p.closedDetails) {
      const summary = childrenOf(p.el).find((c) => tagOf(c) === "summary");
      if (el !== summary) collapsed = true;
    }
    if (p && p.style.contentVisibility === "hidden") collapsed = true;
    if (display === "none") {
      if (collapseExplained(el)) collapsed = true;
      else displayNone = true;
    }

    const opacityOwn = parseFloat(style.opacity);
    let filterOpacity = 1;
    for (const m of style.filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/gu)) {
      const v = parseFloat(m[1]) / (m[2] === "%" ? 100 : 1);
      if (Number.isFinite(v)) filterOpacity *= Math.min(1, Math.max(0, v));
    }
    const opacity = (p ? p.opacity : ctx.opacity) * (Number.isFinite(opacityOwn) ? opacityOwn : 1) * filterOpacity;
    const [osx, osy] = ownScale(style.transform, style.getPropertyValue("scale"), style.getPropertyValue("zoom"));
    const sx = (p ? p.sx : ctx.scaleX) * osx;
    const sy = (p ? p.sy : ctx.scaleY) * osy;

    let clip: Box | null;
    let scroll: Box | null;
    if (!sameFrameParent || pos === "fixed") {
      clip = fs.baseClip;
      scroll = fs.baseScroll;
    } else if (pos === "absolute") {
      clip = p.absClip;
      scroll = p.absScroll;
    } else {
      clip = p.clip;
      scroll = p.scroll;
    }
    let clipEmpty = p ? p.clipEmpty : ctx.clipEmpty;
    let srOnly = p ? p.srOnly : ctx.srOnly;
    const rootish = tag === "html" || tag === "body";
    const ovx = style.overflowX;
    const ovy = style.overflowY;
    const clipsX = !rootish && ovx !== "visible";
    const clipsY = !rootish && ovy !== "visible";
    const positioned = pos === "absolute" || pos === "fixed";
    const hasClipRect = positioned && style.clip !== "auto" && style.clip !== "";
    const hasClipPath = style.clipPath !== "none" && style.clipPath !== "";
    if ((clipsX || clipsY || hasClipRect || hasClipPath) && !displayNone) {
      const rect = rectOf(el);
      const box = toTop(rect, fs);
      if (clipsX || clipsY) {
        const own: Box = {
          x: clipsX ? box.x : -1e7,
          y: clipsY ? box.y : -1e7,
          width: clipsX ? box.width : 2e7,
          height: clipsY ? box.height : 2e7,
        };
        clip = intersect(clip, own);
        const scrolls = (v: string): boolean => v === "auto" || v === "scroll";
        if ((scrolls(ovx) || scrolls(ovy)) && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
          scroll = {
            x: box.x + (el.clientLeft - el.scrollLeft) * fs.scale,
            y: box.y + (el.clientTop - el.scrollTop) * fs.scale,
            width: el.scrollWidth * fs.scale,
            height: el.scrollHeight * fs.scale,
          };
        }
        if (rect.width <= 1.5 && rect.height <= 1.5 && (ovx === "hidden" || ovx === "clip")) srOnly = true;
      }
      if (hasClipRect) {
        const cr = clipRectOf(style.clip, rect);
        if (cr) {
          clip = intersect(clip, toTop({ left: cr.x, top: cr.y, width: cr.width, height: cr.height }, fs));
          if (area(cr) <= 1) srOnly = true;
        }
      }
      if (hasClipPath && clipPathEmpties(style.clipPath, rect.width, rect.height)) {
        clipEmpty = true;
        if (rect.width <= 2 && rect.height <= 2) srOnly = true;
      }
    }
    const absolutePositioning = pos !== "static" || style.transform !== "none";
    const absClip = absolutePositioning ? clip : sameFrameParent ? p.absClip : fs.baseClip;
    const absScroll = absolutePositioning ? scroll : sameFrameParent ? p.absScroll : fs.baseScroll;

    const parentBg = p ? p.bg : ctx.background;
    const bg = applyLayer(parentBg, layerOf(style));
    const kind = classify(el, tag, role, style, parentBg);
    const isBlock = !sameFrameParent || isBlockEl(tag, role, display, kind);

    let heading = p ? p.heading : ctx.heading;
    if (/^h[1-6]$/.test(tag)) heading = Number(tag[1]);
    else if (role === "heading") heading = parseInt(attr(el, "aria-level") ?? "", 10) || 2;
    let link = p ? p.link : ctx.linkHref;
    if (tag === "a" && hasAttr(el, "href")) link = (el as HTMLAnchorElement).href;
    let lang = p ? p.lang : ctx.lang;
    if (hasAttr(el, "lang")) lang = attr(el, "lang") || null;

    const info: Info = {
      el,
      tag,
      role,
      parent: p,
      fs,
      style,
      index: counter++,
      exit: Number.MAX_SAFE_INTEGER,
      displayNone,
      collapsed,
      closedDetails: tag === "details" && !hasAttr(el, "open"),
      srOnly,
      clipEmpty,
      fixed: pos === "fixed" || (sameFrameParent && p.fixed),
      opacity,
      sx,
      sy,
      clip,
      absClip,
      scroll,
      absScroll,
      bg,
      block: null as unknown as Info,
      isBlock,
      heading,
      link,
      lang,
      inAction: p ? p.inAction : null,
      inLabel: tag === "label" || (p !== null && p.inLabel),
      kind,
      actionCount: kind === "action" ? 1 : 0,
      itemCount: kind === "control" || kind === "field" || kind === "control-field" ? 1 : 0,
      contentLen: kind === "control" || kind === "field" || kind === "control-field" ? 1 : 0,
      textLen: 0,
    };
    info.block = isBlock ? info : p ? p.block : info;
    if (kind === "action" || (kind === "control" && (tag === "button" || role === "button"))) info.inAction = info;
    return info;
  }

  // ---------------------------------------------------------------- selectors

  const selectorMemo = new Map<Element, string>();
  const localMemo = new Map<Element, string>();
  const idUnique = new Map<Node, Map<string, boolean>>();
  const nthMemo = new Map<Node, Map<Element, string>>();
  const esc = (s: string): string => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`));

  function uniqueId(root: Document | ShadowRoot, id: string): boolean {
    let byId = idUnique.get(root);
    if (!byId) {
      byId = new Map();
      idUnique.set(root, byId);
    }
    let u = byId.get(id);
    if (u === undefined) {
      try {
        u = root.querySelectorAll(`#${esc(id)}`).length === 1;
      } catch {
        u = false;
      }
      byId.set(id, u);
    }
    return u;
  }

  function nthPart(el: Element, parent: Element | Document | ShadowRoot): string {
    let memo = nthMemo.get(parent);
    if (!memo) {
      memo = new Map();
      const counts = new Map<string, number>();
      const kids = childrenOf(parent);
      for (const k of kids) counts.set(tagOf(k), (counts.get(tagOf(k)) ?? 0) + 1);
      const seen = new Map<string, number>();
      for (const k of kids) {
        const n = (seen.get(tagOf(k)) ?? 0) + 1;
        seen.set(tagOf(k), n);
        memo.set(k, (counts.get(tagOf(k)) ?? 0) > 1 ? `:nth-of-type(${n})` : "");
      }
      nthMemo.set(parent, memo);
    }
    return memo.get(el) ?? "";
  }

  function localSelector(el: Element, root: Document | ShadowRoot): string {
    const known = localMemo.get(el);
    if (known !== undefined) return known;
    const tag = tagOf(el);
    let out: string;
    if (tag === "html" || tag === "body") out = tag;
    else if (idOf(el) && uniqueId(root, idOf(el))) out = `${esc(tag)}#${esc(idOf(el))}`;
    else {
      const cls = classesOf(el).find((c) => /^[A-Za-z_][\w-]{0,30}$/.test(c));
      const parent = el.parentElement;
      const seg = `${esc(tag)}${cls ? `.${cls}` : ""}${nthPart(el, parent ?? root)}`;
      out = parent && tagOf(parent) !== "html" ? `${localSelector(parent, root)} > ${seg}` : seg;
    }
    localMemo.set(el, out);
    return out;
  }

  function selectorOf(el: Element): string {
    const known = selectorMemo.get(el);
    if (known !== undefined) return known;
    const root = el.getRootNode() as Document | ShadowRoot;
    let head = "";
    if (root.nodeType === 11) head = `${selectorOf((root as ShadowRoot).host)} >>> `;
    else head = frameOfDoc.get(root as Document)?.selectorPrefix ?? "";
    const out = head + localSelector(el, root);
    selectorMemo.set(el, out);
    return out;
  }

  function shadowPathOf(el: Element): string[] {
    const out: string[] = [];
    let root = el.getRootNode();
    while (root.nodeType === 11) {
      const host = (root as ShadowRoot).host;
      out.unshift(selectorOf(host));
      root = host.getRootNode();
    }
    return out;
  }

  // ---------------------------------------------------------------- the walk

  interface TextRec {
    data: string;
    owner: Info;
    order: number;
    ws: boolean;
  }
  interface BlockAcc {
    info: Info;
    parts: string[];
    owners: Info[];
    ownerTexts: Map<Info, Text[]>;
    hasText: boolean;
    id: string;
  }

  const textRecs: TextRec[] = [];
  const blockAccs = new Map<Info, BlockAcc>();
  const blockList: BlockAcc[] = [];
  const controlInfos: Info[] = [];
  const actionInfos: Info[] = [];
  const fieldInfos: Info[] = [];
  const itemInfos: Info[] = [];
  const headingInfos: Info[] = [];
  const regionCandidates: Info[] = [];
  const customInfos: Info[] = [];
  const frames: FrameInfo[] = [];
  const pendingInfos: { info: Info; pending: PendingFrame }[] = [];
  const pendingStore = ((globalThis as unknown as Record<string, Element[] | undefined>)[args.pendingKey] ??= []);
  pendingStore.length = 0;

  function blockAccOf(block: Info): BlockAcc | null {
    let acc = blockAccs.get(block);
    if (!acc) {
      if (blockList.length >= args.maxTextBlocks) {
        truncated = true;
        return null;
      }
      acc = { info: block, parts: [], owners: [], ownerTexts: new Map(), hasText: false, id: "" };
      blockAccs.set(block, acc);
      blockList.push(acc);
    }
    return acc;
  }

  function onText(node: Text, owner: Info): void {
    const data = node.data;
    const ws = !/\S/.test(data);
    textRecs.push({ data, owner, order: counter++, ws });
    const acc = blockAccOf(owner.block);
    if (!acc) return;
    acc.parts.push(ws ? " " : data);
    if (ws) return;
    acc.hasText = true;
    let list = acc.ownerTexts.get(owner);
    if (!list) {
      list = [];
      acc.ownerTexts.set(owner, list);
      acc.owners.push(owner);
    }
    list.push(node);
    const len = data.replace(/\s+/g, "").length;
    owner.textLen += len;
    if (!owner.inAction) owner.contentLen += len;
  }

  function flatChildren(el: Element, tag: string): Node[] {
    if (NO_DESCEND.has(tag)) return [];
    const shadow = shadowOf(el);
    if (shadow) return childNodesOf(shadow);
    if (tag === "slot" && el.getRootNode().nodeType === 11) {
      const assigned = (el as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) return assigned;
    }
    return childNodesOf(el);
  }

  const originOf = (url: string): string => {
    try {
      return new URL(url).origin;
    } catch {
      return "null";
    }
  };
  const ownOrigin = (() => {
    try {
      return document.location.origin;
    } catch {
      return originOf(String(urlGetter(document) ?? ""));
    }
  })();

  type Entry = { node: Node; parent: Info | null; fs: FrameState } | { exit: Info };
  const stack: Entry[] = [];

  function enterFrame(info: Info): void {
    const el = info.el as HTMLIFrameElement;
    let doc: Document | null = null;
    try {
      doc = el.contentDocument;
    } catch {
      doc = null;
    }
    const rect = rectOf(el);
    const box = toTop(rect, info.fs);
    const vis = visibilityFacts(info, box, rect, null).v;
    const selector = selectorOf(el);
    const visible = !vis.displayNone && !vis.collapsed && !vis.visibilityHidden && !vis.zeroSize && !vis.offscreen && !vis.clipped && info.opacity > 0.05;
    const style = info.style;
    const scale = info.fs.scale * (el.offsetWidth > 0 ? rect.width / el.offsetWidth : 1);
    const ox = box.x + (el.clientLeft + px(style.paddingLeft)) * scale;
    const oy = box.y + (el.clientTop + px(style.paddingTop)) * scale;
    const contentBox: Box = {
      x: ox,
      y: oy,
      width: Math.max(0, el.clientWidth - px(style.paddingLeft) - px(style.paddingRight)) * scale,
      height: Math.max(0, el.clientHeight - px(style.paddingTop) - px(style.paddingBottom)) * scale,
    };
    const frameClip = intersect(info.clip, contentBox);
    const base = { path: selector, selector, box: roundBox(box), visible };
    const win = doc ? doc.defaultView : null;
    const docRoot = doc ? rootElementOf(doc) : null;
    if (doc && win && docRoot) {
      const docUrl = String(urlGetter(doc) ?? "");
      let origin = originOf(docUrl);
      try {
        origin = doc.location.origin;
      } catch {
        /* keep the URL's origin */
      }
      frames.push({ ...base, url: docUrl, origin, reachable: true, crossOrigin: origin !== ownOrigin });
      const metrics = frameMetrics(doc, win);
      const docScrolls = metrics.scrollH > metrics.viewH + 1 || metrics.scrollW > metrics.viewW + 1;
      const fs: FrameState = {
        doc,
        win,
        ox,
        oy,
        scale,
        framePath: selector,
        selectorPrefix: `${selector} >>> `,
        ...metrics,
        baseClip: frameClip,
        baseScroll: docScrolls
          ? { x: ox - metrics.scrollX * scale, y: oy - metrics.scrollY * scale, width: metrics.scrollW * scale, height: metrics.scrollH * scale }
          : info.scroll,
        baseBg: info.bg,
        offscreen: info.fs.offscreen || vis.offscreen,
      };
      frameOfDoc.set(doc, fs);
      stack.push({ node: docRoot, parent: info, fs });
      return;
    }
    const url = el.src || attr(el, "src") || "about:blank";
    const frameIndex = frames.length;
    frames.push({ ...base, url, origin: originOf(url), reachable: false, crossOrigin: true, reason: "cross-origin frame in another process" });
    const context: FrameContext = {
      idPrefix: "",
      framePath: selector,
      selectorPrefix: `${selector} >>> `,
      offsetX: ox,
      offsetY: oy,
      scale,
      opacity: info.opacity,
      scaleX: info.sx,
      scaleY: info.sy,
      displayNone: info.displayNone,
      collapsed: info.collapsed,
      srOnly: info.srOnly,
      offscreen: info.fs.offscreen || vis.offscreen,
      clipEmpty: info.clipEmpty,
      clip: frameClip,
      scroll: info.scroll,
      background: info.bg,
      regionId: null,
      groupId: null,
      lang: info.lang,
      heading: info.heading,
      linkHref: info.link,
      inButton: info.inAction !== null,
    };
    pendingStore.push(el);
    pendingInfos.push({ info, pending: { index: pendingStore.length - 1, frameIndex, context } });
  }

  function finish(info: Info): void {
    info.exit = counter++;
    const p = info.parent;
    if (!p) return;
    p.actionCount += info.actionCount;
    p.itemCount += info.itemCount;
    p.contentLen += info.contentLen;
    p.textLen += info.textLen;
  }

  // A very large page is read around its controls: a big subtree with no
  // control, button, frame, dialog, role or custom element in it (a product
  // catalogue, a long list) is skipped instead of using up the time budget
  // before the consent form is reached. Counting is native and fast; the
  // check runs only on subtrees large enough to be worth skipping.
  // Through the prototypes: a form or document exposes named children as properties.
  const elementsIn = Element.prototype.getElementsByTagName;
  const firstMatchIn = Element.prototype.querySelector;
  const pageElements = Number(Document.prototype.getElementsByTagName.call(document, "*").length) || 0;
  const largePage = pageElements > args.largePageElements;
  const skipped = { subtrees: 0, elements: 0 };
  const INTERESTING =
    "input,select,textarea,button,iframe,frame,object,embed,dialog,form,label,summary,details,slot,[role],[aria-checked],[aria-pressed],[aria-modal],[contenteditable],[tabindex],[onclick]";
  function skippable(el: Element): boolean {
    if (shadowOf(el)) return false;
    const all = elementsIn.call(el, "*");
    const count = all.length;
    if (count < args.skipSubtreeElements) return false;
    if (firstMatchIn.call(el, INTERESTING)) return false;
    for (let i = 0; i < count; i++) {
      const e = all[i];
      if (tagOf(e).includes("-") || shadowOf(e)) return false;
    }
    skipped.subtrees++;
    skipped.elements += count;
    return true;
  }

  let elementCount = 0;
  let stopped = false;
  const topRoot = rootElementOf(document);
  if (topRoot) stack.push({ node: topRoot, parent: null, fs: topFs });
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    if ("exit" in entry) {
      finish(entry.exit);
      continue;
    }
    if (stopped) continue;
    const node = entry.node;
    if (node.nodeType === 3) {
      if (entry.parent) onText(node as Text, entry.parent);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = tagOf(el);
    if (SKIP.has(tag)) continue;
    if (elementCount >= args.maxElements || (elementCount % 256 === 0 && overBudget())) {
      stopped = true;
      truncated = true;
      continue;
    }
    elementCount++;
    const info = makeInfo(el, entry.parent, entry.fs);
    infos.set(el, info);
    stack.push({ exit: info });
    if (info.isBlock && entry.parent) {
      const outer = blockAccs.get(entry.parent.block);
      if (outer) outer.parts.push(" ");
    }
    if (tag === "br") {
      const acc = blockAccs.get(info.block);
      if (acc) acc.parts.push(" ");
    }
    if (info.kind === "control" || info.kind === "control-field") controlInfos.push(info);
    if (info.kind === "field" || info.kind === "control-field") fieldInfos.push(info);
    if (info.kind === "action") actionInfos.push(info);
    if (info.itemCount > 0) itemInfos.push(info);
    if (/^h[1-6]$/.test(tag) || info.role === "heading") headingInfos.push(info);
    const pos = info.style.position;
    if (
      info.role === "dialog" ||
      info.role === "alertdialog" ||
      tag === "dialog" ||
      attr(el, "aria-modal") === "true" ||
      pos === "fixed" ||
      pos === "sticky" ||
      tag === "iframe" ||
      tag === "frame"
    ) {
      regionCandidates.push(info);
    }
    if (tag.includes("-") && !shadowOf(el)) customInfos.push(info);
    if (tag === "iframe" || tag === "frame") {
      enterFrame(info);
      continue;
    }
    if (largePage && skippable(el)) continue;
    const kids = flatChildren(el, tag);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], parent: info, fs: entry.fs });
  }
  if (skipped.subtrees > 0) {
    addNote(
      "large-page",
      `The page has ${pageElements} elements; ${skipped.subtrees} part${skipped.subtrees === 1 ? "" : "s"} of it (${skipped.elements} elements) with no form controls, buttons, frames, dialogs or custom elements were not read`,
    );
  }

  // ---------------------------------------------------------------- visibility

  function composedContains(a: Element, b: Node): boolean {
    if (a === b || a.contains(b)) return true;
    let n: Node | null = b;
    for (let i = 0; n && i < 1024; i++) {
      if (n === a) return true;
      const parent: Node | null = n.parentNode;
      n = parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : parent;
    }
    return false;
  }

  function ownTextOf(el: Element): string {
    let s = "";
    for (const n of childNodesOf(el)) if (n.nodeType === 3) s += (n as Text).data;
    return s;
  }

  function seeThrough(el: Element): boolean {
    const st = styleOf(el);
    if (parseFloat(st.opacity) < 0.05 || st.visibility !== "visible") return true;
    const layer = layerOf(st);
    if (layer.kind !== "none" && !(layer.kind === "colour" && layer.colour.a < 0.05)) return false;
    if (OPAQUE_TAGS.has(tagOf(el))) return false;
    return !REAL_TEXT.test(ownTextOf(el));
  }

  function describe(el: Element): string {
    const text = norm(el.textContent ?? "").slice(0, 80);
    const id = idOf(el) ? `#${idOf(el)}` : "";
    return text ? `${tagOf(el)}${id} "${text}"` : `${tagOf(el)}${id}`;
  }

  function offscreenLocal(local: { left: number; top: number; width: number; height: number }, info: Info): boolean {
    const fs = info.fs;
    const right = local.left + local.width;
    const bottom = local.top + local.height;
    if (info.fixed) return right <= 0 || bottom <= 0 || local.left >= fs.viewW || local.top >= fs.viewH;
    const x = local.left + fs.scrollX;
    const y = local.top + fs.scrollY;
    if (x + local.width <= 0 || y + local.height <= 0) return true;
    if (x >= fs.scrollW || y >= fs.scrollH) return true;
    return fs.clipX && x >= fs.viewW;
  }

  interface HitResult {
    covered: boolean;
    coveredBy?: string;
    bg: BackgroundState | null;
  }

  /** What lies under the point where `target` is, from the top: something covering it, and what paints beneath it. */
  function hitTest(info: Info, target: Element, box: Box): HitResult {
    const fs = info.fs;
    const frameView: Box = { x: fs.ox, y: fs.oy, width: fs.viewW * fs.scale, height: fs.viewH * fs.scale };
    const seen = intersect(intersect(box, info.clip), intersect(frameView, fs.baseClip));
    if (!seen || seen.width < 1 || seen.height < 1) return { covered: false, bg: null };
    const lx = (seen.x + seen.width / 2 - fs.ox) / fs.scale;
    const ly = (seen.y + seen.height / 2 - fs.oy) / fs.scale;
    const root = target.getRootNode() as Document | ShadowRoot;
    if (typeof root.elementsFromPoint !== "function") return { covered: false, bg: null };
    const hits = root.elementsFromPoint(lx, ly);
    let at = -1;
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i];
      if (composedContains(hit, target) || composedContains(target, hit)) {
        at = i;
        break;
      }
      if (seeThrough(hit)) continue;
      return { covered: true, coveredBy: describe(hit), bg: null };
    }
    if (at < 0) return { covered: false, bg: null };
    return { covered: false, bg: backgroundFromHits(hits, at, target, fs) };
  }

  /** The background from what is painted under the target, when something other than its ancestors paints there. */
  function backgroundFromHits(hits: Element[], from: number, target: Element, fs: FrameState): BackgroundState | null {
    const layers: Layer[] = [];
    let foreign = false;
    for (let i = from; i < hits.length; i++) {
      const e = hits[i];
      const ancestor = composedContains(e, target);
      if (!ancestor && composedContains(target, e)) continue;
      let layer = layerOf(styleOf(e));
      if (!ancestor) {
        if (tagOf(e) === "canvas") layer = { kind: "canvas" };
        else if (IMAGE_TAGS.has(tagOf(e))) layer = { kind: "image" };
        if (layer.kind !== "none") foreign = true;
      }
      layers.push(layer);
      if (opaqueLayer(layer)) break;
    }
    if (!foreign) return null;
    let bg = fs.baseBg;
    for (let i = layers.length - 1; i >= 0; i--) bg = applyLayer(bg, layers[i]);
    return bg;
  }

  /** The measured visibility facts of an element (or a run of its text) with the given box. */
  function visibilityFacts(info: Info, box: Box, local: { left: number; top: number; width: number; height: number }, hitTarget: Element | null): { v: Visibility; bg: BackgroundState | null } {
    const rendered = !info.displayNone && !info.collapsed;
    const visibilityHidden = info.style.visibility === "hidden" || info.style.visibility === "collapse";
    const zeroSize = rendered && (box.width <= 0 || box.height <= 0);
    const shown = rendered && !zeroSize;
    const offscreen = shown && (info.fs.offscreen || offscreenLocal(local, info));
    const clipRect = info.clip ? intersect(box, info.clip) : null;
    const clipped = shown && (info.clipEmpty || (clipRect !== null && area(clipRect) <= 0.15 * area(box)));
    const inScrollContainer = shown && info.scroll !== null && overlaps(box, info.scroll);
    const v: Visibility = {
      displayNone: info.displayNone,
      visibilityHidden,
      zeroSize,
      offscreen,
      clipped,
      collapsed: info.collapsed,
      opacity: round3(info.opacity),
      transformScale: round3(Math.min(info.sx, info.sy)),
      covered: false,
      inScrollContainer,
      srOnly: info.srOnly,
    };
    let bg: BackgroundState | null = null;
    if (hitTarget && shown && !visibilityHidden && !offscreen && !clipped && info.opacity > 0 && !overBudget()) {
      const hit = hitTest(info, hitTarget, box);
      if (hit.covered) {
        v.covered = true;
        if (hit.coveredBy) v.coveredBy = hit.coveredBy;
      }
      bg = hit.bg;
    }
    return { v, bg };
  }

  function elementBox(info: Info): { box: Box; local: DOMRect } {
    const local = rectOf(info.el);
    return { box: toTop(local, info.fs), local };
  }

  // ---------------------------------------------------------------- regions

  const regions: Region[] = [];
  const regionOfInfo = new Map<Info, string>();
  const pageRegionId = ctx.regionId ?? "page";
  let regionCount = 0;

  function textRange(info: Info): [number, number] {
    const lower = (order: number): number => {
      let lo = 0;
      let hi = textRecs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (textRecs[mid].order < order) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [lower(info.index), lower(info.exit)];
  }

  interface TextPick {
    text: string;
    blocks: BlockAcc[];
    length: number;
  }

  /** Text under an element (hidden text included), without the text of actions nested in it. */
  function textIn(info: Info, opts: { limit?: number; before?: number; skipLabels?: boolean } = {}): TextPick {
    const [from, to] = textRange(info);
    const limit = opts.limit ?? 4000;
    const parts: string[] = [];
    const blocks: BlockAcc[] = [];
    let length = 0;
    for (let i = from; i < to; i++) {
      const rec = textRecs[i];
      if (opts.before !== undefined && rec.order >= opts.before) break;
      if (rec.owner.inAction && rec.owner.inAction !== info.inAction) continue;
      if (opts.skipLabels && rec.owner.inLabel) continue;
      parts.push(rec.ws ? " " : rec.data);
      if (!rec.ws) {
        length += rec.data.length;
        const acc = blockAccs.get(rec.owner.block);
        if (acc && acc.hasText && !blocks.includes(acc)) blocks.push(acc);
      }
      if (length > limit) break;
    }
    return { text: norm(parts.join("")), blocks, length };
  }

  function idrefText(el: Element, name: string): TextPick {
    const ids = (attr(el, name) ?? "").split(/\s+/).filter((s) => s.length > 0);
    const out: TextPick = { text: "", blocks: [], length: 0 };
    if (ids.length === 0) return out;
    const root = el.getRootNode() as Document | ShadowRoot;
    const texts: string[] = [];
    for (const id of ids) {
      const target = typeof root.getElementById === "function" ? root.getElementById(id) : null;
      if (!target) continue;
      const info = infos.get(target);
      if (info) {
        const pick = textIn(info);
        texts.push(pick.text);
        for (const b of pick.blocks) if (!out.blocks.includes(b)) out.blocks.push(b);
      } else texts.push(norm(target.textContent ?? ""));
    }
    out.text = norm(texts.join(" "));
    out.length = out.text.length;
    return out;
  }

  const isShownRegion = (info: Info, box: Box, local: DOMRect): boolean => {
    const v = visibilityFacts(info, box, local, null).v;
    return !v.displayNone && !v.collapsed && !v.visibilityHidden && !v.zeroSize && !v.offscreen && !v.clipped && info.opacity > 0.05;
  };

  const explicitDialog = (info: Info): boolean =>
    info.role === "dialog" || info.role === "alertdialog" || info.tag === "dialog" || attr(info.el, "aria-modal") === "true";
  const within = (inner: Info, outer: Info): boolean => inner.index > outer.index && inner.index < outer.exit;

  {
    const firstH1 = headingInfos.find((h) => h.fs === topFs && h.heading === 1 && (h.tag === "h1" || h.role === "heading"));
    const totalText = (topRoot ? infos.get(topRoot)?.textLen ?? 0 : 0) || 1;
    const explicit = regionCandidates.filter(explicitDialog);
    const chosen: { info: Info; kind: Region["kind"]; tentative: boolean }[] = explicit.map((info) => ({ info, kind: "dialog" as const, tentative: false }));
    for (const info of regionCandidates) {
      if (explicitDialog(info)) continue;
      const isFrame = info.tag === "iframe" || info.tag === "frame";
      if (isFrame) {
        // Any frame big enough to hold a dialog may be a consent manager; whether it is one is the consent view's call.
        const r = rectOf(info.el);
        if (r.width < 100 || r.height < 40) continue;
      } else {
        if (info.tag === "header" || info.tag === "nav" || info.role === "banner" || info.role === "navigation") continue;
        if (info.tag === "html" || info.tag === "body") continue;
        if (info.actionCount < 1 && !hasSizeableFrame(info)) continue;
        if (info.textLen < 20 && !hasSizeableFrame(info)) continue;
      }
      // A layer holding most of the page's text may be the page itself (a fixed app shell) or a banner over a short page.
      const dominant = info.textLen > 0.8 * totalText && info.fs === topFs;
      if (firstH1 && within(firstH1, info)) continue;
      if (info.style.position === "sticky") {
        const w = rectOf(info.el).width;
        if (w < 0.6 * info.fs.viewW) continue;
      }
      if (regionCandidates.some((other) => other !== info && within(info, other) && (explicitDialog(other) || chosen.some((c) => c.info === other)))) continue;
      if (explicit.some((d) => within(d, info))) continue;
      chosen.push({ info, kind: isFrame ? "frame" : "banner", tentative: isFrame || dominant });
    }
    // A notice bar in the page's flow (first or last in the body, with a button and no form fields of its own) may be
    // a cookie notice without any role or position: tentative, so it stands apart only if it asks for consent.
    const bodyInfo = topRoot ? childrenOf(topRoot).map((el) => infos.get(el)).find((i) => i?.tag === "body") : undefined;
    if (bodyInfo) {
      const shown = childrenOf(bodyInfo.el)
        .map((el) => infos.get(el))
        .filter((i): i is Info => i !== undefined && !i.displayNone && i.textLen > 0 && !["script", "style", "noscript", "template"].includes(i.tag));
      for (const info of new Set([shown[0], shown[shown.length - 1]])) {
        if (!info || shown.length < 2) continue;
        if (["main", "form", "header", "nav"].includes(info.tag) || info.role === "main" || info.role === "navigation") continue;
        if (info.actionCount < 1 || info.textLen < 20) continue;
        if (firstH1 && within(firstH1, info)) continue;
        if (fieldInfos.some((f) => within(f, info))) continue;
        if (chosen.some((c) => c.info === info || within(info, c.info) || within(c.info, info))) continue;
        chosen.push({ info, kind: "banner", tentative: true });
      }
    }
    chosen.sort((a, b) => a.info.index - b.info.index);
    const tentativeRegions: { region: Region; info: Info }[] = [];
    for (const { info, kind, tentative } of chosen) {
      const id = `${prefix}r${++regionCount}`;
      regionOfInfo.set(info, id);
      const { box, local } = elementBox(info);
      const labelled = idrefText(info.el, "aria-labelledby").text;
      const region: Region = {
        id,
        kind,
        selector: selectorOf(info.el),
        headings: [],
        label: labelled || norm(attr(info.el, "aria-label") ?? "") || (kind === "frame" ? norm(attr(info.el, "title") ?? "") : ""),
        visible: isShownRegion(info, box, local),
        box: roundBox(box),
      };
      regions.push(region);
      if (tentative) tentativeRegions.push({ region, info });
    }
    // A tentative region is a step of its own only if it asks for consent; otherwise its content belongs to the region around it.
    for (const { region, info } of tentativeRegions) region.tentativeOf = info.parent ? regionOf(info.parent) : pageRegionId;
    if (ctx.regionId === null) {
      regions.unshift({
        id: "page",
        kind: "page",
        selector: "html",
        headings: [],
        label: "",
        visible: true,
        box: { x: 0, y: 0, width: topFs.viewW, height: topFs.viewH },
      });
    }
  }

  function hasSizeableFrame(info: Info): boolean {
    const frame = info.el.querySelector("iframe");
    if (!frame) return false;
    const r = rectOf(frame);
    return r.width >= 100 && r.height >= 40;
  }

  function regionOf(info: Info): string {
    const chain: Info[] = [];
    let cur: Info | null = info;
    let found: string | undefined;
    while (cur) {
      if (cur.region !== undefined) {
        found = cur.region;
        break;
      }
      const own = regionOfInfo.get(cur);
      if (own !== undefined) {
        found = own;
        chain.push(cur);
        break;
      }
      chain.push(cur);
      cur = cur.parent;
    }
    const id = found ?? pageRegionId;
    for (const c of chain) c.region = id;
    return id;
  }

  // ---------------------------------------------------------------- groups

  const groups: Group[] = [];
  const groupOfEl = new Map<Element, string>();
  let groupCount = 0;

  function groupFor(info: Info, kind: Group["kind"]): string {
    let id = groupOfEl.get(info.el);
    if (id === undefined) {
      id = `${prefix}g${++groupCount}`;
      groupOfEl.set(info.el, id);
      groups.push({ id, kind, selector: selectorOf(info.el), regionId: regionOf(info) });
    }
    return id;
  }

  function formOf(info: Info): Info | null {
    const owner = (info.el as HTMLInputElement).form;
    if (owner && typeof owner === "object" && tagOf(owner) === "form") {
      const known = infos.get(owner);
      if (known) return known;
    }
    for (let cur = info.parent; cur; cur = cur.parent) if (cur.tag === "form") return cur;
    return null;
  }

  function groupOf(info: Info): string | null {
    if (info.group !== undefined) return info.group;
    let id: string | null = null;
    const form = formOf(info);
    if (form) id = groupFor(form, "form");
    else {
      let fieldset: Info | null = null;
      for (let cur = info.parent; cur; cur = cur.parent) {
        if (cur.tag === "fieldset") {
          fieldset = cur;
          break;
        }
      }
      if (fieldset) id = groupFor(fieldset, "fieldset");
      else {
        let cur: Info | null = info;
        let reachedTop = true;
        while (cur) {
          if (cur.tag !== "html" && cur.tag !== "body" && cur.actionCount > 0 && cur.contentLen > 0) {
            id = groupFor(cur, "section");
            reachedTop = false;
            break;
          }
          cur = cur.parent;
        }
        if (reachedTop) id = ctx.groupId;
      }
    }
    info.group = id;
    return id;
  }

  // ---------------------------------------------------------------- text blocks

  const texts: TextBlock[] = [];
  let textCount = 0;
  const blockOfAcc = new Map<BlockAcc, TextBlock>();

  function colourWorst(colour: Rgba, bg: BackgroundState, opacity: number): { background: Rgba | null; contrast: number | null } {
    if (bg.source === "image" || bg.source === "canvas" || bg.colours.length === 0) return { background: null, contrast: null };
    let worst: Rgba = bg.colours[0];
    let worstRatio = Infinity;
    for (const c of bg.colours) {
      const ratio = textContrast(colour, c, opacity);
      if (ratio < worstRatio) {
        worstRatio = ratio;
        worst = c;
      }
    }
    return { background: roundedColour(worst), contrast: worstRatio };
  }

  function runOf(owner: Info, nodes: Text[]): TextRun | null {
    const text = norm(nodes.map((n) => n.data).join(""));
    if (!text) return null;
    const range = owner.fs.doc.createRange();
    let l = Infinity;
    let t = Infinity;
    let r = -Infinity;
    let b = -Infinity;
    for (const n of nodes) {
      range.selectNodeContents(n);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width <= 0 && rect.height <= 0) continue;
        l = Math.min(l, rect.left);
        t = Math.min(t, rect.top);
        r = Math.max(r, rect.right);
        b = Math.max(b, rect.bottom);
      }
    }
    const local = Number.isFinite(l) ? { left: l, top: t, width: r - l, height: b - t } : { left: 0, top: 0, width: 0, height: 0 };
    const box = toTop(local, owner.fs);
    const st = owner.style;
    const fontPx = px(st.fontSize);
    const fill = colourOf(st.getPropertyValue("-webkit-text-fill-color")) ?? colourOf(st.color) ?? BLACK;
    const clipText = st.getPropertyValue("background-clip") === "text" || st.getPropertyValue("-webkit-background-clip") === "text";
    const { v, bg: hitBg } = visibilityFacts(owner, box, local, owner.el);
    const bg = hitBg ?? owner.bg;
    const { background, contrast } = colourWorst(fill, bg, owner.opacity);
    return {
      text,
      fontPx: round2(fontPx),
      effectiveFontPx: round2(fontPx * Math.min(owner.sx, owner.sy)),
      fontWeight: parseInt(st.fontWeight, 10) || 400,
      color: roundedColour(fill),
      background,
      backgroundSource: bg.source,
      contrast,
      colorTransparent: fill.a === 0 && !clipText,
      box: roundBox(box),
      visibility: v,
      selector: selectorOf(owner.el),
    };
  }

  /** The link all of a block's text sits in, when it is one link (a bare link in a list or a footer). */
  function sharedLink(owners: Info[]): string | null {
    const first = owners[0]?.link ?? null;
    return first !== null && owners.every((o) => o.link === first) ? first : null;
  }

  for (const acc of blockList) {
    if (!acc.hasText) continue;
    const text = norm(acc.parts.join(""));
    if (!text) continue;
    const info = acc.info;
    const runs: TextRun[] = [];
    const runOwners: Info[] = [];
    for (const owner of acc.owners) {
      const run = runOf(owner, acc.ownerTexts.get(owner) ?? []);
      if (run) {
        runs.push(run);
        runOwners.push(owner);
      }
    }
    if (runs.length === 0) continue;
    const { box, local } = elementBox(info);
    const { v } = visibilityFacts(info, box, local, info.el);
    acc.id = `${prefix}t${++textCount}`;
    const block: TextBlock = {
      id: acc.id,
      text,
      lang: info.lang,
      runs,
      selector: selectorOf(info.el),
      box: roundBox(box),
      visibility: v,
      controlIds: [],
      groupId: groupOf(info),
      regionId: regionOf(info),
      framePath: info.fs.framePath,
      heading: info.heading,
      inButton: info.inAction !== null || ctx.inButton,
      linkHref: info.link ?? sharedLink(runOwners),
    };
    texts.push(block);
    blockOfAcc.set(acc, block);
  }

  // ---------------------------------------------------------------- controls

  const itemsBetween = (from: number, to: number): Info[] => {
    let lo = 0;
    let hi = itemInfos.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (itemInfos[mid].index <= from) lo = mid + 1;
      else hi = mid;
    }
    const out: Info[] = [];
    for (let i = lo; i < itemInfos.length && itemInfos[i].index < to; i++) out.push(itemInfos[i]);
    return out;
  };

  const radioKey = new Map<Info, string>();
  const radioGroups = new Map<string, Info[]>();
  const rootIds = new Map<Node, number>();
  for (const info of controlInfos) {
    const el = info.el;
    let key: string | null = null;
    if (info.tag === "input" && (el as HTMLInputElement).type === "radio" && (el as HTMLInputElement).name) {
      const form = formOf(info);
      const scope: Node = form ? form.el : el.getRootNode();
      if (!rootIds.has(scope)) rootIds.set(scope, rootIds.size);
      key = `n${rootIds.get(scope)}\u241f${(el as HTMLInputElement).name}`;
    } else if (info.role === "radio") {
      const group = el.closest("[role=radiogroup]") ?? el.parentElement;
      if (group) {
        if (!rootIds.has(group)) rootIds.set(group, rootIds.size);
        key = `g${rootIds.get(group)}`;
      }
    }
    if (key !== null) {
      radioKey.set(info, key);
      const list = radioGroups.get(key) ?? [];
      list.push(info);
      radioGroups.set(key, list);
    }
  }

  function otherItems(container: Info, control: Info): boolean {
    const key = radioKey.get(control);
    for (const item of itemsBetween(container.index - 1, container.exit)) {
      if (item === control) continue;
      if (key !== undefined && radioKey.get(item) === key) continue;
      return true;
    }
    return false;
  }

  const usable = (pick: TextPick): boolean => REAL_TEXT.test(pick.text) && pick.length <= 1200;

  const holdsItems = (info: Info): boolean => itemsBetween(info.index - 1, info.exit).length > 0;

  /** The nearest element sibling the pass has read, after or before `el`. */
  function siblingInfo(el: Element, next: boolean): Info | undefined {
    let sib = next ? el.nextElementSibling : el.previousElementSibling;
    while (sib && !infos.has(sib)) sib = next ? sib.nextElementSibling : sib.previousElementSibling;
    return sib ? infos.get(sib) : undefined;
  }

  /** Two boxes on one line: they overlap vertically by at least half the shorter one. */
  function sameLine(a: Element, b: Element): boolean {
    const ra = rectOf(a);
    const rb = rectOf(b);
    if (ra.height <= 0 || rb.height <= 0) return false;
    const overlap = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    return overlap >= 0.5 * Math.min(ra.height, rb.height);
  }

  /**
   * Whether the text before a control's wrapper, rather than the text after
   * it, is its label, when both are there and the wrapper sits among other
   * controls' wrappers ("Styling [x] Analytics [ ]"). The text on the
   * wrapper's line is its label; else the side the list puts labels on: every
   * control with text before it (and not all with text after), or the list
   * ending in a control that does not start with one. Otherwise the text after.
   */
  function labelBefore(own: Info): boolean {
    const prev = siblingInfo(own.el, false);
    const next = siblingInfo(own.el, true);
    if (prev && next) {
      const onPrev = sameLine(own.el, prev.el);
      const onNext = sameLine(own.el, next.el);
      if (onPrev !== onNext) return onPrev;
    }
    const parent = own.el.parentElement;
    const kids = parent ? Array.from(parent.children).map((k) => infos.get(k)).filter((k): k is Info => k !== undefined) : [own];
    const holder = (k: Info): boolean => k === own || holdsItems(k);
    const text = (k: Info | undefined): boolean => k !== undefined && !holder(k) && k.contentLen > 0;
    const content = kids.filter((k) => holder(k) || k.contentLen > 0);
    let allBefore = true;
    let allAfter = true;
    content.forEach((k, i) => {
      if (!holder(k)) return;
      if (!text(content[i - 1])) allBefore = false;
      if (!text(content[i + 1])) allAfter = false;
    });
    if (allBefore !== allAfter) return allBefore;
    const startsWithControl = content.length > 0 && holder(content[0]);
    const endsWithControl = content.length > 0 && holder(content[content.length - 1]);
    return endsWithControl && !startsWithControl;
  }

  /**
   * The sentence a reader takes as the control's label: the nearest container
   * with text and no other control, or a sibling with text: the one after it
   * or the one before it, whichever `labelBefore` says is its own when both are.
   */
  function sentenceOf(control: Info): TextPick {
    let own = control;
    for (let depth = 0; depth < 6; depth++) {
      const up = own.parent;
      if (!up || up.fs !== control.fs || up.tag === "body" || up.tag === "html") break;
      if (otherItems(up, control)) break;
      const pick = textIn(up, { limit: 1500 });
      if (pick.length > 1200) break;
      if (REAL_TEXT.test(pick.text)) return pick;
      own = up;
    }
    const siblingPick = (info: Info | undefined): TextPick | null => {
      if (!info || holdsItems(info)) return null;
      const pick = textIn(info, { limit: 1500 });
      return usable(pick) ? pick : null;
    };
    const after = siblingPick(siblingInfo(own.el, true));
    const before = siblingPick(siblingInfo(own.el, false));
    if (after && before) return labelBefore(own) ? before : after;
    return after ?? before ?? { text: "", blocks: [], length: 0 };
  }

  function legendOf(control: Info): TextPick | null {
    for (let cur = control.parent; cur && cur.fs === control.fs; cur = cur.parent) {
      if (cur.tag === "fieldset") {
        const legend = childrenOf(cur.el).find((c) => tagOf(c) === "legend");
        const info = legend ? infos.get(legend) : undefined;
        return info ? textIn(info) : null;
      }
      if (cur.role === "group" || cur.role === "radiogroup") {
        const labelled = idrefText(cur.el, "aria-labelledby");
        if (labelled.text) return labelled;
        const label = norm(attr(cur.el, "aria-label") ?? "");
        if (label) return { text: label, blocks: [], length: label.length };
      }
    }
    return null;
  }

  const tail = (pick: TextPick, max: number): TextPick =>
    pick.text.length > max ? { ...pick, text: pick.text.slice(pick.text.length - max).replace(/^\S*\s/, "") } : pick;

  /** The question a radio group answers: text inside the group before its first radio, or the text just before the group. */
  function questionOf(radios: Info[]): TextPick | null {
    const first = radios[0];
    let lca: Info | null = first.parent;
    while (lca && !radios.every((r) => r === lca || within(r, lca as Info))) lca = lca.parent;
    if (!lca) return null;
    const inside = textIn(lca, { before: first.index, skipLabels: true });
    if (REAL_TEXT.test(inside.text)) return tail(inside, 300);
    let node: Info | null = lca;
    for (let level = 0; level < 3 && node && node.fs === first.fs && node.tag !== "body"; level++) {
      let sib = node.el.previousElementSibling;
      for (let k = 0; k < 2 && sib; k++) {
        const info = infos.get(sib);
        if (info && itemsBetween(info.index - 1, info.exit).length === 0) {
          const pick = textIn(info, { limit: 1500 });
          if (REAL_TEXT.test(pick.text)) return tail(pick, 300);
        }
        sib = sib.previousElementSibling;
      }
      node = node.parent;
    }
    return null;
  }

  function radioGroupId(el: Element): string | null {
    const group = el.closest("[role=radiogroup]");
    return group ? idOf(group) || null : null;
  }

  function labelsOf(el: Element): Element[] {
    const labels = (el as HTMLInputElement).labels;
    return labels ? Array.from(labels) : [];
  }

  function disabledOf(el: Element): boolean {
    try {
      if (el.matches(":disabled")) return true;
    } catch {
      /* not a form control */
    }
    return el.closest('[aria-disabled="true"]') !== null;
  }

  const controls: Control[] = [];
  let controlCount = 0;
  for (const info of controlInfos) {
    const el = info.el;
    const tag = info.tag;
    const role = info.role;
    let kind: ControlKind;
    let checked: boolean | "mixed";
    let checkedSource: CheckedSource;
    let defaultChecked: boolean;
    let computedRole: string;
    let options: SelectOption[] | undefined;
    const ariaState = (name: string): boolean | "mixed" => {
      const v = (attr(el, name) ?? "").trim().toLowerCase();
      return v === "true" ? true : v === "mixed" ? "mixed" : false;
    };
    if (tag === "input") {
      const input = el as HTMLInputElement;
      kind = role === "switch" ? "switch" : input.type === "radio" ? "radio" : "checkbox";
      checked = input.type === "checkbox" && input.indeterminate ? "mixed" : input.checked;
      checkedSource = "dom-property";
      defaultChecked = input.defaultChecked;
      computedRole = role || input.type;
    } else if (tag === "select") {
      const select = el as HTMLSelectElement;
      kind = "select";
      options = Array.from(select.options).map((o) => ({ value: o.value, text: norm(o.text), selected: o.selected }));
      checked = select.selectedIndex >= 0;
      checkedSource = "selected-option";
      defaultChecked = Array.from(select.options).some((o) => o.defaultSelected);
      computedRole = role || (select.multiple || select.size > 1 ? "listbox" : "combobox");
    } else if (CONTROL_ROLES.has(role)) {
      kind = role as ControlKind;
      checked = ariaState("aria-checked");
      checkedSource = "aria-checked";
      defaultChecked = checked === true;
      computedRole = role;
    } else {
      kind = "toggle-button";
      checked = ariaState("aria-pressed");
      checkedSource = "aria-pressed";
      defaultChecked = checked === true;
      computedRole = "button";
    }

    const blocks: BlockAcc[] = [];
    const take = (pick: TextPick | null): string => {
      if (!pick) return "";
      for (const b of pick.blocks) if (!blocks.includes(b)) blocks.push(b);
      return pick.text;
    };
    const labelText = norm(
      labelsOf(el)
        .map((label) => {
          const li = infos.get(label);
          return li ? take(textIn(li)) : norm(label.textContent ?? "");
        })
        .join(" "),
    );
    const labelledBy = take(idrefText(el, "aria-labelledby"));
    const ariaLabel = norm(attr(el, "aria-label") ?? "");
    const fromContent = tag !== "input" && tag !== "select" ? take(textIn(info)) : "";
    const name =
      labelledBy ||
      ariaLabel ||
      labelText ||
      fromContent ||
      norm(attr(el, "title") ?? "") ||
      norm(attr(el, "placeholder") ?? "");
    const sentence = take(sentenceOf(info));
    const describedBy = take(idrefText(el, "aria-describedby"));
    let groupLabel = "";
    let groupName: string | null = null;
    const legend = legendOf(info);
    if (kind === "radio") {
      const key = radioKey.get(info);
      const members = key !== undefined ? radioGroups.get(key) ?? [info] : [info];
      groupName = tag === "input" ? (el as HTMLInputElement).name || null : radioGroupId(el);
      groupLabel = take(legend) || take(questionOf(members));
    } else {
      groupLabel = take(legend);
    }

    const id = `${prefix}c${++controlCount}`;
    const { box, local } = elementBox(info);
    const { v } = visibilityFacts(info, box, local, el);
    const textBlockIds: string[] = [];
    for (const acc of blocks) {
      const block = blockOfAcc.get(acc);
      if (!block) continue;
      if (!textBlockIds.includes(block.id)) textBlockIds.push(block.id);
      if (!block.controlIds.includes(id)) block.controlIds.push(id);
    }
    controls.push({
      id,
      kind,
      role: computedRole,
      tag,
      name,
      labelText: labelText || (CONTROL_ROLES.has(role) || kind === "toggle-button" ? labelledBy : ""),
      sentenceText: sentence,
      describedByText: describedBy,
      groupLabel,
      groupName,
      checked,
      checkedSource,
      defaultChecked,
      ...(options ? { options } : {}),
      required: (el as HTMLInputElement).required === true || attr(el, "aria-required") === "true",
      disabled: disabledOf(el),
      textBlockIds,
      selector: selectorOf(el),
      framePath: info.fs.framePath,
      shadowPath: shadowPathOf(el),
      box: roundBox(box),
      visibility: v,
      groupId: groupOf(info),
      regionId: regionOf(info),
      touchedByFlow: hasAttr(el, "data-consentlint-touched"),
    });
  }

  // ---------------------------------------------------------------- actions and fields

  const actions: ActionElement[] = [];
  let actionCount = 0;
  for (const info of actionInfos) {
    const el = info.el;
    const input = info.tag === "input" ? (el as HTMLInputElement) : null;
    const defaultInputText = input ? (input.type === "submit" ? "Submit" : input.type === "reset" ? "Reset" : "") : "";
    const text =
      idrefText(el, "aria-labelledby").text ||
      norm(attr(el, "aria-label") ?? "") ||
      (input ? norm(input.value) || norm(input.alt ?? "") : textIn(info).text) ||
      norm(attr(el, "title") ?? "") ||
      defaultInputText;
    const { box, local } = elementBox(info);
    const { v } = visibilityFacts(info, box, local, el);
    const layer = layerOf(info.style);
    const behind = info.parent ? info.parent.bg : ctx.background;
    const filled = layer.kind === "gradient" || (layer.kind === "colour" && layer.colour.a >= 0.5 && standsOut(layer.colour, behind));
    const type = info.tag === "button" ? (el as HTMLButtonElement).type : input ? input.type : null;
    actions.push({
      id: `${prefix}a${++actionCount}`,
      text,
      tag: info.tag,
      role: info.role || (info.tag === "a" ? "link" : "button"),
      type,
      disabled: disabledOf(el),
      area: round2(area(box)),
      fontPx: round2(px(info.style.fontSize)),
      filled,
      box: roundBox(box),
      visibility: v,
      selector: selectorOf(el),
      groupId: groupOf(info),
      regionId: regionOf(info),
      framePath: info.fs.framePath,
    });
  }

  const fields: FormField[] = [];
  for (const info of fieldInfos) {
    if (info.displayNone) continue;
    const el = info.el;
    const type = info.tag === "input" ? (el as HTMLInputElement).type : info.tag;
    const labels = labelsOf(el)
      .map((label) => {
        const li = infos.get(label);
        return li ? textIn(li).text : norm(label.textContent ?? "");
      })
      .join(" ");
    const label =
      norm(labels) ||
      idrefText(el, "aria-labelledby").text ||
      norm(attr(el, "aria-label") ?? "") ||
      norm(attr(el, "placeholder") ?? "") ||
      norm(attr(el, "title") ?? "");
    fields.push({
      type,
      name: attr(el, "name") ?? "",
      label,
      required: (el as HTMLInputElement).required === true || attr(el, "aria-required") === "true",
      groupId: groupOf(info),
      regionId: regionOf(info),
    });
  }

  // ---------------------------------------------------------------- headings, frames, notes

  const headings: RegionHeading[] = [];
  const regionRoots = new Map<string, Info>();
  for (const [info, id] of regionOfInfo) regionRoots.set(id, info);
  for (const info of headingInfos) {
    if (headings.length >= 100) continue;
    const regionRoot = regionRoots.get(regionOf(info));
    // Hidden headings count only in a region that is hidden as a whole (a closed dialog still says what it is).
    if (info.displayNone && !(regionRoot && regionRoot.displayNone)) continue;
    const text = textIn(info, { limit: 300 }).text;
    if (text) headings.push({ regionId: regionOf(info), text });
  }

  const pending: PendingFrame[] = pendingInfos.map(({ info, pending: p }) => ({
    ...p,
    context: { ...p.context, regionId: regionOf(info), groupId: groupOf(info) },
  }));

  for (const info of customInfos) {
    if (info.displayNone || info.collapsed || childrenOf(info.el).length > 0 || REAL_TEXT.test(info.el.textContent ?? "")) continue;
    let defined = false;
    try {
      defined = info.el.matches(":defined");
    } catch {
      defined = false;
    }
    if (!defined) continue;
    const r = rectOf(info.el);
    if (r.width * r.height < 100) continue;
    addNote("closed-shadow-root", `<${info.tag}> renders content that cannot be read (likely a closed shadow root)`, selectorOf(info.el));
  }

  if (truncated) {
    addNote(
      "truncated",
      `The page is too large to read whole: stopped after ${elementCount} elements and ${texts.length} text blocks (limits ${args.maxElements} elements, ${args.maxTextBlocks} text blocks, ${args.budgetMs} ms)`,
    );
  }

  return {
    url: String(urlGetter(document) ?? ""),
    title: norm(String(titleGetter(document) ?? "")),
    lang: (topRoot ? attr(topRoot, "lang") : null) || null,
    regions,
    headings,
    groups,
    controls,
    texts,
    actions,
    fields,
    frames,
    notes,
    pending,
    elementCount,
    elapsedMs: Date.now() - started,
  };
}
