/** actions-fields.ts in a real page: action texts, fills and paint, links drawn as text, and form fields with their labels. */
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

describe("actions", () => {
  it("takes an action's text from labelled-by, aria-label, value or content, title, or an input's default", async () => {
    await p.setContent(
      html(
        `<input type="submit"><input type="reset"><input type="button" value="Go on"><button aria-label="Close">×</button>
        <button title="Help"></button><button>Accept <span>all</span></button>
        <a href="#" style="background:#06c;color:#fff;padding:8px 16px">Filled link</a><button style="border:1px solid;padding:4px 12px">Outlined</button>
        <button style="background:#06c">Blue</button><button style="background:#fff">White</button>`,
        `<style>button, input { background: transparent }</style>`,
      ),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return api.buildActions(pass).map((x) => ({ id: x.id, text: x.text, role: x.role, type: x.type, filled: x.filled }));
      },
      passArgs(),
    );
    expect(out).toEqual([
      { id: "a1", text: "Submit", role: "button", type: "submit", filled: false },
      { id: "a2", text: "Reset", role: "button", type: "reset", filled: false },
      { id: "a3", text: "Go on", role: "button", type: "button", filled: false },
      { id: "a4", text: "Close", role: "button", type: "submit", filled: false },
      { id: "a5", text: "Help", role: "button", type: "submit", filled: false },
      { id: "a6", text: "Accept all", role: "button", type: "submit", filled: false },
      { id: "a7", text: "Filled link", role: "link", type: null, filled: true },
      { id: "a8", text: "Outlined", role: "button", type: "submit", filled: false },
      { id: "a9", text: "Blue", role: "button", type: "submit", filled: true },
      { id: "a10", text: "White", role: "button", type: "submit", filled: false },
    ]);
  });
});

describe("how actions are painted", () => {
  it("measures font weight, text colour and contrast, fill and border contrast, and whether each is drawn as a button", async () => {
    await p.setContent(
      html(
        `<button id="filled" style="background:#06c;color:#fff;border:0;font-weight:bold">Accept all</button>
        <button id="outlined" style="background:transparent;color:#333;border:1px solid #333">Settings</button>
        <button id="faint" style="background:#f3f3f3;color:#333;border:0">Reject</button>
        <button id="light-border" style="background:none;color:#333;border:2px solid #ccc">Reject</button>
        <button id="faint-border" style="background:none;color:#333;border:1px solid #eee">Reject</button>
        <button id="three-sides" style="background:none;color:#333;border:1px solid #333;border-left:0">Reject</button>
        <button id="faded" style="background:#06c;color:#fff;border:0;opacity:0.5">Accept</button>
        <button id="gradient" style="background:linear-gradient(#06c,#039);color:#fff;border:0">Accept</button>
        <button id="plain" style="background:none;color:#00e;border:0;padding:0">Reject</button>
        <button id="default">Default</button>`,
      ),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return api.buildActions(pass).map((x) => ({
          id: x.selector.replace(/^.*#/, ""),
          fontWeight: x.fontWeight,
          color: x.color,
          background: x.background,
          textContrast: x.textContrast,
          fillContrast: x.fillContrast,
          borderContrast: x.borderContrast,
          buttonLike: x.buttonLike,
          filled: x.filled,
        }));
      },
      passArgs(),
    );
    const white = { r: 255, g: 255, b: 255, a: 1 };
    const dark = { r: 51, g: 51, b: 51, a: 1 };
    const blue = { r: 0, g: 102, b: 204, a: 1 };
    const byId = Object.fromEntries(out.map((x) => [x.id, x]));
    expect(byId.filled).toEqual({
      id: "filled",
      fontWeight: 700,
      color: white,
      background: blue,
      textContrast: 5.57,
      fillContrast: 5.57,
      borderContrast: null,
      buttonLike: true,
      filled: true,
    });
    expect(byId.outlined).toMatchObject({
      fontWeight: 400,
      color: dark,
      background: white,
      textContrast: 12.63,
      fillContrast: null,
      borderContrast: 12.63,
      buttonLike: true,
      filled: false,
    });
    // A light grey fill barely differs from the white behind it: not drawn as a button.
    expect(byId.faint).toMatchObject({ fillContrast: 1.11, borderContrast: null, buttonLike: false, filled: true });
    expect(byId["light-border"]).toMatchObject({ fillContrast: null, borderContrast: 1.61, buttonLike: true });
    expect(byId["faint-border"]).toMatchObject({ borderContrast: 1.16, buttonLike: false });
    expect(byId["three-sides"]).toMatchObject({ borderContrast: null, buttonLike: false });
    // Opacity fades the text toward the fill (as for text runs) and the fill toward what is behind it.
    expect(byId.faded).toMatchObject({ background: blue, textContrast: 2.51, fillContrast: 2.22, buttonLike: true });
    expect(byId.gradient).toMatchObject({ fillContrast: null, buttonLike: true, filled: true });
    expect(byId.gradient.textContrast).toBeGreaterThan(5);
    expect(byId.plain).toMatchObject({
      color: { r: 0, g: 0, b: 238, a: 1 },
      textContrast: 9.4,
      fillContrast: null,
      borderContrast: null,
      buttonLike: false,
    });
    // Chromium's own button: a light grey fill with a 2px border all round.
    expect(byId.default.fillContrast).toBeLessThan(1.5);
    expect(byId.default.borderContrast).toBeGreaterThanOrEqual(1.5);
    expect(byId.default.buttonLike).toBe(true);
  });

  it("counts a fill or border over an image, where contrast is unknown, as drawn as a button", async () => {
    await p.setContent(
      html(
        `<div style="background:url(data:image/gif;base64,R0lGODlhAQABAAAAACw=)"><button id="on-image" style="background:#06c;color:#fff;border:0">Accept</button>
        <button id="bare" style="background:none;color:#fff;border:0">Reject</button></div>`,
      ),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return api.buildActions(pass).map((x) => [x.fillContrast, x.borderContrast, x.buttonLike, x.background]);
      },
      passArgs(),
    );
    expect(out).toEqual([
      [null, null, true, { r: 0, g: 102, b: 204, a: 1 }],
      [null, null, false, null],
    ]);
  });
});

