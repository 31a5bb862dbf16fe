/**
 * Static mode: the PageModel from HTML without a browser. Styles come from
 * inline `style` attributes and `<style>` rules (and local stylesheets under
 * `baseDir`); visibility is approximated from CSS; what cannot be known
 * without running the page (scripts, layout, external resources) is said in
 * the model's notes, never guessed.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, isAbsolute, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as cheerio from "cheerio";
import {
  PAGE_MODEL_VERSION,
  type ActionElement,
  type Control,
  type FormField,
  type FrameInfo,
  type PageModel,
  type TextBlock,
  type Viewport,
} from "../model.js";
import { accessibleName, contentText } from "./model/accessible-name.js";
import { actionKind, actionPaint, fieldType, isDisabled, isRequired, isTextLink, ownFill } from "./model/actions.js";
import { TOP_FRAME_BASE } from "./css/computed-style.js";
import { controlState, formOwner, settleRadioGroups, type ControlState } from "./model/control-state.js";
import { controlTexts, linkedBlocks } from "./model/control-text.js";
import { decodeHtml, defaultEncoding } from "./decode.js";
import { attr, domText, isElement, roleAttr, tagOf, type Element, type ParentNode } from "./model/dom-nodes.js";
import { elementText, normaliseSpace } from "./model/element-text.js";
import { readFrame, type FrameSource } from "./model/frames.js";
import { LocalFiles } from "./local-files.js";
import { PageIndex } from "./model/page-index.js";
import { paintedBehind } from "./model/painted-behind.js";
import { joinSelectorPath } from "../heuristics/selectors.js";
import { localPath } from "./model/selector-path.js";
import { bannerLayoutNotes, rankingNotes } from "./model/region-layout.js";
import { assignGroups, assignRegions, PAGE_REGION_ID, subtreeCounts, type RegionAssignment } from "./model/regions.js";
import {
  backgroundImageNote,
  firstScript,
  FRAME_NOT_READ,
  LAYOUT_NOTE,
  NoteList,
  painterNote,
  scriptNote,
  STYLESHEET_NOT_READ,
} from "./outcome/static-notes.js";
import { styleDocument, type DocumentScope, type ElementInfo } from "./model/styled-tree.js";
import { headingLevel, langOf, layoutBlocks, linkHrefOf, type BlockDraft } from "./model/text-blocks.js";
import { ZERO_BOX } from "./model/text-runs.js";
import { NO_FACTS } from "./model/visibility.js";

export interface StaticModelOptions {
  url: string;
  viewport: Viewport;
  locale: string | null;
  /** Directory local stylesheets and frame sources may be read from (relative references only, never outside it). */
  baseDir?: string;
}

export interface StaticFileOptions {
  viewport: Viewport;
  locale: string | null;
  /** Folder the page may read style sheets and frames from (default: the file's own folder); nothing outside it is read. */
  root?: string;
  /** URL the model reports (default: the file's file: URL). */
  url?: string;
  /** The file's bytes when the caller has read them already (its evidence then holds the very bytes the model was built from). */
  bytes?: Uint8Array;
}

export { runStaticRules, staticLimits } from "./outcome/static-outcome.js";

/** Frames read into one model at most, and how deep frames nest. */
const MAX_FRAMES = 50;
const MAX_FRAME_DEPTH = 5;

function documentDir(url: string, baseDir: string): string {
  if (!/^file:/iu.test(url)) return baseDir;
  try {
    const dir = dirname(fileURLToPath(url));
    const rel = relative(resolve(baseDir), dir);
    return rel === "" || (!isAbsolute(rel) && !rel.startsWith("..")) ? dir : baseDir;
  } catch {
    return baseDir;
  }
}

function parseDocument(html: string): ParentNode {
  return cheerio.load(html).root()[0] as ParentNode;
}

function titleOf(root: ParentNode): string {
  const find = (node: ParentNode): Element | null => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (tagOf(child) === "title") return child;
      if (tagOf(child) === "svg" || tagOf(child) === "template") continue;
      const inner = find(child);
      if (inner) return inner;
    }
    return null;
  };
  const title = find(root);
  return title ? domText(title).replace(/\s+/gu, " ").trim() : "";
}

