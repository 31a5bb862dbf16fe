/** blocking.ts in a real page: how much of the viewport layers cover, blur, scroll lock and inert content, and hostile pages. */
import type { Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageModel } from "../../model.js";
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

const ARTICLE = `<main id="content"><h1>Daily news</h1>${"<p>The council met on Tuesday to discuss the new bridge and the budget for the coming year.</p>".repeat(8)}</main>`;
const DIALOG = `<div role="dialog" aria-label="Cookies" id="consent" style="position:fixed;top:250px;left:440px;width:400px;height:300px;background:#fff;z-index:2">
  <p>We use cookies to measure our audience and show you ads.</p><button>Accept all</button><button>Reject all</button></div>`;
const BACKDROP = `<div id="backdrop" style="position:fixed;inset:0;background:rgba(0,0,0,0.6);z-index:1"></div>`;

function regionIdOf(model: PageModel, selectorEnd: string): string | undefined {
  return model.regions.find((r) => r.selector.endsWith(selectorEnd))?.id;
}

describe("viewport covered", () => {
  it("counts a full-screen backdrop for the dialog it sits beside", async () => {
    const model = await h.model(html(`${ARTICLE}${BACKDROP}${DIALOG}`));
    const dialog = regionIdOf(model, "#consent");
    expect(dialog).toBeDefined();
    expect(model.blocking).toEqual({
      viewportCovered: 1,
      coveringRegionId: dialog,
      blurred: false,
      scrollLocked: false,
      contentInert: false,
    });
  });

  it("counts a backdrop that holds the dialog for it", async () => {
    const model = await h.model(
      html(
        `${ARTICLE}<div style="position:fixed;inset:0;background:rgba(0,0,0,0.5);display:flex;align-items:center;justify-content:center">
        <div role="dialog" aria-modal="true" id="wall" style="background:#fff;width:400px;padding:20px"><p>Accept cookies to read on.</p><button>Accept</button></div></div>`,
      ),
    );
    expect(model.blocking?.viewportCovered).toBe(1);
    expect(model.blocking?.coveringRegionId).toBe(regionIdOf(model, "#wall"));
  });

  it("measures a bottom bar as the tenth of the viewport it covers", async () => {
    const model = await h.model(
      html(
        `${ARTICLE}<div id="bar" style="position:fixed;left:0;right:0;bottom:0;height:80px;background:#222;color:#fff">
        We use cookies for analytics. <button>OK</button><button>Decline</button></div>`,
      ),
    );
    const bar = regionIdOf(model, "#bar");
    expect(bar).toBeDefined();
    expect(model.blocking).toEqual({
      viewportCovered: 0.1,
      coveringRegionId: bar,
      blurred: false,
      scrollLocked: false,
      contentInert: false,
    });
  });

  it("finds nothing over a plain page", async () => {
    const model = await h.model(html(ARTICLE));
    expect(model.blocking).toEqual({
      viewportCovered: 0,
      coveringRegionId: null,
      blurred: false,
      scrollLocked: false,
      contentInert: false,
    });
  });

  it("finds the layer inside an open shadow root", async () => {
    const model = await h.model(
      html(
        `${ARTICLE}<cookie-wall></cookie-wall><script>
        const root = document.querySelector("cookie-wall").attachShadow({ mode: "open" });
        root.innerHTML = '<div style="position:fixed;inset:0;background:rgba(0,0,0,.5)"><div role="dialog" style="margin:200px auto;width:400px;background:#fff"><p>Accept our cookies to continue.</p><button>Accept</button></div></div>';
        </script>`,
      ),
    );
    expect(model.blocking?.viewportCovered).toBe(1);
    expect(model.regions.find((r) => r.id === model.blocking?.coveringRegionId)?.kind).toBe("dialog");
  });
});

