/** Frames and shadow roots: srcdoc and same-origin frames, open and closed shadow roots, cross-origin frames in their own process. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, Harness, PageServer, blockWith, controlBy, page } from "./__fixtures__/harness.js";
import { FrameReader } from "./frame-reader.js";
import { assembleModel } from "./model-assembly.js";

let h: Harness;
let server: PageServer;
beforeAll(async () => {
  h = await Harness.start();
  server = await PageServer.start();
});
afterAll(async () => {
  await h?.stop();
  await server?.stop();
});

describe("frames", () => {
  it("reads a srcdoc frame in the page's pass, with boxes in top-level coordinates and the frame's opacity", async () => {
    const inner = page(
      `<form><label><input type="checkbox" checked> Share my statements with a credit-scoring partner</label><button>OK</button></form>`,
    );
    const model = await h.model(
      page(`<h1>Your year in review</h1>
        <div style="opacity:0.5"><iframe id="offer" style="position:absolute;left:100px;top:200px;width:500px;height:150px;border:0" srcdoc="${inner.replace(/"/g, "&quot;")}"></iframe></div>`),
    );
    const box = controlBy(model, "credit-scoring partner");
    expect(box.checked).toBe(true);
    expect(box.framePath).toBe("iframe#offer");
    expect(box.selector.startsWith("iframe#offer >>> ")).toBe(true);
    expect(box.box.x).toBeGreaterThanOrEqual(100);
    expect(box.box.y).toBeGreaterThanOrEqual(200);
    // The frame is a region of its own, folded into the page unless it asks for consent.
    expect(model.regions.find((r) => r.id === box.regionId)).toMatchObject({
      kind: "frame",
      selector: "iframe#offer",
      tentativeOf: "page",
    });
    const run = blockWith(model, "credit-scoring").runs[0];
    expect(run.visibility.opacity).toBeCloseTo(0.5, 3);
    expect(model.frames).toHaveLength(1);
    expect(model.frames[0]).toMatchObject({ path: "iframe#offer", reachable: true, crossOrigin: false, visible: true });
    expect(model.notes.filter((n) => n.kind === "cross-origin-frame")).toEqual([]);
  });

  it("reads a same-origin frame loaded from the server", async () => {
    server.set(
      "/same/outer.html",
      page(`<h1>Energy report</h1><iframe src="/same/inner.html" name="partners" width="600" height="200"></iframe>`),
    );
    server.set(
      "/same/inner.html",
      page(
        `<label for="s">Share my usage data with partner companies</label><select id="s"><option>No</option><option selected>Yes, share my usage data</option></select>`,
      ),
    );
    const p = await h.newPage();
    await p.goto(server.url("/same/outer.html"));
    const model = await h.modelOf(p);
    const select = controlBy(model, "usage data with partner");
    expect(select.options?.find((o) => o.selected)?.text).toBe("Yes, share my usage data");
    expect(select.framePath).toBe("body > iframe");
    expect(model.frames[0]).toMatchObject({ reachable: true, crossOrigin: false, url: server.url("/same/inner.html") });
    // The selector enters the frame the way Playwright locators do.
    const [frameSel, inner] = select.selector.split(" >>> ");
    expect(await p.frameLocator(frameSel).locator(inner).count()).toBe(1);
  });

  it("reads a cross-origin frame that runs in another process, and places it in the page", async () => {
    server.set(
      "/x/outer.html",
      page(
        `<h1>Checkout</h1><div style="position:fixed;bottom:0;left:0;right:0;height:220px"><iframe id="cmp" style="border:0;width:100%;height:200px"></iframe></div>`,
      ),
    );
    server.set(
      "/x/cmp.html",
      page(`<div role="dialog" aria-label="Cookie settings"><h2>We value your privacy</h2>
        <label><input type="checkbox" id="ads"> Advertising partners</label><button>Accept all</button></div>
        <script>document.getElementById('ads').checked = true</script>`),
    );
    const p = await h.newPage();
    await p.goto(server.url("/x/outer.html"));
    await p.evaluate(
      (src) => {
        (document.getElementById("cmp") as HTMLIFrameElement).src = src;
      },
      server.url("/x/cmp.html", "localhost"),
    );
    await p.waitForFunction(() => window.frames.length > 0);
    await p.frameLocator("#cmp").locator("#ads").waitFor();
    const model = await h.modelOf(p);
    const ads = controlBy(model, "Advertising partners");
    expect(ads.checked).toBe(true);
    expect(ads.id.startsWith("f1.")).toBe(true);
    expect(ads.framePath).toBe("iframe#cmp");
    expect(ads.selector).toMatch(/^iframe#cmp >>> /);
    expect(ads.box.y).toBeGreaterThan(500);
    const dialog = model.regions.find((r) => r.id === ads.regionId);
    expect(dialog).toMatchObject({ kind: "dialog", label: "Cookie settings", headings: ["We value your privacy"] });
    expect(model.frames.find((f) => f.path === "iframe#cmp")).toMatchObject({
      reachable: true,
      crossOrigin: true,
      url: server.url("/x/cmp.html", "localhost"),
    });
    expect(model.notes.filter((n) => n.kind === "cross-origin-frame")).toEqual([]);
  });

  it("leaves a frame that failed to load out of the model, without calling it a blind spot", async () => {
    server.set("/gone/outer.html", page(`<iframe id="dead" src="http://localhost:1/nothing.html"></iframe><p>page text</p>`));
    const p = await h.newPage();
    await p.goto(server.url("/gone/outer.html"));
    const model = await h.modelOf(p);
    expect(model.frames.find((f) => f.selector === "iframe#dead")).toMatchObject({ reachable: false, reason: "the frame failed to load" });
    expect(model.texts.map((t) => t.text)).toEqual(["page text"]);
    expect(model.notes).toEqual([]);
  });

  it("notes a cross-origin frame it could not read, instead of guessing", async () => {
    server.set(
      "/late/outer.html",
      page(`<p>page text</p><iframe id="late" src="${server.url("/late/inner.html", "localhost")}"></iframe>`),
    );
    server.set("/late/inner.html", page(`<label><input type="checkbox" checked> Sell my data</label>`));
    const p = await h.newPage();
    await p.goto(server.url("/late/outer.html"));
    // A reader whose time for frames is already up reads the page but no frame of its own.
    const reader = new FrameReader(p, { maxTextBlocks: 1000, maxElements: 10_000, budgetMs: 5000, deadline: Date.now() });
    const read = await reader.read().finally(() => reader.close());
    const model = assembleModel(read.parts, read.unread, {
      url: p.url(),
      viewport: DESKTOP,
      locale: null,
      flowActions: [],
      capturedAt: new Date().toISOString(),
    });
    expect(model.controls).toEqual([]);
    expect(model.frames).toEqual([
      expect.objectContaining({
        selector: "iframe#late",
        reachable: false,
        crossOrigin: true,
        url: server.url("/late/inner.html", "localhost"),
      }),
    ]);
    expect(model.notes).toEqual([expect.objectContaining({ kind: "cross-origin-frame", selector: "iframe#late" })]);
    expect(model.notes[0].message).toContain(server.url("/late/inner.html", "localhost"));
  });
});

describe("shadow roots", () => {
  it("reads controls and slotted text of open shadow roots, with a piercing selector and shadow path", async () => {
    const p = await h.newPage();
    await p.setContent(
      page(`<form id="order"><ad-choice id="choice"><span slot="label">Personalised ads from our partners</span></ad-choice><button>Place order</button></form>
      <script>
        customElements.define('ad-choice', class extends HTMLElement {
          constructor() { super(); const root = this.attachShadow({ mode: 'open' });
            root.innerHTML = '<div class="box"><input type="checkbox" id="opt" checked><label for="opt"><slot name="label"></slot></label><p class="fine">You can change this later.</p></div>'; }
        });
      </script>`),
    );
    const model = await h.modelOf(p);
    const c = controlBy(model, "Personalised ads");
    expect(c.checked).toBe(true);
    expect(c.labelText).toBe("Personalised ads from our partners");
    expect(c.shadowPath).toEqual(["ad-choice#choice"]);
    expect(c.selector).toBe("ad-choice#choice >>> input#opt");
    expect(c.groupId).toBe(model.groups.find((g) => g.kind === "form")?.id);
    expect(blockWith(model, "You can change this later.").selector).toBe("ad-choice#choice >>> div.box > p.fine");
    const [host, inner] = c.selector.split(" >>> ");
    expect(await p.locator(host).locator(inner).count()).toBe(1);
  });

  it("notes a custom element that renders content from a closed shadow root", async () => {
    const model = await h.model(
      page(`<secret-box></secret-box><script>
        customElements.define('secret-box', class extends HTMLElement {
          constructor() { super(); const r = this.attachShadow({ mode: 'closed' }); r.innerHTML = '<label style="display:block;width:300px"><input type="checkbox" checked> Sell my data</label>'; }
        });</script>`),
    );
    expect(model.controls).toEqual([]);
    expect(model.notes).toContainEqual(expect.objectContaining({ kind: "closed-shadow-root", selector: "body > secret-box" }));
  });
});
