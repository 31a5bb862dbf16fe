/** Text runs as measured in real Chromium: font sizes, colours, backgrounds, contrast, opacity and scale. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, blockWith, page, runWith } from "./__fixtures__/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.stop();
});

describe("font size and scale", () => {
  it("reads computed font sizes and weights, and scales them by transforms up the tree", async () => {
    const model = await h.model(
      page(`<p style="font-size:8px">tiny print</p>
        <p style="font-size:20px;font-weight:700">big bold</p>
        <div style="transform:scale(0.05);transform-origin:0 0"><p style="font-size:16px">shrunk away</p></div>
        <div style="transform:scale(0.5)"><div style="scale:0.5"><p style="font-size:40px">twice halved</p></div></div>`),
    );
    expect(runWith(model, "tiny print")).toMatchObject({ fontPx: 8, effectiveFontPx: 8, fontWeight: 400 });
    expect(runWith(model, "big bold")).toMatchObject({ fontPx: 20, fontWeight: 700 });
    const shrunk = runWith(model, "shrunk away");
    expect(shrunk.fontPx).toBe(16);
    expect(shrunk.effectiveFontPx).toBeCloseTo(0.8, 2);
    expect(shrunk.visibility.transformScale).toBeCloseTo(0.05, 3);
    const halved = runWith(model, "twice halved");
    expect(halved.effectiveFontPx).toBeCloseTo(10, 2);
    expect(halved.visibility.transformScale).toBeCloseTo(0.25, 3);
  });
});

describe("colour and contrast", () => {
  it("measures WCAG contrast against the composited background", async () => {
    const model = await h.model(
      page(`<p style="color:#ccc">light grey on white</p>
        <p style="color:#fff">white on white</p>
        <p style="color:#000">black on white</p>
        <div style="background:#000"><p style="color:rgba(255,255,255,0.5)">half white on black</p></div>
        <div style="background:rgba(0,0,0,0.5)"><p style="color:#fff">white on half black</p></div>`),
    );
    const grey = runWith(model, "light grey");
    expect(grey.contrast).toBeCloseTo(1.61, 2);
    expect(grey.color).toEqual({ r: 204, g: 204, b: 204, a: 1 });
    expect(grey.background).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(grey.backgroundSource).toBe("solid");
    expect(runWith(model, "white on white").contrast).toBe(1);
    expect(runWith(model, "black on white").contrast).toBe(21);
    // rgba(255,255,255,.5) over black paints rgb(128,128,128): 5.32:1 against black.
    const half = runWith(model, "half white");
    expect(half.color.a).toBe(0.5);
    expect(half.contrast).toBeCloseTo(5.32, 1);
    // Half-transparent black over the white page composites to rgb(128,128,128).
    const onGrey = runWith(model, "white on half black");
    expect(onGrey.background).toEqual({ r: 128, g: 128, b: 128, a: 1 });
    expect(onGrey.contrast).toBeCloseTo(3.95, 1);
  });

  it("fades text by the opacity of its ancestors, multiplied down the tree", async () => {
    const model = await h.model(
      page(`<div style="opacity:0.3"><p>faded partner text</p></div>
        <div style="opacity:0.5"><div style="opacity:0.5"><p>quarter opacity</p></div></div>`),
    );
    const faded = runWith(model, "faded partner");
    expect(faded.visibility.opacity).toBeCloseTo(0.3, 3);
    // Black at 30% over white reads as rgb(179,179,179): about 2.1:1.
    expect(faded.contrast).toBeGreaterThan(1.9);
    expect(faded.contrast).toBeLessThan(2.3);
    expect(runWith(model, "quarter opacity").visibility.opacity).toBeCloseTo(0.25, 3);
  });

  it("counts a filter's opacity() like the opacity property", async () => {
    const model = await h.model(
      page(`<p style="filter:opacity(0.2)">filtered partner text</p>
        <div style="opacity:0.5"><p style="filter:opacity(50%) blur(0px)">half of half</p></div>`),
    );
    expect(runWith(model, "filtered partner").visibility.opacity).toBeCloseTo(0.2, 3);
    expect(runWith(model, "half of half").visibility.opacity).toBeCloseTo(0.25, 3);
  });

  it("flags transparent text colour", async () => {
    const model = await h.model(
      page(`<p style="color:transparent">invisible words</p><p style="color:rgba(0,0,0,0)">also invisible</p><p>plain</p>`),
    );
    expect(runWith(model, "invisible words").colorTransparent).toBe(true);
    expect(runWith(model, "also invisible").colorTransparent).toBe(true);
    expect(runWith(model, "plain").colorTransparent).toBe(false);
  });

  it("takes the worst stop of a gradient background, and leaves contrast unknown on a background image", async () => {
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    const model = await h.model(
      page(`<div style="background:linear-gradient(90deg, #ffffff, #000000);color:#fff;padding:4px"><p>white on a gradient</p></div>
        <div style="background:#333 url('${png}');color:#fff"><p>white on a photo</p></div>
        <div style="background:#333 url('${png}')"><div style="background:#fff"><p>dark on a white card over a photo</p></div></div>`),
    );
    const grad = runWith(model, "white on a gradient");
    expect(grad.backgroundSource).toBe("gradient");
    expect(grad.background).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(grad.contrast).toBe(1);
    const photo = runWith(model, "white on a photo");
    expect(photo).toMatchObject({ backgroundSource: "image", background: null, contrast: null });
    expect(runWith(model, "dark on a white card").backgroundSource).toBe("solid");
  });

  it("sees an image painted under positioned text that is not its ancestor", async () => {
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    const model = await h.model(
      page(`<div style="position:relative;width:400px;height:200px">
        <img src="${png}" style="position:absolute;inset:0;width:400px;height:200px">
        <p style="position:absolute;top:40px;left:20px;color:#fff;margin:0">caption over the photo</p></div>`),
    );
    expect(runWith(model, "caption over the photo")).toMatchObject({ backgroundSource: "image", contrast: null });
  });
});

describe("blocks", () => {
  it("groups inline runs into the block a reader sees, with the block's language and heading level", async () => {
    const model = await h.model(
      page(
        `<h2>Privacy <em>choices</em></h2><p lang="de">Ich stimme der <a href="/agb">Weitergabe</a> zu.</p><ul><li>one</li><li>two</li></ul>`,
      ),
    );
    const heading = blockWith(model, "Privacy choices");
    expect(heading.heading).toBe(2);
    expect(heading.runs.map((r) => r.text)).toEqual(["Privacy", "choices"]);
    const de = blockWith(model, "Ich stimme der Weitergabe zu.");
    expect(de.lang).toBe("de");
    expect(de.linkHref).toBeNull();
    expect(model.texts.filter((t) => t.text === "one" || t.text === "two")).toHaveLength(2);
  });
});
