/** regions.ts and groups.ts in a real page: the layers chosen as regions, the region of each element, and groups. */
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

describe("chooseRegions", () => {
  it("takes dialogs and fixed layers with a button and text, not page chrome, a narrow sticky bar or a layer inside a dialog", async () => {
    await p.setContent(
      html(`<header style="position:fixed;top:0"><button>Menu</button> Site navigation bar here</header>
        <main><h1>Shop</h1><p>Lots of products are sold here every single day.</p></main>
        <div id="dlg" role="dialog" aria-label="Cookie settings"><p>We use cookies for analytics.</p>
          <div style="position:fixed;bottom:0"><button>Save</button> inner fixed bar with text</div></div>
        <div id="bar" style="position:fixed;bottom:0;left:0;right:0"><p>This site uses cookies, is that fine?</p><button>OK</button></div>
        <div style="position:sticky;top:0;width:100px"><button>Top</button> a narrow sticky box</div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        const info = (id: string) => pass.infos.get(document.getElementById(id) as Element) as never;
        return {
          regions: pass.regions.map((r) => ({ id: r.id, kind: r.kind, selector: r.selector, label: r.label, visible: r.visible, tentativeOf: r.tentativeOf })),
          ofDialogText: api.regionOf(pass, pass.infos.get(document.querySelector("#dlg p") as Element) as never),
          ofMain: api.regionOf(pass, pass.infos.get(document.querySelector("main p") as Element) as never),
          within: api.within(info("dlg"), pass.infos.get(document.body) as never),
          explicit: [api.explicitDialog(pass, info("dlg")), api.explicitDialog(pass, info("bar"))],
        };
      },
      passArgs(),
    );
    expect(out.regions).toEqual([
      { id: "page", kind: "page", selector: "html", label: "", visible: true, tentativeOf: undefined },
      { id: "r1", kind: "dialog", selector: "div#dlg", label: "Cookie settings", visible: true, tentativeOf: undefined },
      { id: "r2", kind: "banner", selector: "div#bar", label: "", visible: true, tentativeOf: undefined },
    ]);
    expect(out.ofDialogText).toBe("r1");
    expect(out.ofMain).toBe("page");
    expect(out.within).toBe(true);
    expect(out.explicit).toEqual([true, false]);
  });

  it("takes a notice bar first or last in the body as a tentative banner, but not the main content or a form", async () => {
    await p.setContent(
      html(`<div id="notice"><p>We would like to use cookies on this site.</p><button>Fine</button></div>
        <main><h1>Welcome</h1><p>Page content with enough text.</p><button>Buy</button></main>
        <form id="last"><input type="email"><button>Subscribe to the newsletter</button></form>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return pass.regions.map((r) => `${r.id}:${r.kind}:${r.selector}:${r.tentativeOf ?? "-"}`);
      },
      passArgs(),
    );
    expect(out).toEqual(["page:page:html:-", "r1:banner:div#notice:page"]);
  });

  it("takes a frame big enough for a dialog as a tentative frame region, named by its title", async () => {
    await p.setContent(html(`<iframe title="Consent manager" srcdoc="<p>hi</p>" style="width:300px;height:200px"></iframe><iframe srcdoc="x" style="width:20px;height:20px"></iframe>`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        return pass.regions.filter((r) => r.kind !== "page").map((r) => ({ kind: r.kind, label: r.label, tentativeOf: r.tentativeOf }));
      },
      passArgs(),
    );
    expect(out).toEqual([{ kind: "frame", label: "Consent manager", tentativeOf: "page" }]);
  });
});

describe("groups", () => {
  it("groups by form owner (form attribute included), else fieldset, else the section with a button and content", async () => {
    await p.setContent(
      html(`<form id="f"><input id="in-form" type="checkbox"></form><input id="owned" type="checkbox" form="f">
        <fieldset id="fs"><input id="in-fs" type="checkbox"></fieldset>
        <div id="sec"><p>Terms text</p><span><input id="in-sec" type="checkbox"></span><button>Go</button></div>
        <input id="loose" type="checkbox">`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const info = (id: string) => pass.infos.get(document.getElementById(id) as Element) as never;
        const ids = ["in-form", "owned", "in-fs", "in-sec", "loose"].map((id) => api.groupOf(pass, info(id)));
        return { ids, groups: pass.groups, section: (api.sectionOf(info("in-sec")) as { el: Element } | null)?.el.id };
      },
      passArgs(),
    );
    expect(out.ids).toEqual(["g1", "g1", "g2", "g3", null]);
    expect(out.groups).toEqual([
      { id: "g1", kind: "form", selector: "form#f", regionId: "page" },
      { id: "g2", kind: "fieldset", selector: "fieldset#fs", regionId: "page" },
      { id: "g3", kind: "section", selector: "div#sec", regionId: "page" },
    ]);
    expect(out.section).toBe("sec");
  });
});