interface Documents {
  index: PageIndex;
  frames: FrameInfo[];
  notes: NoteList;
}

/** Styles the top document and every frame that can be read, in document order. */
function readDocuments(html: string, opts: StaticModelOptions, files: LocalFiles | null): Documents & { top: DocumentScope } {
  const index = new PageIndex();
  const frames: FrameInfo[] = [];
  const notes = new NoteList();
  const top: DocumentScope = {
    framePath: "",
    url: opts.url,
    root: parseDocument(html),
    files,
    viewport: opts.viewport,
    frameBase: TOP_FRAME_BASE,
    baseFacts: NO_FACTS,
    frameElement: null,
  };
  const queue: { doc: DocumentScope; depth: number }[] = [{ doc: top, depth: 0 }];
  let scriptSeen = false;
  while (queue.length > 0) {
    const { doc, depth } = queue.shift() as { doc: DocumentScope; depth: number };
    const tree = styleDocument(doc, index.elements.length);
    index.add(tree.elements);
    for (const issue of tree.issues)
      notes.add({ kind: STYLESHEET_NOT_READ, message: issue.message, ...(issue.selector ? { selector: issue.selector } : {}) });
    const script = scriptSeen ? null : firstScript(doc.root);
    if (script) {
      scriptSeen = true;
      notes.add(scriptNote(joinSelectorPath(doc.framePath, localPath(script, tree.scopes[0]?.ids ?? new Map<string, number>()))));
    }
    for (const frameEl of tree.frames) {
      const reading = readFrame(frameEl, doc.url, doc.files);
      frames.push(reading.info);
      for (const n of reading.notes) notes.add(n);
      if (!reading.source) continue;
      if (frames.length > MAX_FRAMES || depth + 1 > MAX_FRAME_DEPTH) {
        notes.add({ kind: FRAME_NOT_READ, message: "frame not read: too many or too deeply nested frames", selector: frameEl.selector });
        continue;
      }
      queue.push({ doc: frameDocument(reading.source, frameEl, doc), depth: depth + 1 });
    }
  }
  return { index, frames, notes, top };
}

function frameDocument(source: FrameSource, frameEl: ElementInfo, parent: DocumentScope): DocumentScope {
  return {
    framePath: frameEl.selector,
    url: source.url === "about:srcdoc" ? parent.url : source.url,
    root: parseDocument(source.html),
    files: source.files,
    viewport: parent.viewport,
    frameBase: { opacity: frameEl.style.opacity, transformScale: frameEl.style.transformScale, background: frameEl.style.background },
    baseFacts: frameEl.inherited,
    frameElement: frameEl,
  };
}

/**
 * Builds the PageModel of an HTML document without a browser. Relative
 * style sheets and frames are read from `baseDir` when given, resolved
 * against the folder of a file: `url` inside it.
 */
export function buildStaticModel(html: string, opts: StaticModelOptions): PageModel {
  const files = opts.baseDir ? new LocalFiles(opts.baseDir, documentDir(opts.url, opts.baseDir), defaultEncoding(opts.locale)) : null;
  return modelOf(html, opts, files);
}

/**
 * Builds the PageModel of a local HTML file: its bytes decoded as the browser
 * reads them through the linter's file server (byte order mark, `<meta
 * charset>`, else UTF-8 when valid, else the locale's default encoding), its
 * relative style sheets and frames read from `root` (default: its folder),
 * never outside it.
 */
export function buildStaticModelFromFile(path: string, opts: StaticFileOptions): PageModel {
  const file = resolve(path);
  const fallback = defaultEncoding(opts.locale);
  const html = decodeHtml(opts.bytes ?? readFileSync(file), fallback);
  const root = resolve(opts.root ?? dirname(file));
  return modelOf(
    html,
    { url: opts.url ?? pathToFileURL(file).href, viewport: opts.viewport, locale: opts.locale, baseDir: root },
    new LocalFiles(root, dirname(file), fallback),
  );
}

