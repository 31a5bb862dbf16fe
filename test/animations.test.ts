/**
 * Entrance animations in real Chromium: a consent dialog that fades or slides
 * in is read once it is shown, as a person sees it, never mid-animation. The
 * settle waits for finite transitions and animations in the document, in
 * shadow roots and in same-origin frames; an infinite spinner does not hold
 * it; and when the time bound runs out first, the animations still running
 * are finished so that their end state is read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { runRules } from "../lint/run/engine.js";
import { extractPageModel } from "../lint/extract/index.js";
import { DESKTOP, PageServer } from "../lint/extract/__fixtures__/harness.js";
import type { PageModel } from "../lint/model.js";
import { lint, prepareRun, type LintResultWithModel } from "../lint/index.js";
import { installSettleTracker, waitForSettle } from "../lint/browser/settle.js";
import type { Finding } from "../lint/types.js";

/** The consent layer: readable text and unticked optional purposes. */
const DIALOG_BODY = `
  <h2 id="consent-title">Your privacy choices</h2>
  <p>We would like your consent to use cookies to measure how you use our shop and to show you personalised advertising.</p>
  <label><input type="checkbox" name="analytics"> I agree to analytics cookies that measure how I use the shop</label>
  <label><input type="checkbox" name="ads"> I agree to personalised advertising based on my browsing</label>
  <p><button type="button">Reject all</button> <button type="button">Save my choices</button> <button type="button">Accept all</button></p>`;

const DIALOG_CSS = `
  body { font: 16px/1.5 sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
  main { padding: 24px; }
  .consent { position: fixed; left: 50%; top: 80px; width: 560px; margin-left: -280px; padding: 24px;
    background: #fff; color: #1b1b1b; border: 1px solid #888; font-size: 16px; }
  .consent label { display: block; margin: 8px 0; }`;

const SHOP = `<main><h1>Garden tools</h1><p>Spades, rakes and seeds for every season.</p></main>`;

