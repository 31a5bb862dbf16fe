/** actions-fields.ts in a real page: action texts and fills, and form fields with their labels. */
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
      html(`<input type="submit"><input type="reset"><input type="button" value="Go on"><button aria-label="Close">×</button>
        <button title="Help"></button><button>Accept <span>all</span></button>
        <a href="#" style="background:#06c;color:#fff;padding:8px 16px">Filled link</a><button style="border:1px solid;padding:4px 12px">Outlined</button>
        <button style="background:#06c">Blue</button><button style="background:#fff">White</button>`,
        `<style>button, input { background: transparent }</style>`),
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
