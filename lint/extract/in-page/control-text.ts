/**
 * The text around a control, as a reader takes it: the sentence that is its
 * label (the nearest container with text and no other control, or the
 * sibling text on its side), the legend or ARIA label of its group, and the
 * question a radio group answers.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type * as SentenceFns from "../../heuristics/sentences.js";
import type * as DomFns from "./dom.js";
import type * as GroupFns from "./groups.js";
import type * as RegionFns from "./regions.js";
import type * as TextFns from "./text.js";
import type { Info, Pass, TextPick } from "./pass.js";

declare const labelsSitBefore: typeof SentenceFns.labelsSitBefore;
declare const norm: typeof DomFns.norm;
declare const formOf: typeof GroupFns.formOf;
declare const within: typeof RegionFns.within;
declare const textIn: typeof TextFns.textIn;
declare const idrefText: typeof TextFns.idrefText;
declare const tail: typeof TextFns.tail;
declare const usable: typeof TextFns.usable;
declare const plainPick: typeof TextFns.plainPick;

/** The controls and fields entered after walk order `from` and before `to`. */
export function itemsBetween(pass: Pass, from: number, to: number): Info[] {
  const items = pass.itemInfos;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].index <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: Info[] = [];
  for (let i = lo; i < items.length && items[i].index < to; i++) out.push(items[i]);
  return out;
}

/** Whether an element is or holds a control or field. */
export function holdsItems(pass: Pass, info: Info): boolean {
  return itemsBetween(pass, info.index - 1, info.exit).length > 0;
}

/** Files each radio under its group: same name in one form or root, or one role=radiogroup (or parent). */
export function indexRadios(pass: Pass): void {
  const rootIds = new Map<Node, number>();
  for (const info of pass.controlInfos) {
    const el = info.el;
    let key: string | null = null;
    if (info.tag === "input" && (el as HTMLInputElement).type === "radio" && (el as HTMLInputElement).name) {
      const form = formOf(pass, info);
      const scope: Node = form ? form.el : el.getRootNode();
      if (!rootIds.has(scope)) rootIds.set(scope, rootIds.size);
      key = `n${rootIds.get(scope)}\u241f${(el as HTMLInputElement).name}`;
    } else if (info.role === "radio") {
      const group = el.closest("[role=radiogroup]") ?? el.parentElement;
      if (group) {
        if (!rootIds.has(group)) rootIds.set(group, rootIds.size);
        key = `g${rootIds.get(group)}`;
      }
    }
    if (key !== null) {
      pass.radioKey.set(info, key);
      const list = pass.radioGroups.get(key) ?? [];
      list.push(info);
      pass.radioGroups.set(key, list);
    }
  }
}

/** Whether a container holds a control or field other than `control` and its radio group. */
export function otherItems(pass: Pass, container: Info, control: Info): boolean {
  const key = pass.radioKey.get(control);
  for (const item of itemsBetween(pass, container.index - 1, container.exit)) {
    if (item === control) continue;
    if (key !== undefined && pass.radioKey.get(item) === key) continue;
    return true;
  }
  return false;
}

/** The nearest element sibling the pass has read, after or before `el`. */
export function siblingInfo(pass: Pass, el: Element, next: boolean): Info | undefined {
  let sib = next ? el.nextElementSibling : el.previousElementSibling;
  while (sib && !pass.infos.has(sib)) sib = next ? sib.nextElementSibling : sib.previousElementSibling;
  return sib ? pass.infos.get(sib) : undefined;
}

/** Two boxes on one line: they overlap vertically by at least half the shorter one. */
export function sameLine(pass: Pass, a: Element, b: Element): boolean {
  const ra = pass.dom.rectOf(a);
  const rb = pass.dom.rectOf(b);
  if (ra.height <= 0 || rb.height <= 0) return false;
  const overlap = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
  return overlap >= 0.5 * Math.min(ra.height, rb.height);
}

/**
 * Whether the text before a control's wrapper, rather than the text after
 * it, is its label, when both are there and the wrapper sits among other
 * controls' wrappers ("Styling [x] Analytics [ ]"). The text on the
 * wrapper's line is its label; else the side the list puts labels on
 * (`labelsSitBefore`).
 */
