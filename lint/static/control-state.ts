/**
 * Which elements are controls and what state their HTML gives them: native
 * checkboxes and radios (the `checked` attribute, the last one winning in a
 * radio group), ARIA checkboxes, switches, radios and menuitemcheckboxes
 * (aria-checked), aria-pressed toggle buttons, and selects (the `selected`
 * option, else the first).
 */
import type { CheckedSource, ControlKind, SelectOption } from "../model.js";
import { attr, childElements, hasAttr, isElement, roleAttr, tagOf, type Element } from "./dom-nodes.js";
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

function selectOptions(select: Element): SelectOption[] {
  const options: Element[] = [];
  const walk = (el: Element): void => {
    for (const child of childElements(el)) {
      const tag = tagOf(child);
      if (tag === "option") options.push(child);
      else if (tag === "optgroup") walk(child);
    }
  };
  walk(select);
  const multiple = hasAttr(select, "multiple");
  const explicit = options.filter((o) => hasAttr(o, "selected"));
  const chosen = new Set<Element>(multiple ? explicit : explicit.slice(-1));
  if (!multiple && chosen.size === 0) {
    const size = Number(attr(select, "size") ?? "1");
    const first = options.find((o) => !hasAttr(o, "disabled"));
    if (first && !(size > 1)) chosen.add(first);
  }
  return options.map((o) => {
    const text = normaliseSpace(attr(o, "label") ?? domText(o));
    return { value: attr(o, "value") ?? text, text, selected: chosen.has(o) };
  });
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
    const options = selectOptions(el);
    const multiple = hasAttr(el, "multiple") || Number(attr(el, "size") ?? "1") > 1;
    return {
      info,
      kind: "select",
      role: multiple ? "listbox" : "combobox",
      checked: false,
      checkedSource: "selected-option",
      defaultChecked: childElements(el).some((c) => isElement(c) && hasAttr(c, "selected")),
      options,
      groupName: null,
    };
  }
  const ariaKind = ARIA_KINDS[role];
  if (ariaKind && hasAttr(el, "aria-checked")) {
    const checked = ariaState(attr(el, "aria-checked"));
    return { info, kind: ariaKind, role, checked, checkedSource: "aria-checked", defaultChecked: checked === true, groupName: null };
  }
  const pressed = attr(el, "aria-pressed");
  if (pressed !== null && pressed.trim().toLowerCase() !== "undefined" && (tag === "button" || role === "button")) {
    const checked = ariaState(pressed);
    return { info, kind: "toggle-button", role: "button", checked, checkedSource: "aria-pressed", defaultChecked: checked === true, groupName: null };
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
