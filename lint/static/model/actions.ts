/**
 * Buttons, submit inputs and links styled as buttons (the candidates for a
 * step's primary action) and how they are painted, links drawn as text, and
 * form fields, as the browser extractor tells them apart.
 */
import type { ActionElement, Rgba } from "../../model.js";
import { fillStandsOut, roundedColour, textContrast as contrastOn } from "../../heuristics/colour.js";
import { parseColour } from "../css/colour.js";
import { paddedLikeButton } from "../../heuristics/disclosures.js";
import { elementKinds } from "../../heuristics/element-kinds.js";
import type { EffectiveBackground } from "../css/computed-style.js";
import { attr, hasAttr, isElement, roleAttr, tagOf } from "./dom-nodes.js";
import type { ElementInfo } from "./styled-tree.js";
import { textContrast } from "./text-runs.js";

export interface ActionKind {
  role: string;
  type: string | null;
}

const KINDS = elementKinds();
const INPUT_BUTTONS = KINDS.actionInputs;
const CONTROL_ROLES = KINDS.controlRoles;
const BORDER_WIDTHS: Record<string, number> = { thin: 1, medium: 3, thick: 5 };
const SIDES = ["top", "right", "bottom", "left"];

/** The background colour the element's own background is seen against: its parent's (or the frame's). */
function behind(info: ElementInfo): EffectiveBackground {
  return info.style.parent ? info.style.parent.background : info.style.frameBackground;
}

/**
 * A filled background of its own, by the browser extractor's rule (`fillStandsOut`): a
 * gradient, or a colour at least half opaque that stands out from what is
 * behind it (contrast 1.1:1 or more). A background image does not count.
 */
export function ownFill(info: ElementInfo): boolean {
  const style = info.style;
  if (style.ownGradient) return true;
  if (style.ownBackgroundImage) return false;
  return fillStandsOut(style.ownBackgroundColour, behind(info).colours[0]);
}

function px(info: ElementInfo, property: string): number {
  const v = info.style.get(property);
  if (v === null) return 0;
  return BORDER_WIDTHS[v.trim().toLowerCase()] ?? info.style.lengthPx(property) ?? 0;
}

/** A link styled as a button: filled or bordered all round, and padded (12 px across, 4 px down). */
function looksLikeButton(info: ElementInfo): boolean {
  const bordered = SIDES.every(
    (s) =>
      px(info, `border-${s}-width`) >= 1 &&
      !["none", "hidden"].includes((info.style.get(`border-${s}-style`) ?? "none").trim().toLowerCase()),
  );
  const padded = paddedLikeButton(
    px(info, "padding-left") + px(info, "padding-right"),
    px(info, "padding-top") + px(info, "padding-bottom"),
  );
  return (ownFill(info) || bordered) && padded;
}

/** The worst contrast of `colour` (its alpha and `opacity` applied) against the colours behind; null when they are unknown. */
function contrastBehind(colour: Rgba, behindColours: readonly Rgba[], opacity: number): number | null {
  if (behindColours.length === 0) return null;
  let worst = Infinity;
  for (const c of behindColours) worst = Math.min(worst, contrastOn(colour, c, opacity));
  return worst;
}

/** The colours of a border drawn all round (each side at least 1px wide, of a style that draws, not wholly transparent); null without one. */
function borderColours(info: ElementInfo): Rgba[] | null {
  const out: Rgba[] = [];
  for (const s of SIDES) {
    const kind = (info.style.get(`border-${s}-style`) ?? "none").trim().toLowerCase();
    if (kind === "none" || kind === "hidden") return null;
    const width = info.style.get(`border-${s}-width`) === null ? BORDER_WIDTHS.medium : px(info, `border-${s}-width`);
    if (width < 1) return null;
    const colour = parseColour(info.style.get(`border-${s}-color`) ?? "currentcolor", info.style.color);
    if (!colour || colour.a <= 0) return null;
    out.push(colour);
  }
  return out;
}

/**
 * How an action or link is painted, as the browser extractor measures it
 * (see `ActionElement`): font weight, text colour, the background behind its
 * text and the text's contrast, its own solid fill's and its border's
 * contrast against what is behind it, and whether that draws it as a button.
 * `behindUnknown`: something other than its ancestors may be painted behind
 * it (painted-behind.ts), so what is behind is unknown, as over an image.
 */
