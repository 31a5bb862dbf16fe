/**
 * Actions, links and form fields in the page: buttons (and links drawn as
 * buttons) with their text, size and how they are painted, links drawn as
 * text with short text, and the fields a form asks for, with their labels.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { ActionElement, FormField } from "../../model.js";
import type * as ControlFns from "./controls.js";
import type * as DomFns from "./dom.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as GroupFns from "./groups.js";
import type * as PaintFns from "./paint.js";
import type * as RegionFns from "./regions.js";
import type * as SelectorFns from "./selectors.js";
import type * as TextFns from "./text.js";
import type * as VisibilityFns from "./visibility.js";
import type * as PassFns from "./pass.js";
import type { Info, Pass } from "./pass.js";

declare const labelsOf: typeof ControlFns.labelsOf;
declare const disabledOf: typeof ControlFns.disabledOf;
declare const norm: typeof DomFns.norm;
declare const boxArea: typeof GeometryFns.boxArea;
declare const cssPx: typeof GeometryFns.cssPx;
declare const round2: typeof GeometryFns.round2;
declare const roundBox: typeof GeometryFns.roundBox;
declare const groupOf: typeof GroupFns.groupOf;
declare const layerOf: typeof PaintFns.layerOf;
declare const filledLayer: typeof PaintFns.filledLayer;
declare const actionPaint: typeof PaintFns.actionPaint;
declare const addNote: typeof PassFns.addNote;
declare const regionOf: typeof RegionFns.regionOf;
declare const selectorOf: typeof SelectorFns.selectorOf;
declare const textIn: typeof TextFns.textIn;
declare const idrefText: typeof TextFns.idrefText;
declare const visibilityFacts: typeof VisibilityFns.visibilityFacts;
declare const elementBox: typeof VisibilityFns.elementBox;

/** The text an action shows or is named by: labelled-by, aria-label, value or content, title, an input's default. */
export function actionText(pass: Pass, info: Info): string {
  const el = info.el;
  const attr = pass.dom.attr;
  const input = info.tag === "input" ? (el as HTMLInputElement) : null;
  const defaultInputText = input ? (input.type === "submit" ? "Submit" : input.type === "reset" ? "Reset" : "") : "";
  return (
    idrefText(pass, el, "aria-labelledby").text ||
    norm(attr(el, "aria-label") ?? "") ||
    (input ? norm(input.value) || norm(input.alt ?? "") : textIn(pass, info).text) ||
    norm(attr(el, "title") ?? "") ||
    defaultInputText
  );
}

/** The model's record of an action (or, with `letter` "l", a link), numbered `n` in the pass. */
export function actionRecord(pass: Pass, info: Info, n: number, letter = "a", knownText?: string): ActionElement {
  const el = info.el;
  const input = info.tag === "input" ? (el as HTMLInputElement) : null;
  const text = knownText ?? actionText(pass, info);
  const visibleText = (input ? norm(input.value) : textIn(pass, info).text) || text;
  const { box, local } = elementBox(pass, info);
  const { v, bg: hitBg, behind: hitBehind } = visibilityFacts(pass, info, box, local, el);
  const behind = info.parent ? info.parent.bg : pass.ctx.background;
  const filled = filledLayer(layerOf(pass, info.style), behind);
  const type = info.tag === "button" ? (el as HTMLButtonElement).type : input ? input.type : null;
  return {
    id: `${pass.prefix}${letter}${n}`,
    text,
    visibleText,
    tag: info.tag,
    role: info.role || (info.tag === "a" ? "link" : "button"),
    type,
    disabled: disabledOf(el),
    area: round2(boxArea(box)),
    fontPx: round2(cssPx(info.style.fontSize)),
    filled,
    ...actionPaint(pass, info, hitBg, hitBehind),
    box: roundBox(box),
    visibility: v,
    selector: selectorOf(pass, el),
    groupId: groupOf(pass, info),
    regionId: regionOf(pass, info),
    framePath: info.fs.framePath,
  };
}

/** The pass's actions, in walk order. */
export function buildActions(pass: Pass): ActionElement[] {
  return pass.actionInfos.map((info, i) => actionRecord(pass, info, i + 1));
}

/** Links a pass records at most; the rest are left out, with a note. */
export function maxLinks(): number {
  return 400;
}

/**
 * The pass's links drawn as text (those drawn as buttons are actions), in
 * walk order: rendered, not inside an action, with text of 1 to 60
 * characters; at most `maxLinks()`, the first ones, with a "links-capped"
 * note when more were left out.
 */
export function buildLinks(pass: Pass): ActionElement[] {
  const out: ActionElement[] = [];
  const max = maxLinks();
  for (const info of pass.linkInfos) {
    if (info.displayNone || info.inAction) continue;
    const text = actionText(pass, info);
    if (!text || Array.from(text).length > 60) continue;
    if (out.length >= max) {
      addNote(
        pass,
        "links-capped",
        `The page has more than ${max} links drawn as text${pass.prefix ? " in a frame" : ""}; only the first ${max} were read`,
      );
      break;
    }
    out.push(actionRecord(pass, info, out.length + 1, "l", text));
  }
  return out;
}

/** The label of a form field: its labels, labelled-by, aria-label, placeholder or title. */
export function fieldLabel(pass: Pass, el: Element): string {
  const attr = pass.dom.attr;
  const labels = labelsOf(el)
    .map((label) => {
      const li = pass.infos.get(label);
      return li ? textIn(pass, li).text : norm(label.textContent ?? "");
    })
    .join(" ");
  return (
    norm(labels) ||
    idrefText(pass, el, "aria-labelledby").text ||
    norm(attr(el, "aria-label") ?? "") ||
    norm(attr(el, "placeholder") ?? "") ||
    norm(attr(el, "title") ?? "")
  );
}

/** The pass's form fields that are rendered, in walk order. */
export function buildFields(pass: Pass): FormField[] {
  const fields: FormField[] = [];
  for (const info of pass.fieldInfos) {
    if (info.displayNone) continue;
    const el = info.el;
    fields.push({
      type: info.tag === "input" ? (el as HTMLInputElement).type : info.tag,
      name: pass.dom.attr(el, "name") ?? "",
      label: fieldLabel(pass, el),
      required: (el as HTMLInputElement).required === true || pass.dom.attr(el, "aria-required") === "true",
      groupId: groupOf(pass, info),
      regionId: regionOf(pass, info),
    });
  }
  return fields;
}
