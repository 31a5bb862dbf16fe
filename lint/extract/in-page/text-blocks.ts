/**
 * Text blocks in the page: the text of each block container as a reader
 * groups it, with one run per element owning part of it, each run measured
 * (box, font size, colour, background, contrast, visibility).
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { TextBlock, TextRun } from "../../model.js";
import type * as ColourFns from "../../heuristics/colour.js";
import type * as DomFns from "./dom.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as GroupFns from "./groups.js";
import type * as PaintFns from "./paint.js";
import type * as RegionFns from "./regions.js";
import type * as SelectorFns from "./selectors.js";
import type * as VisibilityFns from "./visibility.js";
import type { BlockAcc, Info, Pass } from "./pass.js";

declare const roundedColour: typeof ColourFns.roundedColour;
declare const norm: typeof DomFns.norm;
declare const cssPx: typeof GeometryFns.cssPx;
declare const round2: typeof GeometryFns.round2;
declare const roundBox: typeof GeometryFns.roundBox;
declare const groupOf: typeof GroupFns.groupOf;
declare const colourOf: typeof PaintFns.colourOf;
declare const colourWorst: typeof PaintFns.colourWorst;
declare const regionOf: typeof RegionFns.regionOf;
declare const selectorOf: typeof SelectorFns.selectorOf;
declare const visibilityFacts: typeof VisibilityFns.visibilityFacts;
declare const elementBox: typeof VisibilityFns.elementBox;
declare const toTop: typeof VisibilityFns.toTop;

/** The rectangle (viewport coordinates) around the rendered boxes of some text nodes; empty when none renders. */
export function textNodesRect(doc: Document, nodes: Text[]): { left: number; top: number; width: number; height: number } {
  const range = doc.createRange();
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
  return Number.isFinite(l) ? { left: l, top: t, width: r - l, height: b - t } : { left: 0, top: 0, width: 0, height: 0 };
}

/** The run of an element's own text nodes in a block, measured; null when it holds no text. */
export function runOf(pass: Pass, owner: Info, nodes: Text[]): TextRun | null {
  const text = norm(nodes.map((n) => n.data).join(""));
  if (!text) return null;
  const local = textNodesRect(owner.fs.doc, nodes);
  const box = toTop(local, owner.fs);
  const st = owner.style;
  const fontPx = cssPx(st.fontSize);
  const fill = colourOf(pass, st.getPropertyValue("-webkit-text-fill-color")) ?? colourOf(pass, st.color) ?? pass.k.BLACK;
  const clipText = st.getPropertyValue("background-clip") === "text" || st.getPropertyValue("-webkit-background-clip") === "text";
  const { v, bg: hitBg } = visibilityFacts(pass, owner, box, local, owner.el);
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
    selector: selectorOf(pass, owner.el),
  };
}

/** The link all of a block's text sits in, when it is one link (a bare link in a list or a footer). */
export function sharedLink(owners: Info[]): string | null {
  const first = owners[0]?.link ?? null;
  return first !== null && owners.every((o) => o.link === first) ? first : null;
}

/** The text block of a gathered block, with its runs; null when it has no readable text. */
export function textBlockOf(pass: Pass, acc: BlockAcc): TextBlock | null {
  if (!acc.hasText) return null;
  const text = norm(acc.parts.join(""));
  if (!text) return null;
  const info = acc.info;
  const runs: TextRun[] = [];
  const runOwners: Info[] = [];
  for (const owner of acc.owners) {
    const run = runOf(pass, owner, acc.ownerTexts.get(owner) ?? []);
    if (run) {
      runs.push(run);
      runOwners.push(owner);
    }
  }
  if (runs.length === 0) return null;
  const { box, local } = elementBox(pass, info);
  const { v } = visibilityFacts(pass, info, box, local, info.el);
  acc.id = `${pass.prefix}t${++pass.textCount}`;
  return {
    id: acc.id,
    text,
    lang: info.lang,
    runs,
    selector: selectorOf(pass, info.el),
    box: roundBox(box),
    visibility: v,
    controlIds: [],
    groupId: groupOf(pass, info),
    regionId: regionOf(pass, info),
    framePath: info.fs.framePath,
    heading: info.heading,
    inButton: info.inAction !== null || pass.ctx.inButton,
    linkHref: info.link ?? sharedLink(runOwners),
  };
}

/** The pass's text blocks, in walk order. */
export function buildTextBlocks(pass: Pass): void {
  for (const acc of pass.blockList) {
    const block = textBlockOf(pass, acc);
    if (!block) continue;
    pass.texts.push(block);
    pass.blockOfAcc.set(acc, block);
  }
}
