/**
 * The in-page pass as one expression of source text: the functions of every
 * in-page module (and of the heuristics it shares with static mode), then
 * `collectFrame` called with its arguments as JSON.
 * In-page functions call each other by name, so every module's exports are
 * functions and no two share a name.
 */
import * as blocks from "../heuristics/blocks.js";
import * as elementKinds from "../heuristics/element-kinds.js";
import * as disclosures from "../heuristics/disclosures.js";
import * as regionRules from "../heuristics/regions.js";
import * as selectorRules from "../heuristics/selectors.js";
import * as sentences from "../heuristics/sentences.js";
import * as actionsFields from "./in-page/actions-fields.js";
import * as blocking from "./in-page/blocking.js";
import { collectFrame } from "./in-page/collect-frame.js";
import * as colour from "../heuristics/colour.js";
import * as controlText from "./in-page/control-text.js";
import * as controls from "./in-page/controls.js";
import * as geometry from "./in-page/css-geometry.js";
import * as dom from "./in-page/dom.js";
import * as elementInfo from "./in-page/element-info.js";
import type { CollectArgs } from "./in-page/frame-part.js";
import * as frames from "./in-page/frames.js";
import * as groups from "./in-page/groups.js";
import * as headings from "./in-page/headings.js";
import * as paint from "./in-page/paint.js";
import * as pass from "./in-page/pass.js";
import * as readNotes from "./in-page/read-notes.js";
import * as regions from "./in-page/regions.js";
import * as selectors from "./in-page/selectors.js";
import * as textBlocks from "./in-page/text-blocks.js";
import * as text from "./in-page/text.js";
import * as visibility from "./in-page/visibility.js";
import * as walk from "./in-page/walk.js";

/** The in-page modules, by file name, in the order their source is sent. */
export const IN_PAGE_MODULES: Readonly<Record<string, Record<string, unknown>>> = {
  "heuristics/colour.ts": colour,
  "heuristics/blocks.ts": blocks,
  "heuristics/element-kinds.ts": elementKinds,
  "heuristics/disclosures.ts": disclosures,
  "heuristics/sentences.ts": sentences,
  "heuristics/regions.ts": regionRules,
  "heuristics/selectors.ts": selectorRules,
  "css-geometry.ts": geometry,
  "dom.ts": dom,
  "pass.ts": pass,
  "paint.ts": paint,
  "frames.ts": frames,
  "selectors.ts": selectors,
  "visibility.ts": visibility,
  "element-info.ts": elementInfo,
  "walk.ts": walk,
  "text.ts": text,
  "regions.ts": regions,
  "groups.ts": groups,
  "text-blocks.ts": textBlocks,
  "control-text.ts": controlText,
  "controls.ts": controls,
  "actions-fields.ts": actionsFields,
  "headings.ts": headings,
  "read-notes.ts": readNotes,
  "blocking.ts": blocking,
  "collect-frame.ts": { collectFrame },
};

/** Every function of the in-page modules, by name; a module exporting anything else, or a name used twice, is refused. */
function inPageFunctions(): { name: string; source: string }[] {
  const out: { name: string; source: string }[] = [];
  const from = new Map<string, string>();
  for (const [file, mod] of Object.entries(IN_PAGE_MODULES)) {
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function")
        throw new Error(`in-page module ${file} exports ${name}, which is not a function: in-page modules export functions only`);
      const other = from.get(name);
      if (other !== undefined)
        throw new Error(`in-page modules ${other} and ${file} both export ${name}: in-page function names must be unique`);
      from.set(name, file);
      out.push({ name, source: value.toString() });
    }
  }
  return out;
}

let functionSource: string | null = null;

/**
 * Declarations of every in-page function; source that is not a function
 * declaration (a bundler's arrow) is bound by name.
 */
export function inPageSource(): string {
  functionSource ??= inPageFunctions()
    .map(({ name, source }) => (/^(async\s+)?function\b/.test(source) ? source : `const ${name} = ${source};`))
    .join("\n");
  return functionSource;
}

/**
 * An expression that declares every in-page function and evaluates `body`
 * (an expression) among them. A local `__name` keeps name helpers some
 * bundlers insert into function source harmless; nothing leaks into the
 * page's globals.
 */
export function inPageExpression(body: string): string {
  return `(() => {\nconst __name = (f) => f;\n${inPageSource()}\nreturn (${body});\n})()`;
}

/** The expression that runs the pass and evaluates to its FramePart. */
export function collectExpression(args: CollectArgs): string {
  return inPageExpression(`collectFrame(${JSON.stringify(args)})`);
}
