/**
 * The settle tracker's pieces in a real page: what each counts, and that a
 * page replacing builtins after it is installed neither breaks it nor is
 * broken by it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright";
import { Harness } from "../extract/__fixtures__/harness.js";
import { settleTrackerScript } from "./settle-tracker.js";

const PROBE = "__trackerUnderTest__";
let harness: Harness;

beforeAll(async () => {
  harness = await Harness.start();
}, 60_000);
afterAll(async () => {
  await harness?.stop();
});

/** A page with only the tracker under test installed (under its own probe name). */
async function trackedPage(html: string): Promise<Page> {
  const context = await harness.browser.newContext();
  await context.addInitScript({ content: settleTrackerScript(PROBE) });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: "load" });
  return page;
}

interface Activity {
  timers: number;
  frames: number;
  requests: number;
  loading: number;
  animations: number;
  quietMs: number;
  readyState: number;
}

async function activity(page: Page): Promise<Activity> {
  const digits = await page.evaluate((name) => (window as unknown as Record<string, () => string>)[name](), PROBE);
  const [timers, frames, requests, loading, animations, quietMs, readyState] = digits.split(",").map(Number);
  return { timers, frames, requests, loading, animations, quietMs, readyState };
}

describe("settle tracker", () => {
  it("counts a short timer until it fires, and never a long one", async () => {
    const page = await trackedPage("<p>x</p>");
    await page.evaluate(() => {
      (window as unknown as { done: boolean }).done = false;
      setTimeout(() => ((window as unknown as { done: boolean }).done = true), 400);
      setTimeout(() => {}, 60_000);
    });
    expect((await activity(page)).timers).toBe(1);
    await page.waitForFunction(() => (window as unknown as { done: boolean }).done);
    expect((await activity(page)).timers).toBe(0);
    expect((await activity(page)).readyState).toBe(2);
  });

  it("stops counting a callback that schedules itself again and again (a poller)", async () => {
    const page = await trackedPage("<p>x</p>");
    await page.evaluate(() => {
      const w = window as unknown as { ticks: number };
      w.ticks = 0;
      const tick = (): void => {
        w.ticks++;
        setTimeout(tick, 20);
      };
      tick();
    });
    await page.waitForFunction(() => (window as unknown as { ticks: number }).ticks > 8);
    expect((await activity(page)).timers).toBe(0);
  });

  it("counts an animation frame and a cleared timer is forgotten", async () => {
    const page = await trackedPage("<p>x</p>");
    const counts = await page.evaluate((name) => {
      const id = setTimeout(() => {}, 500);
      requestAnimationFrame(() => {});
      const read = (window as unknown as Record<string, () => string>)[name]();
      clearTimeout(id);
      return [read, (window as unknown as Record<string, () => string>)[name]()];
    }, PROBE);
    expect(counts[0].split(",").slice(0, 2)).toEqual(["1", "1"]);
    expect(counts[1].split(",")[0]).toBe("0");
  });

  it("counts an open XMLHttpRequest until it ends", async () => {
    const page = await trackedPage("<p>x</p>");
    await page.route("http://tracker.test/**", async (route) => {
      if (!route.request().url().endsWith("/slow")) return route.fulfill({ contentType: "text/html", body: "<p>x</p>" });
      await new Promise((r) => setTimeout(r, 300));
      await route.fulfill({ body: "ok" });
    });
    await page.goto("http://tracker.test/");
    await page.evaluate(() => {
      const xhr = new XMLHttpRequest();
      xhr.open("GET", "/slow");
      xhr.onloadend = () => ((window as unknown as { ended: boolean }).ended = true);
      xhr.send();
    });
    expect((await activity(page)).requests).toBe(1);
    await page.waitForFunction(() => (window as unknown as { ended: boolean }).ended);
    expect((await activity(page)).requests).toBe(0);
  });

  it("counts a fade-in inside a shadow root and finishes it on request", async () => {
    const page = await trackedPage(`<div id="host"></div><script>
      const root = document.getElementById("host").attachShadow({ mode: "closed" });
      root.innerHTML = '<p id="p">hello</p>';
      root.getElementById("p").animate([{ opacity: 0 }, { opacity: 1 }], { duration: 8000 });
      document.body.animate([{ opacity: 1 }, { opacity: 1 }], { duration: 1000, iterations: Infinity });
    </script>`);
    expect((await activity(page)).animations).toBe(1);
    const finished = await page.evaluate((name) => (window as unknown as Record<string, (c: string) => string>)[name]("finish"), PROBE);
    expect(finished).toBe("1");
    expect((await activity(page)).animations).toBe(0);
  });

  it("keeps answering after the page replaces the builtins it uses", async () => {
    const page = await trackedPage("<p>x</p>");
    await page.evaluate(() => {
      Reflect.apply = () => {
        throw new Error("no");
      };
      WeakMap.prototype.get = () => 99;
      WeakMap.prototype.set = () => {
        throw new Error("no");
      };
      Object.defineProperty = () => {
        throw new Error("no");
      };
      setTimeout(() => ((window as unknown as { fired: boolean }).fired = true), 200, "extra", "args");
    });
    expect((await activity(page)).timers).toBe(1);
    await page.waitForFunction(() => (window as unknown as { fired: boolean }).fired);
    expect((await activity(page)).timers).toBe(0);
  });
});
