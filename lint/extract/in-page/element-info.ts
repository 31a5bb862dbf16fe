/**
 * What the walk records about an element as it enters it: its kind (control,
 * action, field), whether it starts a text block, and the facts it inherits
 * and adds: hidden or collapsed, opacity and scale, clipping and scroll
 * containers, background, heading level, link and language.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { Box } from "../../model.js";
import type * as BlockFns from "../../heuristics/blocks.js";
import type * as DisclosureRules from "../../heuristics/disclosures.js";
import type * as DomFns from "./dom.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as PaintFns from "./paint.js";
import type * as VisibilityFns from "./visibility.js";
import type { BackgroundState } from "./frame-part.js";
import type { FrameState, Info, Pass } from "./pass.js";

declare const readsAsBlock: typeof BlockFns.readsAsBlock;
declare const panelByMarkup: typeof DisclosureRules.panelByMarkup;
declare const opensPanels: typeof DisclosureRules.opensPanels;
declare const expanderReach: typeof DisclosureRules.expanderReach;
declare const roleOf: typeof DomFns.roleOf;
declare const ownScale: typeof GeometryFns.ownScale;
declare const clipRectOf: typeof GeometryFns.clipRectOf;
declare const clipPathEmpties: typeof GeometryFns.clipPathEmpties;
declare const intersectBoxes: typeof GeometryFns.intersectBoxes;
declare const boxArea: typeof GeometryFns.boxArea;
declare const layerOf: typeof PaintFns.layerOf;
declare const applyLayer: typeof PaintFns.applyLayer;
declare const looksLikeButton: typeof PaintFns.looksLikeButton;
declare const toTop: typeof VisibilityFns.toTop;

/** Ids of the elements that expanders (aria-expanded) and tabs in `root` say they control. */
export function controlledIds(pass: Pass, root: Document | ShadowRoot): Set<string> {
  let ids = pass.controlledIdsByRoot.get(root);
  if (!ids) {
    ids = new Set();
    for (const el of Array.from(root.querySelectorAll("[aria-controls]"))) {
      if (!opensPanels(pass.dom.hasAttr(el, "aria-expanded"), roleOf(pass.dom, el))) continue;
      for (const id of (pass.dom.attr(el, "aria-controls") ?? "").split(/\s+/)) if (id) ids.add(id);
    }
    pass.controlledIdsByRoot.set(root, ids);
  }
  return ids;
}

/** display:none that a disclosure explains: aria-controls of an expander, a toggle right before it, a tab panel, hidden=until-found. */
export function collapseExplained(pass: Pass, el: Element): boolean {
  const { attr, hasAttr } = pass.dom;
  if (panelByMarkup(roleOf(pass.dom, el), attr(el, "hidden"))) return true;
  const root = el.getRootNode() as Document | ShadowRoot;
  const id = pass.dom.idOf(el);
  if (id && typeof root.querySelectorAll === "function" && controlledIds(pass, root).has(id)) return true;
  let sib = el.previousElementSibling;
  for (let k = 0; k < expanderReach() && sib; k++) {
    if (hasAttr(sib, "aria-expanded") || sib.querySelector("[aria-expanded]")) return true;
    sib = sib.previousElementSibling;
  }
  return false;
}

/** What an element is to the model: a control, an action, a field, a select that is both, or none of these. */
export function classify(pass: Pass, el: Element, tag: string, role: string, style: CSSStyleDeclaration, behind: BackgroundState): Info["kind"] {
  const k = pass.k;
  if (tag === "input") {
    const type = (el as HTMLInputElement).type;
    if (type === "checkbox" || type === "radio") return "control";
    if (k.ACTION_INPUTS.has(type)) return "action";
    return k.FIELD_INPUTS.has(type) ? "field" : null;
  }
  if (k.CONTROL_ROLES.has(role)) return "control";
  if (tag === "select") return (el as HTMLSelectElement).options.length > 4 ? "control-field" : "control";
  if (tag === "textarea") return "field";
  if (tag === "button" || role === "button") return pass.dom.hasAttr(el, "aria-pressed") ? "control" : "action";
  if ((tag === "a" && pass.dom.hasAttr(el, "href")) || role === "link") return looksLikeButton(pass, style, behind) ? "action" : null;
  return null;
}

