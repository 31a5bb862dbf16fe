/**
 * Controls in the page: checkboxes, radios, switches, selects and toggle
 * buttons with their live state (DOM property, selected option, ARIA
 * attribute), their accessible name and the texts around them, and the
 * text blocks those texts came from.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { CheckedSource, Control, ControlKind, SelectOption } from "../../model.js";
import type * as ControlTextFns from "./control-text.js";
import type * as DomFns from "./dom.js";
import type * as GeometryFns from "./css-geometry.js";
import type * as GroupFns from "./groups.js";
import type * as RegionFns from "./regions.js";
import type * as SelectorFns from "./selectors.js";
import type * as TextFns from "./text.js";
import type * as VisibilityFns from "./visibility.js";
import type { BlockAcc, Info, Pass, TextPick } from "./pass.js";

declare const sentenceOf: typeof ControlTextFns.sentenceOf;
declare const legendOf: typeof ControlTextFns.legendOf;
declare const questionOf: typeof ControlTextFns.questionOf;
declare const indexRadios: typeof ControlTextFns.indexRadios;
declare const norm: typeof DomFns.norm;
declare const roundBox: typeof GeometryFns.roundBox;
declare const groupOf: typeof GroupFns.groupOf;
declare const regionOf: typeof RegionFns.regionOf;
declare const selectorOf: typeof SelectorFns.selectorOf;
declare const shadowPathOf: typeof SelectorFns.shadowPathOf;
declare const textIn: typeof TextFns.textIn;
declare const idrefText: typeof TextFns.idrefText;
declare const visibilityFacts: typeof VisibilityFns.visibilityFacts;
declare const elementBox: typeof VisibilityFns.elementBox;

/** A control's kind and state as the page holds it now, and the role it exposes. */
export interface ControlState {
  kind: ControlKind;
  checked: boolean | "mixed";
  checkedSource: CheckedSource;
  defaultChecked: boolean;
  computedRole: string;
  options?: SelectOption[];
}

/** The `<label>` elements of a labelable element. */
export function labelsOf(el: Element): Element[] {
  const labels = (el as HTMLInputElement).labels;
  return labels ? Array.from(labels) : [];
}

/** Disabled as a form control, or inside an element marked aria-disabled. */
export function disabledOf(el: Element): boolean {
  try {
    if (el.matches(":disabled")) return true;
  } catch {
    /* not a form control */
  }
  return el.closest('[aria-disabled="true"]') !== null;
}

/** The id of the role=radiogroup around an element, if it has one. */
export function radioGroupId(pass: Pass, el: Element): string | null {
  const group = el.closest("[role=radiogroup]");
  return group ? pass.dom.idOf(group) || null : null;
}

/** An ARIA state attribute read as true, false or "mixed". */
export function ariaState(pass: Pass, el: Element, name: string): boolean | "mixed" {
  const v = (pass.dom.attr(el, name) ?? "").trim().toLowerCase();
  return v === "true" ? true : v === "mixed" ? "mixed" : false;
}

/** The live state of a control: a native input's or select's DOM properties, else its ARIA attribute. */
export function controlState(pass: Pass, info: Info): ControlState {
  const { el, tag, role } = info;
  if (tag === "input") {
    const input = el as HTMLInputElement;
    return {
      kind: role === "switch" ? "switch" : input.type === "radio" ? "radio" : "checkbox",
      checked: input.type === "checkbox" && input.indeterminate ? "mixed" : input.checked,
      checkedSource: "dom-property",
      defaultChecked: input.defaultChecked,
      computedRole: role || input.type,
    };
  }
  if (tag === "select") {
    const select = el as HTMLSelectElement;
    const options = Array.from(select.options).map((o) => ({ value: o.value, text: norm(o.text), selected: o.selected }));
    return {
      kind: "select",
      options,
      checked: select.selectedIndex >= 0,
      checkedSource: "selected-option",
      defaultChecked: Array.from(select.options).some((o) => o.defaultSelected),
      computedRole: role || (select.multiple || select.size > 1 ? "listbox" : "combobox"),
    };
  }
  if (pass.k.CONTROL_ROLES.has(role)) {
    const checked = ariaState(pass, el, "aria-checked");
    return { kind: role as ControlKind, checked, checkedSource: "aria-checked", defaultChecked: checked === true, computedRole: role };
  }
  const checked = ariaState(pass, el, "aria-pressed");
  return { kind: "toggle-button", checked, checkedSource: "aria-pressed", defaultChecked: checked === true, computedRole: "button" };
}