describe("what is painted behind an action", () => {
  it("takes what is behind from an element painted under it that is not its ancestor", async () => {
    await p.setContent(
      html(
        `<div style="position:relative;height:200px"><div style="position:absolute;inset:0;background:#000"></div>
        <div style="position:relative;padding:20px"><button id="ghost" style="background:none;border:1px solid #fff;color:#fff">Reject</button>
        <button id="solid" style="background:#fff;border:0;color:#000">Accept</button></div></div>`,
      ),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return api.buildActions(pass).map((x) => [x.background, x.textContrast, x.fillContrast, x.borderContrast, x.buttonLike]);
      },
      passArgs(),
    );
    const black = { r: 0, g: 0, b: 0, a: 1 };
    const white = { r: 255, g: 255, b: 255, a: 1 };
    expect(out).toEqual([
      [black, 21, null, 21, true],
      [white, 21, 21, null, true],
    ]);
  });
});

describe("links", () => {
  it("reads links drawn as text with short text, in walk order, apart from the actions", async () => {
    await p.setContent(
      html(
        `<p>Read our <a href="/privacy">privacy policy</a>.</p>
        <a href="#" style="background:#06c;color:#fff;padding:8px 16px">Accept all</a>
        <a href="#reject">Reject   all</a>
        <span role="link" tabindex="0" style="font-weight:600">Settings</span>
        <a href="#long">${"A very long link text that goes on and on past sixty characters"}</a>
        <a href="#empty"></a><a href="#hidden" style="display:none">Hidden</a>
        <a name="anchor">Not a link</a>
        <button><a href="#inside">Inside</a></button>`,
      ),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return {
          actions: api.buildActions(pass).map((x) => x.text),
          links: api.buildLinks(pass).map((x) => ({
            id: x.id,
            text: x.text,
            tag: x.tag,
            role: x.role,
            type: x.type,
            fontWeight: x.fontWeight,
            buttonLike: x.buttonLike,
          })),
          notes: pass.notes,
        };
      },
      passArgs(),
    );
    expect(out.actions).toEqual(["Accept all", "Inside"]);
    expect(out.links).toEqual([
      { id: "l1", text: "privacy policy", tag: "a", role: "link", type: null, fontWeight: 400, buttonLike: false },
      { id: "l2", text: "Reject all", tag: "a", role: "link", type: null, fontWeight: 400, buttonLike: false },
      { id: "l3", text: "Settings", tag: "span", role: "link", type: null, fontWeight: 600, buttonLike: false },
    ]);
    expect(out.notes).toEqual([]);
  });

  it("keeps the first 400 links of a document, with a note, and prefixes ids in a frame's pass", async () => {
    const many = Array.from({ length: 410 }, (_, i) => `<a href="#${i}">Link ${i + 1}</a>`).join(" ");
    await p.setContent(html(many));
    const args = passArgs();
    args.context.idPrefix = "f1.";
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        const links = api.buildLinks(pass);
        return { count: links.length, first: links[0].id, last: [links[399].id, links[399].text], notes: pass.notes.map((n) => n.kind) };
      },
      args,
    );
    expect(out).toEqual({ count: 400, first: "f1.l1", last: ["f1.l400", "Link 400"], notes: ["links-capped"] });
  });
});

describe("fields", () => {
  it("lists rendered fields with their label, name and required state", async () => {
    await p.setContent(
      html(`<form><label>Email <input type="email" name="email" required></label><input type="text" name="nick" placeholder="Nickname">
        <textarea name="note" aria-label="Note"></textarea><input type="text" name="hidden" style="display:none"><button>Send</button></form>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return api.buildFields(pass);
      },
      passArgs(),
    );
    expect(out).toEqual([
      { type: "email", name: "email", label: "Email", required: true, groupId: "g1", regionId: "page" },
      { type: "text", name: "nick", label: "Nickname", required: false, groupId: "g1", regionId: "page" },
      { type: "textarea", name: "note", label: "Note", required: false, groupId: "g1", regionId: "page" },
    ]);
  });
});
