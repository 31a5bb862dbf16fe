import { describe, expect, it } from "vitest";
import { MOBILE, run, staticModel } from "../__fixtures__/static-model.js";

describe("static styles: the cascade", () => {
  it("lets the more specific selector win whatever the order", () => {
    const m = staticModel(`<p id="x" class="note">Text</p>`, {
      css: "#x { color: #ff0000 } .note { color: #00ff00 } p { color: #0000ff }",
    });
    expect(run(m, "Text").color).toEqual({ r: 255, g: 0, b: 0, a: 1 });
  });

  it("lets the later rule win at equal specificity", () => {
    const m = staticModel(`<p class="a b">Text</p>`, { css: ".a { font-size: 20px } .b { font-size: 12px }" });
    expect(run(m, "Text").fontPx).toBe(12);
  });

  it("lets !important beat specificity and the inline style, and inline beat rules", () => {
    const m = staticModel(`<p id="x" class="n" style="font-size: 30px">Important</p><p id="y" style="font-size: 30px">Inline</p>`, {
      css: ".n { font-size: 9px !important } #x { font-size: 40px } #y { font-size: 11px }",
    });
    expect(run(m, "Important").fontPx).toBe(9);
    expect(run(m, "Inline").fontPx).toBe(30);
  });

  it("lets an inline !important beat a stylesheet !important", () => {
    const m = staticModel(`<p class="n" style="color: #000 !important">Text</p>`, { css: ".n { color: #fff !important }" });
    expect(run(m, "Text").color).toEqual({ r: 0, g: 0, b: 0, a: 1 });
  });

  it("ignores rules for dynamic states and pseudo-elements, and unsupported selectors", () => {
    const m = staticModel(`<p class="n">Text</p>`, {
      css: ".n:hover { font-size: 2px } .n::before { font-size: 3px } .n:focus-visible { font-size: 4px } .n:unknown-thing { font-size: 5px } .n { font-size: 15px }",
    });
    expect(run(m, "Text").fontPx).toBe(15);
  });

  it("applies @media rules that match the viewport only", () => {
    const css = ".n { font-size: 16px } @media (max-width: 600px) { .n { font-size: 8px } } @media print { .n { font-size: 1px } }";
    expect(run(staticModel(`<p class="n">Text</p>`, { css }), "Text").fontPx).toBe(16);
    expect(run(staticModel(`<p class="n">Text</p>`, { css, viewport: MOBILE }), "Text").fontPx).toBe(8);
  });

  it("substitutes custom properties, with fallbacks, inherited from ancestors", () => {
    const m = staticModel(`<div class="theme"><p class="a">Themed</p><p class="b">Fallback</p></div>`, {
      css: ":root { --muted: #cccccc } .theme { --size: 9px } .a { color: var(--muted); font-size: var(--size) } .b { font-size: var(--missing, 11px) }",
    });
    expect(run(m, "Themed").color).toEqual({ r: 204, g: 204, b: 204, a: 1 });
    expect(run(m, "Themed").fontPx).toBe(9);
    expect(run(m, "Fallback").fontPx).toBe(11);
  });

  it("reads the font and background shorthands", () => {
    const m = staticModel(`<p class="f">Text</p>`, {
      css: ".f { font: bold 11px/1.4 Arial, sans-serif; background: #000 url() no-repeat; background: #222222; color: white }",
    });
    const r = run(m, "Text");
    expect(r.fontPx).toBe(11);
    expect(r.fontWeight).toBe(700);
    expect(r.background).toEqual({ r: 34, g: 34, b: 34, a: 1 });
  });
});

