/** text.ts in a real page: text under elements, id-referenced text, and the blocks it came from. */
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

describe("textIn", () => {
  it("takes hidden text but not the text of actions nested in the element, and the blocks it came from", async () => {
    await p.setContent(
      html(`<div id="d"><p>Share my email</p> <span style="display:none">with partners</span><button>Learn more</button></div>
        <label id="l">Label text <input type="radio" name="r"></label>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const info = (id: string) => {
          const i = pass.infos.get(document.getElementById(id) as Element);
          if (!i) throw new Error(id);
          return i;
        };
        const all = api.textIn(pass, info("d"));
        const button = pass.actionInfos[0];
        return {
          text: all.text,
          length: all.length,
          blocks: all.blocks.map((b) => b.info.tag),
          button: api.textIn(pass, button).text,
          limited: api.textIn(pass, info("d"), { limit: 3 }).text,
          before: api.textIn(pass, info("d"), { before: button.index }).text,
          skipLabels: api.textIn(pass, pass.infos.get(document.body) as never, { skipLabels: true }).text,
        };
      },
      passArgs(),
    );
    expect(out.text).toBe("Share my email with partners");
    expect(out.length).toBe("Share my emailwith partners".length);
    expect(out.blocks).toEqual(["p", "div"]);
    expect(out.button).toBe("Learn more");
    expect(out.limited).toBe("Share my email");
    expect(out.before).toBe("Share my email with partners");
    expect(out.skipLabels).toBe("Share my email with partners");
  });
});

describe("idrefText and picks", () => {
  it("joins the text of each referenced element in attribute order, skipping ids that name nothing", async () => {
    await p.setContent(html(`<p id="b">second</p><p id="a">first</p><input id="i" aria-describedby="a missing b">`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const pick = api.idrefText(pass, document.getElementById("i") as Element, "aria-describedby");
        const none = api.idrefText(pass, document.getElementById("i") as Element, "aria-labelledby");
        return { text: pick.text, length: pick.length, blocks: pick.blocks.length, none };
      },
      passArgs(),
    );
    expect(out).toEqual({ text: "first second", length: 12, blocks: 2, none: { text: "", blocks: [], length: 0 } });
  });

  it("keeps the tail of a long pick from a word start, and takes only real, short text as usable", async () => {
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        return {
          tail: api.tail(api.plainPick("one two three four"), 9).text,
          short: api.tail(api.plainPick("short"), 9).text,
          usable: [api.usable(pass, api.plainPick("Yes")), api.usable(pass, api.plainPick("— …")), api.usable(pass, { text: "x", blocks: [], length: 1201 })],
        };
      },
      passArgs(),
    );
    expect(out).toEqual({ tail: "four", short: "short", usable: [true, false, false] });
  });
});
