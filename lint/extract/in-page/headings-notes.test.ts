/** headings.ts and read-notes.ts in a real page: region headings, and notes on what a pass could not read. */
import type { Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, page as html } from "../__fixtures__/harness.js";
import { inPage, passArgs } from "../__fixtures__/in-page.js";

let h: Harness;
let p: Page;
beforeAll(async () => {
  h = await Harness.start();
  p = await h.newPage();
});
afterAll(async () => {
  await h?.stop();
});

describe("regionHeadings", () => {
  it("gives each region its headings, hidden ones only in a region hidden as a whole", async () => {
    await p.setContent(
      html(`<h1>Shop</h1><h2 style="display:none">Hidden page heading</h2>
        <dialog id="d"><h2>Your privacy</h2><p>We use cookies.</p><button>OK</button></dialog>
        <div role="heading" aria-level="3">Offers</div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return api.regionHeadings(pass);
      },
      passArgs(),
    );
    expect(out).toEqual([
      { regionId: "page", text: "Shop" },
      { regionId: "r1", text: "Your privacy" },
      { regionId: "page", text: "Offers" },
    ]);
  });
});

describe("notes", () => {
  it("notes a defined custom element that shows content it keeps in a closed shadow root", async () => {
    await p.setContent(html(`<x-closed id="c"></x-closed><x-undefined style="display:block;width:50px;height:50px"></x-undefined><x-small id="s" style="display:inline-block"></x-small>`));
    const out = await inPage(
      p,
      (api, a) => {
        for (const [name, size] of [["x-closed", 60], ["x-small", 5]] as const) {
          customElements.define(
            name,
            class extends HTMLElement {
              constructor() {
                super();
                this.attachShadow({ mode: "closed" }).innerHTML = `<div style="width:${size}px;height:${size}px">secret</div>`;
              }
            },
          );
        }
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.noteClosedShadowRoots(pass);
        return pass.notes;
      },
      passArgs(),
    );
    expect(out).toEqual([{ kind: "closed-shadow-root", message: "<x-closed> renders content that cannot be read (likely a closed shadow root)", selector: "x-closed#c" }]);
  });

  it("says nothing when the walk read everything, and how far it got when it did not", async () => {
    await p.setContent(html(`<p>one</p><p>two</p>`));
    const out = await inPage(
      p,
      (api, a) => {
        const whole = api.createPass(a);
        api.walkDocument(whole);
        api.noteTruncation(whole);
        api.noteSkippedSubtrees(whole);
        const cut = api.createPass({ ...a, maxTextBlocks: 1 });
        api.walkDocument(cut);
        api.noteTruncation(cut);
        return { whole: whole.notes, cut: cut.notes.map((n) => n.message) };
      },
      passArgs(),
    );
    expect(out.whole).toEqual([]);
    expect(out.cut).toEqual([expect.stringMatching(/^The page is too large to read whole: stopped after \d+ elements and 0 text blocks \(limits 80000 elements, 1 text blocks, 15000 ms\)$/)]);
  });
});
