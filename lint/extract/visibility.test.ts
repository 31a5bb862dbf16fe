/** Visibility facts of text and controls, measured in real Chromium. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Visibility } from "../model.js";
import { Harness, controlBy, page, runWith } from "./__fixtures__/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.stop();
});

/** The flags that are true, for compact assertions. */
function flags(v: Visibility): string[] {
  const names: (keyof Visibility)[] = [
    "displayNone",
    "visibilityHidden",
    "zeroSize",
    "offscreen",
    "clipped",
    "collapsed",
    "covered",
    "inScrollContainer",
    "srOnly",
  ];
  return names.filter((n) => v[n] === true);
}

describe("hidden and unreachable text", () => {
  it("tells each way of hiding text apart", async () => {
    const model = await h.model(
      page(`<p>plain visible text</p>
        <p style="position:absolute;left:-9999px">pushed off to the left</p>
        <p style="text-indent:-9999px">indented out of sight</p>
        <div style="height:20px;overflow:hidden"><div style="height:200px"></div><p>below the clipping edge</p></div>
        <div style="width:0;height:0;overflow:hidden"><p>inside a zero box</p></div>
        <p style="font-size:0">zero font size</p>
        <p style="visibility:hidden">visibility hidden</p>
        <p style="display:none">display none</p>
        <p style="position:absolute;clip:rect(0 0 0 0)">clipped by clip rect</p>
        <p style="clip-path:inset(50%)">clipped by clip-path</p>`),
    );
    expect(flags(runWith(model, "plain visible").visibility)).toEqual([]);
    expect(flags(runWith(model, "pushed off").visibility)).toEqual(["offscreen"]);
    expect(flags(runWith(model, "indented out").visibility)).toContain("offscreen");
    expect(flags(runWith(model, "below the clipping edge").visibility)).toEqual(["clipped"]);
    expect(flags(runWith(model, "inside a zero box").visibility)).toContain("clipped");
    expect(flags(runWith(model, "zero font size").visibility)).toEqual(["zeroSize"]);
    expect(flags(runWith(model, "visibility hidden").visibility)).toEqual(["visibilityHidden"]);
    expect(flags(runWith(model, "display none").visibility)).toEqual(["displayNone"]);
    expect(flags(runWith(model, "clip rect").visibility)).toContain("clipped");
    expect(flags(runWith(model, "clip-path").visibility)).toEqual(["clipped"]);
  });

  it("marks text in a closed <details> as collapsed although its box is not empty, but not its summary", async () => {
    const model = await h.model(
      page(`<form><details><summary>More options</summary>
        <label><input type="checkbox" checked> Send me personalised offers and partner ads</label></details>
        <details open><summary>Open section</summary><p>shown content</p></details><button>Sign up</button></form>`),
    );
    const box = controlBy(model, "personalised offers");
    expect(box.checked).toBe(true);
    expect(box.visibility.collapsed).toBe(true);
    expect(box.visibility.displayNone).toBe(false);
    const run = runWith(model, "personalised offers");
    expect(run.visibility.collapsed).toBe(true);
    expect(flags(runWith(model, "More options").visibility)).toEqual([]);
    expect(flags(runWith(model, "shown content").visibility)).toEqual([]);
  });

  it("takes a display:none panel explained by an aria-expanded toggle as collapsed, an unexplained one as display:none", async () => {
    const model = await h.model(
      page(`<button aria-expanded="false" aria-controls="p1">Details</button>
        <div id="p1" style="display:none"><p>accordion text</p></div>
        <button aria-expanded="false">More</button><div hidden><p>panel after a toggle</p></div>
        <section><p>some page text</p></section><div hidden><p>hidden layer text</p></div>`),
    );
    expect(flags(runWith(model, "accordion text").visibility)).toEqual(["collapsed"]);
    expect(flags(runWith(model, "panel after a toggle").visibility)).toEqual(["collapsed"]);
    expect(flags(runWith(model, "hidden layer text").visibility)).toEqual(["displayNone"]);
  });

  it("sees text covered by an overlay, but not through a transparent or pointer-events:none layer", async () => {
    const model = await h.model(
      page(`<label style="position:absolute;top:100px;left:10px"><input type="checkbox"> Share my email with partners</label>
        <div style="position:fixed;top:90px;left:0;width:600px;height:60px;background:#c00;color:#fff">SALE 50% OFF</div>
        <p style="position:absolute;top:300px;left:10px">under a glass pane</p>
        <div style="position:absolute;top:290px;left:0;width:600px;height:60px"></div>
        <p style="position:absolute;top:400px;left:10px">under a click-through banner</p>
        <div style="position:absolute;top:390px;left:0;width:600px;height:60px;background:rgba(255,255,255,0.9);pointer-events:none"></div>`),
    );
    const covered = runWith(model, "Share my email").visibility;
    expect(covered.covered).toBe(true);
    expect(covered.coveredBy).toContain("SALE 50% OFF");
    expect(runWith(model, "under a glass pane").visibility.covered).toBe(false);
    expect(runWith(model, "under a click-through").visibility.covered).toBe(false);
  });

  it("recognises the screen-reader-only pattern", async () => {
    const model = await h.model(
      page(`<style>.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}</style>
        <label><input type="checkbox"><span class="sr-only">Advertising cookies</span><span aria-hidden="true">Advertising</span></label>`),
    );
    const sr = runWith(model, "Advertising cookies").visibility;
    expect(sr.srOnly).toBe(true);
    const shown = model.texts.flatMap((b) => b.runs).find((r) => r.text === "Advertising");
    expect(shown?.visibility.srOnly).toBe(false);
    expect(shown?.visibility.clipped).toBe(false);
  });

  it("says when clipped text sits in a scroll container it can be scrolled into", async () => {
    const model = await h.model(
      page(`<div style="height:80px;overflow:auto"><p style="height:300px">Summary of your plan</p><label><input type="checkbox" checked> Share my health data with our insurer</label></div>
        <div style="height:80px;overflow:hidden"><p style="height:300px">Summary</p><p>cut off for good</p></div>`),
    );
    const scrolled = runWith(model, "health data").visibility;
    expect(scrolled.clipped).toBe(true);
    expect(scrolled.inScrollContainer).toBe(true);
    const cut = runWith(model, "cut off for good").visibility;
    expect(cut.clipped).toBe(true);
    expect(cut.inScrollContainer).toBe(false);
  });

  it("does not count negative offsets inside a scroll container as scrollable", async () => {
    const model = await h.model(
      page(
        `<div style="height:200px;overflow:auto;position:relative"><p style="height:400px">long</p><span style="position:absolute;left:-9999px">your contacts and location</span></div>`,
      ),
    );
    const v = runWith(model, "your contacts").visibility;
    expect(v.offscreen).toBe(true);
    expect(v.inScrollContainer).toBe(false);
  });
});
