/**
 * The text around a control that a reader takes as its label: accessible
 * name, <label> text, the sentence it sits in (or the text beside it when it
 * sits alone in its wrapper), aria-describedby text and a radio group's
 * question; and the elements that text comes from, for linking text blocks.
 */
import { accessibleName, labelsText } from "./accessible-name.js";
import type { ControlState } from "./control-state.js";
import { attr, isElement, roleAttr } from "./dom-nodes.js";
import { elementText, normaliseSpace } from "./element-text.js";
import { PageIndex } from "./page-index.js";
import type { ElementInfo } from "./styled-tree.js";
import type { BlockDraft, BlockLayout, Piece } from "./text-blocks.js";

/** Where a control's text comes from: a container's own block, or everything inside an element. */
export type TextSource = { info: ElementInfo; mode: "block" | "subtree" };

export interface ControlTexts {
  name: string;
  labelText: string;
  sentenceText: string;
  describedByText: string;
  groupLabel: string;
  sources: TextSource[];
}

/** Levels of wrappers the sentence search climbs when a control sits alone in its wrapper. */
const SENTENCE_CLIMB = 4;

/** Longest text (characters) taken from a neighbouring element as a control's sentence. */
const MAX_SENTENCE = 1000;

export interface TextContext {
  index: PageIndex;
  layout: BlockLayout;
  controls: readonly ControlState[];
}

/** Another control that is not a radio of the same group: its text is not this control's text. */
function foreign(c: ControlState, other: ControlState): boolean {
  if (other === c) return false;
  return !(c.kind === "radio" && other.kind === "radio" && c.groupName !== null && c.groupName === other.groupName);
}

function holdsForeignControl(info: ElementInfo, c: ControlState, ctx: TextContext): boolean {
  return ctx.controls.some((o) => foreign(c, o) && PageIndex.contains(info, o.info));
}

function fullText(info: ElementInfo, ctx: TextContext): string {
  return elementText(info, { byElement: ctx.index.byElement, shownOnly: false });
}

function piecesText(pieces: readonly Piece[]): string {
  return normaliseSpace(pieces.map((p) => (p.kind === "text" ? p.text : " ")).join(""));
}

/**
 * The control's part of its container's inline content. Alone (or with
 * radios of its own group), the control takes all of it. Among other
 * controls it takes the text between its neighbours on the side the block's
 * layout puts labels: after each control when the block starts with a
 * control ("[x] Email [x] SMS"), before it when the block ends with one
 * ("Email [x] SMS [x]").
 */
function sentenceSegment(c: ControlState, container: ElementInfo, ctx: TextContext): string {
  const pieces = ctx.layout.piecesOf(container);
  const at = pieces.findIndex((p) => p.kind === "control" && p.info === c.info);
  if (at < 0) return "";
  const isBoundary = (i: number): boolean => {
    const p = pieces[i];
    if (p.kind !== "control") return false;
    const other = ctx.controls.find((o) => o.info === p.info);
    return other !== undefined && foreign(c, other);
  };
  const boundaries = pieces.map((_, i) => i).filter(isBoundary);
  if (boundaries.length === 0) return piecesText(pieces);
  const previous = boundaries.filter((i) => i < at).pop() ?? -1;
  const next = boundaries.find((i) => i > at) ?? pieces.length;
  const before = piecesText(pieces.slice(previous + 1, at));
  const after = piecesText(pieces.slice(at + 1, next));
  const first = Math.min(at, boundaries[0]);
  const last = Math.max(at, boundaries[boundaries.length - 1]);
  const controlFirst = piecesText(pieces.slice(0, first)) === "";
  const labelFirst = piecesText(pieces.slice(last + 1)) === "";
  return labelFirst && !controlFirst ? before || after : after || before;
}

/** Sibling elements after, then before, the element, nearest first. */
function siblingsByDistance(info: ElementInfo, ctx: TextContext): { after: ElementInfo[]; before: ElementInfo[] } {
  const parent = info.parent;
  if (!parent) return { after: [], before: [] };
  const kids = parent.children.filter(isElement).map((el) => ctx.index.byElement.get(el)).filter((k): k is ElementInfo => k !== undefined);
  const at = kids.indexOf(info);
  return { after: kids.slice(at + 1), before: kids.slice(0, Math.max(0, at)).reverse() };
}

/** The first sibling in one direction with text, stopping at one that holds another control. */
function textSibling(siblings: readonly ElementInfo[], c: ControlState, ctx: TextContext): { text: string; info: ElementInfo } | null {
  for (const sib of siblings) {
    if (holdsForeignControl(sib, c, ctx)) return null;
    const text = fullText(sib, ctx);
    if (text) return text.length <= MAX_SENTENCE ? { text, info: sib } : null;
  }
  return null;
}