function modelOf(html: string, opts: StaticModelOptions, files: LocalFiles | null): PageModel {
  const { index, frames, notes, top } = readDocuments(html, opts, files);
  notes.add(LAYOUT_NOTE);

  const states = index.elements.map(controlState).filter((c): c is ControlState => c !== null);
  const byIdIn = (info: ElementInfo) => (id: string) => index.byId(info.scope, id);
  settleRadioGroups(states, (c) => formOwner(c.info, byIdIn(c.info)));
  const actionInfos = index.elements.filter((info) => actionKind(info) !== null);
  const actionSet = new Set(actionInfos);
  const controlInfos = new Set(states.map((c) => c.info));
  const toggleInfos = new Set(states.filter((c) => c.kind === "toggle-button").map((c) => c.info));
  const ownBlocks = new Set<Element>([...actionInfos, ...toggleInfos].map((info) => info.el));
  const behind = paintedBehind(index);
  for (const painter of behind.painters) notes.add(painterNote(painter.selector));
  const layout = layoutBlocks(index, ownBlocks, new Set(states.map((c) => c.info.el)), behind.mayPaintBehind);
  const counts = subtreeCounts(index, {
    isAction: (info) => actionSet.has(info),
    isToggleButton: (info) => toggleInfos.has(info),
    isItem: (info) => controlInfos.has(info) || fieldType(info) !== null,
  });
  const regionAssignment = assignRegions(index, counts, opts.viewport);
  const groupAssignment = assignGroups(index, regionAssignment, counts);
  const { regionOf } = regionAssignment;
  const { groupOf } = groupAssignment;

  const blockIds = new Map<BlockDraft, string>();
  layout.blocks.forEach((b, i) => blockIds.set(b, `t${i + 1}`));
  const controlIdsOfBlock = new Map<BlockDraft, string[]>();
  const fieldInfos = index.elements.filter((info) => fieldType(info) !== null && !controlInfos.has(info));
  const textCtx = { index, layout, controls: states, fields: fieldInfos, actions: new Set(actionInfos.map((a) => a.el)) };

  const controls: Control[] = states.map((c, i) => {
    const id = `c${i + 1}`;
    const texts = controlTexts(c, textCtx);
    const linked = linkedBlocks(texts.sources, layout);
    for (const b of linked) controlIdsOfBlock.set(b, [...(controlIdsOfBlock.get(b) ?? []), id]);
    return {
      id,
      kind: c.kind,
      role: c.role,
      tag: c.info.tag,
      name: texts.name,
      labelText: texts.labelText,
      sentenceText: texts.sentenceText,
      describedByText: texts.describedByText,
      groupLabel: texts.groupLabel,
      groupName: c.groupName,
      checked: c.checked,
      checkedSource: c.checkedSource,
      defaultChecked: c.defaultChecked,
      ...(c.options ? { options: c.options } : {}),
      required: isRequired(c.info),
      disabled: isDisabled(c.info),
      textBlockIds: linked.map((b) => blockIds.get(b) as string),
      selector: c.info.selector,
      framePath: c.info.scope.doc.framePath,
      shadowPath: [...c.info.scope.shadowPath],
      box: { ...ZERO_BOX },
      visibility: { ...c.info.visibility },
      groupId: groupOf(c.info),
      regionId: regionOf(c.info),
      touchedByFlow: false,
    };
  });

  const texts: TextBlock[] = layout.blocks.map((b) => ({
    id: blockIds.get(b) as string,
    text: b.text,
    lang: langOf(b.info),
    runs: b.runs,
    selector: b.info.selector,
    box: { ...ZERO_BOX },
    visibility: { ...b.info.visibility },
    controlIds: controlIdsOfBlock.get(b) ?? [],
    groupId: groupOf(b.info),
    regionId: regionOf(b.info),
    framePath: b.info.scope.doc.framePath,
    heading: headingLevel(b.info),
    inButton: insideAction(b.info, actionSet, ownBlocks),
    linkHref: linkHrefOf(b.info),
  }));

  const mayPaintBehind = (info: ElementInfo): boolean => behind.mayPaintBehind(info);
  const actions = actionsOf(actionInfos, index, groupOf, regionOf, mayPaintBehind);
  const links = linksOf(
    index.elements.filter((info) => !info.visibility.displayNone && isTextLink(info) && !insideAction(info, actionSet, ownBlocks)),
    index,
    groupOf,
    regionOf,
    mayPaintBehind,
    notes,
  );
  const fields = fieldsOf(index, groupOf, regionOf);

  assignHeadings(index, regionAssignment);

  for (const b of layout.blocks) {
    for (const run of b.runs)
      if (run.backgroundSource === "image" && !run.colorTransparent && !behind.mayPaintBehind(b.info))
        notes.add(backgroundImageNote(run.selector));
  }
  const uncertainBanners = regionAssignment.uncertain.map(({ info, why }) => ({
    regionIds: [regionOf(info), info.parent ? regionOf(info.parent) : PAGE_REGION_ID],
    why,
  }));
  for (const note of bannerLayoutNotes(regionAssignment.regions, uncertainBanners)) notes.add(note);

  const htmlElement = top.root.children.find((c): c is Element => isElement(c) && tagOf(c) === "html");
  const model: PageModel = {
    version: PAGE_MODEL_VERSION,
    url: opts.url,
    title: titleOf(top.root),
    lang: htmlElement?.attribs.lang?.trim() || null,
    viewport: opts.viewport,
    locale: opts.locale,
    source: "static",
    regions: regionAssignment.regions,
    groups: groupAssignment.groups,
    controls,
    texts,
    actions,
    links,
    fields,
    frames,
    notes: notes.notes,
    blocking: null,
    flowActions: [],
    capturedAt: new Date().toISOString(),
    behaviour: null,
  };
  for (const note of rankingNotes(model)) notes.add(note);
  return model;
}