export function labelBefore(pass: Pass, own: Info): boolean {
  const prev = siblingInfo(pass, own.el, false);
  const next = siblingInfo(pass, own.el, true);
  if (prev && next) {
    const onPrev = sameLine(pass, own.el, prev.el);
    const onNext = sameLine(pass, own.el, next.el);
    if (onPrev !== onNext) return onPrev;
  }
  const parent = own.el.parentElement;
  const kids = parent ? Array.from(parent.children).map((k) => pass.infos.get(k)).filter((k): k is Info => k !== undefined) : [own];
  const holder = (k: Info): boolean => k === own || holdsItems(pass, k);
  const content = kids.filter((k) => holder(k) || k.contentLen > 0);
  return labelsSitBefore(content.map(holder));
}

/**
 * The sentence a reader takes as the control's label: the nearest container
 * with text and no other control, or a sibling with text: the one after it
 * or the one before it, whichever `labelBefore` says is its own when both are.
 */
export function sentenceOf(pass: Pass, control: Info): TextPick {
  const limits = pass.k.sentence;
  let own = control;
  for (let depth = 0; depth < limits.depth; depth++) {
    const up = own.parent;
    if (!up || up.fs !== control.fs || up.tag === "body" || up.tag === "html") break;
    if (otherItems(pass, up, control)) break;
    const pick = textIn(pass, up, { limit: limits.scan });
    if (pick.length > limits.maxSentence) break;
    if (pass.k.REAL_TEXT.test(pick.text)) return pick;
    own = up;
  }
  const siblingPick = (info: Info | undefined): TextPick | null => {
    if (!info || holdsItems(pass, info)) return null;
    const pick = textIn(pass, info, { limit: limits.scan });
    return usable(pass, pick) ? pick : null;
  };
  const after = siblingPick(siblingInfo(pass, own.el, true));
  const before = siblingPick(siblingInfo(pass, own.el, false));
  if (after && before) return labelBefore(pass, own) ? before : after;
  return after ?? before ?? plainPick("");
}

/** The legend of the fieldset around a control, or the label of its ARIA group. */
export function legendOf(pass: Pass, control: Info): TextPick | null {
  const { childrenOf, tagOf, attr } = pass.dom;
  for (let cur = control.parent; cur && cur.fs === control.fs; cur = cur.parent) {
    if (cur.tag === "fieldset") {
      const legend = childrenOf(cur.el).find((c) => tagOf(c) === "legend");
      const info = legend ? pass.infos.get(legend) : undefined;
      return info ? textIn(pass, info) : null;
    }
    if (cur.role === "group" || cur.role === "radiogroup") {
      const labelled = idrefText(pass, cur.el, "aria-labelledby");
      if (labelled.text) return labelled;
      const label = norm(attr(cur.el, "aria-label") ?? "");
      if (label) return plainPick(label);
    }
  }
  return null;
}

/** The question a radio group answers: text inside the group before its first radio, or the text just before the group. */
export function questionOf(pass: Pass, radios: Info[]): TextPick | null {
  const first = radios[0];
  let lca: Info | null = first.parent;
  while (lca && !radios.every((r) => r === lca || within(r, lca as Info))) lca = lca.parent;
  if (!lca) return null;
  const inside = textIn(pass, lca, { before: first.index, skipLabels: true });
  const limits = pass.k.sentence;
  if (pass.k.REAL_TEXT.test(inside.text)) return tail(inside, limits.question);
  let node: Info | null = lca;
  for (let level = 0; level < 3 && node && node.fs === first.fs && node.tag !== "body"; level++) {
    let sib = node.el.previousElementSibling;
    for (let k = 0; k < 2 && sib; k++) {
      const info = pass.infos.get(sib);
      if (info && itemsBetween(pass, info.index - 1, info.exit).length === 0) {
        const pick = textIn(pass, info, { limit: limits.scan });
        if (pass.k.REAL_TEXT.test(pick.text)) return tail(pick, limits.question);
      }
      sib = sib.previousElementSibling;
    }
    node = node.parent;
  }
  return null;
}
