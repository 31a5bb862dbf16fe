/**
 * Regions and groups, chosen by the heuristics the browser extractor uses
 * (../../heuristics/regions.ts) where static mode can read them. The page
 * is a region, and so is every dialog (role=dialog/alertdialog, <dialog>,
 * aria-modal) and every fixed or sticky element that reads as a banner.
 * Groups are forms, fieldsets outside forms, and otherwise the nearest
 * element holding a button and some other content.
 */
import {
  frameHoldsDialog,
  groupsAsSection,
  isDialogMarkup,
  layerDominates,
  layerHasContent,
  pageChrome,
  stickyTooNarrow,
} from "../../heuristics/regions.js";
import type { Group, Region } from "../../model.js";
import { accessibleName } from "./accessible-name.js";
import { formOwner } from "./control-state.js";
import { attr, isText, roleAttr } from "./dom-nodes.js";
import { PageIndex } from "./page-index.js";
import type { ElementInfo } from "./styled-tree.js";
import { ZERO_BOX } from "./text-runs.js";
import { isShownBox } from "./visibility.js";

export const PAGE_REGION_ID = "page";

/** A dialog by its markup; aria-modal is read case-insensitively. */
function isDialog(info: ElementInfo): boolean {
  return isDialogMarkup(info.tag, roleAttr(info.el), (attr(info.el, "aria-modal") ?? "").toLowerCase());
}

export interface RegionAssignment {
  regions: Region[];
  regionOf(info: ElementInfo): string;
  /** The element each dialog or banner region is, by region id. */
  roots: ReadonlyMap<string, ElementInfo>;
  /** Elements whose being a region or not depends on layout (a sticky element's width, a frame's size), with why. */
  uncertain: { info: ElementInfo; why: string }[];
}

/** An element's own heading level: h1-h6, or role=heading with its aria-level (default 2). */
function headingLevelOf(info: ElementInfo): number | null {
  const tagLevel = /^h([1-6])$/u.exec(info.tag);
  if (roleAttr(info.el) === "heading") {
    const level = Number(attr(info.el, "aria-level"));
    return Number.isInteger(level) && level > 0 ? level : tagLevel ? Number(tagLevel[1]) : 2;
  }
  return tagLevel ? Number(tagLevel[1]) : null;
}

/** What counting an element's subtree needs to know about every element: what is an action, and what counts as content besides buttons. */
export interface CountInputs {
  isAction(info: ElementInfo): boolean;
  /** A toggle button: its text, like a button's, is not content of the group around it. */
  isToggleButton(info: ElementInfo): boolean;
  /** A control or form field: it counts as content of the group around it. */
  isItem(info: ElementInfo): boolean;
}

/** Per element, over its flat subtree (a frame element's includes its document), as the browser extractor counts them. */
export interface SubtreeCounts {
  /** Non-space characters of text, hidden text included. */
  text: ReadonlyMap<ElementInfo, number>;
  /** Actions (buttons, links styled as buttons). */
  actions: ReadonlyMap<ElementInfo, number>;
  /** Content besides buttons: characters of text outside buttons, plus one per control or field. */
  content: ReadonlyMap<ElementInfo, number>;
}

export function subtreeCounts(index: PageIndex, inputs: CountInputs): SubtreeCounts {
  const inButton = new Map<ElementInfo, boolean>();
  for (const info of index.elements)
    inButton.set(
      info,
      (info.parent ? (inButton.get(info.parent) ?? false) : false) || inputs.isAction(info) || inputs.isToggleButton(info),
    );
  const text = new Map<ElementInfo, number>();
  const actions = new Map<ElementInfo, number>();
  const content = new Map<ElementInfo, number>();
  const add = (map: Map<ElementInfo, number>, info: ElementInfo, n: number): void => {
    map.set(info, (map.get(info) ?? 0) + n);
  };
  for (let i = index.elements.length - 1; i >= 0; i--) {
    const info = index.elements[i];
    let own = 0;
    for (const child of info.children) if (isText(child)) own += child.data.replace(/\s+/gu, "").length;
    add(text, info, own);
    add(actions, info, inputs.isAction(info) ? 1 : 0);
    add(content, info, (inputs.isItem(info) ? 1 : 0) + (inButton.get(info) ? 0 : own));
    // A frame's document counts toward its frame element, which comes earlier in the list.
    const up = info.parent ?? info.scope.doc.frameElement;
    if (up) {
      add(text, up, text.get(info) ?? 0);
      add(actions, up, actions.get(info) ?? 0);
      add(content, up, content.get(info) ?? 0);
    }
  }
  return { text, actions, content };
}

/** CSS px of an iframe's width or height: its style, else its attribute, else the default 300x150; null when it needs layout (percentages, auto). */
function frameSide(frame: ElementInfo, side: "width" | "height"): number | null {
  const declared = frame.style.get(side);
  if (declared !== null) return frame.style.lengthPx(side);
  const attribute = attr(frame.el, side);
  if (attribute !== null) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/u.exec(attribute);
    return m ? Number(m[1]) : null;
  }
  return side === "width" ? 300 : 150;
}