function html(body: string, css = "", script = ""): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Garden tools</title><style>${DIALOG_CSS}${css}</style></head>
<body>${SHOP}${body}${script ? `<script>${script}</script>` : ""}</body></html>`;
}

/** Fades in over 600 ms once the class `shown` is added. */
const FADE_CSS = `.consent { opacity: 0; transition: opacity 600ms ease; } .consent.shown { opacity: 1; }`;
/** A slower fade, so that a read taken as it starts is plainly mid-fade. */
const SLOW_FADE_CSS = `.consent { opacity: 0; transition: opacity 1200ms ease-in; } .consent.shown { opacity: 1; }`;
/** Shows the dialog a short time after load, from a timer and then an animation frame, as consent libraries do. */
const SHOW_LATER = (find: string) =>
  `addEventListener("load", () => setTimeout(() => requestAnimationFrame(() => ${find}.classList.add("shown")), 250));`;

const PAGES: Record<string, string> = {
  "/fade": html(
    `<div id="consent" class="consent" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>`,
    FADE_CSS,
    SHOW_LATER(`document.getElementById("consent")`),
  ),
  "/slide": html(
    `<div id="consent" class="consent banner" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>`,
    `.consent.banner { top: auto; bottom: 0; transform: translateY(110%); transition: transform 1200ms ease-in; } .consent.banner.shown { transform: none; }`,
    SHOW_LATER(`document.getElementById("consent")`),
  ),
  "/delayed": html(
    `<div id="consent" class="consent delayed" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>`,
    `@keyframes enter { from { opacity: 0; transform: translateY(-20px); } to { opacity: 1; transform: none; } }
     .consent.delayed { animation: enter 600ms ease-out 300ms both; }`,
  ),
  "/spinner": html(
    `<div class="spinner" aria-hidden="true"></div><div id="consent" class="consent" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>`,
    `${FADE_CSS} @keyframes spin { to { transform: rotate(360deg); } }
     .spinner { position: fixed; right: 16px; top: 16px; width: 24px; height: 24px; border: 3px solid #888; border-top-color: transparent; border-radius: 50%; animation: spin 800ms linear infinite; }`,
    `document.querySelector(".spinner").animate([{ opacity: 0.4 }, { opacity: 1 }], { duration: 700, iterations: Infinity, direction: "alternate" });
     ${SHOW_LATER(`document.getElementById("consent")`)}`,
  ),
  "/frame": html(
    `<iframe id="cmp" src="/frame-dialog" title="Cookie consent" style="position:fixed;left:0;top:0;width:100%;height:100%;border:0"></iframe>`,
  ),
  "/frame-dialog": html(
    `<div id="consent" class="consent" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>`,
    FADE_CSS,
    SHOW_LATER(`document.getElementById("consent")`),
  ),
  "/delayed-spinner": html(
    `<div class="spinner" aria-hidden="true"></div><div id="consent" class="consent delayed" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>`,
    `@keyframes enter { from { opacity: 0; } to { opacity: 1; } } .consent.delayed { animation: enter 600ms ease-out 2000ms both; }
     @keyframes spin { to { transform: rotate(360deg); } }
     .spinner { position: fixed; right: 16px; top: 16px; width: 24px; height: 24px; border: 3px solid #888; border-radius: 50%; animation: spin 800ms linear infinite; }`,
    `document.querySelector(".spinner").animate([{ opacity: 0.4 }, { opacity: 1 }], { duration: 700, iterations: Infinity, direction: "alternate" });`,
  ),
  // A button that pulses thirty times and a progress bar driven by scrolling: part of how the page looks.
  "/ambient": html(
    `<div id="consent" class="consent" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div><div id="progress"></div><div style="height: 3000px"></div>`,
    `@keyframes pulse { from { transform: scale(1); } to { transform: scale(1.05); } }
     .consent button:last-child { animation: pulse 1s ease-in-out 30 alternate; }
     @keyframes grow { from { width: 0; } to { width: 100%; } }
     #progress { position: fixed; top: 0; left: 0; height: 4px; background: #06c; animation: grow linear both; animation-timeline: scroll(); }`,
  ),
  // A consent manager built as a custom element: its dialog lives in a shadow root.
  "/shadow": html(
    `<consent-box></consent-box>`,
    "",
    `customElements.define("consent-box", class extends HTMLElement {
       connectedCallback() {
         const root = this.attachShadow({ mode: "open" });
         root.innerHTML = \`<style>${DIALOG_CSS}${SLOW_FADE_CSS}</style><div id="consent" class="consent" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>\`;
         ${SHOW_LATER(`root.getElementById("consent")`)}
       }
     });`,
  ),
  // Server-rendered component markup: a declarative shadow root, made without attachShadow.
  "/declarative": html(
    `<div id="host"><template shadowrootmode="open"><style>${DIALOG_CSS}
       @keyframes enter { from { opacity: 0; } to { opacity: 1; } } .consent { animation: enter 600ms ease 300ms both; }</style>
       <div id="consent" class="consent" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div></template></div>`,
  ),
  // A clock that changes the DOM ten times a second keeps the page from ever being quiet; the dialog's fade
  // outlasts the short time bound the test gives it.
  "/busy": html(
    `<p id="clock"></p><div id="consent" class="consent" role="dialog" aria-labelledby="consent-title">${DIALOG_BODY}</div>`,
    `.consent { opacity: 0; transition: opacity 6000ms linear; } .consent.shown { opacity: 1; }`,
    `setInterval(() => { document.getElementById("clock").textContent = "Sale ends in " + (100000 - Date.now() % 100000); }, 100);
     ${SHOW_LATER(`document.getElementById("consent")`)}`,
  ),
  // The control: the site's own CSS leaves the same dialog faint, with no animation.
  "/faint": html(
    `<div id="consent" class="consent" role="dialog" aria-labelledby="consent-title" style="opacity: 0.2">${DIALOG_BODY}</div>`,
  ),
};

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  browser = await launchBrowser({ install: false });
  server = await PageServer.start();
  for (const [path, body] of Object.entries(PAGES)) server.set(path, body);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function lintPath(path: string): Promise<LintResultWithModel> {
  const report = await lint([server.url(path)], { browser, keepModels: true, cwd: process.cwd() });
  const [result] = report.results;
  expect(result.error).toBeUndefined();
  return result;
}

const describeFindings = (findings: Finding[]): string[] => findings.map((f) => `${f.ruleId}: ${f.text}`);

/** Opacity of every text block of the consent dialog (in whichever frame or shadow root it is). */
function dialogOpacities(model: PageModel): number[] {
  const blocks = model.texts.filter((b) => /privacy choices|your consent|I agree to/.test(b.text));
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  return blocks.map((b) => b.visibility.opacity);
}

function expectReadableDialog(result: LintResultWithModel): void {
  expect(describeFindings(result.findings)).toEqual([]);
  const model = result.model!;
  expect(new Set(dialogOpacities(model))).toEqual(new Set([1]));
  const boxes = model.controls.filter((c) => /I agree to/.test(c.labelText || c.name));
  expect(boxes.map((c) => c.checked)).toEqual([false, false]);
}

