/** pass.ts in a real page: the pass state, its notes and its time budget. */
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

describe("createPass", () => {
  it("starts from the frame context: id prefix, page region, large-page threshold, an emptied pending list", async () => {
    await p.setContent(html(`<div><p>a</p><p>b</p></div>`));
    const args = passArgs({ largePageElements: 3, pendingKey: "__pending" });
    args.context.idPrefix = "f2.";
    const out = await inPage(
      p,
      (api, a) => {
        (globalThis as unknown as Record<string, unknown[]>)[a.pendingKey] = [document.body];
        const pass = api.createPass(a);
        return {
          prefix: pass.prefix,
          page: pass.pageRegionId,
          elements: pass.pageElements,
          large: pass.largePage,
          pending: pass.pendingStore.length,
          sameStore: pass.pendingStore === (globalThis as unknown as Record<string, unknown[]>)[a.pendingKey],
          root: pass.topRoot === document.documentElement,
          frames: pass.frameOfDoc.size,
          viewW: pass.topFs.viewW,
        };
      },
      args,
    );
    expect(out).toEqual({ prefix: "f2.", page: "page", elements: 7, large: true, pending: 0, sameStore: true, root: true, frames: 1, viewW: 1280 });
  });

  it("takes the region of the frame element around a document as its page region", async () => {
    await p.setContent(html(`<p>a</p>`));
    const args = passArgs();
    args.context.regionId = "r3";
    const out = await inPage(p, (api, a) => api.createPass(a).pageRegionId, args);
    expect(out).toBe("r3");
  });
});

describe("notes and budget", () => {
  it("keeps one note per kind and selector, or per kind and message when there is no selector", async () => {
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.addNote(pass, "closed-shadow-root", "one", "x-a");
        api.addNote(pass, "closed-shadow-root", "two", "x-a");
        api.addNote(pass, "closed-shadow-root", "three", "x-b");
        api.addNote(pass, "truncated", "stopped");
        api.addNote(pass, "truncated", "stopped");
        return pass.notes;
      },
      passArgs(),
    );
    expect(out).toEqual([
      { kind: "closed-shadow-root", message: "one", selector: "x-a" },
      { kind: "closed-shadow-root", message: "three", selector: "x-b" },
      { kind: "truncated", message: "stopped" },
    ]);
  });

  it("is over budget once its time is used up", async () => {
    const out = await inPage(
      p,
      (api, a) => {
        const fresh = api.createPass(a);
        const old = api.createPass(a);
        old.started -= 10_000;
        return { fresh: api.overBudget(fresh), old: api.overBudget(old) };
      },
      passArgs({ budgetMs: 5_000 }),
    );
    expect(out).toEqual({ fresh: false, old: true });
  });
});
