/** walk.ts in a real page: the flat-tree walk, text gathered into blocks, large pages read around their controls, limits. */
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

describe("walkDocument", () => {
  it("gathers text into the nearest block, with breaks and block boundaries as spaces", async () => {
    await p.setContent(html(`<div id="d">One<br>two <b>three</b><p id="p">Inner</p>four</div><script>var hidden = "script text";</script>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const accOf = (id: string) => pass.blockAccs.get(pass.infos.get(document.getElementById(id) as Element) as never);
        const d = accOf("d");
        return {
          d: api.norm(d?.parts.join("") ?? ""),
          owners: d?.owners.map((o) => o.tag),
          p: api.norm(accOf("p")?.parts.join("") ?? ""),
          script: pass.textRecs.some((r) => r.data.includes("script text")),
          exitAfterChildren: (() => {
            const info = pass.infos.get(document.getElementById("d") as Element);
            const inner = pass.infos.get(document.getElementById("p") as Element);
            return !!info && !!inner && info.exit > inner.exit && info.index < inner.index;
          })(),
          textLen: pass.infos.get(document.getElementById("d") as Element)?.textLen,
        };
      },
      passArgs(),
    );
    expect(out.d).toBe("One two three four");
    expect(out.owners).toEqual(["div", "b"]);
    expect(out.p).toBe("Inner");
    expect(out.script).toBe(false);
    expect(out.exitAfterChildren).toBe(true);
    expect(out.textLen).toBe("Onetwothreeinnerfour".length);
  });

  it("walks open shadow roots through their slots", async () => {
    await p.setContent(html(`<x-box id="host"><span slot="title">Slotted title</span></x-box>`));
    const out = await inPage(
      p,
      (api, a) => {
        const host = document.getElementById("host") as Element;
        host.attachShadow({ mode: "open" }).innerHTML = `<h2><slot name="title"></slot></h2><p>Shadow text</p>`;
        const pass = api.createPass(a);
        api.walkDocument(pass);
        return { texts: pass.textRecs.filter((r) => !r.ws).map((r) => r.data), headings: pass.headingInfos.length, custom: pass.customInfos.length };
      },
      passArgs(),
    );
    expect(out.texts).toEqual(["Slotted title", "Shadow text"]);
    expect(out.headings).toBe(1);
    // A custom element with an open shadow root is read, so it is no candidate for a closed-shadow-root note.
    expect(out.custom).toBe(0);
  });

  it("skips big subtrees without controls on a large page, but not those holding one", async () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `<li>Product ${i}</li>`).join("");
    await p.setContent(html(`<ul id="catalogue">${list(30)}</ul><div id="form">${list(30)}<label><input type="checkbox"> Offers</label></div>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.noteSkippedSubtrees(pass);
        return {
          skipped: pass.skipped,
          catalogueRead: pass.infos.has(document.querySelector("#catalogue li") as Element),
          formRead: pass.infos.has(document.querySelector("#form li") as Element),
          controls: pass.controlInfos.length,
          notes: pass.notes.map((n) => n.kind),
          skippable: api.skippable(pass, document.getElementById("form") as Element),
        };
      },
      passArgs({ largePageElements: 10, skipSubtreeElements: 20 }),
    );
    expect(out.skipped).toEqual({ subtrees: 1, elements: 30 });
    expect(out.catalogueRead).toBe(false);
    expect(out.formRead).toBe(true);
    expect(out.controls).toBe(1);
    expect(out.notes).toEqual(["large-page"]);
    expect(out.skippable).toBe(false);
  });

  it("stops at its element limit and says the read is truncated", async () => {
    await p.setContent(html(`<p>one</p><p>two</p><p>three</p><p>four</p>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.noteTruncation(pass);
        return { count: pass.elementCount, stopped: pass.stopped, truncated: pass.truncated, notes: pass.notes.map((n) => n.kind), stackLeft: pass.stack.length };
      },
      passArgs({ maxElements: 4 }),
    );
    expect(out).toEqual({ count: 4, stopped: true, truncated: true, notes: ["truncated"], stackLeft: 0 });
  });

  it("files controls, fields, actions, headings and layer candidates as it enters them", async () => {
    await p.setContent(
      html(`<h1>Title</h1><div role="dialog"><input type="checkbox"><textarea></textarea><button>OK</button></div>
        <div style="position:fixed;bottom:0">Bar</div><div style="position:sticky;top:0">Sticky</div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        return {
          controls: pass.controlInfos.map((i) => i.tag),
          fields: pass.fieldInfos.map((i) => i.tag),
          actions: pass.actionInfos.map((i) => i.tag),
          headings: pass.headingInfos.map((i) => i.tag),
          candidates: pass.regionCandidates.map((i) => `${i.tag}:${i.role || i.style.position}`),
        };
      },
      passArgs(),
    );
    expect(out).toEqual({
      controls: ["input"],
      fields: ["textarea"],
      actions: ["button"],
      headings: ["h1"],
      candidates: ["div:dialog", "div:fixed", "div:sticky"],
    });
  });
});
