/**
 * The state of one in-page pass: its arguments, the saved DOM reads, what
 * the walk records about each element, and what the later steps build from
 * it. Every in-page function takes this one object; none keeps state of its
 * own.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type { Box, FrameInfo, Group, ModelNote, Region, Rgba, TextBlock } from "../../model.js";
import type { BackgroundState, CollectArgs, FrameContext, PendingFrame } from "./frame-part.js";
import type * as DomFns from "./dom.js";
import type * as FrameFns from "./frames.js";
import type { Dom } from "./dom.js";
import type * as BlockFns from "../../heuristics/blocks.js";
import type * as KindFns from "../../heuristics/element-kinds.js";
import type * as SentenceFns from "../../heuristics/sentences.js";
import type { BlockTables } from "../../heuristics/blocks.js";
import type { SentenceLimits } from "../../heuristics/sentences.js";

declare const savedDom: typeof DomFns.savedDom;
declare const topFrameState: typeof FrameFns.topFrameState;
declare const ownOriginOf: typeof FrameFns.ownOriginOf;
declare const blockTables: typeof BlockFns.blockTables;
declare const elementKinds: typeof KindFns.elementKinds;
declare const realTextPattern: typeof SentenceFns.realTextPattern;
declare const sentenceLimits: typeof SentenceFns.sentenceLimits;

/** A document being read: where its viewport sits in top-level coordinates, and what it inherits from its frame. */
export interface FrameState {
  doc: Document;
  win: Window;
  ox: number;
  oy: number;
  scale: number;
  framePath: string;
  selectorPrefix: string;
  viewW: number;
  viewH: number;
  scrollX: number;
  scrollY: number;
  scrollW: number;
  scrollH: number;
  clipX: boolean;
  baseClip: Box | null;
  baseScroll: Box | null;
  baseBg: BackgroundState;
  offscreen: boolean;
}

/** What the walk knows about one element, inherited facts included. */
export interface Info {
  el: Element;
  tag: string;
  role: string;
  parent: Info | null;
  fs: FrameState;
  style: CSSStyleDeclaration;
  /** Order of entry in the walk; `exit` is the order after its last descendant. */
  index: number;
  exit: number;
  displayNone: boolean;
  collapsed: boolean;
  closedDetails: boolean;
  srOnly: boolean;
  clipEmpty: boolean;
  fixed: boolean;
  opacity: number;
  sx: number;
  sy: number;
  clip: Box | null;
  absClip: Box | null;
  scroll: Box | null;
  absScroll: Box | null;
  bg: BackgroundState;
  /** The block container its text belongs to (itself when it is one). */
  block: Info;
  isBlock: boolean;
  heading: number | null;
  link: string | null;
  lang: string | null;
  inAction: Info | null;
  inLabel: boolean;
  kind: "control" | "action" | "field" | "control-field" | null;
  /** Counts over the subtree, summed when the walk leaves the element. */
  actionCount: number;
  itemCount: number;
  contentLen: number;
  textLen: number;
  region?: string;
  group?: string | null;
}

/** A text node met by the walk, in walk order. */
export interface TextRec {
  data: string;
  owner: Info;
  order: number;
  ws: boolean;
}

/** A text block being gathered: its parts in order and the elements owning its text. */
export interface BlockAcc {
  info: Info;
  parts: string[];
  owners: Info[];
  ownerTexts: Map<Info, Text[]>;
  hasText: boolean;
  id: string;
}

/** Text picked from under an element, with the blocks it came from. */
export interface TextPick {
  text: string;
  blocks: BlockAcc[];
  length: number;
}

/** One painted background layer of an element. */
export type Layer =
  | { kind: "none" }
  | { kind: "colour"; colour: Rgba }
  | { kind: "gradient"; stops: Rgba[]; under: Rgba | null }
  | { kind: "image" }
  | { kind: "canvas" };

/** A walk step: a node to enter, or an element to leave. */
export type Entry = { node: Node; parent: Info | null; fs: FrameState } | { exit: Info };

/** Fixed tables of the pass. */
export interface PassConstants {
  BLACK: Rgba;
  CLEAR: Rgba;
  /** A letter or digit: text a reader can read. */
  REAL_TEXT: RegExp;
  /** Elements whose content is not page text. */
  SKIP: Set<string>;
  /** Elements whose children are not walked. */
  NO_DESCEND: Set<string>;
  /** Which elements start a text block of their own. */
  blocks: BlockTables;
  /** The bounds of a control's sentence search. */
  sentence: SentenceLimits;
  CONTROL_ROLES: Set<string>;
  FIELD_INPUTS: Set<string>;
  ACTION_INPUTS: Set<string>;
  IMAGE_TAGS: Set<string>;
  OPAQUE_TAGS: Set<string>;
  /** Elements that make a big subtree worth reading on a large page. */
  INTERESTING: string;
}

