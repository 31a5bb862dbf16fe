/**
 * What the layers of the top document block while the state is shown,
 * measured in its viewport at read time: the share of an even grid of points
 * whose topmost element is a layer over the page (a dialog, banner or frame
 * region, or a fixed element such as a backdrop) and the region those points
 * belong to most, blur over the page's content, a locked scroll, and content
 * made inert.
 *
 * Pages are hostile: the work is bounded (100 points, bounded climbs and
 * path walks), DOM reads go through the pass's saved builtins, and any
 * failure gives no measure (null, with a note) instead of failing the read.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { Blocking, Region } from "../../model.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as PassFns from "./pass.js";
import type * as RegionFns from "./regions.js";
import type * as TextFns from "./text.js";
import type * as VisibilityFns from "./visibility.js";
import type * as WalkFns from "./walk.js";
import type { Info, Pass } from "./pass.js";

declare const round3: typeof GeometryFns.round3;
declare const addNote: typeof PassFns.addNote;
declare const regionOf: typeof RegionFns.regionOf;
declare const textRange: typeof TextFns.textRange;
declare const styleOf: typeof VisibilityFns.styleOf;
declare const flatChildren: typeof WalkFns.flatChildren;

/** Points per side of the grid laid over the viewport. */
export function blockingGrid(): number {
  return 10;
}

/** The topmost element at a viewport point of the top document, descending into open shadow roots. */
export function topElementAt(pass: Pass, x: number, y: number): Element | null {
  let el = pass.dom.elementAt(document, x, y);
  if (!el || el.nodeType !== 1) return null;
  for (let i = 0; i < 16; i++) {
    const shadow = pass.dom.shadowOf(el);
    if (!shadow) break;
    const inner = pass.dom.elementAt(shadow, x, y);
    if (!inner || inner === el || inner.nodeType !== 1) break;
    el = inner;
  }
  return el;
}

/** The parent of a node across shadow roots (a shadow root's host). */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent.nodeType === 1 ? (parent as Element) : null;
}

/** What a point's topmost element lies in. */
export interface PointLayer {
  /** The dialog, banner or frame region it is inside; null when in the page's region. */
  regionId: string | null;
  /** It or an ancestor other than html and body is fixed: a layer over the page (a backdrop when not in a region). */
  fixed: boolean;
  /** The elements met climbing from it to the root. */
  chain: Element[];
}

/** Where a hit element lies: the non-page region around it, whether it sits in a fixed layer, and its ancestors. */
export function layerOfHit(pass: Pass, hit: Element, kinds: Map<string, Region["kind"]>): PointLayer {
  const chain: Element[] = [];
  let fixed = false;
  let info: Info | undefined;
  let el: Element | null = hit;
  for (let i = 0; el && i < 256; i++) {
    const tag = pass.dom.tagOf(el);
    if (tag === "html" || tag === "body") break;
    chain.push(el);
    if (!fixed && styleOf(pass, el).position === "fixed") fixed = true;
    if (!info) info = pass.infos.get(el);
    el = composedParent(el);
  }
  if (!info) {
    for (let e: Element | null = el; e && !info; e = composedParent(e)) info = pass.infos.get(e);
  }
  const id = info ? regionOf(pass, info) : pass.pageRegionId;
  const kind = kinds.get(id);
  return { regionId: kind !== undefined && kind !== "page" ? id : null, fixed, chain };
}

