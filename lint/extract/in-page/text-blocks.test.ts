/** text-blocks.ts in a real page: blocks and their measured runs. */
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

describe("text blocks", () => {
  it("makes one block per block container with one measured run per element owning its text", async () => {
    await p.setContent(
      html(`<p id="p" style="font-size:12px;color:#777">Read the <b style="font-weight:700;color:#000">terms</b> first</p>
        <div id="empty">   </div><p id="second">Second</p>`),
    );
    const args = passArgs();
    args.context.idPrefix = "f1.";
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        api.buildTextBlocks(pass);
        return pass.texts.map((t) => ({
          id: t.id,
          text: t.text,
          selector: t.selector,
          regionId: t.regionId,
          runs: t.runs.map((r) => ({ text: r.text, fontPx: r.fontPx, fontWeight: r.fontWeight, color: r.color, contrast: r.contrast, background: r.background, w: r.box.width > 0 })),
        }));
      },
      args,
    );
    expect(out.map((b) => b.id)).toEqual(["f1.t1", "f1.t2"]);
    expect(out[0]).toMatchObject({ text: "Read the terms first", selector: "p#p", regionId: "page" });
    expect(out[0].runs).toEqual([
      { text: "Read the first", fontPx: 12, fontWeight: 400, color: { r: 119, g: 119, b: 119, a: 1 }, contrast: 4.48, background: { r: 255, g: 255, b: 255, a: 1 }, w: true },
      { text: "terms", fontPx: 12, fontWeight: 700, color: { r: 0, g: 0, b: 0, a: 1 }, contrast: 21, background: { r: 255, g: 255, b: 255, a: 1 }, w: true },
    ]);
    expect(out[1].text).toBe("Second");
  });

  it("measures a run's box around its rendered text, and an empty box when it renders none", async () => {
    await p.setContent(html(`<p id="a" style="margin:0;position:absolute;left:50px;top:30px;font:20px/20px sans-serif">Boxed</p><p id="b" style="display:none">Gone</p>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const nodes = (id: string) => Array.from((document.getElementById(id) as Element).childNodes) as Text[];
        const info = pass.infos.get(document.getElementById("a") as Element);
        if (!info) throw new Error("a");
        const transparent = api.runOf(pass, info, [document.createTextNode("   ")]);
        return { a: api.textNodesRect(document, nodes("a")), b: api.textNodesRect(document, nodes("b")), transparent };
      },
      passArgs(),
    );
    expect(out.a.left).toBe(50);
    expect(Math.abs(out.a.top - 30)).toBeLessThan(4);
    expect(out.a.height).toBeGreaterThan(12);
    expect(out.a.width).toBeGreaterThan(20);
    expect(out.b).toEqual({ left: 0, top: 0, width: 0, height: 0 });
    expect(out.transparent).toBeNull();
  });

  it("gives a block the link all its text sits in", async () => {
    await p.setContent(html(`<li id="one"><a href="https://shop.example/privacy">Privacy</a></li><li id="mixed"><a href="https://shop.example/a">A</a> and text</li>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        api.buildTextBlocks(pass);
        return pass.texts.map((t) => [t.text, t.linkHref]);
      },
      passArgs(),
    );
    expect(out).toEqual([
      ["Privacy", "https://shop.example/privacy"],
      ["A and text", null],
    ]);
  });
});