export function actionPaint(
  info: ElementInfo,
  behindUnknown: boolean,
): Pick<ActionElement, "fontWeight" | "color" | "background" | "textContrast" | "fillContrast" | "borderContrast" | "buttonLike"> {
  const style = info.style;
  const under = behind(info);
  const unknown = behindUnknown || under.kind === "image" || under.colours.length === 0;
  const text = behindUnknown ? { background: null, contrast: null } : textContrast(info);
  const fillColour = !style.ownGradient && !style.ownBackgroundImage && style.ownBackgroundColour.a > 0 ? style.ownBackgroundColour : null;
  const fillContrast = fillColour && !unknown ? contrastBehind(fillColour, under.colours, style.ownOpacity) : null;
  const borders = borderColours(info);
  let borderContrast: number | null = null;
  if (borders && !unknown) {
    for (const c of borders) {
      const ratio = contrastBehind(c, under.colours, style.ownOpacity);
      if (ratio !== null && (borderContrast === null || ratio < borderContrast)) borderContrast = ratio;
    }
  }
  const opaqueEnough = (c: Rgba): boolean => c.a * style.ownOpacity >= 0.5;
  const buttonLike =
    style.ownGradient ||
    style.ownBackgroundImage ||
    (fillContrast !== null && fillContrast >= 1.5) ||
    (borderContrast !== null && borderContrast >= 1.5) ||
    (unknown && ((fillColour !== null && opaqueEnough(fillColour)) || (borders !== null && borders.every(opaqueEnough))));
  return {
    fontWeight: style.fontWeight,
    color: roundedColour(style.textColour),
    background: text.background,
    textContrast: text.contrast,
    fillContrast,
    borderContrast,
    buttonLike,
  };
}

/** Whether the element is a link drawn as text: `a[href]` or role=link that is neither an action nor a control. */
export function isTextLink(info: ElementInfo): boolean {
  const tag = info.tag;
  const role = roleAttr(info.el);
  if (tag === "input" || tag === "button" || tag === "select" || tag === "textarea" || role === "button" || CONTROL_ROLES.has(role))
    return false;
  if (!((tag === "a" && hasAttr(info.el, "href")) || role === "link")) return false;
  return actionKind(info) === null;
}

/** Whether the element is an action, and its role and type; aria-pressed toggles and ARIA checkboxes, switches and radios are controls, not actions. */
export function actionKind(info: ElementInfo): ActionKind | null {
  const el = info.el;
  const tag = info.tag;
  const role = roleAttr(el);
  if (tag === "input") {
    const type = inputType(info);
    return INPUT_BUTTONS.has(type) ? { role: role || "button", type } : null;
  }
  if (CONTROL_ROLES.has(role) || tag === "select" || tag === "textarea") return null;
  if (tag === "button" || role === "button") {
    if (hasAttr(el, "aria-pressed")) return null;
    return { role: role || "button", type: tag === "button" ? (attr(el, "type") ?? "submit").toLowerCase() : null };
  }
  if ((tag === "a" && hasAttr(el, "href")) || role === "link") return looksLikeButton(info) ? { role: role || "link", type: null } : null;
  return null;
}

/** The element is disabled: the disabled attribute, a disabled fieldset around it (outside its first legend), or aria-disabled="true" on it or an ancestor. */
export function isDisabled(info: ElementInfo): boolean {
  for (let p: ElementInfo | null = info; p; p = p.parent) if (attr(p.el, "aria-disabled") === "true") return true;
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

const FIELD_INPUTS = KINDS.fieldInputs;
const INPUT_TYPES = new Set([...FIELD_INPUTS, "hidden", "range", "color", "checkbox", "radio", "submit", "image", "reset", "button"]);
/** A select with more options than this is read as a form field as well as a control. */
const FIELD_SELECT_OPTIONS = 4;

/** An input's type as the DOM reports it: unknown types are "text". */
function inputType(info: ElementInfo): string {
  const type = (attr(info.el, "type") ?? "").trim().toLowerCase();
  return INPUT_TYPES.has(type) ? type : "text";
}

/** The field type of a form field (text-like inputs, textareas, selects with many options); null for other elements. */
export function fieldType(info: ElementInfo): string | null {
  if (info.tag === "textarea") return "textarea";
  if (info.tag === "select") {
    let options = 0;
    const count = (el: ElementInfo["el"]): void => {
      for (const c of el.children) {
        if (!isElement(c)) continue;
        if (tagOf(c) === "option") options++;
        else if (tagOf(c) === "optgroup") count(c);
      }
    };
    count(info.el);
    return options > FIELD_SELECT_OPTIONS ? "select" : null;
  }
  if (info.tag !== "input") return null;
  const type = inputType(info);
  return FIELD_INPUTS.has(type) ? type : null;
}

/** The element is required: the required attribute of a form control, or aria-required="true". */
export function isRequired(info: ElementInfo): boolean {
  const native = (info.tag === "input" || info.tag === "select" || info.tag === "textarea") && hasAttr(info.el, "required");
  return native || attr(info.el, "aria-required") === "true";
}
