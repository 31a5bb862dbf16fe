/**
 * The walk: one depth-first pass over a document's flat tree (open shadow
 * roots through their slots, same-origin frames through their documents),
 * recording each element's facts, gathering text into blocks, and listing
 * the controls, actions, fields, headings and region candidates met. A
 * large page is read around its controls; a walk past its limits stops and
 * says so.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type * as RegionRules from "../../heuristics/regions.js";
import type * as ElementFns from "./element-info.js";
import type * as FrameFns from "./frames.js";
import type * as PassFns from "./pass.js";
import type { BlockAcc, Entry, FrameState, Info, Pass } from "./pass.js";

declare const isDialogMarkup: typeof RegionRules.isDialogMarkup;
declare const makeInfo: typeof ElementFns.makeInfo;
declare const enterFrame: typeof FrameFns.enterFrame;
declare const overBudget: typeof PassFns.overBudget;

/** The text block being gathered for a block element; null once the pass holds as many blocks as it may. */
export function blockAccOf(pass: Pass, block: Info): BlockAcc | null {
  let acc = pass.blockAccs.get(block);
  if (!acc) {
    if (pass.blockList.length >= pass.args.maxTextBlocks) {
      pass.truncated = true;
      return null;
    }
    acc = { info: block, parts: [], owners: [], ownerTexts: new Map(), hasText: false, id: "" };
    pass.blockAccs.set(block, acc);
    pass.blockList.push(acc);
  }
  return acc;
}

/** A text node under `owner`: recorded in walk order and added to its block. */
export function onText(pass: Pass, node: Text, owner: Info): void {
  const data = node.data;
  const ws = !/\S/.test(data);
  pass.textRecs.push({ data, owner, order: pass.counter++, ws });
  const acc = blockAccOf(pass, owner.block);
  if (!acc) return;
  acc.parts.push(ws ? " " : data);
  if (ws) return;
  acc.hasText = true;
  let list = acc.ownerTexts.get(owner);
  if (!list) {
    list = [];
    acc.ownerTexts.set(owner, list);
    acc.owners.push(owner);
  }
  list.push(node);
  const len = data.replace(/\s+/g, "").length;
  owner.textLen += len;
  if (!owner.inAction) owner.contentLen += len;
}

/** The children of an element in the flat tree: its shadow root's, a slot's assigned nodes, or its own. */
export function flatChildren(pass: Pass, el: Element, tag: string): Node[] {
  if (pass.k.NO_DESCEND.has(tag)) return [];
  const shadow = pass.dom.shadowOf(el);
  if (shadow) return pass.dom.childNodesOf(shadow);
  if (tag === "slot" && el.getRootNode().nodeType === 11) {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length > 0) return assigned;
  }
  return pass.dom.childNodesOf(el);
}

/** Leaving an element: its subtree's counts go to its parent. */
export function finish(pass: Pass, info: Info): void {
  info.exit = pass.counter++;
  const p = info.parent;
  if (!p) return;
  p.actionCount += info.actionCount;
  p.itemCount += info.itemCount;
  p.contentLen += info.contentLen;
  p.textLen += info.textLen;
}

/**
 * On a very large page, whether a subtree can be skipped: big, and with no
 * control, button, frame, dialog, role or custom element in it (a product
 * catalogue, a long list), so the time budget is not used up before the
 * consent form is reached. Counting is native and fast; the check runs only
 * on subtrees large enough to be worth skipping.
 */
export function skippable(pass: Pass, el: Element): boolean {
  const { shadowOf, tagOf } = pass.dom;
  if (shadowOf(el)) return false;
  const all = pass.dom.elementsIn(el);
  const count = all.length;
  if (count < pass.args.skipSubtreeElements) return false;
  if (pass.dom.firstMatchIn(el, pass.k.INTERESTING)) return false;
  for (let i = 0; i < count; i++) {
    const e = all[i];
    if (tagOf(e).includes("-") || shadowOf(e)) return false;
  }
  pass.skipped.subtrees++;
  pass.skipped.elements += count;
  return true;
}

/** Whether an element may be a layer of its own (a dialog, a fixed or sticky bar, a frame): a region candidate. */
export function layerCandidate(pass: Pass, info: Info): boolean {
  const tag = info.tag;
  const pos = info.style.position;
  return (
    isDialogMarkup(tag, info.role, pass.dom.attr(info.el, "aria-modal")) ||
    pos === "fixed" ||
    pos === "sticky" ||
    tag === "iframe" ||
    tag === "frame"
  );
}

/** An element's record filed in the lists the later steps read. */
export function fileInfo(pass: Pass, info: Info): void {
  if (info.kind === "control" || info.kind === "control-field") pass.controlInfos.push(info);
  if (info.kind === "field" || info.kind === "control-field") pass.fieldInfos.push(info);
  if (info.kind === "action") pass.actionInfos.push(info);
  else if (info.kind === null && ((info.tag === "a" && pass.dom.hasAttr(info.el, "href")) || info.role === "link"))
    pass.linkInfos.push(info);
  if (info.itemCount > 0) pass.itemInfos.push(info);
  if (/^h[1-6]$/.test(info.tag) || info.role === "heading") pass.headingInfos.push(info);
  if (layerCandidate(pass, info)) pass.regionCandidates.push(info);
  if (info.tag.includes("-") && !pass.dom.shadowOf(info.el)) pass.customInfos.push(info);
}

/** Entering an element: its record, its place in the text blocks, and its children on the stack. */
export function visitElement(pass: Pass, el: Element, tag: string, parent: Info | null, fs: FrameState): void {
  pass.elementCount++;
  const info = makeInfo(pass, el, parent, fs);
  pass.infos.set(el, info);
  pass.stack.push({ exit: info });
  if (info.isBlock && parent) {
    const outer = pass.blockAccs.get(parent.block);
    if (outer) outer.parts.push(" ");
  }
  if (tag === "br") {
    const acc = pass.blockAccs.get(info.block);
    if (acc) acc.parts.push(" ");
  }
  fileInfo(pass, info);
  if (tag === "iframe" || tag === "frame") {
    enterFrame(pass, info);
    return;
  }
  if (pass.largePage && skippable(pass, el)) return;
  const kids = flatChildren(pass, el, tag);
  for (let i = kids.length - 1; i >= 0; i--) pass.stack.push({ node: kids[i], parent: info, fs });
}

/** Walks the pass's document from its root element, until done or past the pass's limits. */
export function walkDocument(pass: Pass): void {
  if (pass.topRoot) pass.stack.push({ node: pass.topRoot, parent: null, fs: pass.topFs });
  while (pass.stack.length > 0) {
    const entry = pass.stack.pop() as Entry;
    if ("exit" in entry) {
      finish(pass, entry.exit);
      continue;
    }
    if (pass.stopped) continue;
    const node = entry.node;
    if (node.nodeType === 3) {
      if (entry.parent) onText(pass, node as Text, entry.parent);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = pass.dom.tagOf(el);
    if (pass.k.SKIP.has(tag)) continue;
    if (pass.elementCount >= pass.args.maxElements || (pass.elementCount % 256 === 0 && overBudget(pass))) {
      pass.stopped = true;
      pass.truncated = true;
      continue;
    }
    visitElement(pass, el, tag, entry.parent, entry.fs);
  }
}
