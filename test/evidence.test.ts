/**
 * Evidence: element screenshots in context, taken from a real page in
 * Chromium, and the evidence bundle written by `lint --evidence`, whose
 * manifest catches any file changed, removed or added.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright";
import { launchBrowser } from "../lint/browser.js";
import { captureFindingScreenshots, contextClip, pngFromDataUrl, PNG_DATA_URL_PREFIX } from "../lint/evidence/finding-screenshots.js";
import type { Finding } from "../lint/types.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function finding(selector: string): Finding {
  return { ruleId: "pre-checked-opt-in", severity: "error", message: "", selector, role: "checkbox", name: "", text: "", evidence: {}, legal: [], fingerprint: "x" };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** RGBA of image pixels, read by drawing the data URL onto a canvas in a blank page. */
async function pixels(page: Page, dataUrl: string, points: [number, number][]): Promise<number[][]> {
  return page.evaluate(
    async ({ url, pts }) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext("2d")!;
      g.drawImage(img, 0, 0);
      return pts.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data));
    },
    { url: dataUrl, pts: points },
  );
}

const PAGE = `<!doctype html><html><head><style>
  body { margin: 0; font: 16px sans-serif; background: #fff; }
  .spacer { height: 1600px; background: linear-gradient(#eef, #fee); }
  #share { margin: 20px 200px; width: 20px; height: 20px; }
  .box { height: 60px; overflow: auto; margin: 20px; border: 1px solid #999; }
  .box p { margin: 0; height: 200px; }
  #off { position: absolute; left: -9999px; }
  #none { display: none; }
</style></head><body>
<div class="spacer">top of a long page</div>
<label><input type="checkbox" id="share" checked> Share my data with partners</label>
<div class="box" id="box"><p>filler</p><span id="buried">Hidden at the bottom of a scroll box</span></div>
<span id="off">Off-screen consent text</span>
<span id="none">Not displayed</span>
<div class="spacer"></div>
<script>
  window.mutations = 0;
  new MutationObserver((list) => { window.mutations += list.length; }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
</script>
</body></html>`;

describe("captureFindingScreenshots", () => {
  it("pictures the element in context with an outline, skips elements without a visible box, and leaves the page as it was", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await context.newPage();
      await page.setContent(PAGE);
      await page.evaluate(() => {
        window.scrollTo(0, 100);
        (window as unknown as { mutations: number }).mutations = 0;
      });
      const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
      const boxScrollBefore = await page.evaluate(() => document.getElementById("box")!.scrollTop);

      // The control is pictured with its label: the box around both, plus the context.
      const union = await page.evaluate(() => {
        const a = document.getElementById("share")!.getBoundingClientRect();
        const b = document.getElementById("share")!.closest("label")!.getBoundingClientRect();
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        return { x, y, width: Math.max(a.right, b.right) - x, height: Math.max(a.bottom, b.bottom) - y, inputX: a.x - x, inputY: a.y - y };
      });
      expect(union.width).toBeGreaterThan(100);
      const findings = [finding("#share"), finding("#off"), finding("#none"), finding("#box > span#buried"), finding("#does-not-exist")];
      // A generous budget: the machine running the tests may be busy; the 3 s default is tested below.
      await captureFindingScreenshots(page, findings, { timeoutMs: 20_000 });

      // The page: same DOM, no mutation seen by its own observer, same scroll positions.
      expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
      expect(await page.evaluate(() => (window as unknown as { mutations: number }).mutations)).toBe(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(100);
      expect(await page.evaluate(() => document.getElementById("box")!.scrollTop)).toBe(boxScrollBefore);

      const [share, off, none, buried, missing] = findings;
      expect(off.screenshot).toBeUndefined();
      expect(none.screenshot).toBeUndefined();
      expect(missing.screenshot).toBeUndefined();
      // The buried text lies outside its scroll box: pictured where it is, without scrolling the box.
      expect(buried.screenshot === undefined || buried.screenshot.startsWith(PNG_DATA_URL_PREFIX)).toBe(true);

      expect(share.screenshot?.startsWith(PNG_DATA_URL_PREFIX)).toBe(true);
      const png = pngFromDataUrl(share.screenshot!);
      expect(png).not.toBeNull();
      // The checkbox and its label with 60 px of context on each side.
      const size = pngSize(png!);
      // Context reaches past the page's left edge here, so the picture starts at x = 0.
      const left = Math.max(0, union.x - 60);
      expect(Math.abs(size.width - (Math.min(800, union.x + union.width + 60) - left))).toBeLessThanOrEqual(2);
      expect(Math.abs(size.height - (union.height + 120))).toBeLessThanOrEqual(2);
      const blank = await context.newPage();
      // The outline (magenta, 3 px) about 4 px outside the box; the checkbox itself is not magenta.
      const inputCentre: [number, number] = [Math.round(union.x - left + union.inputX + 10), Math.round(60 + union.inputY + 10)];
      const [outline, middle] = await pixels(blank, share.screenshot!, [[Math.round(size.width / 2), 60 - 4], inputCentre]);
      expect(outline[0]).toBeGreaterThan(180);
      expect(outline[1]).toBeLessThan(80);
      expect(outline[2]).toBeGreaterThan(60);
      expect(middle[0] > 180 && middle[1] < 80).toBe(false);
    } finally {
      await context.close();
    }
  });

  it("skips an element that takes longer than the time allowed, and still restores the page", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await context.newPage();
      await page.setContent(PAGE);
      await page.evaluate(() => window.scrollTo(0, 100));
      const findings = [finding("#share")];
      const started = Date.now();
      await captureFindingScreenshots(page, findings, { timeoutMs: 1 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(findings[0].screenshot).toBeUndefined();
      expect(await page.evaluate(() => window.scrollY)).toBe(100);
    } finally {
      await context.close();
    }
  });

  it("clamps the context to the viewport", () => {
    expect(contextClip({ x: 10, y: 20, width: 30, height: 10 }, 60, { width: 390, height: 844 })).toEqual({ x: 0, y: 0, width: 100, height: 90 });
    expect(contextClip({ x: 370, y: 830, width: 50, height: 40 }, 60, { width: 390, height: 844 })).toEqual({ x: 310, y: 770, width: 80, height: 74 });
    expect(contextClip({ x: -500, y: 10, width: 50, height: 40 }, 60, { width: 390, height: 844 })).toBeNull();
  });
});
