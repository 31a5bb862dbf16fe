/**
 * Visibility and covering in the page: the measured visibility facts of an
 * element or a run of its text (hidden, collapsed, zero-size, off-screen,
 * clipped, faded, shrunk), what covers it at its centre, and the background
 * painted beneath it when something other than its ancestors paints there.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { Box, Visibility } from "../../model.js";
import type * as DomFns from "./dom.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as PaintFns from "./paint.js";
import type * as PassFns from "./pass.js";
import type { BackgroundState } from "./frame-part.js";
import type { FrameState, Info, Layer, Pass } from "./pass.js";

declare const composedContains: typeof DomFns.composedContains;
declare const ownTextOf: typeof DomFns.ownTextOf;
declare const norm: typeof DomFns.norm;
declare const intersectBoxes: typeof GeometryFns.intersectBoxes;
declare const boxArea: typeof GeometryFns.boxArea;
declare const boxesOverlap: typeof GeometryFns.boxesOverlap;
declare const round3: typeof GeometryFns.round3;
declare const layerOf: typeof PaintFns.layerOf;
declare const opaqueLayer: typeof PaintFns.opaqueLayer;
declare const applyLayer: typeof PaintFns.applyLayer;
declare const overBudget: typeof PassFns.overBudget;

/** A rectangle in a document's viewport coordinates as a box in top-level coordinates. */
export function toTop(r: { left: number; top: number; width: number; height: number }, fs: FrameState): Box {
  return { x: fs.ox + r.left * fs.scale, y: fs.oy + r.top * fs.scale, width: r.width * fs.scale, height: r.height * fs.scale };
}

/** The computed style of an element, the one read by the walk when it has been. */
export function styleOf(pass: Pass, el: Element): CSSStyleDeclaration {
  const known = pass.infos.get(el);
  if (known) return known.style;
  const win = el.ownerDocument.defaultView ?? window;
  return win.getComputedStyle(el);
}

/** Whether a hit element lets what is under it show: invisible, or an empty transparent box without text of its own. */
export function seeThrough(pass: Pass, el: Element): boolean {
  const st = styleOf(pass, el);
  if (parseFloat(st.opacity) < 0.05 || st.visibility !== "visible") return true;
  const layer = layerOf(pass, st);
  if (layer.kind !== "none" && !(layer.kind === "colour" && layer.colour.a < 0.05)) return false;
  if (pass.k.OPAQUE_TAGS.has(pass.dom.tagOf(el))) return false;
  return !pass.k.REAL_TEXT.test(ownTextOf(pass.dom, el));
}

/** An element as a reader would point at it: tag, id and the start of its text. */
export function describe(pass: Pass, el: Element): string {
  const { tagOf, idOf } = pass.dom;
  const text = norm(el.textContent ?? "").slice(0, 80);
  const id = idOf(el) ? `#${idOf(el)}` : "";
  return text ? `${tagOf(el)}${id} "${text}"` : `${tagOf(el)}${id}`;
}

/** Whether a rectangle (viewport coordinates) lies wholly outside the document's scrollable area. */
export function offscreenLocal(local: { left: number; top: number; width: number; height: number }, info: Info): boolean {
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

export interface HitResult {
  covered: boolean;
  coveredBy?: string;
  bg: BackgroundState | null;
  /** The same without the target's own background: what is painted behind the target. */
  behind: BackgroundState | null;
}

/** What lies under the point where `target` is, from the top: something covering it, and what paints beneath it. */
export function hitTest(pass: Pass, info: Info, target: Element, box: Box): HitResult {
  const fs = info.fs;
  const frameView: Box = { x: fs.ox, y: fs.oy, width: fs.viewW * fs.scale, height: fs.viewH * fs.scale };
  const seen = intersectBoxes(intersectBoxes(box, info.clip), intersectBoxes(frameView, fs.baseClip));
  if (!seen || seen.width < 1 || seen.height < 1) return { covered: false, bg: null, behind: null };
  const lx = (seen.x + seen.width / 2 - fs.ox) / fs.scale;
  const ly = (seen.y + seen.height / 2 - fs.oy) / fs.scale;
  const root = target.getRootNode() as Document | ShadowRoot;
  if (typeof root.elementsFromPoint !== "function") return { covered: false, bg: null, behind: null };
  const hits = root.elementsFromPoint(lx, ly);
  let at = -1;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    if (composedContains(hit, target) || composedContains(target, hit)) {
      at = i;
      break;
    }
    if (seeThrough(pass, hit)) continue;
    return { covered: true, coveredBy: describe(pass, hit), bg: null, behind: null };
  }
  if (at < 0) return { covered: false, bg: null, behind: null };
  return {
    covered: false,
    bg: backgroundFromHits(pass, hits, at, target, fs),
    behind: backgroundFromHits(pass, hits, at, target, fs, false),
  };
}

