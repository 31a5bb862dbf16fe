/**
 * The HTML report opened in Chromium: page text full of markup and script
 * stays text, nothing runs, nothing is fetched, and it fits a 390 px phone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { escapeHtml, formatHtml, HTML_CSP, isPngDataUrl, measuredSentence, pngDataUrlSize } from "../lint/report/html.js";
import { DEFAULT_THRESHOLDS, type LintReport } from "../lint/types.js";
import { allRules } from "../rules/index.js";

const DATA = fileURLToPath(new URL("./data/", import.meta.url));
const RULES = allRules.map((r) => r.meta);
/** A 1x1 PNG. */
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

function hostileReport(): LintReport {
  const raw = readFileSync(join(DATA, "report-with-hostile-text.json"), "utf8");
  const report = JSON.parse(raw.replaceAll("file:///__DATA__/", pathToFileURL(DATA).href.replace(/\/?$/, "/"))) as LintReport;
  const [first] = report.results;
  // More places a page (or a hand-edited report) can put markup: every field the report shows.
  first.target = `pages/signup.html<img src=x onerror="alert('target')">`;
  first.step = `</bdi></h2><script>alert('step')</script>`;
  first.locale = `en"><svg onload=alert('locale')>`;
  first.findings[0].screenshot = PNG;
  first.findings[0].evidence.language = `en" onmouseover="alert('lang')`;
  first.findings[0].evidence.primaryAction = `"><iframe src="https://evil.example/"></iframe>`;
  first.findings[0].legal = [...first.findings[0].legal, `<a href="javascript:alert('legal')">x</a>`];
  first.findings[1].screenshot = `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert('svg')"/>`).toString("base64")}`;
  first.findings[2].screenshot = `${PNG}" onerror="alert('attr')`;
  if (first.findings[3]) first.findings[3].screenshot = "https://evil.example/track.png";
  first.passes.push({
    ruleId: "pre-checked-opt-in",
    selector: "<b>sel</b>",
    role: "checkbox",
    name: "",
    text: `<img src=x onerror="alert('pass')">`,
  });
  report.results[1].url = "javascript:alert('url')";
  return report;
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "consentlint-html-"));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  dialogs: string[];
  console: string[];
  errors: string[];
  requests: string[];
  close(): Promise<void>;
}

async function open(html: string, width: number): Promise<Opened> {
  const file = join(dir, `report-${width}-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  const opened: Opened = { page, dialogs: [], console: [], errors: [], requests: [], close: () => context.close() };
  page.on("dialog", (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss().catch(() => {});
  });
  page.on("console", (m) => opened.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => opened.errors.push(e.message));
  const url = pathToFileURL(file).href;
  page.on("request", (r) => {
    if (r.url() !== url) opened.requests.push(r.url());
  });
  await page.goto(url, { waitUntil: "load" });
  // Give anything deferred (onload, onerror, lazy images) the chance to run.
  await page.waitForTimeout(300);
  return opened;
}

