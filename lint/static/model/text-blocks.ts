/**
 * Text blocks as a reader groups them: the inline content of each block-level
 * container (buttons and links styled as buttons are blocks of their own),
 * with one run per element holding direct text. Hidden text is kept, with
 * its visibility facts, so the rules can tell what a reader cannot see.
 */
import { blockTables, readsAsBlock } from "../../heuristics/blocks.js";
import type { TextRun } from "../../model.js";
import { attr, isElement, isText, roleAttr, tagOf, type Element } from "./dom-nodes.js";
import { NO_TEXT_CONTENT, normaliseSpace } from "./element-text.js";
import type { PageIndex } from "./page-index.js";
import type { ElementInfo } from "./styled-tree.js";
import { makeRun } from "./text-runs.js";

/** Inline content of a block, in order: text, a control, or a break where a nested block or line break interrupts it. */
export type Piece = { kind: "text"; text: string } | { kind: "control"; info: ElementInfo } | { kind: "break" };

export interface BlockDraft {
  info: ElementInfo;
  text: string;
  runs: TextRun[];
  pieces: Piece[];
}

export interface BlockLayout {
  /** Blocks with text, in document order. */
  blocks: BlockDraft[];
  /** The block container an element's inline text flows into (itself when it is one). */
  containerOf(info: ElementInfo): ElementInfo | null;
  /** The block of a container, when it has text. */
  blockOf(container: ElementInfo): BlockDraft | null;
  /** Inline content of a container (empty when it has neither text nor controls). */
  piecesOf(container: ElementInfo): Piece[];
  isContainer(info: ElementInfo): boolean;
}

interface RunDraft {
  owner: ElementInfo;
  parts: string[];
  collapsed: boolean;
}

/**
 * Splits the page into blocks. `ownBlocks` are elements that form a block
 * whatever their display (buttons, links styled as buttons); `controls` are
 * marked in the inline content so a control's sentence can be cut out of it;
 * `backgroundUnknown` tells text whose background cannot be composed.
 */
export function layoutBlocks(index: PageIndex, ownBlocks: ReadonlySet<Element>, controls: ReadonlySet<Element>, backgroundUnknown: (owner: ElementInfo) => boolean = () => false): BlockLayout {
  const isContainer = (info: ElementInfo): boolean =>
    info.parent === null || ownBlocks.has(info.el) || controls.has(info.el) || (!NO_TEXT_CONTENT.has(info.tag) && startsBlock(info));
  const containers = new Map<ElementInfo, ElementInfo | null>();
  const containerOf = (info: ElementInfo): ElementInfo | null => {
    const known = containers.get(info);
    if (known !== undefined) return known;
    const found = isContainer(info) ? info : info.parent ? containerOf(info.parent) : null;
    containers.set(info, found);
    return found;
  };

  const blocks: BlockDraft[] = [];
  const byContainer = new Map<ElementInfo, BlockDraft>();
  for (const info of index.elements) {
    if (!isContainer(info) || NO_TEXT_CONTENT.has(info.tag)) continue;
    const pieces: Piece[] = [];
    const runs = new Map<ElementInfo, RunDraft>();
    const gather = (owner: ElementInfo): void => {
      for (const child of owner.children) {
        if (isText(child)) {
          pieces.push({ kind: "text", text: child.data });
          let run = runs.get(owner);
          if (!run) {
            run = { owner, parts: [], collapsed: owner.hidesContent };
            runs.set(owner, run);
          }
          run.parts.push(child.data);
          continue;
        }
        if (!isElement(child)) continue;
        const ci = index.byElement.get(child);
        if (!ci) continue;
        if (controls.has(child)) pieces.push({ kind: "control", info: ci });
        if (tagOf(child) === "br") {
          pieces.push({ kind: "break" });
          continue;
        }
        if (NO_TEXT_CONTENT.has(ci.tag)) continue;
        if (isContainer(ci)) {
          pieces.push({ kind: "break" });
          continue;
        }
        gather(ci);
      }
    };
    gather(info);
    const text = normaliseSpace(pieces.map((p) => (p.kind === "text" ? p.text : " ")).join(""));
    if (text === "") {
      if (pieces.some((p) => p.kind === "control")) byContainer.set(info, { info, text: "", runs: [], pieces });
      continue;
    }
    const runList = [...runs.values()]
      .map((r) => ({ r, text: normaliseSpace(r.parts.join("")) }))
      .filter((x) => x.text !== "")
      .map((x) => makeRun(x.r.owner, x.text, x.r.collapsed, backgroundUnknown(x.r.owner)));
    const draft: BlockDraft = { info, text, runs: runList, pieces };
    blocks.push(draft);
    byContainer.set(info, draft);
  }
  return {
    blocks,
    containerOf,
    blockOf: (container) => {
      const b = byContainer.get(container);
      return b && b.text !== "" ? b : null;
    },
    piecesOf: (container) => byContainer.get(container)?.pieces ?? [],
    isContainer,
  };
}

/** Which elements start a text block of their own (shared with the browser extractor). */
const BLOCK_TABLES = blockTables();

/** The element starts a block of text of its own. */
function startsBlock(info: ElementInfo): boolean {
  return readsAsBlock(info.tag, roleAttr(info.el), info.style.display, BLOCK_TABLES);
}

/** Heading level of an element or its nearest heading ancestor: h1-h6, role=heading (aria-level, default 2). */
export function headingLevel(info: ElementInfo): number | null {
  for (let p: ElementInfo | null = info; p; p = p.parent) {
    const m = /^h([1-6])$/u.exec(p.tag);
    if (roleAttr(p.el) === "heading") {
      const level = Number(attr(p.el, "aria-level"));
      return Number.isInteger(level) && level > 0 ? level : m ? Number(m[1]) : 2;
    }
    if (m) return Number(m[1]);
  }
  return null;
}

/** The lang attribute in effect, within the element's document. */
export function langOf(info: ElementInfo): string | null {
  for (let p: ElementInfo | null = info; p; p = p.parent) {
    const lang = attr(p.el, "lang") ?? attr(p.el, "xml:lang");
    if (lang !== null) return lang.trim() || null;
  }
  return null;
}

/** href of the link the element is, or is inside, resolved against its document's URL as the browser's `href` property is. */
export function linkHrefOf(info: ElementInfo): string | null {
  for (let p: ElementInfo | null = info; p; p = p.parent) {
    const href = p.tag === "a" || p.tag === "area" ? attr(p.el, "href") : null;
    if (href === null) continue;
    try {
      return new URL(href.trim(), p.scope.doc.url).href;
    } catch {
      return href;
    }
  }
  return null;
}
