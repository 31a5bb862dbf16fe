/**
 * Regions in the page: the layers a reader meets as steps of their own
 * (dialogs, fixed or sticky banners, frames big enough to hold a dialog,
 * notice bars first or last in the body), the page region around them, and
 * the region each element belongs to.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { Region } from "../../model.js";
import type * as RegionRules from "../../heuristics/regions.js";
import type * as DomFns from "./dom.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as SelectorFns from "./selectors.js";
import type * as TextFns from "./text.js";
import type * as VisibilityFns from "./visibility.js";
import type { Info, Pass } from "./pass.js";

declare const isDialogMarkup: typeof RegionRules.isDialogMarkup;
declare const pageChrome: typeof RegionRules.pageChrome;
declare const layerHasContent: typeof RegionRules.layerHasContent;
declare const frameHoldsDialog: typeof RegionRules.frameHoldsDialog;
declare const layerDominates: typeof RegionRules.layerDominates;
declare const stickyTooNarrow: typeof RegionRules.stickyTooNarrow;
declare const norm: typeof DomFns.norm;
declare const roundBox: typeof GeometryFns.roundBox;
declare const selectorOf: typeof SelectorFns.selectorOf;
declare const idrefText: typeof TextFns.idrefText;
declare const visibilityFacts: typeof VisibilityFns.visibilityFacts;
declare const seenFacts: typeof VisibilityFns.seenFacts;
declare const elementBox: typeof VisibilityFns.elementBox;

/** A region picked, before it is written out. */
export interface RegionChoice {
  info: Info;
  kind: Region["kind"];
  /** A step of its own only if it asks for consent; otherwise part of the region around it. */
  tentative: boolean;
}

/** A dialog by its markup: role dialog or alertdialog, `<dialog>`, aria-modal. */
export function explicitDialog(pass: Pass, info: Info): boolean {
  return isDialogMarkup(info.tag, info.role, pass.dom.attr(info.el, "aria-modal"));
}

/** Whether `inner` lies inside `outer` in the walk. */
export function within(inner: Info, outer: Info): boolean {
  return inner.index > outer.index && inner.index < outer.exit;
}

/** Whether an element holds a frame big enough to show a dialog. */
export function hasSizeableFrame(pass: Pass, info: Info): boolean {
  const frame = info.el.querySelector("iframe");
  if (!frame) return false;
  const r = pass.dom.rectOf(frame);
  return frameHoldsDialog(r.width, r.height);
}

/** The page's first top-level h1: a layer holding it is the page, not a banner over it. */
export function firstPageHeading(pass: Pass): Info | undefined {
  return pass.headingInfos.find((h) => h.fs === pass.topFs && h.heading === 1 && (h.tag === "h1" || h.role === "heading"));
}

/** Whether a fixed or sticky layer, or a frame, is worth a region: sized, with a button and some text, not page chrome. */
export function layerQualifies(pass: Pass, info: Info): boolean {
  if (info.tag === "iframe" || info.tag === "frame") {
    // Any frame big enough to hold a dialog may be a consent manager; whether it is one is the consent view's call.
    const r = pass.dom.rectOf(info.el);
    return frameHoldsDialog(r.width, r.height);
  }
  if (pageChrome(info.tag, info.role)) return false;
  return layerHasContent(info.actionCount, info.textLen) || hasSizeableFrame(pass, info);
}

/** The layers among the region candidates: explicit dialogs, then fixed or sticky layers and frames not inside one. */
export function layerRegions(pass: Pass): RegionChoice[] {
  const candidates = pass.regionCandidates;
  const firstH1 = firstPageHeading(pass);
  const topRootInfo = pass.topRoot ? pass.infos.get(pass.topRoot) : undefined;
  const totalText = (topRootInfo?.textLen ?? 0) || 1;
  const explicit = candidates.filter((info) => explicitDialog(pass, info));
  const chosen: RegionChoice[] = explicit.map((info) => ({ info, kind: "dialog" as const, tentative: false }));
  for (const info of candidates) {
    if (explicitDialog(pass, info)) continue;
    const isFrame = info.tag === "iframe" || info.tag === "frame";
    if (!layerQualifies(pass, info)) continue;
    // A layer holding most of the page's text may be the page itself (a fixed app shell) or a banner over a short page.
    const dominant = layerDominates(info.textLen, totalText) && info.fs === pass.topFs;
    if (firstH1 && within(firstH1, info)) continue;
    if (info.style.position === "sticky") {
      if (stickyTooNarrow(pass.dom.rectOf(info.el).width, info.fs.viewW)) continue;
    }
    if (candidates.some((other) => other !== info && within(info, other) && (explicitDialog(pass, other) || chosen.some((c) => c.info === other)))) continue;
    if (explicit.some((d) => within(d, info))) continue;
    chosen.push({ info, kind: isFrame ? "frame" : "banner", tentative: isFrame || dominant });
  }
  return chosen;
}

