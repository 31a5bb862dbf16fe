/**
 * The shared heuristics, run in Node (as static mode runs them) and in a
 * real page (as the browser extractor sends them): the same answers on both
 * sides, and the answers each heuristic is there to give.
 */
import type { Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness } from "../extract/__fixtures__/harness.js";
import { inPage, type InPageApi } from "../extract/__fixtures__/in-page.js";
import * as blocks from "./blocks.js";
import * as colour from "./colour.js";
import * as disclosures from "./disclosures.js";
import * as elementKinds from "./element-kinds.js";
import * as regions from "./regions.js";
import * as selectors from "./selectors.js";
import * as sentences from "./sentences.js";

let h: Harness;
let p: Page;
beforeAll(async () => {
  h = await Harness.start();
  p = await h.newPage();
});
afterAll(async () => {
  await h?.stop();
});

/** Every case, asked of the heuristics given: the same function serves both sides. */
function answers(
  api: Pick<
    InPageApi,
    | keyof typeof blocks
    | keyof typeof colour
    | keyof typeof disclosures
    | keyof typeof elementKinds
    | keyof typeof regions
    | keyof typeof selectors
    | keyof typeof sentences
  >,
): Record<string, unknown> {
  const tables = api.blockTables();
  const white = { r: 255, g: 255, b: 255, a: 1 };
  const real = api.realTextPattern();
  const kinds = api.elementKinds();
  return {
    blocks: [
      api.readsAsBlock("div", "", "block", tables),
      api.readsAsBlock("span", "", "inline", tables),
      api.readsAsBlock("label", "", "inline", tables),
      api.readsAsBlock("span", "heading", "inline", tables),
      api.readsAsBlock("p", "", "none", tables),
      api.readsAsBlock("span", "", "none", tables),
      api.readsAsBlock("div", "", "contents", tables),
      api.readsAsBlock("span", "", "inline-block", tables),
      api.readsAsBlock("div", "", "flex", tables),
    ],
    kinds: [
      kinds.controlRoles.has("switch"),
      kinds.controlRoles.has("button"),
      kinds.fieldInputs.has("email"),
      kinds.fieldInputs.has("checkbox"),
      kinds.actionInputs.has("image"),
      kinds.actionInputs.has("text"),
    ],
    sentences: {
      limits: api.sentenceLimits(),
      real: [real.test("Ja"), real.test("数据"), real.test("— · …"), real.test("7")],
      // Styling [x] Analytics [x]: labels before; [x] Email [x] SMS: after; a lone control with text both sides: after.
      before: [
        api.labelsSitBefore([false, true, false, true]),
        api.labelsSitBefore([true, false, true, false]),
        api.labelsSitBefore([false, true, false]),
      ],
    },
    regions: [
      api.isDialogMarkup("div", "dialog", null),
      api.isDialogMarkup("dialog", "", null),
      api.isDialogMarkup("div", "", "true"),
      api.isDialogMarkup("div", "", "TRUE"),
      api.pageChrome("header", ""),
      api.pageChrome("div", "navigation"),
      api.pageChrome("div", ""),
      api.layerHasContent(1, 20),
      api.layerHasContent(0, 200),
      api.layerHasContent(2, 19),
      api.frameHoldsDialog(100, 40),
      api.frameHoldsDialog(99, 400),
      api.layerDominates(81, 100),
      api.layerDominates(80, 100),
      api.stickyTooNarrow(767, 1280),
      api.stickyTooNarrow(768, 1280),
      api.groupsAsSection("div", 1, 3),
      api.groupsAsSection("body", 1, 3),
      api.groupsAsSection("div", 0, 3),
    ],
    disclosures: [
      api.panelByMarkup("tabpanel", null),
      api.panelByMarkup("", "until-found"),
      api.panelByMarkup("", ""),
      api.opensPanels(true, ""),
      api.opensPanels(false, "tab"),
      api.opensPanels(false, "button"),
      api.expanderReach(),
      api.paddedLikeButton(12, 4),
      api.paddedLikeButton(11, 10),
    ],
    selectors: {
      classes: [api.plainClass("cookie-bar"), api.plainClass("9lives"), api.plainClass("a:b"), api.plainClass("x".repeat(32))],
      segments: [api.pathSegment("li", "item", api.nthOfType(2, 3)), api.pathSegment("p", undefined, api.nthOfType(1, 1))],
      joined: [api.joinSelectorPath("", "body > p"), api.joinSelectorPath("iframe#cmp", "button"), api.joinSelectorPath("iframe#cmp", "")],
      parts: api.selectorPathParts("div#app > iframe.cmp >>> x-card#c >>> input"),
      frames: [api.partEndsAtFrame("div#app > iframe.cmp"), api.partEndsAtFrame("x-card#c"), api.partEndsAtFrame("frame")],
    },
    colour: {
      contrast: api.textContrast({ r: 119, g: 119, b: 119, a: 1 }, white, 1),
      fills: [
        api.fillStandsOut({ r: 0, g: 102, b: 204, a: 1 }, white),
        api.fillStandsOut({ r: 250, g: 250, b: 250, a: 1 }, white),
        api.fillStandsOut({ r: 0, g: 0, b: 0, a: 0.4 }, white),
        api.fillStandsOut({ r: 250, g: 250, b: 250, a: 1 }, undefined),
      ],
    },
  };
}

describe("shared heuristics", () => {
  it("give the answers they are there to give", () => {
    const node = answers({ ...blocks, ...colour, ...disclosures, ...elementKinds, ...regions, ...selectors, ...sentences });
    expect(node.blocks).toEqual([true, false, true, true, true, false, false, false, true]);
    expect(node.kinds).toEqual([true, false, true, false, true, false]);
    expect(node.sentences).toEqual({
      limits: { depth: 6, maxSentence: 1200, scan: 1500, question: 300 },
      real: [true, true, false, true],
      before: [true, false, false],
    });
    expect(node.regions).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      false,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(node.disclosures).toEqual([true, true, false, true, true, false, 2, true, false]);
    expect(node.selectors).toEqual({
      classes: [true, false, false, false],
      segments: ["li.item:nth-of-type(2)", "p"],
      joined: ["body > p", "iframe#cmp >>> button", "iframe#cmp >>> "],
      parts: ["div#app > iframe.cmp", "x-card#c", "input"],
      frames: [true, false, true],
    });
    expect(node.colour).toEqual({ contrast: 4.48, fills: [true, false, false, true] });
  });

  it("answer the same in the page, sent as the browser extractor sends them", async () => {
    const node = answers({ ...blocks, ...colour, ...disclosures, ...elementKinds, ...regions, ...selectors, ...sentences });
    // The same asking function, serialised into the page, asks the heuristics as sent there.
    const page = await inPage(p, answers, null);
    expect(page).toEqual(node);
  });
});
