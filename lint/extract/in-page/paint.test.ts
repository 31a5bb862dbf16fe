/** paint.ts in a real page: computed colours (parsed or painted), background layers, fills and worst contrast. */
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

describe("colours the parser does not know", () => {
  it("paints them on a canvas and remembers each value", async () => {
    await p.setContent(html(`<p>x</p>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        const grey = api.colourOf(pass, "oklch(0.6 0 0)");
        return { grey, cached: pass.colourCache.has("oklch(0.6 0 0)"), junk: api.colourOf(pass, "not-a-colour"), empty: api.colourOf(pass, "") };
      },
      passArgs(),
    );
    expect(out.grey).not.toBeNull();
    expect(out.grey?.r).toBe(out.grey?.g);
    expect(out.grey?.r).toBeGreaterThan(100);
    expect(out.grey?.r).toBeLessThan(160);
    expect(out.cached).toBe(true);
    expect(out.junk).toBeNull();
    expect(out.empty).toBeNull();
  });
});

describe("background layers", () => {
  it("reads colour, gradient and image layers and paints them over what is behind", async () => {
    await p.setContent(
      html(`<div id="half" style="background:rgba(0,0,0,0.5)">a</div>
        <div id="grad" style="background:linear-gradient(#000, rgba(255,255,255,0.5))">b</div>
        <div id="img" style="background:url(data:image/gif;base64,R0lGODlhAQABAAAAACw=)">c</div>
        <div id="none">d</div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        const layer = (id: string) => api.layerOf(pass, getComputedStyle(document.getElementById(id) as Element));
        const white = { source: "solid" as const, colours: [{ r: 255, g: 255, b: 255, a: 1 }] };
        const half = layer("half");
        const grad = layer("grad");
        return {
          kinds: [half.kind, grad.kind, layer("img").kind, layer("none").kind],
          opaque: [api.opaqueLayer(half), api.opaqueLayer(grad), api.opaqueLayer(layer("img"))],
          overWhite: api.applyLayer(white, half),
          gradient: api.applyLayer(white, grad),
          image: api.applyLayer(white, layer("img")),
        };
      },
      passArgs(),
    );
    expect(out.kinds).toEqual(["colour", "gradient", "image", "none"]);
    expect(out.opaque).toEqual([false, false, true]);
    expect(out.overWhite.source).toBe("solid");
    expect(out.overWhite.colours[0].r).toBeCloseTo(127.5, 0);
    expect(out.gradient.source).toBe("gradient");
    expect(out.gradient.colours).toHaveLength(2);
    expect(out.gradient.colours[0]).toEqual({ r: 0, g: 0, b: 0, a: 1 });
    expect(out.gradient.colours[1].r).toBe(255);
    expect(out.image).toEqual({ source: "image", colours: [] });
  });

  it("takes a padded, filled or bordered link as a button, and a bare link or one filled like the page as not", async () => {
    await p.setContent(
      html(`<a id="filled" href="#" style="background:#06c;padding:6px 12px">Accept</a>
        <a id="bordered" href="#" style="border:1px solid #333;padding:4px 10px">Settings</a>
        <a id="bare" href="#">Privacy policy</a>
        <a id="white" href="#" style="background:#fff;padding:6px 12px">Reject</a>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        const behind = a.context.background;
        const button = (id: string) => api.looksLikeButton(pass, getComputedStyle(document.getElementById(id) as Element), behind);
        return ["filled", "bordered", "bare", "white"].map(button);
      },
      passArgs(),
    );
    expect(out).toEqual([true, true, false, false]);
  });

  it("gives the background candidate text reads worst on, and no contrast over an image", async () => {
    const out = await inPage(
      p,
      (api) => {
        const grey = { r: 128, g: 128, b: 128, a: 1 };
        const stops = { source: "gradient" as const, colours: [{ r: 0, g: 0, b: 0, a: 1 }, { r: 120, g: 120, b: 120, a: 1 }, { r: 255, g: 255, b: 255, a: 1 }] };
        return { worst: api.colourWorst(grey, stops, 1), image: api.colourWorst(grey, { source: "image", colours: [] }, 1) };
      },
      null,
    );
    expect(out.worst.background).toEqual({ r: 120, g: 120, b: 120, a: 1 });
    expect(out.worst.contrast).toBeCloseTo(1.12, 2);
    expect(out.image).toEqual({ background: null, contrast: null });
  });
});
