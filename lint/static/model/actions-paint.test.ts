/** Static mode: how actions and links are painted (fill, border, text contrast, drawn as a button), and links drawn as text. */
import { describe, expect, it } from "vitest";
import type { ActionElement, PageModel } from "../../model.js";
import { staticModel } from "../__fixtures__/static-model.js";

function byId(list: ActionElement[]): Record<string, ActionElement> {
  return Object.fromEntries(list.map((a) => [a.selector.replace(/^.*#/u, ""), a]));
}

const WHITE = { r: 255, g: 255, b: 255, a: 1 };
const DARK = { r: 51, g: 51, b: 51, a: 1 };
const BLUE = { r: 0, g: 102, b: 204, a: 1 };

describe("static actions: how they are painted", () => {
  const m: PageModel = staticModel(
    `<button id="filled" style="background:#06c;color:#fff;border:0;font-weight:bold">Accept all</button>
    <button id="outlined" style="background:transparent;color:#333;border:1px solid #333">Settings</button>
    <button id="faint" style="background:#f3f3f3;color:#333;border:0">Reject</button>
    <button id="light-border" style="background:none;color:#333;border:2px solid #ccc">Reject</button>
    <button id="faint-border" style="background:none;color:#333;border:1px solid #eee">Reject</button>
    <button id="three-sides" style="background:none;color:#333;border:1px solid #333;border-left:0">Reject</button>
    <button id="colour-only" style="background:none;color:#333;border-style:solid;border-width:1px;border-color:#333 #333 #333 transparent">Reject</button>
    <button id="faded" style="background:#06c;color:#fff;border:0;opacity:0.5">Accept</button>
    <button id="gradient" style="background:linear-gradient(#06c,#039);color:#fff;border:0">Accept</button>
    <button id="plain" style="background:none;color:#00e;border:0;padding:0">Reject</button>
    <button id="default">Default</button>`,
  );
  const a = byId(m.actions);

  it("measures a filled button as the browser does", () => {
    expect(a.filled).toMatchObject({
      fontWeight: 700,
      color: WHITE,
      background: BLUE,
      textContrast: 5.57,
      fillContrast: 5.57,
      borderContrast: null,
      buttonLike: true,
      filled: true,
    });
  });

  it("tells outlined, faintly filled and faintly bordered buttons apart", () => {
    expect(a.outlined).toMatchObject({
      fontWeight: 400,
      color: DARK,
      background: WHITE,
      textContrast: 12.63,
      fillContrast: null,
      borderContrast: 12.63,
      buttonLike: true,
    });
    expect(a.faint).toMatchObject({ fillContrast: 1.11, borderContrast: null, buttonLike: false, filled: true });
    expect(a["light-border"]).toMatchObject({ fillContrast: null, borderContrast: 1.61, buttonLike: true });
    expect(a["faint-border"]).toMatchObject({ borderContrast: 1.16, buttonLike: false });
    expect(a["three-sides"]).toMatchObject({ borderContrast: null, buttonLike: false });
    expect(a["colour-only"]).toMatchObject({ borderContrast: null, buttonLike: false });
  });

  it("applies opacity, and counts gradients as drawn as buttons", () => {
    expect(a.faded).toMatchObject({ background: BLUE, textContrast: 2.51, fillContrast: 2.22, buttonLike: true });
    expect(a.gradient).toMatchObject({ fillContrast: null, buttonLike: true, filled: true });
    expect(a.plain).toMatchObject({
      color: { r: 0, g: 0, b: 238, a: 1 },
      textContrast: 9.4,
      fillContrast: null,
      borderContrast: null,
      buttonLike: false,
    });
  });

  it("draws a button without author styles as Chromium does: a light fill and a border all round", () => {
    expect(a.default.fillContrast).toBeLessThan(1.5);
    expect(a.default.borderContrast).toBe(21);
    expect(a.default.buttonLike).toBe(true);
  });

  it("leaves contrast unknown over an image, or where something else may be painted behind, and counts a fill there", () => {
    const over = staticModel(
      `<div style="background:url(hero.jpg)"><button id="on-image" style="background:#06c;color:#fff;border:0">Accept</button><button id="bare" style="background:none;border:0">Reject</button></div>
      <div style="position:relative"><div style="position:absolute;inset:0;background:#000;z-index:0"></div><div style="position:relative;z-index:1"><button id="behind" style="background:none;border:1px solid #fff;color:#fff">Reject</button></div></div>`,
    );
    const o = byId(over.actions);
    expect(o["on-image"]).toMatchObject({ fillContrast: null, borderContrast: null, buttonLike: true, background: BLUE });
    expect(o.bare).toMatchObject({ fillContrast: null, buttonLike: false, background: null, textContrast: null });
    expect(o.behind).toMatchObject({ textContrast: null, background: null, borderContrast: null, buttonLike: true });
  });

  it("reads border colours set through stylesheets and the border-color shorthand", () => {
    const sheet = staticModel(`<button id="b" class="ghost">Reject</button>`, {
      css: ".ghost { background: none; border: 1px solid; border-color: #ccc; color: #333 }",
    });
    expect(byId(sheet.actions).b).toMatchObject({ borderContrast: 1.61, buttonLike: true });
  });
});

describe("static links", () => {
  it("reads links drawn as text with short text, in document order, apart from the actions", () => {
    const m = staticModel(
      `<p>Read our <a href="/privacy">privacy policy</a>.</p>
      <a href="#" style="background:#06c;color:#fff;padding:8px 16px">Accept all</a>
      <a href="#reject">Reject   all</a>
      <span role="link" tabindex="0" style="font-weight:600">Settings</span>
      <a href="#long">A very long link text that goes on and on past sixty characters</a>
      <a href="#empty"></a><a href="#hidden" style="display:none">Hidden</a>
      <a name="anchor">Not a link</a>
      <a href="#c" role="checkbox" aria-checked="false">Box</a>
      <button><a href="#inside">Inside</a></button>`,
    );
    expect(m.actions.map((x) => x.text)).toEqual(["Accept all", "Inside"]);
    expect(
      m.links.map((x) => ({
        id: x.id,
        text: x.text,
        tag: x.tag,
        role: x.role,
        type: x.type,
        fontWeight: x.fontWeight,
        buttonLike: x.buttonLike,
      })),
    ).toEqual([
      { id: "l1", text: "privacy policy", tag: "a", role: "link", type: null, fontWeight: 400, buttonLike: false },
      { id: "l2", text: "Reject all", tag: "a", role: "link", type: null, fontWeight: 400, buttonLike: false },
      { id: "l3", text: "Settings", tag: "span", role: "link", type: null, fontWeight: 600, buttonLike: false },
    ]);
    expect(m.links[0].color).toEqual({ r: 0, g: 0, b: 238, a: 1 });
    expect(m.links[0].textContrast).toBe(9.4);
    expect(m.notes.some((n) => n.kind === "links-capped")).toBe(false);
    expect(m.blocking).toBeNull();
  });

  it("keeps the first 400 links of a document, with a note", () => {
    const many = Array.from({ length: 410 }, (_, i) => `<a href="#${i}">Link ${i + 1}</a>`).join(" ");
    const m = staticModel(many);
    expect(m.links).toHaveLength(400);
    expect(m.links[399]).toMatchObject({ id: "l400", text: "Link 400" });
    expect(m.notes.filter((n) => n.kind === "links-capped")).toHaveLength(1);
  });
});