/** The first iframe in the element's own tree is at least 100x40 px: true, false, or null when that needs layout. */
function sizeableFrame(info: ElementInfo, index: PageIndex): boolean | null {
  let frame: ElementInfo | undefined;
  for (let i = info.order + 1; i <= info.end && !frame; i++)
    if (index.elements[i].tag === "iframe" && index.elements[i].scope === info.scope) frame = index.elements[i];
  if (!frame) return false;
  const w = frameSide(frame, "width");
  const h = frameSide(frame, "height");
  if (!frameHoldsDialog(w ?? Infinity, h ?? Infinity)) return false;
  return w === null || h === null ? null : true;
}

/**
 * Regions by the shared heuristics: every dialog
 * (role=dialog/alertdialog, <dialog>, aria-modal), and every fixed or sticky
 * element that holds a button (or a sizeable frame) and some text, is not a
 * header or navigation, not most of the page, does not hold the page's h1,
 * and lies in no other region. A sticky element narrower than 60% of the
 * viewport is not a region; when its width needs layout, or a frame's size
 * does, the choice is recorded as uncertain.
 */
export function assignRegions(index: PageIndex, counts: SubtreeCounts, viewport: { width: number; height: number }): RegionAssignment {
  const page: Region = {
    id: PAGE_REGION_ID,
    kind: "page",
    selector: "html",
    headings: [],
    label: "",
    visible: true,
    box: { x: 0, y: 0, width: viewport.width, height: viewport.height },
  };
  const lengths = counts.text;
  const topRoot = index.elements.find((e) => e.parent === null && e.scope.doc.frameElement === null);
  const totalText = (topRoot ? lengths.get(topRoot) : 0) || 1;
  const firstH1 = index.elements.find((e) => e.scope.doc.frameElement === null && headingLevelOf(e) === 1);
  const uncertain: { info: ElementInfo; why: string }[] = [];

  const candidates = index.elements.filter((e) => isDialog(e) || e.style.position === "fixed" || e.style.position === "sticky");
  const explicit = candidates.filter(isDialog);
  const chosen = new Set<ElementInfo>(explicit);
  const inside = (inner: ElementInfo, outer: ElementInfo): boolean => inner !== outer && PageIndex.contains(outer, inner);
  for (const info of candidates) {
    if (isDialog(info)) continue;
    if (pageChrome(info.tag, roleAttr(info.el))) continue;
    const length = lengths.get(info) ?? 0;
    const doubts: string[] = [];
    if (!layerHasContent(counts.actions.get(info) ?? 0, length)) {
      const frame = sizeableFrame(info, index);
      if (frame === false) continue;
      if (frame === null) doubts.push(`whether ${info.selector} is a banner depends on the size of the frame inside it`);
    }
    if (layerDominates(length, totalText) && info.scope.doc.frameElement === null) continue;
    if (firstH1 && inside(firstH1, info)) continue;
    if (info.style.position === "sticky") {
      const width = info.style.lengthPx("width");
      if (width !== null && stickyTooNarrow(width, viewport.width)) continue;
      if (width === null) doubts.push(`whether the sticky ${info.selector} is a banner depends on its laid-out width`);
    }
    if (candidates.some((other) => inside(info, other) && chosen.has(other))) continue;
    if (explicit.some((d) => inside(d, info))) continue;
    chosen.add(info);
    for (const why of doubts) uncertain.push({ info, why });
  }

  const flow = topRoot ? flowBanners(index, counts, topRoot, firstH1, [...chosen]) : [];
  const regions: Region[] = [page];
  const roots = new Map<ElementInfo, Region>();
  for (const info of [...candidates.filter((c) => chosen.has(c)), ...flow].sort((a, b) => a.order - b.order)) {
    const region: Region = {
      id: `r${regions.length}`,
      kind: isDialog(info) ? "dialog" : "banner",
      selector: info.selector,
      headings: [],
      label: regionLabel(info, index),
      visible: isShownBox(info.visibility) && !info.visibility.clipped && info.visibility.opacity > 0.05,
      box: { ...ZERO_BOX },
      ...(flow.includes(info) ? { tentativeOf: PAGE_REGION_ID } : {}),
    };
    regions.push(region);
    roots.set(info, region);
  }
  const ofElement = new Map<ElementInfo, string>();
  const regionOf = (info: ElementInfo): string => {
    const known = ofElement.get(info);
    if (known !== undefined) return known;
    const own = roots.get(info);
    let id: string;
    if (own) id = own.id;
    else if (info.parent) id = regionOf(info.parent);
    else id = info.scope.doc.frameElement ? regionOf(info.scope.doc.frameElement) : PAGE_REGION_ID;
    ofElement.set(info, id);
    return id;
  };
  return { regions, regionOf, uncertain, roots: new Map([...roots].map(([info, region]) => [region.id, info])) };
}