/** An action or link in model form, with id `id`. */
/** An input button's shown value ("Submit" for a submit input without one); null for other elements. */
function inputValue(info: ElementInfo): string | null {
  if (info.tag !== "input") return null;
  const type = (attr(info.el, "type") ?? "").trim().toLowerCase();
  const value = normaliseSpace(attr(info.el, "value") ?? "");
  return value || (type === "submit" ? "Submit" : type === "reset" ? "Reset" : null);
}

function actionRecord(
  info: ElementInfo,
  index: PageIndex,
  id: string,
  text: string,
  kind: { role: string; type: string | null },
  groupOf: (info: ElementInfo) => string | null,
  regionOf: (info: ElementInfo) => string,
  mayPaintBehind: (info: ElementInfo) => boolean,
): ActionElement {
  return {
    id,
    text,
    visibleText: inputValue(info) ?? (contentText(info, index) || text),
    tag: info.tag,
    role: kind.role,
    type: kind.type,
    disabled: isDisabled(info),
    area: 0,
    fontPx: Math.round(info.style.fontPx * 100) / 100,
    filled: ownFill(info),
    ...actionPaint(info, mayPaintBehind(info)),
    box: { ...ZERO_BOX },
    visibility: { ...info.visibility },
    selector: info.selector,
    groupId: groupOf(info),
    regionId: regionOf(info),
    framePath: info.scope.doc.framePath,
  };
}

/** The page's buttons and links drawn as buttons in model form. */
function actionsOf(
  actionInfos: ElementInfo[],
  index: PageIndex,
  groupOf: (info: ElementInfo) => string | null,
  regionOf: (info: ElementInfo) => string,
  mayPaintBehind: (info: ElementInfo) => boolean,
): ActionElement[] {
  return actionInfos.map((info, i) =>
    actionRecord(
      info,
      index,
      `a${i + 1}`,
      accessibleName(info, index),
      actionKind(info) as NonNullable<ReturnType<typeof actionKind>>,
      groupOf,
      regionOf,
      mayPaintBehind,
    ),
  );
}

/** Links a document (the page or a frame) gives at most; the rest are left out, with a note. */
const MAX_LINKS = 400;
/** Links with longer text than this are not read as links. */
const MAX_LINK_TEXT = 60;

