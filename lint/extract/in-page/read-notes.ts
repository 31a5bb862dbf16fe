/**
 * Notes on what a pass could not read: custom elements that render content
 * from a closed shadow root, subtrees of a large page that were skipped, and
 * a walk stopped by its limits.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type * as PassFns from "./pass.js";
import type * as SelectorFns from "./selectors.js";
import type { Pass } from "./pass.js";

declare const addNote: typeof PassFns.addNote;
declare const selectorOf: typeof SelectorFns.selectorOf;

/** A note for each defined custom element that shows something but holds no readable children or text. */
export function noteClosedShadowRoots(pass: Pass): void {
  for (const info of pass.customInfos) {
    if (info.displayNone || info.collapsed || pass.dom.childrenOf(info.el).length > 0 || pass.k.REAL_TEXT.test(info.el.textContent ?? "")) continue;
    let defined = false;
    try {
      defined = info.el.matches(":defined");
    } catch {
      defined = false;
    }
    if (!defined) continue;
    const r = pass.dom.rectOf(info.el);
    if (r.width * r.height < 100) continue;
    addNote(pass, "closed-shadow-root", `<${info.tag}> renders content that cannot be read (likely a closed shadow root)`, selectorOf(pass, info.el));
  }
}

/** A note on the subtrees of a large page the walk skipped, when it skipped any. */
export function noteSkippedSubtrees(pass: Pass): void {
  const { subtrees, elements } = pass.skipped;
  if (subtrees === 0) return;
  addNote(
    pass,
    "large-page",
    `The page has ${pass.pageElements} elements; ${subtrees} part${subtrees === 1 ? "" : "s"} of it (${elements} elements) with no form controls, buttons, frames, dialogs or custom elements were not read`,
  );
}

/** A note that the page was read only in part, when the walk or the text blocks hit their limits. */
export function noteTruncation(pass: Pass): void {
  if (!pass.truncated) return;
  const args = pass.args;
  addNote(
    pass,
    "truncated",
    `The page is too large to read whole: stopped after ${pass.elementCount} elements and ${pass.texts.length} text blocks (limits ${args.maxElements} elements, ${args.maxTextBlocks} text blocks, ${args.budgetMs} ms)`,
  );
}
