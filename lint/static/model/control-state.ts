/**
 * Which elements are controls and what state their HTML gives them: native
 * checkboxes and radios (the `checked` attribute, the last one winning in a
 * radio group), ARIA checkboxes, switches, radios and menuitemcheckboxes
 * (aria-checked), aria-pressed toggle buttons, and selects (the `selected`
 * option, else the first; checked when one is selected, as the browser's
 * selectedIndex says).
 */
import type { CheckedSource, ControlKind, SelectOption } from "../../model.js";
import { attr, childElements, hasAttr, roleAttr, tagOf, type Element } from "./dom-nodes.js";
import { normaliseSpace } from "./element-text.js";
import { domText } from "./dom-nodes.js";
import type { ElementInfo } from "./styled-tree.js";

export interface ControlState {
  info: ElementInfo;
  kind: ControlKind;
  role: string;
  checked: boolean | "mixed";
  checkedSource: CheckedSource;
  defaultChecked: boolean;
  options?: SelectOption[];
  /** Radio group name (native name attribute). */
  groupName: string | null;
}

const ARIA_KINDS: Record<string, ControlKind> = {
  checkbox: "checkbox",
  switch: "switch",
  radio: "radio",
  menuitemcheckbox: "menuitemcheckbox",
};

function ariaState(value: string | null): boolean | "mixed" {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "true") return true;
  if (v === "mixed") return "mixed";
  return false;
}

/** The option elements of a select, optgroups entered, in order. */
function optionElements(select: Element): Element[] {
  const options: Element[] = [];
  const walk = (el: Element): void => {
    for (const child of childElements(el)) {
      const tag = tagOf(child);
      if (tag === "option") options.push(child);
      else if (tag === "optgroup") walk(child);
    }
  };
  walk(select);
  return options;
}

function selectOptions(select: Element, options: readonly Element[]): SelectOption[] {
  const multiple = hasAttr(select, "multiple");
  const explicit = options.filter((o) => hasAttr(o, "selected"));
  const chosen = new Set<Element>(multiple ? explicit : explicit.slice(-1));
  if (!multiple && chosen.size === 0) {
    const size = Number(attr(select, "size") ?? "1");
    const first = options.find((o) => !hasAttr(o, "disabled"));
    if (first && !(size > 1)) chosen.add(first);
  }
  return options.map((o) => {
    const text = normaliseSpace(domText(o));
    return { value: attr(o, "value") ?? text, text, selected: chosen.has(o) };
  });
}

/** The id of the radiogroup an ARIA radio sits in, which names its group. */
function radioGroupId(info: ElementInfo): string | null {
  for (let p: ElementInfo | null = info; p; p = p.parent) if (roleAttr(p.el) === "radiogroup") return attr(p.el, "id") || null;
  return null;
}

/** The control an element is, with the state its markup gives it; null for other elements. */
export function controlState(info: ElementInfo): ControlState | null {
  const el = info.el;
  const tag = info.tag;
  const role = roleAttr(el);
  if (tag === "input") {
    const type = (attr(el, "type") ?? "text").trim().toLowerCase();
    if (type !== "checkbox" && type !== "radio") return null;
    const checked = hasAttr(el, "checked");
    const kind: ControlKind = type === "radio" ? "radio" : role === "switch" ? "switch" : "checkbox";
    return {
      info,
      kind,
      role: kind === "switch" ? "switch" : type,
      checked,
      checkedSource: "dom-property",
      defaultChecked: checked,
      groupName: type === "radio" ? (attr(el, "name") ?? null) : null,
    };
  }
  if (tag === "select") {
    const elements = optionElements(el);
    const options = selectOptions(el, elements);
    const multiple = hasAttr(el, "multiple") || Number(attr(el, "size") ?? "1") > 1;
    return {
      info,
      kind: "select",
      role: role || (multiple ? "listbox" : "combobox"),
      checked: options.some((o) => o.selected),
      checkedSource: "selected-option",
      defaultChecked: elements.some((o) => hasAttr(o, "selected")),
      options,
      groupName: null,
    };
  }
  const ariaKind = ARIA_KINDS[role];
  if (ariaKind && hasAttr(el, "aria-checked")) {
    const checked = ariaState(attr(el, "aria-checked"));
    return {
      info,
      kind: ariaKind,
      role,
      checked,
      checkedSource: "aria-checked",
      defaultChecked: checked === true,
      groupName: ariaKind === "radio" ? radioGroupId(info) : null,
    };
  }
  const pressed = attr(el, "aria-pressed");
  if (pressed !== null && (tag === "button" || role === "button")) {
    const checked = ariaState(pressed);
    return {
      info,
      kind: "toggle-button",
      role: "button",
      checked,
      checkedSource: "aria-pressed",
      defaultChecked: checked === true,
      groupName: null,
    };
  }
  return null;
}

/** The form a form-associated element belongs to: its `form` attribute's target, else its nearest form ancestor. */
export function formOwner(info: ElementInfo, byId: (id: string) => ElementInfo | null): ElementInfo | null {
  const formId = attr(info.el, "form");
  if (formId) {
    const target = byId(formId);
    if (target && target.tag === "form") return target;
  }
  for (let p = info.parent; p; p = p.parent) if (p.tag === "form") return p;
  return null;
}

/**
 * Native radios of one group (same form owner and name) in document order:
 * only the last one with a `checked` attribute is checked, as in a browser.
 */
export function settleRadioGroups(controls: readonly ControlState[], ownerOf: (c: ControlState) => ElementInfo | null): void {
  const groups = new Map<string, ControlState[]>();
  for (const c of controls) {
    if (c.kind !== "radio" || c.checkedSource !== "dom-property" || !c.groupName) continue;
    const owner = ownerOf(c);
    const key = `${owner ? owner.order : `tree:${c.info.scope.prefix}`}\u241f${c.groupName}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    const lastChecked = [...group].reverse().find((c) => c.checked === true);
    for (const c of group) c.checked = c === lastChecked;
  }
}