/** Whether an element starts a text block of its own: a control or action always, else as `readsAsBlock` says. */
export function isBlockEl(pass: Pass, tag: string, role: string, display: string, kind: Info["kind"]): boolean {
  if (kind === "action" || kind === "control" || kind === "control-field") return true;
  return readsAsBlock(tag, role, display, pass.k.blocks);
}

/** Hidden (display:none) or collapsed (a closed disclosure, content-visibility:hidden), inherited from the parent. */
export function hiddenState(pass: Pass, el: Element, p: Info | null, style: CSSStyleDeclaration): { displayNone: boolean; collapsed: boolean } {
  let displayNone = p ? p.displayNone : pass.ctx.displayNone;
  let collapsed = p ? p.collapsed : pass.ctx.collapsed;
  if (p && p.closedDetails) {
    const summary = pass.dom.childrenOf(p.el).find((c) => pass.dom.tagOf(c) === "summary");
    if (el !== summary) collapsed = true;
  }
  if (p && p.style.contentVisibility === "hidden") collapsed = true;
  if (style.display === "none") {
    if (collapseExplained(pass, el)) collapsed = true;
    else displayNone = true;
  }
  return { displayNone, collapsed };
}

/** The opacity an element is painted with: its own (and filter: opacity()) times its parent's. */
export function effectiveOpacity(pass: Pass, p: Info | null, style: CSSStyleDeclaration): number {
  const opacityOwn = parseFloat(style.opacity);
  let filterOpacity = 1;
  for (const m of style.filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/gu)) {
    const v = parseFloat(m[1]) / (m[2] === "%" ? 100 : 1);
    if (Number.isFinite(v)) filterOpacity *= Math.min(1, Math.max(0, v));
  }
  return (p ? p.opacity : pass.ctx.opacity) * (Number.isFinite(opacityOwn) ? opacityOwn : 1) * filterOpacity;
}

export interface ClipState {
  clip: Box | null;
  scroll: Box | null;
  absClip: Box | null;
  absScroll: Box | null;
  clipEmpty: boolean;
  srOnly: boolean;
}

/**
 * The clip rectangle and scroll container in effect for an element and for
 * its absolutely positioned descendants, and whether its clipping leaves
 * nothing (a clip-path) or a screen-reader-only pixel.
 */
