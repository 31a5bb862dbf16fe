/**
 * Backgrounds static mode cannot compose. The model composes the background
 * behind text from the text's ancestors; a positioned element elsewhere
 * (a photo, a tinted box) can also be painted behind it, which only layout
 * tells. Where one may be, the text's contrast is unknown, as over an image.
 *
 * A positioned element P can be painted behind text T when P paints something
 * (its own background, an image, video, canvas, frame or SVG, or one of those
 * inside it), P's containing block holds T (P is taken to stay within its
 * containing block; a fixed element's, or one placed from the page's origin,
 * holds everything), and either P has a negative z-index, or T sits in a
 * positioned element stacked at or above P (at the same z-index, P comes
 * first). Form controls are widgets in front of text, not backgrounds.
 */
import type { ElementInfo } from "./styled-tree.js";
import { PageIndex } from "./page-index.js";

const MEDIA = new Set(["img", "video", "canvas", "picture", "svg", "iframe", "frame", "object", "embed"]);
const WIDGETS = new Set(["input", "select", "textarea", "button", "meter", "progress"]);

function zIndex(info: ElementInfo): number {
  const v = info.style.get("z-index");
  const n = v === null ? NaN : Number(v.trim());
  return Number.isInteger(n) ? n : 0;
}

function rendered(info: ElementInfo): boolean {
  const v = info.visibility;
  return !v.displayNone && !v.collapsed && !v.visibilityHidden && v.opacity > 0;
}

function paintsItself(info: ElementInfo): boolean {
  const s = info.style;
  return MEDIA.has(info.tag) || s.ownBackgroundImage || s.ownGradient || s.ownBackgroundColour.a >= 0.1;
}

interface Painter {
  info: ElementInfo;
  z: number;
  /** The positioned ancestor P is placed in; null for the page (fixed, or no positioned ancestor). */
  container: ElementInfo | null;
}

/** The element an absolutely positioned box is placed in: its nearest positioned (or transformed) ancestor; null for the page. */
function containingBlock(info: ElementInfo): ElementInfo | null {
  if (info.style.position === "fixed") {
    for (let p = info.parent; p; p = p.parent) if (p.style.containsFixed) return p;
    return null;
  }
  if (info.style.position !== "absolute") return info.parent;
  for (let p = info.parent; p; p = p.parent) if (p.style.position !== "static" || p.style.containsFixed) return p;
  return null;
}

export interface PaintedBehind {
  /** Positioned elements that paint something, which may lie behind text elsewhere. */
  painters: ElementInfo[];
  /** Some painter may be painted behind text owned by this element. */
  mayPaintBehind(owner: ElementInfo): boolean;
}

export function paintedBehind(index: PageIndex): PaintedBehind {
  const painters: Painter[] = [];
  for (const info of index.elements) {
    const position = info.style.position;
    const z = zIndex(info);
    const positioned = position === "absolute" || position === "fixed" || ((position === "relative" || position === "sticky") && z < 0);
    if (!positioned || !rendered(info) || WIDGETS.has(info.tag) || info.visibility.srOnly) continue;
    let paints = false;
    for (let i = info.order; i <= info.end && !paints; i++) {
      const e = index.elements[i];
      paints = rendered(e) && paintsItself(e);
    }
    if (paints) painters.push({ info, z, container: containingBlock(info) });
  }
  /** The z-index the text is stacked at when it sits in a positioned element, else null. */
  const stackOf = (owner: ElementInfo): number | null => {
    let z: number | null = null;
    for (let p: ElementInfo | null = owner; p; p = p.parent) if (p.style.position !== "static") z = Math.max(z ?? -Infinity, zIndex(p));
    return z;
  };
  return {
    painters: painters.map((p) => p.info),
    mayPaintBehind: (owner) => {
      if (painters.length === 0) return false;
      const stacked = stackOf(owner);
      return painters.some(({ info, z, container }) => {
        if (info.scope.doc !== owner.scope.doc || PageIndex.contains(info, owner) || PageIndex.contains(owner, info)) return false;
        if (container && !PageIndex.contains(container, owner)) return false;
        if (z < 0) return true;
        return stacked !== null && (z < stacked || (z === stacked && info.order < owner.order));
      });
    },
  };
}