/** Form fields a person fills in (not boxes, radios or buttons): a notice bar holds none. */
const FIELD_TAGS = new Set(["select", "textarea"]);
const NOT_FIELD_INPUTS = new Set(["checkbox", "radio", "hidden", "submit", "button", "reset", "image"]);

function isField(info: ElementInfo): boolean {
  if (FIELD_TAGS.has(info.tag)) return true;
  return info.tag === "input" && !NOT_FIELD_INPUTS.has((attr(info.el, "type") ?? "text").trim().toLowerCase());
}

/**
 * As the browser extractor does: a notice bar in the page's flow (first or
 * last shown child of the body, with a button, some text and no form fields
 * of its own, not holding the page's h1) may be a cookie notice without any
 * role or position. Tentative: it stands apart only if it asks for consent.
 */
function flowBanners(
  index: PageIndex,
  counts: SubtreeCounts,
  topRoot: ElementInfo,
  firstH1: ElementInfo | undefined,
  chosen: readonly ElementInfo[],
): ElementInfo[] {
  const body = index.elements.find((e) => e.parent === topRoot && e.tag === "body");
  if (!body) return [];
  const shown = index.elements.filter(
    (e) =>
      e.parent === body &&
      !e.visibility.displayNone &&
      (counts.text.get(e) ?? 0) > 0 &&
      !["script", "style", "noscript", "template"].includes(e.tag),
  );
  if (shown.length < 2) return [];
  const out: ElementInfo[] = [];
  for (const info of new Set([shown[0], shown[shown.length - 1]])) {
    const role = roleAttr(info.el);
    if (["main", "form", "header", "nav"].includes(info.tag) || role === "main" || role === "navigation") continue;
    if ((counts.actions.get(info) ?? 0) < 1 || (counts.text.get(info) ?? 0) < 20) continue;
    if (firstH1 && PageIndex.contains(info, firstH1)) continue;
    let fields = false;
    for (let i = info.order + 1; i <= info.end && !fields; i++) fields = isField(index.elements[i]);
    if (fields) continue;
    if (chosen.some((c) => c === info || PageIndex.contains(c, info) || PageIndex.contains(info, c))) continue;
    out.push(info);
  }
  return out;
}

function regionLabel(info: ElementInfo, index: PageIndex): string {
  if (attr(info.el, "aria-label") === null && attr(info.el, "aria-labelledby") === null) return "";
  return accessibleName(info, index);
}

export interface GroupAssignment {
  /** The groups of the elements asked about so far, in the order they were first met. */
  groups: Group[];
  groupOf(info: ElementInfo): string | null;
}

const GROUP_KIND_RANK: Record<Group["kind"], number> = { section: 0, fieldset: 1, form: 2 };

/**
 * Assigns groups by the shared heuristics (`groupsAsSection`): the form owner, else the
 * nearest fieldset, else the nearest element (not html or body) holding an
 * action and some other content (text outside buttons, a control or a
 * field); an element of a frame with none takes its frame element's group.
 */
export function assignGroups(index: PageIndex, regions: RegionAssignment, counts: SubtreeCounts): GroupAssignment {
  const { actions, content } = counts;
  const groups: Group[] = [];
  const byRoot = new Map<ElementInfo, Group>();
  const register = (root: ElementInfo, kind: Group["kind"]): Group => {
    let group = byRoot.get(root);
    if (!group) {
      group = { id: `g${groups.length + 1}`, kind, selector: root.selector, regionId: regions.regionOf(root) };
      groups.push(group);
      byRoot.set(root, group);
    } else if (GROUP_KIND_RANK[kind] > GROUP_KIND_RANK[group.kind]) group.kind = kind;
    return group;
  };
  const rootOf = (info: ElementInfo): { root: ElementInfo; kind: Group["kind"] } | null => {
    const form = formOwner(info, (id) => index.byId(info.scope, id));
    if (form) return { root: form, kind: "form" };
    for (let p = info.parent; p; p = p.parent) if (p.tag === "fieldset") return { root: p, kind: "fieldset" };
    let last: ElementInfo = info;
    for (let p: ElementInfo | null = info; p; p = p.parent) {
      if (groupsAsSection(p.tag, actions.get(p) ?? 0, content.get(p) ?? 0)) return { root: p, kind: "section" };
      last = p;
    }
    const frame = last.scope.doc.frameElement;
    return frame ? rootOf(frame) : null;
  };
  const memo = new Map<ElementInfo, string | null>();
  return {
    groups,
    groupOf: (info) => {
      let id = memo.get(info);
      if (id === undefined) {
        const found = rootOf(info);
        id = found ? register(found.root, found.kind).id : null;
        memo.set(info, id);
      }
      return id;
    },
  };
}
