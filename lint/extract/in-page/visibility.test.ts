/** visibility.ts in a real page: visibility facts, what covers an element, and the background painted under it. */
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

describe("visibilityFacts", () => {
  it("tells hidden, off-screen, clipped, faded and shrunk elements apart", async () => {
    await p.setContent(
      html(`<p id="shown">shown</p>
        <p id="none" style="display:none">none</p>
        <p id="hidden" style="visibility:hidden">hidden</p>
        <p id="away" style="position:absolute;left:-9999px">away</p>
        <div style="overflow:hidden;height:2px"><p id="clipped" style="margin:0;height:40px">clipped</p></div>
        <div style="opacity:0.5;transform:scale(0.5)"><p id="faded">faded</p></div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const facts = (id: string) => {
          const info = pass.infos.get(document.getElementById(id) as Element);
          if (!info) throw new Error(`no info for ${id}`);
          const { box, local } = api.elementBox(pass, info);
          const v = api.visibilityFacts(pass, info, box, local, null).v;
          return { v, seen: api.seenFacts(v, info.opacity) };
        };
        return Object.fromEntries(["shown", "none", "hidden", "away", "clipped", "faded"].map((id) => [id, facts(id)]));
      },
      passArgs(),
    );
    expect(out.shown.seen).toBe(true);
    expect(out.shown.v).toMatchObject({
      displayNone: false,
      offscreen: false,
      clipped: false,
      opacity: 1,
      transformScale: 1,
      covered: false,
    });
    expect(out.none.v).toMatchObject({ displayNone: true, zeroSize: false });
    expect(out.none.seen).toBe(false);
    expect(out.hidden.v.visibilityHidden).toBe(true);
    expect(out.away.v.offscreen).toBe(true);
    expect(out.clipped.v.clipped).toBe(true);
    expect(out.faded.v).toMatchObject({ opacity: 0.5, transformScale: 0.5 });
    expect(out.faded.seen).toBe(true);
  });

  it("finds an opaque layer covering an element, and looks through an empty transparent one", async () => {
    await p.setContent(
      html(`<p id="under" style="margin:40px">Share my data</p><p id="free" style="margin:40px">Free text</p>
        <div id="cover" style="position:fixed;left:0;top:0;width:100%;height:90px;background:#fff">Sign up for our newsletter</div>
        <div style="position:fixed;left:0;top:100px;width:100%;height:200px"></div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const hit = (id: string) => {
          const el = document.getElementById(id) as Element;
          const info = pass.infos.get(el);
          if (!info) throw new Error(`no info for ${id}`);
          const { box } = api.elementBox(pass, info);
          return api.hitTest(pass, info, el, box);
        };
        const cover = document.getElementById("cover") as Element;
        return {
          under: hit("under"),
          free: hit("free"),
          describe: api.describe(pass, cover),
          seeThrough: api.seeThrough(pass, document.body),
        };
      },
      passArgs(),
    );
    expect(out.under).toEqual({ covered: true, coveredBy: 'div#cover "Sign up for our newsletter"', bg: null, behind: null });
    expect(out.free.covered).toBe(false);
    expect(out.describe).toBe('div#cover "Sign up for our newsletter"');
    expect(out.seeThrough).toBe(true);
  });

  it("takes the background from an image painted under text by an element that is not its ancestor", async () => {
    await p.setContent(
      html(`<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==" style="position:absolute;left:0;top:0;width:100%;height:100px">
        <p id="t" style="position:relative;margin:0;padding:20px">Over the picture</p><p id="plain">Plain</p>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const bgOf = (id: string) => {
          const el = document.getElementById(id) as Element;
          const info = pass.infos.get(el);
          if (!info) throw new Error(`no info for ${id}`);
          const { box, local } = api.elementBox(pass, info);
          return api.visibilityFacts(pass, info, box, local, el).bg;
        };
        return { over: bgOf("t"), plain: bgOf("plain") };
      },
      passArgs(),
    );
    expect(out.over).toEqual({ source: "image", colours: [] });
    expect(out.plain).toBeNull();
  });

  it("places an element outside the scrollable area as off-screen, and a fixed one by the viewport", async () => {
    await p.setContent(html(`<p>x</p>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const info = pass.infos.get(document.body);
        if (!info) throw new Error("no body");
        const fixed = { ...info, fixed: true };
        return {
          left: api.offscreenLocal({ left: -500, top: 0, width: 100, height: 10 }, info),
          below: api.offscreenLocal({ left: 0, top: 100_000, width: 100, height: 10 }, info),
          inside: api.offscreenLocal({ left: 10, top: 10, width: 100, height: 10 }, info),
          fixedBelow: api.offscreenLocal({ left: 0, top: 900, width: 100, height: 10 }, fixed),
          top: api.toTop({ left: 10, top: 20, width: 30, height: 40 }, { ...pass.topFs, ox: 100, oy: 200, scale: 2 }),
        };
      },
      passArgs(),
    );
    expect(out).toEqual({ left: true, below: true, inside: false, fixedBelow: true, top: { x: 120, y: 240, width: 60, height: 80 } });
  });
});
