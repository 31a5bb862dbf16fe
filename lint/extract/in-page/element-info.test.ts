/** element-info.ts in a real page: what the walk records about each element as it enters it. */
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

describe("hidden and collapsed", () => {
  it("tells display:none from a collapsed disclosure: aria-controls, a toggle before it, closed details, content-visibility", async () => {
    await p.setContent(
      html(`<p id="gone" style="display:none">gone</p>
        <button aria-expanded="false" aria-controls="panel">More</button><div id="panel" style="display:none"><p id="in-panel">Partners</p></div>
        <div><span aria-expanded="false">Show</span></div><div id="after-toggle" style="display:none">after</div>
        <details><summary id="sum">Details</summary><p id="in-details">Inside</p></details>
        <div style="content-visibility:hidden"><p id="cv">Skipped</p></div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const state = (id: string) => {
          const info = pass.infos.get(document.getElementById(id) as Element);
          return info ? { displayNone: info.displayNone, collapsed: info.collapsed } : null;
        };
        return {
          panel: state("panel"),
          inPanel: state("in-panel"),
          afterToggle: state("after-toggle"),
          gone: state("gone"),
          summary: state("sum"),
          inDetails: state("in-details"),
          cv: state("cv"),
          explained: api.collapseExplained(pass, document.getElementById("panel") as Element),
          controlled: [...api.controlledIds(pass, document)],
        };
      },
      passArgs(),
    );
    expect(out.panel).toEqual({ displayNone: false, collapsed: true });
    expect(out.inPanel).toEqual({ displayNone: false, collapsed: true });
    expect(out.afterToggle).toEqual({ displayNone: false, collapsed: true });
    expect(out.gone).toEqual({ displayNone: true, collapsed: false });
    expect(out.summary).toEqual({ displayNone: false, collapsed: false });
    expect(out.inDetails).toEqual({ displayNone: false, collapsed: true });
    expect(out.cv).toEqual({ displayNone: false, collapsed: true });
    expect(out.explained).toBe(true);
    expect(out.controlled).toEqual(["panel"]);
  });
});

describe("inherited facts", () => {
  it("multiplies opacity (filter opacity included) and scale down the tree, and inherits heading, link and language", async () => {
    await p.setContent(
      html(`<div style="opacity:0.5"><div style="filter:opacity(50%)"><p id="quarter">q</p></div></div>
        <div style="transform:scale(0.5)"><p id="half" style="scale:0.5">h</p></div>
        <div role="heading" aria-level="4"><span id="h4">Heading</span></div>
        <a href="/terms"><span id="linked">Terms</span></a>
        <div lang="de"><span id="german">Hallo</span></div>`),
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
        return {
          opacity: info("quarter").opacity,
          scale: [info("half").sx, info("half").sy],
          heading: info("h4").heading,
          link: info("linked").link,
          lang: info("german").lang,
          rootLang: pass.infos.get(document.documentElement)?.lang,
        };
      },
      passArgs(),
    );
    expect(out.opacity).toBeCloseTo(0.25, 5);
    expect(out.scale).toEqual([0.25, 0.25]);
    expect(out.heading).toBe(4);
    expect(out.link).toMatch(/\/terms$/);
    expect(out.lang).toBe("de");
    expect(out.rootLang).toBe("en");
  });

  it("marks screen-reader-only clips and clip-paths that leave nothing", async () => {
    await p.setContent(
      html(`<span id="sr" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">Read aloud</span>
        <p id="cp" style="clip-path:inset(50%)">Clipped away</p><p id="plain">Plain</p>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const info = (id: string) => pass.infos.get(document.getElementById(id) as Element);
        return { sr: info("sr")?.srOnly, cpEmpty: info("cp")?.clipEmpty, cpSr: info("cp")?.srOnly, plain: [info("plain")?.srOnly, info("plain")?.clipEmpty], clip: info("sr")?.clip };
      },
      passArgs(),
    );
    expect(out.sr).toBe(true);
    expect(out.cpEmpty).toBe(true);
    expect(out.cpSr).toBe(false);
    expect(out.plain).toEqual([false, false]);
    expect(out.clip?.width).toBeLessThanOrEqual(1);
  });
});

describe("kinds and blocks", () => {
  it("classifies controls, actions and fields, and starts blocks at block-level elements", async () => {
    await p.setContent(
      html(`<input id="cb" type="checkbox"><input id="email" type="email"><input id="sub" type="submit">
        <select id="few"><option>a</option></select><select id="many"><option>1</option><option>2</option><option>3</option><option>4</option><option>5</option></select>
        <div id="sw" role="switch" aria-checked="true">s</div><button id="toggle" aria-pressed="false">t</button><button id="btn">b</button>
        <a id="link" href="#">l</a><a id="buttonish" href="#" style="background:#06c;color:#fff;padding:8px 16px">Accept</a>
        <p><span id="inline">x</span><span id="contents" style="display:contents">y</span></p>`),
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
        const ids = ["cb", "email", "sub", "few", "many", "sw", "toggle", "btn", "link", "buttonish"];
        return {
          kinds: Object.fromEntries(ids.map((id) => [id, info(id).kind])),
          blocks: { inline: info("inline").isBlock, contents: info("contents").isBlock, p: info("inline").block.tag },
          hiddenDiv: api.isBlockEl(pass, "div", "", "none", null),
          hiddenSpan: api.isBlockEl(pass, "span", "", "none", null),
          inAction: info("toggle").inAction === info("toggle"),
          items: pass.itemInfos.length,
        };
      },
      passArgs(),
    );
    expect(out.kinds).toEqual({
      cb: "control",
      email: "field",
      sub: "action",
      few: "control",
      many: "control-field",
      sw: "control",
      toggle: "control",
      btn: "action",
      link: null,
      buttonish: "action",
    });
    expect(out.blocks).toEqual({ inline: false, contents: false, p: "p" });
    expect(out.hiddenDiv).toBe(true);
    expect(out.hiddenSpan).toBe(false);
    expect(out.inAction).toBe(true);
    // Controls and fields, each once: the walk files an element as an item when it enters it.
    expect(out.items).toBe(6);
  });
});
