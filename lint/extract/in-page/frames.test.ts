/** frames.ts in a real page: viewport metrics, entering same-origin frames, and frames kept for a pass of their own. */
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

describe("frames", () => {
  it("reads a document's viewport and scroll size, and whether its root hides horizontal overflow", async () => {
    await p.setContent(html(`<div style="height:3000px">tall</div>`, `<style>html{overflow-x:hidden}</style>`));
    const out = await inPage(p, (api) => api.frameMetrics(api.savedDom(), document, window), null);
    expect(out).toMatchObject({ viewW: 1280, viewH: 800, scrollX: 0, scrollY: 0, clipX: true });
    expect(out.scrollH).toBeGreaterThan(3000);
  });

  it("enters a srcdoc frame: its document is walked with the frame's offset, and its selectors start at the frame", async () => {
    await p.setContent(
      html(`<iframe id="f" style="position:absolute;left:100px;top:50px;width:400px;height:300px;border:0" srcdoc="<body style='margin:0'><p style='margin:0'>Inside the frame</p></body>"></iframe>`),
    );
    await p.waitForFunction(() => (document.getElementById("f") as HTMLIFrameElement).contentDocument?.querySelector("p") !== null);
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const doc = (document.getElementById("f") as HTMLIFrameElement).contentDocument as Document;
        const inner = doc.querySelector("p") as Element;
        const info = pass.infos.get(inner);
        if (!info) throw new Error("the frame's paragraph was not walked");
        const box = api.elementBox(pass, info).box;
        return {
          frames: pass.frames.map((f) => ({ selector: f.selector, reachable: f.reachable, crossOrigin: f.crossOrigin, visible: f.visible })),
          box: { x: box.x, y: box.y },
          selector: api.selectorOf(pass, inner),
          pending: pass.pendingInfos.length,
          origin: api.originOf("https://shop.example/a?b"),
          noOrigin: api.originOf("not a url"),
        };
      },
      passArgs(),
    );
    expect(out.frames).toEqual([{ selector: "iframe#f", reachable: true, crossOrigin: false, visible: true }]);
    expect(out.box).toEqual({ x: 100, y: 50 });
    expect(out.selector).toBe("iframe#f >>> body > p");
    expect(out.pending).toBe(0);
    expect(out.origin).toBe("https://shop.example");
    expect(out.noOrigin).toBe("null");
  });

  it("gives a frame it cannot enter the context of its frame element, with its region and group", async () => {
    await p.setContent(
      html(`<form><div style="opacity:0.5"><iframe id="f" style="width:300px;height:200px;border:0;padding:10px" srcdoc="x"></iframe></div></form>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        const info = pass.infos.get(document.getElementById("f") as Element);
        if (!info) throw new Error("no frame");
        // A frame the pass could not enter, as a cross-process frame would be.
        pass.pendingInfos.push({ info, pending: { index: 0, frameIndex: 0, context: api.pendingContext(info, "iframe#f", { ox: 18, oy: 18, scale: 1, clip: null, offscreen: false }) } });
        return api.pendingFrames(pass).map((f) => f.context);
      },
      passArgs(),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ idPrefix: "", framePath: "iframe#f", selectorPrefix: "iframe#f >>> ", offsetX: 18, opacity: 0.5, regionId: "r1", groupId: "g1" });
  });
});
