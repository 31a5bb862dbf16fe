/** selectors.ts in a real page: unique ids, child paths with class and :nth-of-type, shadow hosts and frames. */
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

describe("selectorOf", () => {
  it("uses a unique id, else a child path with a simple class and :nth-of-type", async () => {
    await p.setContent(
      html(`<div id="once"><span class="9bad ok">a</span><span>b</span></div>
        <section id="twice"><p>c</p></section><section id="twice"><p class="x:y">d</p><p>e</p></section>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        const all = (s: string) => Array.from(document.querySelectorAll(s));
        const sel = (el: Element) => api.selectorOf(pass, el);
        return {
          once: sel(all("#once")[0]),
          spans: all("#once span").map(sel),
          secondSection: sel(all("section")[1]),
          paras: all("section:nth-of-type(2) p").map(sel),
          body: sel(document.body),
          unique: [api.uniqueId(pass, document, "once"), api.uniqueId(pass, document, "twice")],
        };
      },
      passArgs(),
    );
    expect(out.once).toBe("div#once");
    expect(out.spans).toEqual(["div#once > span.ok:nth-of-type(1)", "div#once > span:nth-of-type(2)"]);
    expect(out.secondSection).toBe("body > section:nth-of-type(2)");
    expect(out.paras).toEqual(["body > section:nth-of-type(2) > p:nth-of-type(1)", "body > section:nth-of-type(2) > p:nth-of-type(2)"]);
    expect(out.body).toBe("body");
    expect(out.unique).toEqual([true, false]);
  });

  it("joins shadow hosts with >>> and starts from the frame prefix of the pass", async () => {
    await p.setContent(html(`<x-card id="card"></x-card>`));
    const args = passArgs();
    args.context.selectorPrefix = "iframe#cmp >>> ";
    const out = await inPage(
      p,
      (api, a) => {
        const host = document.getElementById("card") as Element;
        const root = host.attachShadow({ mode: "open" });
        root.innerHTML = `<div class="box"><input id="opt" type="checkbox"></div>`;
        const pass = api.createPass(a);
        const input = root.getElementById("opt") as Element;
        return { selector: api.selectorOf(pass, input), shadowPath: api.shadowPathOf(pass, input), escaped: api.cssEscape("a:b") };
      },
      args,
    );
    expect(out.selector).toBe("iframe#cmp >>> x-card#card >>> input#opt");
    expect(out.shadowPath).toEqual(["iframe#cmp >>> x-card#card"]);
    expect(out.escaped).toBe("a\\:b");
  });

  it("finds the element it names with querySelector", async () => {
    await p.setContent(html(`<ul><li>a</li><li class="b">b</li><li>c</li></ul><ul><li>d</li></ul>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        return Array.from(document.querySelectorAll("li")).map((li) => document.querySelector(api.selectorOf(pass, li)) === li);
      },
      passArgs(),
    );
    expect(out).toEqual([true, true, true, true]);
  });
});
