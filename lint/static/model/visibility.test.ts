import { describe, expect, it } from "vitest";
import type { Visibility } from "../../model.js";
import { block, run, staticModel } from "../__fixtures__/static-model.js";

/** The visibility flags that are set, for compact assertions. */
function flags(v: Visibility): string[] {
  const out = Object.entries(v)
    .filter(([, value]) => value === true)
    .map(([key]) => key);
  return out.sort();
}

describe("static visibility", () => {
  it("reports plain text as visible", () => {
    const m = staticModel(`<p>Plain</p>`);
    expect(flags(run(m, "Plain").visibility)).toEqual([]);
    expect(run(m, "Plain").visibility.covered).toBe(false);
  });

  it("takes display:none and the hidden attribute down to descendants", () => {
    const m = staticModel(
      `<div style="display:none"><p>Styled away</p></div><div hidden><p>Attribute</p></div><div hidden style="display:block"><p>Overridden</p></div>`,
    );
    expect(flags(run(m, "Styled away").visibility)).toEqual(["displayNone"]);
    expect(flags(run(m, "Attribute").visibility)).toEqual(["displayNone"]);
    expect(flags(run(m, "Overridden").visibility)).toEqual([]);
  });

  it("reads visibility:hidden", () => {
    const m = staticModel(`<p class="v">Invisible</p>`, { css: ".v { visibility: hidden }" });
    expect(flags(run(m, "Invisible").visibility)).toEqual(["visibilityHidden"]);
  });

  it("puts large negative offsets, margins, translations and text-indent off-screen", () => {
    const m = staticModel(
      `<p style="position:absolute; left:-9999px">Left</p><p style="position:fixed; top:-2000px">Top</p><p style="text-indent:-9999px">Indented <span>child</span></p><p style="transform: translateX(-10000px)">Moved</p><p style="position:relative; left:-20px">Nudged</p><p style="left:-9999px">Static</p>`,
    );
    for (const text of ["Left", "Top", "Indented", "child", "Moved"]) expect(flags(run(m, text).visibility)).toEqual(["offscreen"]);
    expect(flags(run(m, "Nudged").visibility)).toEqual([]);
    expect(flags(run(m, "Static").visibility)).toEqual([]);
  });

  it("marks the screen-reader-only pattern as srOnly and clipped, and clip-path inset(50%) as clipped", () => {
    const m = staticModel(
      `<span class="sr-only">Screen reader</span><span class="vh">Visually hidden</span><p style="clip-path: inset(50%)">Inset</p><p style="clip: rect(0 0 0 0)">Static clip</p>`,
      {
        css: ".sr-only { position:absolute; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); border:0 } .vh { position:absolute !important; width:1px; height:1px; overflow:hidden; clip-path: inset(50%); white-space:nowrap }",
      },
    );
    expect(flags(run(m, "Screen reader").visibility)).toEqual(["clipped", "srOnly"]);
    expect(flags(run(m, "Visually hidden").visibility)).toEqual(["clipped", "srOnly"]);
    expect(flags(run(m, "Inset").visibility)).toEqual(["clipped"]);
    expect(flags(run(m, "Static clip").visibility)).toEqual([]);
  });

  it("marks explicit zero sizes with overflow hidden as zero-size, and their content as clipped", () => {
    const m = staticModel(
      `<div style="width:0; height:0; overflow:hidden">Zero <p>Inside</p></div><div style="height:0">Overflowing</div><div style="max-height:0; overflow:hidden">Max</div>`,
    );
    expect(flags(run(m, "Zero").visibility)).toEqual(["zeroSize"]);
    expect(flags(run(m, "Inside").visibility)).toEqual(["clipped"]);
    expect(flags(run(m, "Overflowing").visibility)).toEqual([]);
    expect(flags(run(m, "Max").visibility)).toEqual(["zeroSize"]);
  });

  it("never sets zero-size from unknown boxes", () => {
    const m = staticModel(`<span style="position:absolute"></span><p style="width:50%; height:auto; overflow:hidden">Unknown box</p>`);
    expect(run(m, "Unknown box").visibility.zeroSize).toBe(false);
    expect(run(m, "Unknown box").box).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it("collapses a closed <details> except its summary, and not an open one", () => {
    const m = staticModel(
      `<details><summary>More options</summary>Loose text<p>Inside closed</p></details><details open><summary>Open summary</summary><p>Inside open</p></details>`,
    );
    expect(flags(run(m, "More options").visibility)).toEqual([]);
    expect(flags(run(m, "Inside closed").visibility)).toEqual(["collapsed"]);
    expect(flags(run(m, "Loose text").visibility)).toEqual(["collapsed"]);
    expect(flags(run(m, "Inside open").visibility)).toEqual([]);
  });

  it("counts a display:none disclosure panel as collapsed, not display:none", () => {
    const m = staticModel(
      `<button aria-expanded="false" aria-controls="panel">More</button><div id="panel" style="display:none"><p>Panel text</p></div><div class="accordion-body" style="display:none"><p>Accordion text</p></div><div style="display:none"><p>Plain hidden</p></div>`,
    );
    expect(flags(run(m, "Panel text").visibility)).toEqual(["collapsed"]);
    expect(flags(run(m, "Accordion text").visibility)).toEqual(["collapsed"]);
    expect(flags(run(m, "Plain hidden").visibility)).toEqual(["displayNone"]);
  });

  it("collapses the content of content-visibility:hidden and hidden=until-found", () => {
    const m = staticModel(`<div style="content-visibility:hidden"><p>Skipped</p></div><div hidden="until-found"><p>Findable</p></div>`);
    expect(flags(run(m, "Skipped").visibility)).toEqual(["collapsed"]);
    expect(flags(run(m, "Findable").visibility)).toEqual(["collapsed"]);
  });

  it("marks text inside a scroll container", () => {
    const m = staticModel(`<div style="height: 80px; overflow-y: auto"><p>Scrollable terms</p></div>`);
    expect(flags(run(m, "Scrollable terms").visibility)).toEqual(["inScrollContainer"]);
  });

  it("gives a block the visibility of its container and each run its own", () => {
    const m = staticModel(`<p>I agree <span style="display:none">to share my data</span> to the terms</p>`);
    const b = block(m, "I agree to share my data to the terms");
    expect(flags(b.visibility)).toEqual([]);
    expect(b.runs.map((r) => [r.text, flags(r.visibility)])).toEqual([
      ["I agree to the terms", []],
      ["to share my data", ["displayNone"]],
    ]);
  });
});

describe("static visibility: only what CSS alone decides", () => {
  it("puts a box off-screen from its containing block only when that block is at the page's origin", () => {
    const m = staticModel(
      `<p style="position:absolute; left:-600px; width:300px">From origin</p><div style="position:relative"><p style="position:absolute; left:-600px; width:300px">Near a container</p><p style="position:absolute; left:-9999px">Far from a container</p><p style="position:absolute; top:-9999px">Above a container</p></div><div style="transform: translateX(10px)"><p style="position:fixed; left:-800px">Fixed in a transform</p></div>`,
    );
    expect(flags(run(m, "From origin").visibility)).toEqual(["offscreen"]);
    expect(flags(run(m, "Near a container").visibility)).toEqual([]);
    expect(flags(run(m, "Far from a container").visibility)).toEqual(["offscreen"]);
    expect(flags(run(m, "Above a container").visibility)).toEqual([]);
    expect(flags(run(m, "Fixed in a transform").visibility)).toEqual([]);
  });

  it("does not take a zero size from CSS that layout may override: inline boxes, padding, a minimum, a growing flex item", () => {
    const m = staticModel(
      `<span style="width:0; overflow:hidden">Inline</span><div style="height:0; overflow:hidden; padding-bottom:20px">Padded</div><div style="height:0; min-height:40px; overflow:hidden">Minimum</div><div style="display:flex"><div style="width:0; flex-grow:1; overflow:hidden">Growing</div></div><div style="display:flex"><div style="width:0; overflow:hidden">Fixed flex item</div></div>`,
    );
    for (const text of ["Inline", "Padded", "Minimum", "Growing"]) expect(flags(run(m, text).visibility)).toEqual([]);
    expect(flags(run(m, "Fixed flex item").visibility)).toEqual(["zeroSize"]);
  });

  it("reports off-screen, clipped and zero size only for rendered boxes, as the browser does", () => {
    const m = staticModel(
      `<div style="display:none"><p style="position:absolute; left:-9999px">Gone</p><p style="clip-path: inset(50%)">Cut</p></div><details><summary>More</summary><p style="text-indent:-9999px">Folded</p></details>`,
    );
    expect(flags(run(m, "Gone").visibility)).toEqual(["displayNone"]);
    expect(flags(run(m, "Cut").visibility)).toEqual(["displayNone"]);
    expect(flags(run(m, "Folded").visibility)).toEqual(["collapsed"]);
  });

  it("does not call text transparent when its background shows through it (background-clip: text)", () => {
    const m = staticModel(
      `<p style="color: transparent; background: linear-gradient(#000, #333) text">Gradient text</p><p style="-webkit-text-fill-color: transparent">Invisible</p>`,
    );
    expect(run(m, "Gradient text").colorTransparent).toBe(false);
    expect(run(m, "Invisible").colorTransparent).toBe(true);
  });
});

describe("static visibility: disclosures and filters as the browser reads them", () => {
  it("counts a hidden tab panel and a panel right after an expander as collapsed, whatever their class", () => {
    const m = staticModel(
      `<div role="tabpanel" style="display:none"><p>Tab text</p></div><div><button aria-expanded="false">More</button></div><p>Between</p><div style="display:none"><p>Under an expander</p></div><div class="collapse" style="display:none"><p>Just hidden</p></div>`,
    );
    expect(flags(run(m, "Tab text").visibility)).toEqual(["collapsed"]);
    expect(flags(run(m, "Under an expander").visibility)).toEqual(["collapsed"]);
    expect(flags(run(m, "Just hidden").visibility)).toEqual(["displayNone"]);
  });

  it("fades text by a filter's opacity() as by the opacity property", () => {
    const m = staticModel(`<p style="filter: blur(1px) opacity(30%)">Filtered</p>`);
    expect(run(m, "Filtered").visibility.opacity).toBeCloseTo(0.3, 5);
  });
});