describe("static styles: inheritance and font sizes", () => {
  it("resolves em and % against the parent and rem against the root", () => {
    const m = staticModel(
      `<div style="font-size: 20px"><p style="font-size: 0.5em">Half</p><p style="font-size: 150%">More</p><div style="font-size: 10px"><p style="font-size: 2rem">Root</p></div></div>`,
      { css: "html { font-size: 12px }" },
    );
    expect(run(m, "Half").fontPx).toBe(10);
    expect(run(m, "More").fontPx).toBe(30);
    expect(run(m, "Root").fontPx).toBe(24);
  });

  it("inherits font size, weight and colour down to nested text", () => {
    const m = staticModel(`<div style="font-size: 9px; color: #777; font-weight: 600"><span>Nested <em>deeper</em></span></div>`);
    expect(run(m, "Nested").fontPx).toBe(9);
    expect(run(m, "deeper").fontPx).toBe(9);
    expect(run(m, "deeper").fontWeight).toBe(600);
    expect(run(m, "deeper").color).toEqual({ r: 119, g: 119, b: 119, a: 1 });
  });

  it("uses pt, keywords and the user-agent sizes of headings and small", () => {
    const m = staticModel(
      `<p style="font-size: 6pt">Points</p><p style="font-size: x-small">Keyword</p><h1>Heading</h1><p>Body <small>small print</small></p><p style="font-size: calc(4px + 0.25em)">Calc</p>`,
    );
    expect(run(m, "Points").fontPx).toBe(8);
    expect(run(m, "Keyword").fontPx).toBe(10);
    expect(run(m, "Heading").fontPx).toBe(32);
    expect(run(m, "Heading").fontWeight).toBe(700);
    expect(run(m, "Body").fontPx).toBe(16);
    expect(run(m, "small print").fontPx).toBeCloseTo(13.33, 1);
    expect(run(m, "Calc").fontPx).toBe(8);
  });

  it("lets a child make itself visible inside a visibility:hidden parent", () => {
    const m = staticModel(`<div style="visibility: hidden">Hidden <span style="visibility: visible">Shown</span></div>`);
    expect(run(m, "Hidden").visibility.visibilityHidden).toBe(true);
    expect(run(m, "Shown").visibility.visibilityHidden).toBe(false);
  });
});

describe("static styles: opacity, colour and contrast", () => {
  it("multiplies opacity down the tree", () => {
    const m = staticModel(`<div style="opacity: 0.5"><div style="opacity: 0.6"><p>Faded</p></div><p>Half</p></div><p>Full</p>`);
    expect(run(m, "Faded").visibility.opacity).toBeCloseTo(0.3, 5);
    expect(run(m, "Half").visibility.opacity).toBeCloseTo(0.5, 5);
    expect(run(m, "Full").visibility.opacity).toBe(1);
  });

  it("measures #ccc on the default white background at about 1.6:1, and black at 21:1", () => {
    const m = staticModel(`<p style="color: #ccc">Faint</p><p>Black</p>`);
    expect(run(m, "Faint").contrast).toBeCloseTo(1.61, 1);
    expect(run(m, "Faint").background).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(run(m, "Faint").backgroundSource).toBe("solid");
    expect(run(m, "Black").contrast).toBe(21);
  });

  it("composites translucent backgrounds up the tree", () => {
    const m = staticModel(
      `<div style="background: #000"><div style="background-color: rgba(255, 255, 255, 0.5)"><p style="color: #fff">On grey</p></div></div>`,
    );
    const r = run(m, "On grey");
    expect(r.background).toEqual({ r: 128, g: 128, b: 128, a: 1 });
    expect(r.contrast).toBeLessThan(4);
    expect(r.contrast).toBeGreaterThan(3.5);
  });

  it("applies the text's opacity to its contrast", () => {
    const m = staticModel(`<p style="opacity: 0.3">Faded black</p>`);
    expect(run(m, "Faded black").contrast).toBeLessThan(3);
  });

  it("uses the worst stop of a gradient background", () => {
    const m = staticModel(
      `<div style="background: linear-gradient(90deg, #000 0%, #eee 100%)"><p style="color: #fff">On gradient</p></div>`,
    );
    const r = run(m, "On gradient");
    expect(r.backgroundSource).toBe("gradient");
    expect(r.background).toEqual({ r: 238, g: 238, b: 238, a: 1 });
    expect(r.contrast).toBeLessThan(1.3);
  });

  it("leaves contrast unknown over a background image, and notes it", () => {
    const m = staticModel(`<div class="hero"><p>On photo</p><div style="background: #fff"><p>On white card</p></div></div>`, {
      css: ".hero { background: url(photo.jpg) center / cover }",
    });
    expect(run(m, "On photo")).toMatchObject({ contrast: null, background: null, backgroundSource: "image" });
    expect(run(m, "On white card").contrast).toBe(21);
    expect(m.notes.filter((n) => /background image/u.test(n.message)).map((n) => n.selector)).toEqual(["body > div.hero > p"]);
  });

  it("flags color: transparent and named colours", () => {
    const m = staticModel(
      `<p style="color: transparent">Invisible</p><p style="color: lightgrey">Named</p><p style="color: hsl(0 0% 80%)">Hsl</p>`,
    );
    expect(run(m, "Invisible").colorTransparent).toBe(true);
    expect(run(m, "Named").colorTransparent).toBe(false);
    expect(run(m, "Named").color).toEqual({ r: 211, g: 211, b: 211, a: 1 });
    expect(run(m, "Hsl").color).toEqual({ r: 204, g: 204, b: 204, a: 1 });
  });

  it("multiplies transform scales down the tree into the effective font size", () => {
    const m = staticModel(
      `<div style="transform: scale(0.5)"><p style="transform: translateX(4px) scale(0.4, 0.8); font-size: 20px">Tiny</p></div><p style="scale: 1">Normal</p>`,
    );
    expect(run(m, "Tiny").visibility.transformScale).toBeCloseTo(0.2, 5);
    expect(run(m, "Tiny").fontPx).toBe(20);
    expect(run(m, "Tiny").effectiveFontPx).toBe(4);
    expect(run(m, "Normal").visibility.transformScale).toBe(1);
  });
});

