/**
 * Running in-page functions directly in a real page, for the in-page
 * modules' own tests: the functions are sent as the extractor sends them
 * (page-script.ts), and a test function receives them as `api` with a JSON
 * argument. The test function is serialised too, so it may use only `api`,
 * its argument and the page's globals.
 */
import type { Page } from "playwright";
import type * as BlockRules from "../../heuristics/blocks.js";
import type * as ElementKindRules from "../../heuristics/element-kinds.js";
import type * as DisclosureRules from "../../heuristics/disclosures.js";
import type * as RegionRules from "../../heuristics/regions.js";
import type * as SelectorRules from "../../heuristics/selectors.js";
import type * as SentenceRules from "../../heuristics/sentences.js";
import type * as ActionFns from "../in-page/actions-fields.js";
import type * as BlockingFns from "../in-page/blocking.js";
import type * as CollectFns from "../in-page/collect-frame.js";
import type * as ColourFns from "../../heuristics/colour.js";
import type * as ControlTextFns from "../in-page/control-text.js";
import type * as ControlFns from "../in-page/controls.js";
import type * as GeometryFns from "../in-page/css-geometry.js";
import type * as DomFns from "../in-page/dom.js";
import type * as ElementFns from "../in-page/element-info.js";
import type { CollectArgs } from "../in-page/frame-part.js";
import type * as FrameFns from "../in-page/frames.js";
import type * as GroupFns from "../in-page/groups.js";
import type * as HeadingFns from "../in-page/headings.js";
import type * as PaintFns from "../in-page/paint.js";
import type * as PassFns from "../in-page/pass.js";
import type * as NoteFns from "../in-page/read-notes.js";
import type * as RegionFns from "../in-page/regions.js";
import type * as SelectorFns from "../in-page/selectors.js";
import type * as TextBlockFns from "../in-page/text-blocks.js";
import type * as TextFns from "../in-page/text.js";
import type * as VisibilityFns from "../in-page/visibility.js";
import type * as WalkFns from "../in-page/walk.js";
import { topFrameContext } from "../frame-reader.js";
import { IN_PAGE_MODULES, inPageExpression } from "../page-script.js";

/** Every in-page function, by name. */
export type InPageApi = typeof BlockRules &
  typeof ElementKindRules &
  typeof DisclosureRules &
  typeof RegionRules &
  typeof SelectorRules &
  typeof SentenceRules &
  typeof ActionFns &
  typeof BlockingFns &
  typeof CollectFns &
  typeof ColourFns &
  typeof ControlTextFns &
  typeof ControlFns &
  typeof GeometryFns &
  typeof DomFns &
  typeof ElementFns &
  typeof FrameFns &
  typeof GroupFns &
  typeof HeadingFns &
  typeof PaintFns &
  typeof PassFns &
  typeof NoteFns &
  typeof RegionFns &
  typeof SelectorFns &
  typeof TextBlockFns &
  typeof TextFns &
  typeof VisibilityFns &
  typeof WalkFns;

/** The arguments of a pass over the top document with the extractor's default limits. */
export function passArgs(overrides: Partial<CollectArgs> = {}): CollectArgs {
  return {
    context: topFrameContext(),
    maxTextBlocks: 20_000,
    maxElements: 80_000,
    budgetMs: 15_000,
    largePageElements: 15_000,
    skipSubtreeElements: 1_000,
    pendingKey: "__consentlintTestPendingFrames",
    ...overrides,
  };
}

/** Runs `fn(api, arg)` in the page's main world, with every in-page function in `api`, and returns its JSON-able result. */
export async function inPage<A, R>(page: Page, fn: (api: InPageApi, arg: A) => R, arg: A): Promise<R> {
  const names = Object.values(IN_PAGE_MODULES).flatMap((mod) => Object.keys(mod));
  const call = `(${fn.toString()})({ ${names.join(", ")} }, ${JSON.stringify(arg)})`;
  return (await page.evaluate(inPageExpression(call))) as R;
}