describe("entrance animations are read once they have ended", () => {
  it("reports nothing on a consent dialog that fades in over 600 ms after load, and reads its text at opacity 1", async () => {
    expectReadableDialog(await lintPath("/fade"));
  });

  it("reads a banner that slides in from below the viewport where it comes to rest", async () => {
    const result = await lintPath("/slide");
    expectReadableDialog(result);
    // Every line of the banner lies inside the viewport, none is read as off-screen or clipped.
    const lines = result.model!.texts.filter((b) => /privacy choices|your consent|I agree to|Accept all/.test(b.text));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      expect(line.box.y + line.box.height, line.text).toBeLessThanOrEqual(DESKTOP.height);
      expect(line.visibility, line.text).toMatchObject({ offscreen: false, clipped: false });
    }
  });

  it("waits out an animation's 300 ms delay", async () => {
    expectReadableDialog(await lintPath("/delayed"));
  });

  it("reads a dialog that fades in inside a same-origin iframe", async () => {
    const result = await lintPath("/frame");
    expectReadableDialog(result);
    expect(result.model!.texts.some((b) => /I agree to analytics/.test(b.text) && b.framePath !== "")).toBe(true);
  });

  it("reads a dialog that fades in inside a shadow root", async () => {
    expectReadableDialog(await lintPath("/shadow"));
  });

  it("reads a dialog in a declarative shadow root at the end of its animation", async () => {
    expectReadableDialog(await lintPath("/declarative"));
  });

  it("does not wait for an infinite spinner: the page settles as quiet and the dialog is read faded in", async () => {
    expectReadableDialog(await lintPath("/spinner"));
    const page = await newPage();
    await page.goto(server.url("/spinner"));
    const settle = await waitForSettle(page, { timeoutMs: 10_000 });
    expect(settle).toMatchObject({ settled: true, reason: "quiet" });
    expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length)).toBe(2);
    await page.context().close();
  });

  it("does not wait for a long finite animation or a scroll-driven one, and leaves both running", async () => {
    const page = await newPage();
    await page.goto(server.url("/ambient"));
    const settle = await waitForSettle(page, { timeoutMs: 10_000 });
    expect(settle).toMatchObject({ settled: true, reason: "quiet", finishedAnimations: 0 });
    const running = await page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.playState === "running")
        .map((a) => (a as CSSAnimation).animationName),
    );
    expect(running.sort()).toEqual(["grow", "pulse"]);
    await page.context().close();
  });

  it("the test dialog is reported when the site itself leaves it faint", async () => {
    const result = await lintPath("/faint");
    expect(result.findings.map((f) => f.ruleId)).toContain("hidden-consent-text");
  });
});

describe("when the time bound runs out mid-animation", () => {
  it("finishes the entrance animations still running, so their end state is read and nothing is reported", async () => {
    const page = await newPage();
    await page.goto(server.url("/busy"));
    // The clock never lets the page be quiet: the settle ends at its bound, while the 6 s fade is under way.
    const settle = await waitForSettle(page, { timeoutMs: 1500 });
    expect(settle.settled).toBe(false);
    expect(settle.finishedAnimations).toBeGreaterThanOrEqual(1);
    const { model, findings } = await lintModel(page);
    expect(describeFindings(findings)).toEqual([]);
    expect(new Set(dialogOpacities(model))).toEqual(new Set([1]));
    // The clock's interval is not an animation: the page is left running.
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await page.context().close();
  });

  it("leaves infinite animations running when it finishes the others", async () => {
    const page = await newPage();
    await page.goto(server.url("/delayed-spinner"));
    // A bound too short for the delayed entrance: it is finished, the spinners keep turning.
    const settle = await waitForSettle(page, { timeoutMs: 100 });
    expect(settle.finishedAnimations).toBe(1);
    const state = await page.evaluate(() => ({
      running: document
        .getAnimations()
        .filter((a) => a.playState === "running")
        .map((a) => String(a.effect?.getComputedTiming().iterations)),
      opacity: getComputedStyle(document.getElementById("consent")!).opacity,
    }));
    expect(state).toEqual({ running: ["Infinity", "Infinity"], opacity: "1" });
    await page.context().close();
  });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: DESKTOP.width, height: DESKTOP.height } });
  await installSettleTracker(context);
  return context.newPage();
}

/** The model and findings of a page as it is now, with the default rules. */
async function lintModel(page: Page): Promise<{ model: PageModel; findings: Finding[] }> {
  const setup = prepareRun({ cwd: process.cwd() });
  const model = await extractPageModel(page, { viewport: DESKTOP, locale: null, timeoutMs: 30_000 });
  const cfg = setup.loaded.config;
  const outcome = runRules(model, { rules: setup.rulesFor(null), languages: cfg.languages ?? [], ignore: cfg.ignore ?? [] });
  return { model, findings: outcome.findings };
}