describe("static styles: backgrounds other elements may paint", () => {
  it("leaves contrast unknown where a positioned element may be painted behind the text", () => {
    const m = staticModel(
      `<div class="hero"><img class="photo" src="hero.jpg" alt=""><p class="over">White on the photo</p></div><p class="plain">Grey on white</p>`,
      {
        css: ".hero { position: relative } .photo { position: absolute; inset: 0 } .over { position: relative; color: #fff } .plain { color: #eee }",
      },
    );
    expect(run(m, "White on the photo")).toMatchObject({ contrast: null, background: null, backgroundSource: "image" });
    expect(run(m, "Grey on white").contrast).toBeLessThan(1.5);
  });

  it("keeps the contrast of text that a positioned element can only cover, not underlie", () => {
    const m = staticModel(`<div class="badge">New</div><p class="faint">Faint text</p>`, {
      css: ".badge { position: absolute; top: 0; background: #c00; color: #fff } .faint { color: #ddd }",
    });
    expect(run(m, "Faint text").contrast).toBeLessThan(1.5);
  });

  it("counts a negative z-index as painted behind everything", () => {
    const m = staticModel(`<div class="backdrop"></div><p class="faint">Faint text</p>`, {
      css: ".backdrop { position: fixed; inset: 0; z-index: -1; background: #000 } .faint { color: #ddd }",
    });
    expect(run(m, "Faint text").contrast).toBeNull();
  });
});

describe("static styles: what stays where it is placed", () => {
  it("does not let a positioned element in another box, or a form control, count as painted behind text", () => {
    const m = staticModel(
      `<label class="card"><span class="tag">Hot</span><input type="radio" name="p" class="pick"> Monthly plan</label><label class="card"><input type="radio" name="p" class="pick"> Yearly plan</label>`,
      {
        css: ".card { position: relative; display: block; background: #202228; color: #eee } .tag { position: absolute; top: -8px; right: 8px; background: #f5a623 } .pick { position: absolute; top: 4px; right: 4px }",
      },
    );
    expect(run(m, "Yearly plan").contrast).toBeGreaterThan(10);
    expect(run(m, "Monthly plan").contrast).toBeGreaterThan(10);
  });
});
