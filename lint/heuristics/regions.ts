/**
 * Region and group choice both extractors make: which elements are dialogs
 * by their markup, which fixed or sticky layers may be banners, the sizes
 * and shares that decide it, and which elements group what they hold.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other functions of this file by name): static mode imports
 * them, and the browser extractor sends their source text into the page and
 * runs them there.
 */

/** A dialog by its markup: role dialog or alertdialog, `<dialog>`, aria-modal="true" (`ariaModal` as the caller reads it). */
export function isDialogMarkup(tag: string, role: string, ariaModal: string | null): boolean {
  return role === "dialog" || role === "alertdialog" || tag === "dialog" || ariaModal === "true";
}

/** Page chrome that is never a banner region: the root, the body, headers and navigation. */
export function pageChrome(tag: string, role: string): boolean {
  return tag === "header" || tag === "nav" || role === "banner" || role === "navigation" || tag === "html" || tag === "body";
}

/** A layer with a button and some text (at least 20 letters): content of its own, not just a frame holder. */
export function layerHasContent(actions: number, textLength: number): boolean {
  return actions >= 1 && textLength >= 20;
}

/** A frame big enough to show a consent dialog. */
export function frameHoldsDialog(width: number, height: number): boolean {
  return width >= 100 && height >= 40;
}

/** A layer holding most of the page's text: the page itself (a fixed app shell) or a banner over a short page. */
export function layerDominates(textLength: number, pageTextLength: number): boolean {
  return textLength > 0.8 * pageTextLength;
}

/** A sticky element too narrow to be a banner across the viewport. */
export function stickyTooNarrow(width: number, viewportWidth: number): boolean {
  return width < 0.6 * viewportWidth;
}

/** An element that groups what it holds when no form or fieldset does: not the root or body, holding a button and other content. */
export function groupsAsSection(tag: string, actions: number, content: number): boolean {
  return tag !== "html" && tag !== "body" && actions > 0 && content > 0;
}