export function clipState(pass: Pass, el: Element, p: Info | null, fs: FrameState, style: CSSStyleDeclaration, tag: string, displayNone: boolean): ClipState {
  const pos = style.position;
  const sameFrameParent = p !== null && p.fs === fs;
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
  let clipEmpty = p ? p.clipEmpty : pass.ctx.clipEmpty;
  let srOnly = p ? p.srOnly : pass.ctx.srOnly;
  const rootish = tag === "html" || tag === "body";
  const ovx = style.overflowX;
  const ovy = style.overflowY;
  const clipsX = !rootish && ovx !== "visible";
  const clipsY = !rootish && ovy !== "visible";
  const positioned = pos === "absolute" || pos === "fixed";
  const hasClipRect = positioned && style.clip !== "auto" && style.clip !== "";
  const hasClipPath = style.clipPath !== "none" && style.clipPath !== "";
  if ((clipsX || clipsY || hasClipRect || hasClipPath) && !displayNone) {
    const rect = pass.dom.rectOf(el);
    const box = toTop(rect, fs);
    if (clipsX || clipsY) {
      const own: Box = {
        x: clipsX ? box.x : -1e7,
        y: clipsY ? box.y : -1e7,
        width: clipsX ? box.width : 2e7,
        height: clipsY ? box.height : 2e7,
      };
      clip = intersectBoxes(clip, own);
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
        clip = intersectBoxes(clip, toTop({ left: cr.x, top: cr.y, width: cr.width, height: cr.height }, fs));
        if (boxArea(cr) <= 1) srOnly = true;
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
  return { clip, scroll, absClip, absScroll, clipEmpty, srOnly };
}

/** Heading level, link target and language in effect for an element, inherited from its parent. */
export function inheritedMarks(pass: Pass, el: Element, p: Info | null, tag: string, role: string): { heading: number | null; link: string | null; lang: string | null } {
  const { attr, hasAttr } = pass.dom;
  let heading = p ? p.heading : pass.ctx.heading;
  if (/^h[1-6]$/.test(tag)) heading = Number(tag[1]);
  else if (role === "heading") heading = parseInt(attr(el, "aria-level") ?? "", 10) || 2;
  let link = p ? p.link : pass.ctx.linkHref;
  if (tag === "a" && hasAttr(el, "href")) link = (el as HTMLAnchorElement).href;
  let lang = p ? p.lang : pass.ctx.lang;
  if (hasAttr(el, "lang")) lang = attr(el, "lang") || null;
  return { heading, link, lang };
}

/** The walk's record of an element entered under `p` (null for a document's root) in the document `fs`. */
export function makeInfo(pass: Pass, el: Element, p: Info | null, fs: FrameState): Info {
  const style = fs.win.getComputedStyle(el);
  const tag = pass.dom.tagOf(el);
  const role = roleOf(pass.dom, el);
  const pos = style.position;
  const sameFrameParent = p !== null && p.fs === fs;
  const { displayNone, collapsed } = hiddenState(pass, el, p, style);
  const opacity = effectiveOpacity(pass, p, style);
  const [osx, osy] = ownScale(style.transform, style.getPropertyValue("scale"), style.getPropertyValue("zoom"));
  const clipping = clipState(pass, el, p, fs, style, tag, displayNone);
  const parentBg = p ? p.bg : pass.ctx.background;
  const bg = applyLayer(parentBg, layerOf(pass, style));
  const kind = classify(pass, el, tag, role, style, parentBg);
  const isBlock = !sameFrameParent || isBlockEl(pass, tag, role, style.display, kind);
  const marks = inheritedMarks(pass, el, p, tag, role);
  const item = kind === "control" || kind === "field" || kind === "control-field" ? 1 : 0;
  const info: Info = {
    el,
    tag,
    role,
    parent: p,
    fs,
    style,
    index: pass.counter++,
    exit: Number.MAX_SAFE_INTEGER,
    displayNone,
    collapsed,
    closedDetails: tag === "details" && !pass.dom.hasAttr(el, "open"),
    srOnly: clipping.srOnly,
    clipEmpty: clipping.clipEmpty,
    fixed: pos === "fixed" || (sameFrameParent && p.fixed),
    opacity,
    sx: (p ? p.sx : pass.ctx.scaleX) * osx,
    sy: (p ? p.sy : pass.ctx.scaleY) * osy,
    clip: clipping.clip,
    absClip: clipping.absClip,
    scroll: clipping.scroll,
    absScroll: clipping.absScroll,
    bg,
    block: null as unknown as Info,
    isBlock,
    heading: marks.heading,
    link: marks.link,
    lang: marks.lang,
    inAction: p ? p.inAction : null,
    inLabel: tag === "label" || (p !== null && p.inLabel),
    kind,
    actionCount: kind === "action" ? 1 : 0,
    itemCount: item,
    contentLen: item,
    textLen: 0,
  };
  info.block = isBlock ? info : p ? p.block : info;
  if (kind === "action" || (kind === "control" && (tag === "button" || role === "button"))) info.inAction = info;
  return info;
}
