/** Look-ups over every styled element of the page and its frames: by node, by id within a tree, labels by their `for`. */
import { attr, isElement, tagOf, type Element, type ParentNode } from "./dom-nodes.js";
import type { ElementInfo, StyleScope } from "./styled-tree.js";

interface TreeLookups {
  ids: Map<string, Element>;
  labelsFor: Map<string, Element[]>;
}

export class PageIndex {
  readonly byElement = new Map<Element, ElementInfo>();
  readonly elements: ElementInfo[] = [];
  private readonly trees = new Map<ParentNode, TreeLookups>();

  add(infos: readonly ElementInfo[]): void {
    for (const info of infos) {
      this.elements.push(info);
      this.byElement.set(info.el, info);
    }
  }

  private lookups(scope: StyleScope): TreeLookups {
    let found = this.trees.get(scope.root);
    if (found) return found;
    const ids = new Map<string, Element>();
    const labelsFor = new Map<string, Element[]>();
    const walk = (node: ParentNode): void => {
      for (const child of node.children) {
        if (!isElement(child)) continue;
        const id = attr(child, "id");
        if (id && !ids.has(id)) ids.set(id, child);
        if (tagOf(child) === "label") {
          const target = attr(child, "for");
          if (target) labelsFor.set(target, [...(labelsFor.get(target) ?? []), child]);
        }
        if (tagOf(child) !== "template") walk(child);
      }
    };
    walk(scope.root);
    found = { ids, labelsFor };
    this.trees.set(scope.root, found);
    return found;
  }

  /** The first rendered element with this id in the same tree (document or shadow root). */
  byId(scope: StyleScope, id: string): ElementInfo | null {
    const el = this.lookups(scope).ids.get(id);
    return el ? (this.byElement.get(el) ?? null) : null;
  }

  /** Elements named by an id-list attribute (aria-labelledby, aria-describedby, aria-controls). */
  byIdList(info: ElementInfo, attribute: string): ElementInfo[] {
    const out: ElementInfo[] = [];
    for (const id of (attr(info.el, attribute) ?? "").split(/\s+/u)) {
      if (!id) continue;
      const ref = this.byId(info.scope, id);
      if (ref) out.push(ref);
    }
    return out;
  }

  /** `<label>` elements of a labelable element: label[for=id] in its tree and a wrapping label. */
  labelsOf(info: ElementInfo): ElementInfo[] {
    const out: ElementInfo[] = [];
    const id = attr(info.el, "id");
    if (id) {
      for (const label of this.lookups(info.scope).labelsFor.get(id) ?? []) {
        const l = this.byElement.get(label);
        if (l) out.push(l);
      }
    }
    for (let p = info.parent; p; p = p.parent) {
      if (p.scope !== info.scope) break;
      if (p.tag !== "label") continue;
      const target = attr(p.el, "for");
      if ((target === null || target === id) && !out.includes(p)) out.push(p);
      break;
    }
    return out.sort((a, b) => a.order - b.order);
  }

  /** `a` contains `b` in the flat tree (or is it). */
  static contains(a: ElementInfo, b: ElementInfo): boolean {
    return a.order <= b.order && b.order <= a.end;
  }
}