/**
 * The background from what is painted under the target (with the target's
 * own background, or without it when `withTarget` is false), when something
 * other than its ancestors paints there.
 */
export function backgroundFromHits(
  pass: Pass,
  hits: Element[],
  from: number,
  target: Element,
  fs: FrameState,
  withTarget = true,
): BackgroundState | null {
  const layers: Layer[] = [];
  let foreign = false;
  for (let i = from; i < hits.length; i++) {
    const e = hits[i];
    if (!withTarget && e === target) continue;
    const ancestor = composedContains(e, target);
    if (!ancestor && composedContains(target, e)) continue;
    let layer = layerOf(pass, styleOf(pass, e));
    if (!ancestor) {
      const tag = pass.dom.tagOf(e);
      if (tag === "canvas") layer = { kind: "canvas" };
      else if (pass.k.IMAGE_TAGS.has(tag)) layer = { kind: "image" };
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

/**
 * The measured visibility facts of an element (or a run of its text) with
 * the given box; with a `hitTarget`, also what covers it and the background
 * painted under it.
 */
export function visibilityFacts(
  pass: Pass,
  info: Info,
  box: Box,
  local: { left: number; top: number; width: number; height: number },
  hitTarget: Element | null,
): { v: Visibility; bg: BackgroundState | null; behind: BackgroundState | null } {
  const rendered = !info.displayNone && !info.collapsed;
  const visibilityHidden = info.style.visibility === "hidden" || info.style.visibility === "collapse";
  const zeroSize = rendered && (box.width <= 0 || box.height <= 0);
  const shown = rendered && !zeroSize;
  const offscreen = shown && (info.fs.offscreen || offscreenLocal(local, info));
  const clipRect = info.clip ? intersectBoxes(box, info.clip) : null;
  const clipped = shown && (info.clipEmpty || (clipRect !== null && boxArea(clipRect) <= 0.15 * boxArea(box)));
  const inScrollContainer = shown && info.scroll !== null && boxesOverlap(box, info.scroll);
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
  let behind: BackgroundState | null = null;
  if (hitTarget && shown && !visibilityHidden && !offscreen && !clipped && info.opacity > 0 && !overBudget(pass)) {
    const hit = hitTest(pass, info, hitTarget, box);
    if (hit.covered) {
      v.covered = true;
      if (hit.coveredBy) v.coveredBy = hit.coveredBy;
    }
    bg = hit.bg;
    behind = hit.behind;
  }
  return { v, bg, behind };
}

/** Whether visibility facts leave an element (of the given effective opacity) for a reader to see. */
export function seenFacts(v: Visibility, opacity: number): boolean {
  return !v.displayNone && !v.collapsed && !v.visibilityHidden && !v.zeroSize && !v.offscreen && !v.clipped && opacity > 0.05;
}

/** An element's box in top-level coordinates, and its rectangle in its own viewport. */
export function elementBox(pass: Pass, info: Info): { box: Box; local: DOMRect } {
  const local = pass.dom.rectOf(info.el);
  return { box: toTop(local, info.fs), local };
}