export interface Pass {
  args: CollectArgs;
  ctx: FrameContext;
  /** Prefix of every id made in this pass. */
  prefix: string;
  started: number;
  dom: Dom;
  k: PassConstants;
  notes: ModelNote[];
  noteKeys: Set<string>;
  truncated: boolean;
  // style and contrast
  colourCache: Map<string, Rgba | null>;
  paintProbe: CanvasRenderingContext2D | null | undefined;
  // documents
  topFs: FrameState;
  frameOfDoc: Map<Document, FrameState>;
  ownOrigin: string;
  frames: FrameInfo[];
  pendingInfos: { info: Info; pending: PendingFrame }[];
  /** Frame elements the pass could not enter, kept in the isolated world for passes of their own. */
  pendingStore: Element[];
  // the walk
  infos: Map<Element, Info>;
  counter: number;
  stack: Entry[];
  elementCount: number;
  stopped: boolean;
  pageElements: number;
  largePage: boolean;
  skipped: { subtrees: number; elements: number };
  topRoot: Element | null;
  controlledIdsByRoot: Map<Node, Set<string>>;
  textRecs: TextRec[];
  blockAccs: Map<Info, BlockAcc>;
  blockList: BlockAcc[];
  controlInfos: Info[];
  actionInfos: Info[];
  /** Links not drawn as buttons (`a[href]`, role=link), in walk order. */
  linkInfos: Info[];
  fieldInfos: Info[];
  /** Elements that are controls or fields, in walk order. */
  itemInfos: Info[];
  headingInfos: Info[];
  regionCandidates: Info[];
  customInfos: Info[];
  // selectors
  selectorMemo: Map<Element, string>;
  localMemo: Map<Element, string>;
  idUnique: Map<Node, Map<string, boolean>>;
  nthMemo: Map<Node, Map<Element, string>>;
  // regions and groups
  regions: Region[];
  regionOfInfo: Map<Info, string>;
  pageRegionId: string;
  regionCount: number;
  groups: Group[];
  groupOfEl: Map<Element, string>;
  groupCount: number;
  // text blocks and controls
  texts: TextBlock[];
  textCount: number;
  blockOfAcc: Map<BlockAcc, TextBlock>;
  controlCount: number;
  radioKey: Map<Info, string>;
  radioGroups: Map<string, Info[]>;
}

/** The fixed tables of a pass. */
export function passConstants(): PassConstants {
  const kinds = elementKinds();
  return {
    BLACK: { r: 0, g: 0, b: 0, a: 1 },
    CLEAR: { r: 0, g: 0, b: 0, a: 0 },
    REAL_TEXT: realTextPattern(),
    SKIP: new Set(["script", "style", "noscript", "template", "head", "meta", "link", "title", "base"]),
    NO_DESCEND: new Set([
      "select",
      "textarea",
      "option",
      "optgroup",
      "datalist",
      "iframe",
      "frame",
      "object",
      "embed",
      "video",
      "audio",
      "canvas",
      "img",
      "input",
    ]),
    blocks: blockTables(),
    sentence: sentenceLimits(),
    CONTROL_ROLES: kinds.controlRoles,
    FIELD_INPUTS: kinds.fieldInputs,
    ACTION_INPUTS: kinds.actionInputs,
    IMAGE_TAGS: new Set(["img", "video", "picture", "object", "embed", "svg", "iframe", "frame"]),
    OPAQUE_TAGS: new Set([
      "img",
      "video",
      "canvas",
      "iframe",
      "frame",
      "svg",
      "input",
      "button",
      "select",
      "textarea",
      "object",
      "embed",
      "picture",
    ]),
    INTERESTING:
      "input,select,textarea,button,iframe,frame,object,embed,dialog,form,label,summary,details,slot,[role],[aria-checked],[aria-pressed],[aria-modal],[contenteditable],[tabindex],[onclick]",
  };
}

/** A pass over the current document with `args`: nothing read yet but the document's own metrics. */
export function createPass(args: CollectArgs): Pass {
  const started = Date.now();
  const ctx = args.context;
  const dom = savedDom();
  const topFs = topFrameState(dom, ctx);
  const pendingStore = ((globalThis as unknown as Record<string, Element[] | undefined>)[args.pendingKey] ??= []);
  pendingStore.length = 0;
  const pageElements = Number(Document.prototype.getElementsByTagName.call(document, "*").length) || 0;
  return {
    args,
    ctx,
    prefix: ctx.idPrefix,
    started,
    dom,
    k: passConstants(),
    notes: [],
    noteKeys: new Set(),
    truncated: false,
    colourCache: new Map(),
    paintProbe: undefined,
    topFs,
    frameOfDoc: new Map([[document, topFs]]),
    ownOrigin: ownOriginOf(dom),
    frames: [],
    pendingInfos: [],
    pendingStore,
    infos: new Map(),
    counter: 0,
    stack: [],
    elementCount: 0,
    stopped: false,
    pageElements,
    largePage: pageElements > args.largePageElements,
    skipped: { subtrees: 0, elements: 0 },
    topRoot: dom.rootElementOf(document),
    controlledIdsByRoot: new Map(),
    textRecs: [],
    blockAccs: new Map(),
    blockList: [],
    controlInfos: [],
    actionInfos: [],
    linkInfos: [],
    fieldInfos: [],
    itemInfos: [],
    headingInfos: [],
    regionCandidates: [],
    customInfos: [],
    selectorMemo: new Map(),
    localMemo: new Map(),
    idUnique: new Map(),
    nthMemo: new Map(),
    regions: [],
    regionOfInfo: new Map(),
    pageRegionId: ctx.regionId ?? "page",
    regionCount: 0,
    groups: [],
    groupOfEl: new Map(),
    groupCount: 0,
    texts: [],
    textCount: 0,
    blockOfAcc: new Map(),
    controlCount: 0,
    radioKey: new Map(),
    radioGroups: new Map(),
  };
}

/** A note for the model, once per kind and selector (or message). */
export function addNote(pass: Pass, kind: string, message: string, selector?: string): void {
  const key = `${kind}\u241f${selector ?? message}`;
  if (pass.noteKeys.has(key)) return;
  pass.noteKeys.add(key);
  pass.notes.push(selector === undefined ? { kind, message } : { kind, message, selector });
}

/** Whether the pass has used up its time. */
export function overBudget(pass: Pass): boolean {
  return Date.now() - pass.started > pass.args.budgetMs;
}
