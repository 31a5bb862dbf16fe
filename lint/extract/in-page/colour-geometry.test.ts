/** colour.ts and css-geometry.ts in a real page: computed colour parsing, compositing, contrast, transform scale, clips and boxes. */
import type { Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, page as html } from "../__fixtures__/harness.js";
import { inPage } from "../__fixtures__/in-page.js";

let h: Harness;
let p: Page;
beforeAll(async () => {
  h = await Harness.start();
  p = await h.newPage();
});
afterAll(async () => {
  await h?.stop();
});

describe("colour", () => {
  it("parses the colours Chromium computes and refuses the rest", async () => {
    await p.setContent(html(`<p id="x" style="color:color(srgb 1 0 0 / 0.5);background:#0f08">x</p>`));
    const out = await inPage(
      p,
      (api) => {
        const st = getComputedStyle(document.getElementById("x") as Element);
        return {
          computed: api.parseCssColour(st.color),
          bg: api.parseCssColour(st.backgroundColor),
          space: api.parseCssColour("rgb(10 20 30 / 50%)"),
          hex: api.parseCssColour("#abc"),
          clear: api.parseCssColour("transparent"),
          lab: api.parseCssColour("lab(50% 0 0)"),
        };
      },
      null,
    );
    expect(out.computed).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(out.bg?.g).toBe(255);
    expect(out.bg?.a).toBeCloseTo(0.533, 2);
    expect(out.space).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(out.hex).toEqual({ r: 170, g: 187, b: 204, a: 1 });
    expect(out.clear).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(out.lab).toBeNull();
  });

  it("composites, fades and measures WCAG contrast", async () => {
    const out = await inPage(
      p,
      (api) => {
        const white = { r: 255, g: 255, b: 255, a: 1 };
        const black = { r: 0, g: 0, b: 0, a: 1 };
        return {
          max: api.textContrast(black, white, 1),
          faded: api.textContrast(black, white, 0),
          halfBlack: api.roundedColour(api.compositeOver({ r: 0, g: 0, b: 0, a: 0.5 }, white)),
          tokens: api.gradientColourTokens("linear-gradient(rgb(1, 2, 3) 0%, rgba(4, 5, 6, 0.5) 100%)"),
        };
      },
      null,
    );
    expect(out).toEqual({ max: 21, faded: 1, halfBlack: { r: 128, g: 128, b: 128, a: 1 }, tokens: ["rgb(1, 2, 3)", "rgba(4, 5, 6, 0.5)"] });
  });
});

describe("css geometry", () => {
  it("reads scale from computed transform, scale and zoom", async () => {
    await p.setContent(html(`<div id="t" style="transform:scale(0.5, 0.25)">x</div><div id="s" style="scale:2">y</div>`));
    const out = await inPage(
      p,
      (api) => {
        const st = (id: string): CSSStyleDeclaration => getComputedStyle(document.getElementById(id) as Element);
        const t = st("t");
        const s = st("s");
        return {
          t: api.ownScale(t.transform, t.getPropertyValue("scale"), t.getPropertyValue("zoom")),
          s: api.ownScale(s.transform, s.getPropertyValue("scale"), s.getPropertyValue("zoom")),
          none: api.ownScale("none", "none", "1"),
        };
      },
      null,
    );
    expect(out).toEqual({ t: [0.5, 0.25], s: [2, 2], none: [1, 1] });
  });

  it("finds clips that leave nothing and the box a clip rect leaves", async () => {
    const out = await inPage(
      p,
      (api) => ({
        rect: api.clipRectOf("rect(0px, 1px, 1px, 0px)", { left: 10, top: 20, width: 100, height: 50 }),
        auto: api.clipRectOf("rect(auto, auto, auto, auto)", { left: 0, top: 0, width: 100, height: 50 }),
        inset: api.clipPathEmpties("inset(50%)", 100, 40),
        insetPart: api.clipPathEmpties("inset(10px)", 100, 40),
        circle: api.clipPathEmpties("circle(0px at 50% 50%)", 100, 40),
        polygon: api.clipPathEmpties("polygon(0px 0px, 0px 0px, 0px 0px)", 100, 40),
        overlap: api.intersectBoxes({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 }),
        unbounded: api.intersectBoxes(null, { x: 1, y: 2, width: 3, height: 4 }),
        area: api.boxArea({ x: 0, y: 0, width: -5, height: 3 }),
        apart: api.boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }),
        rounded: api.roundBox({ x: 1.23456, y: 2.5, width: 3.333, height: 4 }),
        px: api.cssPx("12.5px") + api.cssPx("auto"),
      }),
      null,
    );
    expect(out).toEqual({
      rect: { x: 10, y: 20, width: 1, height: 1 },
      auto: { x: 0, y: 0, width: 100, height: 50 },
      inset: true,
      insetPart: false,
      circle: true,
      polygon: true,
      overlap: { x: 5, y: 5, width: 5, height: 5 },
      unbounded: { x: 1, y: 2, width: 3, height: 4 },
      area: 0,
      apart: false,
      rounded: { x: 1.23, y: 2.5, width: 3.33, height: 4 },
      px: 12.5,
    });
  });
});