/**
 * The page's links drawn as text with short text (1 to 60 characters), as the
 * browser extractor selects them: at most 400 per document, the first ones,
 * with a "links-capped" note when more were left out.
 */
function linksOf(
  candidates: ElementInfo[],
  index: PageIndex,
  groupOf: (info: ElementInfo) => string | null,
  regionOf: (info: ElementInfo) => string,
  mayPaintBehind: (info: ElementInfo) => boolean,
  notes: NoteList,
): ActionElement[] {
  const links: ActionElement[] = [];
  const perDocument = new Map<string, number>();
  for (const info of candidates) {
    const text = accessibleName(info, index);
    if (!text || Array.from(text).length > MAX_LINK_TEXT) continue;
    const framePath = info.scope.doc.framePath;
    const count = perDocument.get(framePath) ?? 0;
    if (count >= MAX_LINKS) {
      notes.add({
        kind: "links-capped",
        message: `The page has more than ${MAX_LINKS} links drawn as text${framePath ? " in a frame" : ""}; only the first ${MAX_LINKS} were read`,
      });
      continue;
    }
    perDocument.set(framePath, count + 1);
    const role = roleAttr(info.el) || "link";
    links.push(actionRecord(info, index, `l${links.length + 1}`, text, { role, type: null }, groupOf, regionOf, mayPaintBehind));
  }
  return links;
}

/** The page's form fields (not consent controls) with their labels. */
function fieldsOf(index: PageIndex, groupOf: (info: ElementInfo) => string | null, regionOf: (info: ElementInfo) => string): FormField[] {
  const fields: FormField[] = [];
  for (const info of index.elements) {
    const type = fieldType(info);
    if (type === null || info.visibility.displayNone) continue;
    fields.push({
      type,
      name: info.el.attribs.name ?? "",
      label: fieldLabel(info, index),
      required: isRequired(info),
      groupId: groupOf(info),
      regionId: regionOf(info),
    });
  }
  return fields;
}

/** A form field's label as the browser extractor reads it: its labels' text, else aria-labelledby, aria-label, placeholder, title. */
function fieldLabel(info: ElementInfo, index: PageIndex): string {
  const all = { byElement: index.byElement, shownOnly: false };
  const labels = normaliseSpace(
    index
      .labelsOf(info)
      .map((l) => elementText(l, all))
      .join(" "),
  );
  if (labels) return labels;
  const labelledBy = normaliseSpace(
    index
      .byIdList(info, "aria-labelledby")
      .map((r) => elementText(r, all))
      .join(" "),
  );
  return (
    labelledBy ||
    [attr(info.el, "aria-label"), attr(info.el, "placeholder"), attr(info.el, "title")]
      .map((v) => normaliseSpace(v ?? ""))
      .find((v) => v !== "") ||
    ""
  );
}

/**
 * Each region's headings (h1-h6, role=heading) in document order, as the
 * browser extractor lists them: all their text, hidden headings only in a
 * region hidden as a whole, no repeats.
 */
function assignHeadings(index: PageIndex, regions: RegionAssignment): void {
  const byId = new Map(regions.regions.map((r) => [r.id, r]));
  let count = 0;
  for (const info of index.elements) {
    if (count >= 100) break;
    if (!/^h[1-6]$/u.test(info.tag) && roleAttr(info.el) !== "heading") continue;
    const regionId = regions.regionOf(info);
    const root = regions.roots.get(regionId);
    if (info.visibility.displayNone && !(root && root.visibility.displayNone)) continue;
    const text = elementText(info, { byElement: index.byElement, shownOnly: false }).slice(0, 300);
    const region = byId.get(regionId);
    if (!text || !region) continue;
    count++;
    if (!region.headings.includes(text)) region.headings.push(text);
  }
}

/** The block is, or is inside, a button or a link styled as one. */
function insideAction(info: ElementInfo, actions: ReadonlySet<ElementInfo>, ownBlocks: ReadonlySet<Element>): boolean {
  for (let p: ElementInfo | null = info; p; p = p.parent) if (actions.has(p) || ownBlocks.has(p.el)) return true;
  return false;
}
