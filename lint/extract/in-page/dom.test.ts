/** dom.ts in a real page: DOM reads through saved prototype getters, roles, own text, flat-tree containment. */
import type { Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, page as html } from "../__fixtures__/harness.js";
import { inPage } from "../__fixtures__/in-page.js";

let h: Harness;
let p: Page;
beforeAll(async () => {
  h = await Harness.start();
  p = await h.newPage();
});
afterAll(async () => {
  await h?.stop();
});

describe("savedDom", () => {
  it("reads tag, id, attributes and children of a form whose fields shadow those properties", async () => {
    await p.setContent(
      html(`<form id="f" class="a b"><input name="id"><input name="localName"><input name="children"><input name="getAttribute"><input name="classList"></form>`),
    );
    const out = await inPage(
      p,
      (api) => {
        const dom = api.savedDom();
        const form = document.querySelector("form") as HTMLFormElement;
        const shadowed = form as unknown as Record<string, unknown>;
        return {
          naiveId: typeof shadowed.id,
          naiveTag: typeof shadowed.localName,
          tag: dom.tagOf(form),
          id: dom.idOf(form),
          attr: dom.attr(form, "id"),
          hasClass: dom.hasAttr(form, "class"),
          classes: dom.classesOf(form),
          children: dom.childrenOf(form).length,
          root: dom.tagOf(dom.rootElementOf(document) as Element),
          url: dom.urlOf(document),
        };
      },
      null,
    );
    expect(out.naiveId).toBe("object");
    expect(out.naiveTag).toBe("object");
    expect(out).toMatchObject({ tag: "form", id: "f", attr: "f", hasClass: true, classes: ["a", "b"], children: 5, root: "html", url: "about:blank" });
  });

  it("keeps the builtins saved when the pass started, whatever the page overrides later", async () => {
    await p.setContent(html(`<p id="x" role="note">text</p>`));
    const out = await inPage(
      p,
      (api) => {
        const dom = api.savedDom();
        const original = Element.prototype.getAttribute;
        Element.prototype.getAttribute = () => "forged";
        try {
          return { attr: dom.attr(document.getElementById("x") as Element, "role") };
        } finally {
          Element.prototype.getAttribute = original;
        }
      },
      null,
    );
    expect(out.attr).toBe("note");
  });
});

describe("roles, own text and containment", () => {
  it("takes the first role token lower-cased, and only an element's own text nodes", async () => {
    await p.setContent(html(`<div id="d" role=" Dialog alertdialog">one <b>two</b> three</div>`));
    const out = await inPage(
      p,
      (api) => {
        const dom = api.savedDom();
        const d = document.getElementById("d") as Element;
        return { role: api.roleOf(dom, d), own: api.norm(api.ownTextOf(dom, d)), none: api.roleOf(dom, document.body) };
      },
      null,
    );
    expect(out).toEqual({ role: "dialog", own: "one three", none: "" });
  });

  it("sees a shadow root's content as inside its host", async () => {
    await p.setContent(html(`<div id="host"></div><p id="out">x</p>`));
    const out = await inPage(
      p,
      (api) => {
        const host = document.getElementById("host") as Element;
        const inner = document.createElement("span");
        host.attachShadow({ mode: "open" }).appendChild(inner);
        const other = document.getElementById("out") as Element;
        return { dom: host.contains(inner), flat: api.composedContains(host, inner), outside: api.composedContains(host, other), self: api.composedContains(host, host) };
      },
      null,
    );
    expect(out).toEqual({ dom: false, flat: true, outside: false, self: true });
  });
});
