import { describe, expect, it } from "vitest";
import { run, staticModel } from "../__fixtures__/static-model.js";

const styleNotes = (m: ReturnType<typeof staticModel>): string[] =>
  m.notes.filter((n) => n.kind === "static-mode: stylesheet not read").map((n) => n.message);

describe("static cascade: layers", () => {
  it("lets rules outside any layer beat layered ones whatever their specificity", () => {
    const m = staticModel(`<p id="x" class="fine">Text</p>`, { css: "@layer base { #x.fine { font-size: 8px } } p { font-size: 15px }" });
    expect(run(m, "Text").fontPx).toBe(15);
  });

  it("orders layers by first mention, sublayers before their parent's own rules", () => {
    const css =
      "@layer reset, theme; @layer theme { p { font-size: 14px } } @layer reset { #x { font-size: 9px } } @layer theme.parts { p { font-size: 30px } }";
    expect(run(staticModel(`<p id="x">Text</p>`, { css }), "Text").fontPx).toBe(14);
  });

  it("lets an earlier layer win for !important declarations", () => {
    const css =
      "@layer a, b; @layer a { p { color: #ff0000 !important } } @layer b { p { color: #00ff00 !important } } p { color: #0000ff !important }";
    expect(run(staticModel(`<p>Text</p>`, { css }), "Text").color).toEqual({ r: 255, g: 0, b: 0, a: 1 });
  });
});

describe("static cascade: nesting, conditions and keywords", () => {
  it("reads nested rules with and without &", () => {
    const css =
      ".card { font-size: 18px; .fine { font-size: 9px } &.muted { color: #cccccc } > p { font-weight: 700 } @media (min-width: 600px) { opacity: 0.5 } }";
    const m = staticModel(`<div class="card muted"><p>Para <span class="fine">small</span></p></div>`, { css });
    expect(run(m, "small").fontPx).toBe(9);
    expect(run(m, "Para").fontPx).toBe(18);
    expect(run(m, "Para").fontWeight).toBe(700);
    expect(run(m, "Para").color).toEqual({ r: 204, g: 204, b: 204, a: 1 });
    expect(run(m, "Para").visibility.opacity).toBe(0.5);
  });

  it("applies @supports as Chromium answers it", () => {
    const css =
      "@supports (display: grid) { .a { font-size: 11px } } @supports not (display: grid) { .a { font-size: 40px } } @supports (-moz-appearance: none) { .b { font-size: 5px } } @supports selector(:has(a)) or (foo: bar) { .b { font-size: 12px } }";
    const m = staticModel(`<p class="a">A</p><p class="b">B</p>`, { css });
    expect(run(m, "A").fontPx).toBe(11);
    expect(run(m, "B").fontPx).toBe(12);
  });

  it("rolls revert back to the user-agent value", () => {
    const m = staticModel(`<div class="x">Block</div><a href="/" class="y">Link</a>`, {
      css: "div { display: inline } .x { display: revert } a { color: #123456 } .y { color: revert }",
    });
    expect(m.texts.map((t) => t.text).sort()).toEqual(["Block", "Link"]);
    expect(run(m, "Link").color).toEqual({ r: 0, g: 0, b: 238, a: 1 });
  });

  it("does not apply container queries or @scope rules, and says the styles are not known", () => {
    const m = staticModel(`<div class="card"><p class="fine">Text</p></div>`, {
      css: "@container (max-width: 200px) { .fine { font-size: 8px } } @scope (.card) { .fine { color: #eee } }",
    });
    expect(run(m, "Text").fontPx).toBe(16);
    expect(run(m, "Text").color).toEqual({ r: 0, g: 0, b: 0, a: 1 });
    expect(styleNotes(m)).toEqual([
      "@container (max-width: 200px) (in <style>): container queries depend on layout; its rules are not applied",
      "@scope (.card) (in <style>): @scope is not evaluated statically; its rules are not applied",
    ]);
  });

  it("says so when a rule that sets what the model reads has a selector it cannot evaluate, and not otherwise", () => {
    const m = staticModel(`<p class="n">Text</p>`, {
      css: ".n:invalid { border-color: red } :host(.x) .n { font-size: 2px } .n:-moz-focusring { font-size: 1px }",
    });
    expect(run(m, "Text").fontPx).toBe(16);
    expect(styleNotes(m)).toEqual([":host(.x) .n (in <style>) cannot be evaluated statically"].map((s) => `selector ${s}`));
  });

  it("matches the pseudo-classes of a freshly loaded page that css-select does not know", () => {
    const css =
      "p:lang(de) { font-size: 11px } my-widget:not(:defined) { display: none } details:open > p { font-size: 12px } input:placeholder-shown + span { font-size: 9px } p:dir(rtl) { font-size: 13px }";
    const m = staticModel(
      `<div lang="de-AT"><p>Deutsch</p></div><my-widget><p>Widget</p></my-widget><details open><summary>S</summary><p>Opened</p></details><label><input placeholder="Email"><span>Hint</span></label><div dir="rtl"><p>Arabic</p></div>`,
      { css },
    );
    expect(run(m, "Deutsch").fontPx).toBe(11);
    expect(run(m, "Widget").visibility.displayNone).toBe(true);
    expect(run(m, "Opened").fontPx).toBe(12);
    expect(run(m, "Hint").fontPx).toBe(9);
    expect(run(m, "Arabic").fontPx).toBe(13);
  });
});
