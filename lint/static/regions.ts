/**
 * Regions and groups. The page is a region, and so is every dialog
 * (role=dialog/alertdialog, <dialog>, aria-modal) and every fixed or sticky
 * element holding buttons (a banner). Groups are forms, fieldsets outside
 * forms, and otherwise the nearest container holding a button.
 */
import type { Group, Region } from "../model.js";
import { accessibleName } from "./accessible-name.js";
import { formOwner } from "./control-state.js";
import { attr, roleAttr } from "./dom-nodes.js";
import type { PageIndex } from "./page-index.js";
import type { ElementInfo } from "./styled-tree.js";
import { ZERO_BOX } from "./text-runs.js";
import { isShownBox } from "./visibility.js";

export const PAGE_REGION_ID = "page";

function isDialog(info: ElementInfo): boolean {
  const role = roleAttr(info.el);
  return role === "dialog" || role === "alertdialog" || info.tag === "dialog" || (attr(info.el, "aria-modal") ?? "").toLowerCase() === "true";
}

export interface RegionAssignment {
  regions: Region[];
  regionOf(info: ElementInfo): string;
  /** The element is the root of a dialog or banner region. */
  isRegionRoot(info: ElementInfo): boolean;
}

/** Ancestors holding an action, and those holding one outside any dialog nested in them. */
function actionHolders(actions: readonly ElementInfo[]): { any: Set<ElementInfo>; outsideDialogs: Set<ElementInfo> } {
  const any = new Set<ElementInfo>();
  const outsideDialogs = new Set<ElementInfo>();
  for (const action of actions) {
    let inDialog = false;
    for (let p = action.parent; p; p = p.parent) {
      any.add(p);
      if (!inDialog) outsideDialogs.add(p);
      if (isDialog(p)) inDialog = true;
    }
  }
  return { any, outsideDialogs };
}

export function assignRegions(index: PageIndex, actions: readonly ElementInfo[], viewport: { width: number; height: number }): RegionAssignment & { holdsAction: ReadonlySet<ElementInfo> } {
  const holders = actionHolders(actions);
  const page: Region = { id: PAGE_REGION_ID, kind: "page", selector: "html", headings: [], label: "", visible: true, box: { x: 0, y: 0, width: viewport.width, height: viewport.height } };
  const regions: Region[] = [page];
  const roots = new Map<ElementInfo, Region>();
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
  for (const info of index.elements) {
    const dialog = isDialog(info);
    const outer = regionOf(info.parent ?? info) !== PAGE_REGION_ID && info.parent !== null;
    const fixed = info.style.position === "fixed" || info.style.position === "sticky";
    const banner = !dialog && fixed && !outer && holders.outsideDialogs.has(info) && info.tag !== "body" && info.tag !== "html";
    if (!dialog && !banner) continue;
    const region: Region = {
      id: `r${regions.length}`,
      kind: dialog ? "dialog" : "banner",
      selector: info.selector,
      headings: [],
      label: regionLabel(info, index),
      visible: isShownBox(info.visibility),
      box: { ...ZERO_BOX },
    };
    regions.push(region);
    roots.set(info, region);
    ofElement.delete(info);
  }
  return { regions, regionOf, isRegionRoot: (info) => roots.has(info), holdsAction: holders.any };
}

function regionLabel(info: ElementInfo, index: PageIndex): string {
  if (attr(info.el, "aria-label") === null && attr(info.el, "aria-labelledby") === null) return "";
  return accessibleName(info, index);
}

export interface GroupAssignment {
  groups: Group[];
  groupOf(info: ElementInfo): string | null;
}

/** Assigns groups: the form owner, else a fieldset, else the nearest container holding a button (inside the element's region). */
export function assignGroups(
  index: PageIndex,
  regions: RegionAssignment,
  holdsAction: ReadonlySet<ElementInfo>,
  isAction: (info: ElementInfo) => boolean,
): GroupAssignment {
  const byRoot = new Map<ElementInfo, Group>();
  const register = (root: ElementInfo, kind: Group["kind"]): void => {
    if (!byRoot.has(root)) byRoot.set(root, { id: "", kind, selector: root.selector, regionId: regions.regionOf(root) });
  };
  const rootOf = (info: ElementInfo): { root: ElementInfo; kind: Group["kind"] } | null => {
    const form = formOwner(info, (id) => index.byId(info.scope, id));
    if (form) return { root: form, kind: "form" };
    for (let p = info.parent; p; p = p.parent) if (p.tag === "fieldset") return { root: p, kind: "fieldset" };
    for (let p: ElementInfo | null = isAction(info) ? info.parent : info; p; p = p.parent) {
      if (p.tag === "body" || p.tag === "html") return null;
      if (holdsAction.has(p)) return { root: p, kind: "section" };
      if (regions.isRegionRoot(p)) return null;
    }
    return null;
  };
  const cache = new Map<ElementInfo, ElementInfo | null>();
  for (const info of index.elements) {
    const found = rootOf(info);
    cache.set(info, found ? found.root : null);
    if (found) register(found.root, found.kind);
  }
  const ordered = [...byRoot.entries()].sort((a, b) => a[0].order - b[0].order);
  const ids = new Map<ElementInfo, string>();
  ordered.forEach(([root, g], i) => {
    g.id = `g${i + 1}`;
    ids.set(root, g.id);
  });
  return {
    groups: ordered.map(([, g]) => g),
    groupOf: (info) => {
      const root = cache.has(info) ? cache.get(info) : rootOf(info)?.root;
      return root ? (ids.get(root) ?? null) : null;
    },
  };
}
