/**
 * What static mode cannot know, as model notes whose kind names the unknown
 * ("static-mode: ..."): script effects, style sheets not read, frames not
 * read, layout. Each kind is also the reason of the incomplete entries it
 * leads to (see static-outcome.ts). Plain "static-mode" notes only inform.
 */
import type { ModelNote } from "../../model.js";
import { attr, declarativeShadowRoot, isElement, tagOf, type Element, type ParentNode } from "../model/dom-nodes.js";

export const STATIC_MODE = "static-mode";

/** Layout is not computed: boxes, covering, clipping by overflow ancestors, off-screen by position. */
export const LAYOUT_UNKNOWN = "static-mode: layout unknown";
/** The page runs scripts, which static mode does not: what they add, remove, tick or untick is not seen. */
export const SCRIPTS_NOT_RUN = "static-mode: scripts not run";
/** A style sheet could not be read or parsed: styles it sets are not known. */
export const STYLESHEET_NOT_READ = "static-mode: stylesheet not read";
/** A same-origin frame's document could not be read: what it holds is not known. */
export const FRAME_NOT_READ = "static-mode: frame not read";

export const LAYOUT_NOTE: ModelNote = {
  kind: LAYOUT_UNKNOWN,
  message:
    "layout (covering, clipping by overflow, positions) not computed: covered text and text clipped by a small overflow:hidden box are not detected, and boxes are zero",
};

const SCRIPT_TYPES =
  /^(?:|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript|application\/x-javascript|text\/x-javascript|text\/javascript1\.[0-5]|text\/jscript|text\/livescript|text\/jsx|text\/babel)$/iu;

/**
 * Inline event handlers that only run when the person acts (clicks, types,
 * submits): they cannot change the page before the user has acted. Any
 * other handler (onload, onerror, ontoggle, onfocus with autofocus,
 * onanimationend ...) may run by itself.
 */
const USER_ACTION_HANDLERS = new Set(
  "onclick ondblclick onauxclick oncontextmenu onsubmit onreset onchange oninput onbeforeinput oninvalid onselect onkeydown onkeyup onkeypress onmousedown onmouseup onpointerdown onpointerup ontouchstart ontouchend ontouchmove onwheel oncopy oncut onpaste ondrag ondragstart ondragend ondragenter ondragleave ondragover ondrop".split(
    " ",
  ),
);

/** The element runs script by itself: a <script> of an executable type, an inline handler of an event that needs no user action, or a frame loading a javascript: URL. */
function runsScript(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === "script") return el.attribs.nomodule === undefined && SCRIPT_TYPES.test((attr(el, "type") ?? "").trim());
  if ((tag === "iframe" || tag === "frame") && /^\s*javascript:/iu.test(attr(el, "src") ?? "")) return true;
  for (const name in el.attribs) if (/^on[a-z]+$/iu.test(name) && !USER_ACTION_HANDLERS.has(name.toLowerCase())) return true;
  return false;
}

/** The first element that runs script, in document order (declarative shadow roots included). */
export function firstScript(root: ParentNode): Element | null {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    if (runsScript(child)) return child;
    const shadow = declarativeShadowRoot(child);
    const inShadow = shadow ? firstScript(shadow) : null;
    if (inShadow) return inShadow;
    const inside = firstScript(child);
    if (inside) return inside;
  }
  return null;
}

export function scriptNote(selector: string): ModelNote {
  return {
    kind: SCRIPTS_NOT_RUN,
    message:
      "page has scripts: checked state and injected content may differ (static mode reads the HTML as served; boxes ticked, content injected or shadow roots attached by script are not seen)",
    selector,
  };
}

export function painterNote(selector: string): ModelNote {
  return {
    kind: STATIC_MODE,
    message: "positioned element that may be painted behind text elsewhere: the contrast of text it may lie under is not measured",
    selector,
  };
}

export function backgroundImageNote(selector: string): ModelNote {
  return { kind: STATIC_MODE, message: "background image behind text: contrast not measured", selector };
}

/** Collects notes without repeating one (same kind, message and selector). */
export class NoteList {
  private readonly seen = new Set<string>();
  readonly notes: ModelNote[] = [];

  add(note: ModelNote): void {
    const key = `${note.kind}\u241f${note.message}\u241f${note.selector ?? ""}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push(note);
  }
}