describe("formatHtml in Chromium", () => {
  it("shows page text as text: no script runs, nothing is fetched, only PNG data images are embedded", async () => {
    const html = formatHtml(hostileReport(), { rules: RULES });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
    expect(html).not.toMatch(/<script/i);
    const o = await open(html, 1280);
    try {
      expect(o.dialogs).toEqual([]);
      expect(o.errors).toEqual([]);
      expect(o.console).toEqual([]);
      expect(o.requests).toEqual([]);
      const dom = await o.page.evaluate(() => ({
        scripts: document.querySelectorAll("script, iframe, object, embed, svg, base, form").length,
        handlers: Array.from(document.querySelectorAll("*")).flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith("on"))),
        images: Array.from(document.images, (i) => i.getAttribute("src") ?? ""),
        decoded: Array.from(document.images, (i) => i.complete && i.naturalWidth > 0),
        links: Array.from(document.querySelectorAll("a[href]"), (a) => a.getAttribute("href") ?? ""),
        text: document.body.textContent ?? "",
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"),
      }));
      expect(dom.csp).toBe(HTML_CSP);
      expect(dom.scripts).toBe(0);
      expect(dom.handlers).toEqual([]);
      expect(dom.images).toEqual([PNG]);
      expect(dom.decoded).toEqual([true]);
      expect(dom.links.every((href) => href.startsWith("#") || href.startsWith("https://") || href.startsWith("http://"))).toBe(true);
      expect(dom.links.some((href) => href.includes("javascript:"))).toBe(false);
      expect(dom.text).toContain("<script>alert(1)</script>");
      expect(dom.text).toContain(`pages/signup.html<img src=x onerror="alert('target')">`);
      expect(dom.text).toContain(`</bdi></h2><script>alert('step')</script>`);
      expect(dom.text).toContain(`"><iframe src="https://evil.example/"></iframe>`);
      expect(dom.text).toContain(`<img src=x onerror="alert('pass')">`);
      expect(dom.text).toContain("javascript:alert('url')");
      // Control characters and lone surrogates are dropped, the rest of the text kept.
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(dom.text).not.toMatch(/[\u0000\u0007\u001b]/);
      expect(dom.text).toContain("evil");
    } finally {
      await o.close();
    }
  });

  it("has a summary, each state with its findings in plain words, and passes and undecided items folded away", async () => {
    const report = hostileReport();
    const html = formatHtml(report, { rules: RULES });
    const o = await open(html, 1280);
    try {
      const page = o.page;
      const summary = await page.locator("section.summary").innerText();
      expect(summary).toContain("targets checked");
      expect(summary).toMatch(/Consent ticked in advance[\s\S]*\d+ of \d+/);
      expect(summary).toContain("credit scoring");
      expect(summary).toContain("pages/clean.html");
      const states = page.locator("section.state");
      expect(await states.count()).toBe(report.results.length);
      const first = states.nth(0);
      expect(await first.locator("article.finding").count()).toBe(report.results[0].findings.length);
      const hidden = first.locator("article.finding", { hasText: "Consent text hard to see or hidden" });
      expect(await hidden.innerText()).toContain(
        "8 px text, contrast 1.4:1 (#cccccc on #ffffff); readable text needs at least 10 px and contrast of at least 3:1.",
      );
      const precheck = first.locator("article.finding").nth(0);
      const text = await precheck.innerText();
      expect(text).toContain("It was on when the page was shown");
      expect(text).toContain("It asks for: sharing with third parties and credit scoring.");
      expect(text).toContain("GDPR Art. 7");
      expect(await precheck.locator("figure.shot img").count()).toBe(1);
      expect(await first.locator("article.finding").nth(1).locator("img").count()).toBe(0);
      // Legal references link to their sources; the appendix gives their titles.
      expect(await page.locator("#rule-pre-checked-opt-in").innerText()).toContain(
        "Silence, pre-ticked boxes or inactivity should not constitute consent",
      );
      // Passes and undecided items are in closed <details>.
      const folds = first.locator("details.fold");
      expect(await folds.count()).toBe(2);
      expect(await folds.evaluateAll((els) => els.map((e) => (e as HTMLDetailsElement).open))).toEqual([false, false]);
      expect(await first.locator("details.fold").nth(1).textContent()).toContain("text over an image");
      // A target that could not be linted says so.
      expect(await states.nth(3).innerText()).toContain("Could not be checked");
    } finally {
      await o.close();
    }
  });

  it("fits a 390 px phone without sideways scrolling, and prints", async () => {
    const report = hostileReport();
    // A long unbroken word, as page text and a selector sometimes are.
    report.results[0].findings[1].text = "x".repeat(400);
    report.results[0].findings[1].selector = "div > ".repeat(80) + "span";
    const o = await open(formatHtml(report, { rules: RULES }), 390);
    try {
      const overflow = await o.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wide: Array.from(document.querySelectorAll("body *"))
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .filter((el) => !el.closest("details:not([open])"))
          .map((el) => el.tagName + "." + el.className),
      }));
      expect(overflow.wide).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
      await o.page.emulateMedia({ media: "print" });
      const pdf = await o.page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await o.close();
    }
  });
});

describe("HTML report pieces", () => {
  it("escapes every HTML-special character and drops characters HTML cannot carry", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    expect(escapeHtml("a\u0000b\u0007c\ud800d\ufffee")).toBe("abcde");
    expect(escapeHtml(undefined)).toBe("");
  });

  it("embeds only PNG data URLs", () => {
    expect(isPngDataUrl(PNG)).toBe(true);
    expect(isPngDataUrl(`${PNG}" onerror="x`)).toBe(false);
    expect(isPngDataUrl("data:image/svg+xml;base64,PHN2Zz4=")).toBe(false);
    expect(isPngDataUrl("data:image/png,<svg>")).toBe(false);
    expect(isPngDataUrl("https://example.com/a.png")).toBe(false);
    expect(isPngDataUrl(42)).toBe(false);
    expect(pngDataUrlSize(PNG)).toEqual({ width: 1, height: 1 });
  });

  it("words measured values against the thresholds the run used", () => {
    const e = { fontPx: 8, contrast: 1.4, color: "#cccccc", background: "#ffffff", conditions: ["font-size", "contrast"] };
    expect(measuredSentence(e, DEFAULT_THRESHOLDS)).toBe(
      "8 px text, contrast 1.4:1 (#cccccc on #ffffff); readable text needs at least 10 px and contrast of at least 3:1.",
    );
    expect(measuredSentence(e, { ...DEFAULT_THRESHOLDS, minFontPx: 12, minContrast: 4.5 })).toContain(
      "at least 12 px and contrast of at least 4.5:1",
    );
    expect(measuredSentence({ checked: true }, DEFAULT_THRESHOLDS)).toBe("");
  });
});