/** Whether a computed filter value blurs: a blur() of more than 0. */
export function blursBy(value: string | null | undefined): boolean {
  if (!value || value === "none") return false;
  for (const m of value.matchAll(/blur\(\s*([\d.]+)/gu)) if (parseFloat(m[1]) > 0) return true;
  return false;
}

/** Whether a text owner's text is seen: rendered, not hidden, faded out, clipped away or screen-reader only. */
export function textSeen(info: Info): boolean {
  return (
    !info.displayNone && !info.collapsed && info.style.visibility === "visible" && info.opacity > 0.05 && !info.srOnly && !info.clipEmpty
  );
}

/**
 * The page's visible text characters under each element, by the walk's text
 * records: prefix sums of the characters (whitespace left out) of seen text
 * in the top document outside dialog, banner and frame regions (tentative
 * layers count as page).
 */
export function pageTextSums(pass: Pass, regions: Map<string, Region>): number[] {
  const sums = [0];
  let total = 0;
  const pageOwner = new Map<Info, boolean>();
  for (const rec of pass.textRecs) {
    const owner = rec.owner;
    if (!rec.ws && owner.fs === pass.topFs && textSeen(owner)) {
      let ok = pageOwner.get(owner);
      if (ok === undefined) {
        const region = regions.get(regionOf(pass, owner));
        ok = !region || region.kind === "page" || region.tentativeOf !== undefined;
        pageOwner.set(owner, ok);
      }
      if (ok) total += rec.data.replace(/\s+/g, "").length;
    }
    sums.push(total);
  }
  return sums;
}

/** The page's visible text characters under an element, from `pageTextSums`. */
export function pageTextUnder(pass: Pass, sums: number[], info: Info): number {
  const [from, to] = textRange(pass, info);
  return sums[to] - sums[from];
}

/**
 * The elements of the top document holding at least half of the page's
 * visible text (a path down from the root element: body, a wrapper, main),
 * at most 512; none when the page shows no text.
 */
export function pageHolders(pass: Pass, regions: Map<string, Region>): Info[] {
  const root = pass.topRoot ? pass.infos.get(pass.topRoot) : undefined;
  if (!root) return [];
  const sums = pageTextSums(pass, regions);
  const total = sums[sums.length - 1];
  if (total <= 0) return [];
  const out: Info[] = [root];
  for (let i = 0; i < out.length && out.length < 512; i++) {
    const info = out[i];
    for (const child of flatChildren(pass, info.el, info.tag)) {
      if (child.nodeType !== 1) continue;
      const ci = pass.infos.get(child as Element);
      if (ci && ci.fs === pass.topFs && 2 * pageTextUnder(pass, sums, ci) >= total) out.push(ci);
    }
  }
  return out;
}

/** The visible dialog, banner or frame region of the top document that comes last in document order: the one a backdrop sits beside. */
export function lastLayerRegion(pass: Pass, regions: Map<string, Region>): string | null {
  let best: string | null = null;
  let bestIndex = -1;
  for (const [info, id] of pass.regionOfInfo) {
    const region = regions.get(id);
    if (!region || region.kind === "page" || !region.visible || info.fs !== pass.topFs) continue;
    if (info.index > bestIndex) {
      bestIndex = info.index;
      best = id;
    }
  }
  return best;
}

/** The blocking facts of the top document, as `measureBlocking` reports them; throws on what it cannot read. */
export function blockingFacts(pass: Pass): Blocking {
  const regions = new Map<string, Region>();
  const kinds = new Map<string, Region["kind"]>();
  for (const r of pass.regions) {
    regions.set(r.id, r);
    kinds.set(r.id, r.kind);
  }
  const w = pass.topFs.viewW;
  const h = pass.topFs.viewH;
  const n = blockingGrid();
  const counts = new Map<string, number>();
  const seen = new Set<Element>();
  let covered = 0;
  let backdrops = 0;
  if (w > 0 && h > 0) {
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const hit = topElementAt(pass, ((col + 0.5) * w) / n, ((row + 0.5) * h) / n);
        if (!hit) continue;
        const layer = layerOfHit(pass, hit, kinds);
        for (const el of layer.chain) seen.add(el);
        if (layer.regionId !== null) {
          covered++;
          counts.set(layer.regionId, (counts.get(layer.regionId) ?? 0) + 1);
        } else if (layer.fixed) {
          covered++;
          backdrops++;
        }
      }
    }
  }
  if (backdrops > 0) {
    const beside = lastLayerRegion(pass, regions);
    if (beside !== null) counts.set(beside, (counts.get(beside) ?? 0) + backdrops);
  }
  let coveringRegionId: string | null = null;
  let most = 0;
  for (const r of pass.regions) {
    const c = counts.get(r.id) ?? 0;
    if (c > 0 && c >= most) {
      most = c;
      coveringRegionId = r.id;
    }
  }

  const holders = pageHolders(pass, regions);
  let blurred = holders.some((info) => blursBy(info.style.filter));
  if (!blurred && w > 0 && h > 0) {
    for (const info of pass.regionCandidates) if (info.fs === pass.topFs) seen.add(info.el);
    for (const el of seen) {
      const st = styleOf(pass, el);
      if (!blursBy(st.getPropertyValue("backdrop-filter")) && !blursBy(st.getPropertyValue("-webkit-backdrop-filter"))) continue;
      const r = pass.dom.rectOf(el);
      const cw = Math.min(w, r.left + r.width) - Math.max(0, r.left);
      const ch = Math.min(h, r.top + r.height) - Math.max(0, r.top);
      if (cw > 0 && ch > 0 && 2 * cw * ch >= w * h) {
        blurred = true;
        break;
      }
    }
  }
  const contentInert = holders.some((info) => pass.dom.hasAttr(info.el, "inert") || pass.dom.attr(info.el, "aria-hidden") === "true");

  const locks = (st: CSSStyleDeclaration): boolean => st.overflowY === "hidden" || st.overflowY === "clip";
  const root = pass.topRoot;
  const body = root ? pass.dom.childrenOf(root).find((c) => pass.dom.tagOf(c) === "body") : undefined;
  const bodyStyle = body ? styleOf(pass, body) : null;
  const scrollLocked =
    (root !== null && locks(styleOf(pass, root))) || (bodyStyle !== null && (locks(bodyStyle) || bodyStyle.position === "fixed"));

  return { viewportCovered: round3(covered / (n * n)), coveringRegionId, blurred, scrollLocked, contentInert };
}

/** What the top document's layers block now (see `blockingFacts`); null, with a note, when it cannot be measured. */
export function measureBlocking(pass: Pass): Blocking | null {
  try {
    return blockingFacts(pass);
  } catch (error) {
    let reason = "an error";
    try {
      reason = String((error as Error).message).slice(0, 200);
    } catch {
      reason = "an error";
    }
    addNote(
      pass,
      "blocking-unmeasured",
      `What the page's layers block (viewport covered, blur, scroll lock, inert content) could not be measured: ${reason}`,
    );
    return null;
  }
}
