/**
 * Geometry read from computed CSS for the in-page pass: transform scale,
 * `clip: rect()`, clip-paths that leave nothing, and box arithmetic.
 *
 * Every function here is standalone (no imports, no module state, only
 * other functions of this file by name), because the extractor sends their
 * source text into the page and runs them there.
 */
import type { Box } from "../../model.js";

/** A CSS length in px ("12px", "1.5"), 0 when it is not a number. */
export function cssPx(value: string | null | undefined): number {
  const n = parseFloat(value ?? "");
  return Number.isFinite(n) ? n : 0;
}

/**
 * Horizontal and vertical scale of an element's own computed `transform`
 * (matrix or matrix3d), `scale` and `zoom`.
 */
export function ownScale(transform: string, scale: string, zoom: string): [number, number] {
  let sx = 1;
  let sy = 1;
  if (transform && transform !== "none") {
    const m = /^matrix(3d)?\((.*)\)$/.exec(transform.trim());
    if (m) {
      const v = m[2].split(",").map((s) => parseFloat(s));
      if (m[1]) {
        sx = Math.hypot(v[0], v[1], v[2]);
        sy = Math.hypot(v[4], v[5], v[6]);
      } else {
        sx = Math.hypot(v[0], v[1]);
        sy = Math.hypot(v[2], v[3]);
      }
    }
  }
  if (scale && scale !== "none") {
    const v = scale
      .trim()
      .split(/\s+/)
      .map((p) => (p.endsWith("%") ? parseFloat(p) / 100 : parseFloat(p)));
    if (Number.isFinite(v[0])) {
      sx *= v[0];
      sy *= v.length > 1 && Number.isFinite(v[1]) ? v[1] : v[0];
    }
  }
  const z = parseFloat(zoom);
  if (Number.isFinite(z) && z > 0 && z !== 1) {
    sx *= z;
    sy *= z;
  }
  return [Number.isFinite(sx) ? sx : 1, Number.isFinite(sy) ? sy : 1];
}

/** The visible rectangle of `clip: rect(t, r, b, l)` on a box, in the box's coordinate space; null when not a rect. */
export function clipRectOf(value: string, rect: { left: number; top: number; width: number; height: number }): Box | null {
  const m = /^rect\((.*)\)$/.exec(value.trim());
  if (!m) return null;
  const parts = m[1].split(/\s*,\s*|\s+/).filter((p) => p.length > 0);
  if (parts.length !== 4) return null;
  const edge = (p: string, auto: number): number => (p === "auto" ? auto : cssPx(p));
  const top = edge(parts[0], 0);
  const right = edge(parts[1], rect.width);
  const bottom = edge(parts[2], rect.height);
  const left = edge(parts[3], 0);
  return { x: rect.left + left, y: rect.top + top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** A computed clip-path that leaves nothing of a w x h box: inset(50%), circle(0), a polygon of one point. */
export function clipPathEmpties(value: string, w: number, h: number): boolean {
  const v = value.trim();
  const len = (p: string, of: number): number => (p.endsWith("%") ? (parseFloat(p) / 100) * of : cssPx(p));
  let m = /^inset\(([^)]*)\)/.exec(v);
  if (m) {
    const vals = m[1].split(/\s+round\s+/)[0].trim().split(/\s+/);
    const [t, r = t, b = t, l = r] = vals;
    return len(t, h) + len(b, h) >= h - 0.01 || len(l, w) + len(r, w) >= w - 0.01;
  }
  m = /^circle\(\s*([\d.]+)(px|%)?/.exec(v);
  if (m) return parseFloat(m[1]) === 0;
  m = /^ellipse\(\s*([\d.]+)(?:px|%)?\s+([\d.]+)/.exec(v);
  if (m) return parseFloat(m[1]) === 0 || parseFloat(m[2]) === 0;
  m = /^polygon\((.*)\)$/.exec(v);
  if (m) {
    const points = m[1]
      .replace(/^(nonzero|evenodd)\s*,/, "")
      .split(",")
      .map((p) => p.replace(/\s+/g, " ").trim());
    return points.length > 0 && points.every((p) => p === points[0]);
  }
  return false;
}

/** The overlap of two boxes; a null box is unbounded. */
export function intersectBoxes(a: Box | null, b: Box | null): Box | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

export function boxArea(b: Box): number {
  return Math.max(0, b.width) * Math.max(0, b.height);
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A number to 2 decimals. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A number to 3 decimals. */
export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A box with its numbers to 2 decimals, for output. */
export function roundBox(b: Box): Box {
  return { x: round2(b.x), y: round2(b.y), width: round2(b.width), height: round2(b.height) };
}
