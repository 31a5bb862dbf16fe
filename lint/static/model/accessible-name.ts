/**
 * Accessible names, following the order of the accname computation:
 * aria-labelledby, aria-label, native labels (label elements, input values,
 * alt), name from content for roles that allow it, then title and placeholder.
 */
import { attr, roleAttr, tagOf, type Element } from "./dom-nodes.js";
import { elementText, normaliseSpace } from "./element-text.js";
import type { PageIndex } from "./page-index.js";
import type { ElementInfo } from "./styled-tree.js";

const NAME_FROM_CONTENT_ROLES = new Set([
  "button",
  "checkbox",
  "switch",
  "radio",
  "menuitemcheckbox",
  "menuitemradio",
  "menuitem",
  "link",
  "heading",
  "option",
  "tab",
  "cell",
  "columnheader",
  "rowheader",
  "tooltip",
  "treeitem",
]);
const NAME_FROM_CONTENT_TAGS = new Set([
  "button",
  "a",
  "summary",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "td",
  "th",
  "option",
  "legend",
  "caption",
  "figcaption",
  "label",
]);
const LABELABLE = new Set(["input", "select", "textarea", "button", "meter", "output", "progress"]);

/** The text of an element as it contributes to a name: shown content only, leaving out `skip`. */
export function contentText(info: ElementInfo, index: PageIndex, skip?: ReadonlySet<Element>): string {
  return elementText(info, { byElement: index.byElement, shownOnly: true, skip });
}

function inputButtonName(el: Element): string | null {
  const type = (attr(el, "type") ?? "").toLowerCase();
  if (type === "submit") return attr(el, "value") ?? "Submit";
  if (type === "reset") return attr(el, "value") ?? "Reset";
  if (type === "button") return attr(el, "value") ?? "";
  if (type === "image") return attr(el, "alt") ?? attr(el, "value") ?? "Submit";
  return null;
}

/** Text of an element's labels, the control itself left out (a select's options inside its label are not its name). */
export function labelsText(info: ElementInfo, index: PageIndex, shownOnly: boolean): string {
  const skip = new Set<Element>([info.el]);
  return normaliseSpace(
    index
      .labelsOf(info)
      .map((l) => elementText(l, { byElement: index.byElement, shownOnly, skip }))
      .join(" "),
  );
}

export function accessibleName(info: ElementInfo, index: PageIndex): string {
  const el = info.el;
  const labelledBy = index.byIdList(info, "aria-labelledby");
  if (labelledBy.length > 0) {
    const text = normaliseSpace(
      labelledBy
        .map((r) =>
          r === info ? "" : (attr(r.el, "aria-label") ?? "").trim() || elementText(r, { byElement: index.byElement, shownOnly: false }),
        )
        .join(" "),
    );
    if (text) return text;
  }
  const ariaLabel = normaliseSpace(attr(el, "aria-label") ?? "");
  if (ariaLabel) return ariaLabel;
  const tag = tagOf(el);
  if (tag === "input") {
    const buttonName = inputButtonName(el);
    if (buttonName !== null && buttonName.trim()) return normaliseSpace(buttonName);
  }
  if (LABELABLE.has(tag)) {
    const labels = labelsText(info, index, true);
    if (labels) return labels;
  }
  if (tag === "img" || tag === "area") {
    const alt = normaliseSpace(attr(el, "alt") ?? "");
    if (alt) return alt;
  }
  const role = roleAttr(el);
  if (NAME_FROM_CONTENT_ROLES.has(role) || (role === "" && NAME_FROM_CONTENT_TAGS.has(tag))) {
    const text = contentText(info, index);
    if (text) return text;
  }
  const title = normaliseSpace(attr(el, "title") ?? "");
  if (title) return title;
  return normaliseSpace(attr(el, "placeholder") ?? "");
}