/**
 * A notice bar in the page's flow (first or last in the body, with a button
 * and no form fields of its own) may be a cookie notice without any role or
 * position: tentative, so it stands apart only if it asks for consent.
 */
export function flowBanners(pass: Pass, chosen: readonly RegionChoice[]): RegionChoice[] {
  const { childrenOf } = pass.dom;
  const topRoot = pass.topRoot;
  const bodyInfo = topRoot ? childrenOf(topRoot).map((el) => pass.infos.get(el)).find((i) => i?.tag === "body") : undefined;
  if (!bodyInfo) return [];
  const firstH1 = firstPageHeading(pass);
  const out: RegionChoice[] = [];
  const shown = childrenOf(bodyInfo.el)
    .map((el) => pass.infos.get(el))
    .filter((i): i is Info => i !== undefined && !i.displayNone && i.textLen > 0 && !["script", "style", "noscript", "template"].includes(i.tag));
  for (const info of new Set([shown[0], shown[shown.length - 1]])) {
    if (!info || shown.length < 2) continue;
    if (["main", "form", "header", "nav"].includes(info.tag) || info.role === "main" || info.role === "navigation") continue;
    if (info.actionCount < 1 || info.textLen < 20) continue;
    if (firstH1 && within(firstH1, info)) continue;
    if (pass.fieldInfos.some((f) => within(f, info))) continue;
    if ([...chosen, ...out].some((c) => c.info === info || within(info, c.info) || within(c.info, info))) continue;
    out.push({ info, kind: "banner", tentative: true });
  }
  return out;
}

/** The region record of a chosen layer. */
export function regionRecord(pass: Pass, choice: RegionChoice, id: string): Region {
  const { info, kind } = choice;
  const { box, local } = elementBox(pass, info);
  const attr = pass.dom.attr;
  const labelled = idrefText(pass, info.el, "aria-labelledby").text;
  return {
    id,
    kind,
    selector: selectorOf(pass, info.el),
    headings: [],
    label: labelled || norm(attr(info.el, "aria-label") ?? "") || (kind === "frame" ? norm(attr(info.el, "title") ?? "") : ""),
    visible: seenFacts(visibilityFacts(pass, info, box, local, null).v, info.opacity),
    box: roundBox(box),
  };
}

/** Picks the pass's regions and writes them out, the page region first in the top document. */
export function chooseRegions(pass: Pass): void {
  const layers = layerRegions(pass);
  const chosen = [...layers, ...flowBanners(pass, layers)];
  chosen.sort((a, b) => a.info.index - b.info.index);
  const tentativeRegions: { region: Region; info: Info }[] = [];
  for (const choice of chosen) {
    const id = `${pass.prefix}r${++pass.regionCount}`;
    pass.regionOfInfo.set(choice.info, id);
    const region = regionRecord(pass, choice, id);
    pass.regions.push(region);
    if (choice.tentative) tentativeRegions.push({ region, info: choice.info });
  }
  // A tentative region is a step of its own only if it asks for consent; otherwise its content belongs to the region around it.
  for (const { region, info } of tentativeRegions) region.tentativeOf = info.parent ? regionOf(pass, info.parent) : pass.pageRegionId;
  if (pass.ctx.regionId === null) {
    pass.regions.unshift({
      id: "page",
      kind: "page",
      selector: "html",
      headings: [],
      label: "",
      visible: true,
      box: { x: 0, y: 0, width: pass.topFs.viewW, height: pass.topFs.viewH },
    });
  }
}

/** The id of the region an element belongs to: that of the nearest chosen layer around it, else the page's. */
export function regionOf(pass: Pass, info: Info): string {
  const chain: Info[] = [];
  let cur: Info | null = info;
  let found: string | undefined;
  while (cur) {
    if (cur.region !== undefined) {
      found = cur.region;
      break;
    }
    const own = pass.regionOfInfo.get(cur);
    if (own !== undefined) {
      found = own;
      chain.push(cur);
      break;
    }
    chain.push(cur);
    cur = cur.parent;
  }
  const id = found ?? pass.pageRegionId;
  for (const c of chain) c.region = id;
  return id;
}
