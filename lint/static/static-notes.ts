/**
 * What static mode cannot know, as model notes of kind "static-mode": script
 * effects, stylesheets not read, layout, backgrounds behind text.
 */
import type { ModelNote } from "../model.js";
import { attr, declarativeShadowRoot, isElement, tagOf, type Element, type ParentNode } from "./dom-nodes.js";

export const STATIC_MODE = "static-mode";

export const LAYOUT_NOTE: ModelNote = {
  kind: STATIC_MODE,
  message: "layout (covering, clipping by overflow) not computed: covered text and text clipped by a small overflow:hidden box are not detected, and boxes are zero",
};

const SCRIPT_TYPES = /^(?:|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript|text\/jsx|text\/babel)$/iu;

/** The first element that runs script: a <script> of an executable type, or an inline event handler. */
export function firstScript(root: ParentNode): Element | null {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    if (tagOf(child) === "script" && SCRIPT_TYPES.test((attr(child, "type") ?? "").trim())) return child;
    if (Object.keys(child.attribs).some((name) => /^on[a-z]+$/iu.test(name))) return child;
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
    kind: STATIC_MODE,
    message: "page has scripts: checked state and injected content may differ (static mode reads the HTML as served; boxes ticked, content injected or shadow roots attached by script are not seen)",
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
