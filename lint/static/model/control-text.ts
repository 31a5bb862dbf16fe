/**
 * The text around a control that a reader takes as its label: accessible
 * name, <label> text, the sentence it sits in (or the text beside it when it
 * sits alone in its wrapper), aria-describedby text and a radio group's
 * question; and the elements that text comes from, for linking text blocks.
 */
import { labelsSitBefore, realTextPattern, sentenceLimits } from "../../heuristics/sentences.js";
import { accessibleName, labelsText } from "./accessible-name.js";
import type { ControlState } from "./control-state.js";
import { attr, isElement, roleAttr, type Element } from "./dom-nodes.js";
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

/** The bounds of the sentence search (shared with the browser extractor). */
const LIMITS = sentenceLimits();

export interface TextContext {
  index: PageIndex;
  layout: BlockLayout;
  controls: readonly ControlState[];
  /** Form fields that are not controls (text inputs, textareas): like controls, they bound a control's sentence. */
  fields: readonly ElementInfo[];
  /** Buttons and links styled as buttons: their text is not a control's sentence. */
  actions: ReadonlySet<Element>;
}

/** Letters or digits: text a reader would read. */
const REAL_TEXT = realTextPattern();

/** Another control that is not a radio of the same group: its text is not this control's text. */
function foreign(c: ControlState, other: ControlState): boolean {
  if (other === c) return false;
  return !(c.kind === "radio" && other.kind === "radio" && c.groupName !== null && c.groupName === other.groupName);
}

function holdsForeignControl(info: ElementInfo, c: ControlState, ctx: TextContext): boolean {
  return ctx.controls.some((o) => foreign(c, o) && PageIndex.contains(info, o.info));
}

/** The element holds another control or a form field. */
function holdsForeignItem(info: ElementInfo, c: ControlState, ctx: TextContext): boolean {
  return holdsForeignControl(info, c, ctx) || ctx.fields.some((f) => f !== c.info && PageIndex.contains(info, f));
}

function fullText(info: ElementInfo, ctx: TextContext): string {
  return elementText(info, { byElement: ctx.index.byElement, shownOnly: false });
}

/** All text of an element but what its buttons say (unless the control is inside that button). */
function textOutsideButtons(info: ElementInfo, c: ControlState, ctx: TextContext): string {
  const skip = new Set<Element>();
  for (const el of ctx.actions) {
    const a = ctx.index.byElement.get(el);
    if (a && a !== info && PageIndex.contains(info, a) && !PageIndex.contains(a, c.info)) skip.add(el);
  }
  return elementText(info, { byElement: ctx.index.byElement, shownOnly: false, skip });
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

/**
 * The sentence a control sits in, and where it comes from. Among other
 * controls in one block, its own segment of the block. Otherwise as the
 * browser extractor reads it: the nearest ancestor (up to six levels, not
 * body) holding no other control or field whose text is readable and not
 * over 1200 characters; else the text of the next or previous sibling
 * holding no control or field (the previous one when the list puts labels
 * before its controls, see `labelBefore`).
 */
function sentenceOf(c: ControlState, ctx: TextContext): { text: string; source: TextSource | null } {
  const startFrom = ctx.layout.isContainer(c.info) ? c.info.parent : c.info;
  const container = startFrom ? ctx.layout.containerOf(startFrom) : null;
  if (container && holdsForeignControl(container, c, ctx)) {
    const text = sentenceSegment(c, container, ctx);
    if (text) return { text, source: { info: container, mode: "block" } };
  }
  let own: ElementInfo = c.info;
  for (let depth = 0; depth < LIMITS.depth; depth++) {
    const up = own.parent;
    if (!up || up.tag === "body" || up.tag === "html" || holdsForeignItem(up, c, ctx)) break;
    const text = textOutsideButtons(up, c, ctx);
    if (text.length > LIMITS.maxSentence) break;
    if (REAL_TEXT.test(text)) return { text, source: { info: up, mode: "subtree" } };
    own = up;
  }
  const { after, before } = siblingsByDistance(own, ctx);
  const pick = (sib: ElementInfo | undefined): { text: string; source: TextSource } | null => {
    if (!sib || holdsForeignItem(sib, c, ctx)) return null;
    const text = textOutsideButtons(sib, c, ctx);
    return REAL_TEXT.test(text) && text.length <= LIMITS.maxSentence ? { text, source: { info: sib, mode: "subtree" } } : null;
  };
  const next = pick(after[0]);
  const previous = pick(before[0]);
  if (next && previous) return labelBefore(own, c, ctx) ? previous : next;
  return next ?? previous ?? { text: "", source: null };
}

/**
 * Whether the text before a control's wrapper, rather than the text after
 * it, is its label, when both are there ("Styling [x] Analytics [ ]"): the
 * side the list puts labels on, as the browser extractor decides when no
 * line layout tells it: every control with text before it (and not all with
 * text after), or the list ending in a control that does not start with one.
 */
function labelBefore(own: ElementInfo, c: ControlState, ctx: TextContext): boolean {
  const parent = own.parent;
  const kids = parent ? parent.children.filter(isElement).map((el) => ctx.index.byElement.get(el)).filter((k): k is ElementInfo => k !== undefined) : [own];
  const holder = (k: ElementInfo): boolean => k === own || holdsForeignItem(k, c, ctx);
  const hasText = (k: ElementInfo): boolean => REAL_TEXT.test(textOutsideButtons(k, c, ctx));
  const content = kids.filter((k) => holder(k) || hasText(k));
  return labelsSitBefore(content.map(holder));
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
  const labelledBy = ctx.index.byIdList(c.info, "aria-labelledby");
  // An ARIA widget's label, like the browser extractor's, is the text it is labelled by when no <label> names it.
  const ariaLabelText = ["input", "select"].includes(c.info.tag) ? "" : normaliseSpace(labelledBy.map((r) => fullText(r, ctx)).join(" "));
  return {
    name: accessibleName(c.info, ctx.index),
    labelText: labels.length > 0 ? labelsText(c.info, ctx.index, false) : ariaLabelText,
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