describe("blur, scroll lock and inert content", () => {
  it("sees a blur filter on the element holding the page's text", async () => {
    const model = await h.model(html(`${ARTICLE.replace('<main id="content">', '<main id="content" style="filter:blur(5px)">')}${DIALOG}`));
    expect(model.blocking).toMatchObject({ blurred: true, scrollLocked: false, contentInert: false });
  });

  it("does not take a blurred picture for blurred content", async () => {
    const model = await h.model(html(`<div style="filter:blur(4px);width:100px;height:100px;background:#999"></div>${ARTICLE}${DIALOG}`));
    expect(model.blocking?.blurred).toBe(false);
  });

  it("sees a backdrop-filter blur over most of the viewport", async () => {
    const model = await h.model(html(`${ARTICLE}${BACKDROP.replace("z-index:1", "z-index:1;backdrop-filter:blur(6px)")}${DIALOG}`));
    expect(model.blocking).toMatchObject({ viewportCovered: 1, blurred: true });
    const small = await h.model(
      html(`${ARTICLE}<div style="position:fixed;top:0;left:0;width:300px;height:200px;backdrop-filter:blur(6px)"></div>`),
    );
    expect(small.blocking?.blurred).toBe(false);
  });

  it("sees scroll locked by overflow on the body or the root, or a fixed body", async () => {
    const body = await h.model(html(`${ARTICLE}${DIALOG}`, `<style>body { overflow: hidden }</style>`));
    expect(body.blocking?.scrollLocked).toBe(true);
    const root = await h.model(html(ARTICLE, `<style>html { overflow-y: clip }</style>`));
    expect(root.blocking?.scrollLocked).toBe(true);
    const fixed = await h.model(html(ARTICLE, `<style>body { position: fixed; top: 0 }</style>`));
    expect(fixed.blocking?.scrollLocked).toBe(true);
    const scrolls = await h.model(html(ARTICLE, `<style>body { overflow-x: hidden }</style>`));
    expect(scrolls.blocking?.scrollLocked).toBe(false);
  });

  it("sees inert or aria-hidden content holding the page's text", async () => {
    const inert = await h.model(html(`${ARTICLE.replace('<main id="content">', '<main id="content" inert>')}${DIALOG}`));
    expect(inert.blocking?.contentInert).toBe(true);
    const hidden = await h.model(html(`<div aria-hidden="true">${ARTICLE}</div>${DIALOG}`));
    expect(hidden.blocking?.contentInert).toBe(true);
    const aside = await h.model(html(`${ARTICLE}<aside aria-hidden="true">Decoration</aside>${DIALOG}`));
    expect(aside.blocking?.contentInert).toBe(false);
  });
});

describe("hostile pages", () => {
  it("reads the page when its world redefines array methods and hit-testing", async () => {
    const model = await h.model(
      html(
        `${ARTICLE}${BACKDROP}${DIALOG}<script>
        for (const name of ["map", "filter", "some", "every", "find", "forEach", "push", "includes", "slice"])
          Array.prototype[name] = function () { throw new Error("no " + name); };
        Document.prototype.elementFromPoint = function () { throw new Error("no hit-testing"); };
        Document.prototype.elementsFromPoint = function () { throw new Error("no hit-testing"); };
        Element.prototype.getBoundingClientRect = function () { return { left: 0, top: 0, width: 0, height: 0 }; };
        </script>`,
      ),
    );
    // The read runs in an isolated world: the page's own globals change nothing in it.
    expect(model.blocking?.viewportCovered).toBe(1);
    expect(model.actions.map((a) => a.text)).toEqual(["Accept all", "Reject all"]);
  });

  it("gives no measure, with a note, when hit-testing fails, and reads the rest", async () => {
    await p.setContent(html(`${ARTICLE}${BACKDROP}${DIALOG}`));
    const out = await inPage(
      p,
      (api, a) => {
        Document.prototype.elementFromPoint = () => {
          throw new Error("no hit-testing");
        };
        const part = api.collectFrame(a);
        return {
          blocking: part.blocking,
          notes: part.notes.map((n) => n.kind),
          actions: part.actions.length,
          regions: part.regions.length,
        };
      },
      passArgs(),
    );
    expect(out).toEqual({ blocking: null, notes: ["blocking-unmeasured"], actions: 2, regions: 2 });
  });

  it("measures only in the top document", async () => {
    await p.setContent(html(`${ARTICLE}${BACKDROP}${DIALOG}`));
    const args = passArgs();
    args.context.idPrefix = "f1.";
    args.context.framePath = "iframe";
    args.context.regionId = "r1";
    const out = await inPage(p, (api, a) => api.collectFrame(a).blocking, args);
    expect(out).toBeNull();
  });
});
