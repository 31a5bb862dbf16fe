/** Buttons, submit inputs and links styled as buttons (the candidates for a step's primary action), and form fields. */
import { attr, hasAttr, isElement, roleAttr, tagOf } from "./dom-nodes.js";
import type { ElementInfo } from "./styled-tree.js";

export interface ActionKind {
  role: string;
  type: string | null;
}

const INPUT_BUTTONS = new Set(["submit", "button", "image", "reset"]);
const BUTTON_CLASS = /(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])/iu;

/** A filled background of its own (colour, gradient or image). */
export function ownFill(info: ElementInfo): boolean {
  return info.style.ownBackgroundColour.a > 0.1 || info.style.ownGradient || info.style.ownBackgroundImage;
}

/** Whether the element is an action, and its role and type; aria-pressed toggles are controls, not actions. */
export function actionKind(info: ElementInfo): ActionKind | null {
  const el = info.el;
  const tag = info.tag;
  const role = roleAttr(el);
  const toggle = attr(el, "aria-pressed") !== null && (attr(el, "aria-pressed") ?? "").toLowerCase() !== "undefined";
  if (tag === "button") return toggle || (role !== "" && role !== "button") ? null : { role: "button", type: (attr(el, "type") ?? "submit").toLowerCase() };
  if (tag === "input") {
    const type = (attr(el, "type") ?? "").toLowerCase();
    return INPUT_BUTTONS.has(type) ? { role: "button", type } : null;
  }
  if (role === "button") return toggle ? null : { role: "button", type: null };
  if (tag === "a" && hasAttr(el, "href") && (role === "" || role === "link")) {
    const styled = BUTTON_CLASS.test(attr(el, "class") ?? "") || ownFill(info);
    return styled ? { role: "link", type: null } : null;
  }
  return null;
}

/** The element is disabled: the disabled attribute, a disabled fieldset around it (outside its first legend), or aria-disabled. */
export function isDisabled(info: ElementInfo): boolean {
  if ((attr(info.el, "aria-disabled") ?? "").toLowerCase() === "true") return true;
  const formElement = ["button", "input", "select", "textarea", "optgroup", "option", "fieldset"].includes(info.tag);
  if (!formElement) return false;
  if (hasAttr(info.el, "disabled")) return true;
  for (let p = info.parent; p; p = p.parent) {
    if (p.tag !== "fieldset" || !hasAttr(p.el, "disabled")) continue;
    const legend = p.el.children.find((c) => isElement(c) && tagOf(c) === "legend");
    let insideLegend = false;
    for (let q: ElementInfo | null = info; q && q !== p; q = q.parent) if (q.el === legend) insideLegend = true;
    if (!insideLegend) return true;
  }
  return false;
}

const FIELD_INPUTS = new Set(["text", "email", "tel", "password", "number", "search", "url", "date", "datetime-local", "month", "week", "time", "file", "color", "range"]);

/** The field type of a form field (text-like inputs and textareas); null for other elements. */
export function fieldType(info: ElementInfo): string | null {
  if (info.tag === "textarea") return "textarea";
  if (info.tag !== "input") return null;
  const type = (attr(info.el, "type") ?? "text").trim().toLowerCase() || "text";
  return FIELD_INPUTS.has(type) ? type : null;
}

/** The element is required: the required attribute or aria-required. */
export function isRequired(info: ElementInfo): boolean {
  return hasAttr(info.el, "required") || (attr(info.el, "aria-required") ?? "").toLowerCase() === "true";
}