/** The sentence a control sits in, and where it comes from. */
function sentenceOf(c: ControlState, ctx: TextContext): { text: string; source: TextSource | null } {
  const startFrom = ctx.layout.isContainer(c.info) ? c.info.parent : c.info;
  const container = startFrom ? ctx.layout.containerOf(startFrom) : null;
  if (container) {
    const text = sentenceSegment(c, container, ctx);
    if (text) return { text, source: { info: container, mode: "block" } };
  }
  let cur: ElementInfo = c.info;
  for (let level = 0; level < SENTENCE_CLIMB; level++) {
    const { after, before } = siblingsByDistance(cur, ctx);
    const found = textSibling(after, c, ctx) ?? textSibling(before, c, ctx);
    if (found) return { text: found.text, source: { info: found.info, mode: "subtree" } };
    const parent = cur.parent;
    if (!parent || parent.tag === "body" || parent.tag === "html" || parent.tag === "form" || holdsForeignControl(parent, c, ctx)) break;
    cur = parent;
  }
  return { text: "", source: null };
}

/** A fieldset's legend or a group's name (role=group/radiogroup). */
function groupQuestion(c: ControlState, ctx: TextContext): { text: string; source: TextSource | null } {
  for (let p = c.info.parent; p; p = p.parent) {
    if (p.tag === "fieldset") {
      const legend = p.children.filter(isElement).find((e) => e.name.toLowerCase() === "legend");
      const info = legend ? ctx.index.byElement.get(legend) : undefined;
      if (info) {
        const text = fullText(info, ctx);
        if (text) return { text, source: { info, mode: "subtree" } };
      }
    }
    const role = roleAttr(p.el);
    if (role === "radiogroup" || role === "group") {
      const text = accessibleName(p, ctx.index);
      const ref = ctx.index.byIdList(p, "aria-labelledby")[0];
      if (text) return { text, source: ref ? { info: ref, mode: "subtree" } : null };
    }
  }
  return { text: "", source: null };
}

/** The text before a radio group: the last block before its first radio, near the group and outside its labels. */
function precedingQuestion(c: ControlState, ctx: TextContext): { text: string; source: TextSource | null } {
  const group = ctx.controls.filter((o) => o.kind === "radio" && o.groupName !== null && o.groupName === c.groupName && o.info.scope === c.info.scope);
  const first = group.reduce((a, b) => (b.info.order < a.info.order ? b : a), c);
  let common: ElementInfo | null = first.info.parent;
  while (common && !group.every((g) => PageIndex.contains(common as ElementInfo, g.info))) common = common.parent;
  const area = common?.parent ?? common;
  if (!area) return { text: "", source: null };
  const labels = group.flatMap((g) => ctx.index.labelsOf(g.info));
  let best: BlockDraft | null = null;
  for (const block of ctx.layout.blocks) {
    if (block.info.order >= first.info.order) break;
    if (!PageIndex.contains(area, block.info)) continue;
    if (labels.some((l) => PageIndex.contains(l, block.info) || PageIndex.contains(block.info, l))) continue;
    best = block;
  }
  return best ? { text: best.text, source: { info: best.info, mode: "block" } } : { text: "", source: null };
}

export function controlTexts(c: ControlState, ctx: TextContext): ControlTexts {
  const sources: TextSource[] = [];
  const labels = ctx.index.labelsOf(c.info);
  for (const l of labels) sources.push({ info: l, mode: "subtree" });
  for (const ref of ctx.index.byIdList(c.info, "aria-labelledby")) sources.push({ info: ref, mode: "subtree" });
  if (!["input", "select"].includes(c.info.tag)) sources.push({ info: c.info, mode: "subtree" });
  const described = ctx.index.byIdList(c.info, "aria-describedby");
  for (const d of described) sources.push({ info: d, mode: "subtree" });
  const sentence = sentenceOf(c, ctx);
  if (sentence.source) sources.push(sentence.source);
  let question = groupQuestion(c, ctx);
  if (!question.text && c.kind === "radio" && c.groupName !== null) question = precedingQuestion(c, ctx);
  if (question.source) sources.push(question.source);
  return {
    name: accessibleName(c.info, ctx.index),
    labelText: labels.length > 0 ? labelsText(c.info, ctx.index, false) : "",
    sentenceText: sentence.text,
    describedByText: normaliseSpace(described.map((d) => (attr(d.el, "aria-label") ?? "").trim() || fullText(d, ctx)).join(" ")),
    groupLabel: question.text,
    sources,
  };
}

/** Ids of the blocks a control's text sources cover. */
export function linkedBlocks(sources: readonly TextSource[], layout: BlockLayout): BlockDraft[] {
  const out = new Set<BlockDraft>();
  for (const s of sources) {
    const own = layout.containerOf(s.info);
    const ownBlock = own ? layout.blockOf(own) : null;
    if (ownBlock) out.add(ownBlock);
    if (s.mode === "block") continue;
    for (const b of layout.blocks) if (PageIndex.contains(s.info, b.info)) out.add(b);
  }
  return [...out].sort((a, b) => a.info.order - b.info.order);
}
