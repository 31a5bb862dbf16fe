/**
 * Frames in the page: the metrics of a document's viewport, entering a
 * same-origin or srcdoc frame's document (its coordinates, clip and
 * background carried in), and keeping frames that cannot be entered for a
 * pass of their own with the context of their frame element.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { Box } from "../../model.js";
import type * as SelectorRules from "../../heuristics/selectors.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as GroupFns from "./groups.js";
import type * as RegionFns from "./regions.js";
import type * as SelectorFns from "./selectors.js";
import type * as VisibilityFns from "./visibility.js";
import type { Dom } from "./dom.js";
import type { FrameContext, PendingFrame } from "./frame-part.js";
import type { FrameState, Info, Pass } from "./pass.js";

declare const joinSelectorPath: typeof SelectorRules.joinSelectorPath;
declare const cssPx: typeof GeometryFns.cssPx;
declare const intersectBoxes: typeof GeometryFns.intersectBoxes;
declare const roundBox: typeof GeometryFns.roundBox;
declare const selectorOf: typeof SelectorFns.selectorOf;
declare const visibilityFacts: typeof VisibilityFns.visibilityFacts;
declare const toTop: typeof VisibilityFns.toTop;
declare const seenFacts: typeof VisibilityFns.seenFacts;
declare const regionOf: typeof RegionFns.regionOf;
declare const groupOf: typeof GroupFns.groupOf;

type Metrics = Pick<FrameState, "viewW" | "viewH" | "scrollX" | "scrollY" | "scrollW" | "scrollH" | "clipX">;

/** A document's viewport and scrollable size, and whether its root hides horizontal overflow. */
export function frameMetrics(dom: Dom, doc: Document, win: Window): Metrics {
  const root = dom.rootElementOf(doc);
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

/** The frame state of the document the pass runs in, from the context its frame element gave it. */
export function topFrameState(dom: Dom, ctx: FrameContext): FrameState {
  return {
    doc: document,
    win: window,
    ox: ctx.offsetX,
    oy: ctx.offsetY,
    scale: ctx.scale,
    framePath: ctx.framePath,
    selectorPrefix: ctx.selectorPrefix,
    ...frameMetrics(dom, document, window),
    baseClip: ctx.clip,
    baseScroll: ctx.scroll,
    baseBg: ctx.background,
    offscreen: ctx.offscreen,
  };
}

/** The origin of a URL, "null" when it has none. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "null";
  }
}

/** The origin of the document the pass runs in. */
export function ownOriginOf(dom: Dom): string {
  try {
    return document.location.origin;
  } catch {
    return originOf(dom.urlOf(document));
  }
}

/** Where a frame element shows its document: the content box's origin, its size and the scale, in top-level coordinates. */
export function frameContentBox(info: Info, el: HTMLIFrameElement, rect: DOMRect, box: Box): { ox: number; oy: number; scale: number; contentBox: Box } {
  const style = info.style;
  const scale = info.fs.scale * (el.offsetWidth > 0 ? rect.width / el.offsetWidth : 1);
  const ox = box.x + (el.clientLeft + cssPx(style.paddingLeft)) * scale;
  const oy = box.y + (el.clientTop + cssPx(style.paddingTop)) * scale;
  const contentBox: Box = {
    x: ox,
    y: oy,
    width: Math.max(0, el.clientWidth - cssPx(style.paddingLeft) - cssPx(style.paddingRight)) * scale,
    height: Math.max(0, el.clientHeight - cssPx(style.paddingTop) - cssPx(style.paddingBottom)) * scale,
  };
  return { ox, oy, scale, contentBox };
}

/** A frame element met by the walk: its document is walked next when it can be entered, else kept as pending. */
export function enterFrame(pass: Pass, info: Info): void {
  const el = info.el as HTMLIFrameElement;
  let doc: Document | null = null;
  try {
    doc = el.contentDocument;
  } catch {
    doc = null;
  }
  const rect = pass.dom.rectOf(el);
  const box = toTop(rect, info.fs);
  const vis = visibilityFacts(pass, info, box, rect, null).v;
  const selector = selectorOf(pass, el);
  const visible = seenFacts(vis, info.opacity);
  const { ox, oy, scale, contentBox } = frameContentBox(info, el, rect, box);
  const frameClip = intersectBoxes(info.clip, contentBox);
  const base = { path: selector, selector, box: roundBox(box), visible };
  const offscreen = info.fs.offscreen || vis.offscreen;
  const win = doc ? doc.defaultView : null;
  const docRoot = doc ? pass.dom.rootElementOf(doc) : null;
  if (doc && win && docRoot) {
    const docUrl = pass.dom.urlOf(doc);
    let origin = originOf(docUrl);
    try {
      origin = doc.location.origin;
    } catch {
      /* keep the URL's origin */
    }
    pass.frames.push({ ...base, url: docUrl, origin, reachable: true, crossOrigin: origin !== pass.ownOrigin });
    const metrics = frameMetrics(pass.dom, doc, win);
    const docScrolls = metrics.scrollH > metrics.viewH + 1 || metrics.scrollW > metrics.viewW + 1;
    const fs: FrameState = {
      doc,
      win,
      ox,
      oy,
      scale,
      framePath: selector,
      selectorPrefix: joinSelectorPath(selector, ""),
      ...metrics,
      baseClip: frameClip,
      baseScroll: docScrolls
        ? { x: ox - metrics.scrollX * scale, y: oy - metrics.scrollY * scale, width: metrics.scrollW * scale, height: metrics.scrollH * scale }
        : info.scroll,
      baseBg: info.bg,
      offscreen,
    };
    pass.frameOfDoc.set(doc, fs);
    pass.stack.push({ node: docRoot, parent: info, fs });
    return;
  }
  const url = el.src || pass.dom.attr(el, "src") || "about:blank";
  const frameIndex = pass.frames.length;
  pass.frames.push({ ...base, url, origin: originOf(url), reachable: false, crossOrigin: true, reason: "cross-origin frame in another process" });
  const context = pendingContext(info, selector, { ox, oy, scale, clip: frameClip, offscreen });
  pass.pendingStore.push(el);
  pass.pendingInfos.push({ info, pending: { index: pass.pendingStore.length - 1, frameIndex, context } });
}

/** What a frame's document read in a pass of its own inherits from its frame element. */
export function pendingContext(info: Info, selector: string, at: { ox: number; oy: number; scale: number; clip: Box | null; offscreen: boolean }): FrameContext {
  return {
    idPrefix: "",
    framePath: selector,
    selectorPrefix: joinSelectorPath(selector, ""),
    offsetX: at.ox,
    offsetY: at.oy,
    scale: at.scale,
    opacity: info.opacity,
    scaleX: info.sx,
    scaleY: info.sy,
    displayNone: info.displayNone,
    collapsed: info.collapsed,
    srOnly: info.srOnly,
    offscreen: at.offscreen,
    clipEmpty: info.clipEmpty,
    clip: at.clip,
    scroll: info.scroll,
    background: info.bg,
    regionId: null,
    groupId: null,
    lang: info.lang,
    heading: info.heading,
    linkHref: info.link,
    inButton: info.inAction !== null,
  };
}

/** The frames left for passes of their own, with the region and group of their frame element. */
export function pendingFrames(pass: Pass): PendingFrame[] {
  return pass.pendingInfos.map(({ info, pending: p }) => ({
    ...p,
    context: { ...p.context, regionId: regionOf(pass, info), groupId: groupOf(pass, info) },
  }));
}
