/**
 * Groups in the page: what a control, action or text block is submitted or
 * read with: its form (by the form owner, or the form around it), else its
 * fieldset, else the nearest section holding a button and some content, else
 * the group of the frame element around the document.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { Group } from "../../model.js";
import type * as RegionRules from "../../heuristics/regions.js";
import type * as RegionFns from "./regions.js";
import type * as SelectorFns from "./selectors.js";
import type { Info, Pass } from "./pass.js";

declare const groupsAsSection: typeof RegionRules.groupsAsSection;
declare const regionOf: typeof RegionFns.regionOf;
declare const selectorOf: typeof SelectorFns.selectorOf;

/** The id of the group an element stands for, made the first time it is asked. */
export function groupFor(pass: Pass, info: Info, kind: Group["kind"]): string {
  let id = pass.groupOfEl.get(info.el);
  if (id === undefined) {
    id = `${pass.prefix}g${++pass.groupCount}`;
    pass.groupOfEl.set(info.el, id);
    pass.groups.push({ id, kind, selector: selectorOf(pass, info.el), regionId: regionOf(pass, info) });
  }
  return id;
}

/** The form an element belongs to: its form owner (form="" included) when read, else the form around it. */
export function formOf(pass: Pass, info: Info): Info | null {
  const owner = (info.el as HTMLInputElement).form;
  if (owner && typeof owner === "object" && pass.dom.tagOf(owner) === "form") {
    const known = pass.infos.get(owner);
    if (known) return known;
  }
  for (let cur = info.parent; cur; cur = cur.parent) if (cur.tag === "form") return cur;
  return null;
}

/** The nearest section around an element that holds a button and some content (not html or body), if any. */
export function sectionOf(info: Info): Info | null {
  for (let cur: Info | null = info; cur; cur = cur.parent) {
    if (groupsAsSection(cur.tag, cur.actionCount, cur.contentLen)) return cur;
  }
  return null;
}

/** The id of an element's group (form, fieldset, section, or the frame element's), remembered on the element. */
export function groupOf(pass: Pass, info: Info): string | null {
  if (info.group !== undefined) return info.group;
  let id: string | null = null;
  const form = formOf(pass, info);
  if (form) id = groupFor(pass, form, "form");
  else {
    let fieldset: Info | null = null;
    for (let cur = info.parent; cur; cur = cur.parent) {
      if (cur.tag === "fieldset") {
        fieldset = cur;
        break;
      }
    }
    if (fieldset) id = groupFor(pass, fieldset, "fieldset");
    else {
      const section = sectionOf(info);
      id = section ? groupFor(pass, section, "section") : pass.ctx.groupId;
    }
  }
  info.group = id;
  return id;
}