/** The texts of a control, and the text blocks they were taken from. */
export interface ControlTexts {
  name: string;
  labelText: string;
  labelledBy: string;
  sentence: string;
  describedBy: string;
  groupLabel: string;
  groupName: string | null;
  blocks: BlockAcc[];
}

/** A control's name (accessible name order), label, sentence, description and group label. */
export function controlTexts(pass: Pass, info: Info, kind: ControlKind): ControlTexts {
  const { el, tag } = info;
  const attr = pass.dom.attr;
  const blocks: BlockAcc[] = [];
  const take = (pick: TextPick | null): string => {
    if (!pick) return "";
    for (const b of pick.blocks) if (!blocks.includes(b)) blocks.push(b);
    return pick.text;
  };
  const labelText = norm(
    labelsOf(el)
      .map((label) => {
        const li = pass.infos.get(label);
        return li ? take(textIn(pass, li)) : norm(label.textContent ?? "");
      })
      .join(" "),
  );
  const labelledBy = take(idrefText(pass, el, "aria-labelledby"));
  const ariaLabel = norm(attr(el, "aria-label") ?? "");
  const fromContent = tag !== "input" && tag !== "select" ? take(textIn(pass, info)) : "";
  const name = labelledBy || ariaLabel || labelText || fromContent || norm(attr(el, "title") ?? "") || norm(attr(el, "placeholder") ?? "");
  const sentence = take(sentenceOf(pass, info));
  const describedBy = take(idrefText(pass, el, "aria-describedby"));
  let groupLabel = "";
  let groupName: string | null = null;
  const legend = legendOf(pass, info);
  if (kind === "radio") {
    const key = pass.radioKey.get(info);
    const members = key !== undefined ? pass.radioGroups.get(key) ?? [info] : [info];
    groupName = tag === "input" ? (el as HTMLInputElement).name || null : radioGroupId(pass, el);
    groupLabel = take(legend) || take(questionOf(pass, members));
  } else {
    groupLabel = take(legend);
  }
  return { name, labelText, labelledBy, sentence, describedBy, groupLabel, groupName, blocks };
}

/** Links a control and the text blocks its texts came from, both ways; the blocks' ids. */
export function linkBlocks(pass: Pass, id: string, blocks: BlockAcc[]): string[] {
  const textBlockIds: string[] = [];
  for (const acc of blocks) {
    const block = pass.blockOfAcc.get(acc);
    if (!block) continue;
    if (!textBlockIds.includes(block.id)) textBlockIds.push(block.id);
    if (!block.controlIds.includes(id)) block.controlIds.push(id);
  }
  return textBlockIds;
}

/** The model's record of a control. */
export function controlRecord(pass: Pass, info: Info): Control {
  const { el, tag, role } = info;
  const state = controlState(pass, info);
  const t = controlTexts(pass, info, state.kind);
  const id = `${pass.prefix}c${++pass.controlCount}`;
  const { box, local } = elementBox(pass, info);
  const { v } = visibilityFacts(pass, info, box, local, el);
  const textBlockIds = linkBlocks(pass, id, t.blocks);
  return {
    id,
    kind: state.kind,
    role: state.computedRole,
    tag,
    name: t.name,
    labelText: t.labelText || (pass.k.CONTROL_ROLES.has(role) || state.kind === "toggle-button" ? t.labelledBy : ""),
    sentenceText: t.sentence,
    describedByText: t.describedBy,
    groupLabel: t.groupLabel,
    groupName: t.groupName,
    checked: state.checked,
    checkedSource: state.checkedSource,
    defaultChecked: state.defaultChecked,
    ...(state.options ? { options: state.options } : {}),
    required: (el as HTMLInputElement).required === true || pass.dom.attr(el, "aria-required") === "true",
    disabled: disabledOf(el),
    textBlockIds,
    selector: selectorOf(pass, el),
    framePath: info.fs.framePath,
    shadowPath: shadowPathOf(pass, el),
    box: roundBox(box),
    visibility: v,
    groupId: groupOf(pass, info),
    regionId: regionOf(pass, info),
    touchedByFlow: pass.dom.hasAttr(el, "data-consentlint-touched"),
  };
}

/** The pass's controls, in walk order. */
export function buildControls(pass: Pass): Control[] {
  indexRadios(pass);
  const controls: Control[] = [];
  for (const info of pass.controlInfos) controls.push(controlRecord(pass, info));
  return controls;
}
