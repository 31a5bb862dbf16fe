/**
 * The selector paths both extractors write, and their parser: "html" and
 * "body" by their tag; "tag#id" when the id is unique in its tree; else the
 * tag, its first plain class and :nth-of-type when siblings share the tag,
 * after its parent's path, joined by " > "; frames and shadow roots are
 * entered with " >>> ".
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other functions of this file by name): static mode imports
 * them, and the browser extractor sends their source text into the page and
 * runs them there.
 */

/** A class that reads well in a path. */
export function plainClass(cls: string): boolean {
  return /^[A-Za-z_][\w-]{0,30}$/.test(cls);
}

/** `:nth-of-type(index)` when `count` siblings share the tag, else "". */
export function nthOfType(index: number, count: number): string {
  return count > 1 ? `:nth-of-type(${index})` : "";
}

/** One step of a path: escaped tag, plain class (or none) and its nth-of-type part. */
export function pathSegment(escapedTag: string, cls: string | undefined, nth: string): string {
  return `${escapedTag}${cls ? `.${cls}` : ""}${nth}`;
}

/** A path inside a frame or shadow root, after the path of its frame element or host ("" for the top document). */
export function joinSelectorPath(prefix: string, local: string): string {
  return prefix === "" ? local : `${prefix} >>> ${local}`;
}

/** A selector path's parts: the top document's, then each frame's or shadow root's, in order. */
export function selectorPathParts(selector: string): string[] {
  return selector.split(" >>> ");
}

/** Whether a part of a path ends at a frame element (the next part is inside its document), not a shadow host. */
export function partEndsAtFrame(part: string): boolean {
  const last = part.split(/\s*>\s*/).pop() ?? "";
  return /^i?frame\b/i.test(last);
}
