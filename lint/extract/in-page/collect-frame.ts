/**
 * The in-page pass: one walk of a document's flat tree (same-origin and
 * srcdoc frames entered through contentDocument, open shadow roots through
 * their slots) that returns the document's part of the PageModel as plain
 * data.
 *
 * `collectFrame` and the functions of the in-page modules it calls are sent
 * into the page as source text (see ../page-script.ts) and run in an
 * isolated world, so each is standalone: no imports at run time, no module
 * state (the pass's state is one object, made by `createPass`, passed to
 * each), other in-page functions called by name, and only the isolated
 * world's own builtins. Styles are always read through the element's own
 * window.
 *
 * Coordinates: boxes are in top-level CSS px (the top document's viewport);
 * each document has an offset and scale from its frame element.
 */
import type * as ActionFns from "./actions-fields.js";
import type * as BlockingFns from "./blocking.js";
import type * as ControlFns from "./controls.js";
import type * as DomFns from "./dom.js";
import type * as FrameFns from "./frames.js";
import type * as HeadingFns from "./headings.js";
import type * as NoteFns from "./read-notes.js";
import type * as PassFns from "./pass.js";
import type * as RegionFns from "./regions.js";
import type * as TextBlockFns from "./text-blocks.js";
import type * as WalkFns from "./walk.js";
import type { CollectArgs, FramePart } from "./frame-part.js";

declare const buildActions: typeof ActionFns.buildActions;
declare const buildFields: typeof ActionFns.buildFields;
declare const buildLinks: typeof ActionFns.buildLinks;
declare const measureBlocking: typeof BlockingFns.measureBlocking;
declare const buildControls: typeof ControlFns.buildControls;
declare const norm: typeof DomFns.norm;
declare const pendingFrames: typeof FrameFns.pendingFrames;
declare const regionHeadings: typeof HeadingFns.regionHeadings;
declare const noteClosedShadowRoots: typeof NoteFns.noteClosedShadowRoots;
declare const noteSkippedSubtrees: typeof NoteFns.noteSkippedSubtrees;
declare const noteTruncation: typeof NoteFns.noteTruncation;
declare const createPass: typeof PassFns.createPass;
declare const chooseRegions: typeof RegionFns.chooseRegions;
declare const buildTextBlocks: typeof TextBlockFns.buildTextBlocks;
declare const walkDocument: typeof WalkFns.walkDocument;

/**
 * Reads the document the pass runs in: walk, regions, text blocks, controls,
 * actions, links, fields, headings, frames, notes; in the top document, also
 * what its layers block, measured last, as the page is at the end of the read.
 */
export function collectFrame(args: CollectArgs): FramePart {
  const pass = createPass(args);
  walkDocument(pass);
  noteSkippedSubtrees(pass);
  chooseRegions(pass);
  buildTextBlocks(pass);
  const controls = buildControls(pass);
  const actions = buildActions(pass);
  const links = buildLinks(pass);
  const fields = buildFields(pass);
  const headings = regionHeadings(pass);
  const pending = pendingFrames(pass);
  noteClosedShadowRoots(pass);
  noteTruncation(pass);
  const blocking = pass.ctx.framePath === "" && pass.ctx.regionId === null ? measureBlocking(pass) : null;
  const topRoot = pass.topRoot;
  return {
    url: pass.dom.urlOf(document),
    title: norm(pass.dom.titleOf(document)),
    lang: (topRoot ? pass.dom.attr(topRoot, "lang") : null) || null,
    regions: pass.regions,
    headings,
    groups: pass.groups,
    controls,
    texts: pass.texts,
    actions,
    links,
    fields,
    frames: pass.frames,
    notes: pass.notes,
    blocking,
    pending,
    elementCount: pass.elementCount,
    elapsedMs: Date.now() - pass.started,
  };
}
