import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser } from "../browser/launch.js";
import { LocalFileServer } from "../targets/file-server.js";
import { FlowStepError, TOUCHED_ATTRIBUTE, loadFlowFile, runStepActions, type Flow, type FlowAction } from "./index.js";

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser({ install: false });
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

// Generous budgets: a loaded machine must not turn a slow action into a failure.
const opts = { timeoutMs: 15_000, resolveUrl: (u: string) => u };

/** A one-step flow around the given actions. */
function flowOf(actions: FlowAction[], stepName = "report"): Flow {
  return {
    file: "/flows/bill.flow.yaml",
    name: "annual-bill",
    url: "/flows/landing.html",
    urlIsFile: true,
    steps: [
      { name: "landing", actions: [], line: 3, actionLines: [] },
      { name: stepName, actions, line: 4, actionLines: actions.map((_, i) => 6 + i) },
    ],
  };
}

function run(actions: FlowAction[], timeoutMs = opts.timeoutMs) {
  return runStepActions(page, flowOf(actions), 1, { ...opts, timeoutMs });
}

async function touched(selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el, attr) => el.hasAttribute(attr), TOUCHED_ATTRIBUTE);
}

async function failure(actions: FlowAction[], timeoutMs = 4_000): Promise<FlowStepError> {
  const error = await run(actions, timeoutMs).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FlowStepError);
  return error as FlowStepError;
}

const BILL_PAGE = `
  <main>
    <h1>2017 年度账单</h1>
    <button id="view" onclick="document.querySelector('#out').textContent = 'report shown'">View my annual bill</button>
    <a href="#bill">View bill</a>
    <button>Cancel</button>
    <p id="out"></p>
  </main>`;

describe("runStepActions: reload", () => {
  let dir: string;
  let server: LocalFileServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "consentlint-flow-reload-"));
    writeFileSync(join(dir, "reload.html"), `<script>window.fresh = true</script><p>News</p>`);
    server = new LocalFileServer();
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads the page again in the same profile: what the page stored is still there", async () => {
    await page.goto(server.urlFor(join(dir, "reload.html"), dir));
    await page.evaluate(() => {
      (window as unknown as { fresh?: boolean }).fresh = false;
      localStorage.setItem("consent", "refused");
    });
    await page.evaluate(() => localStorage.setItem("consent", "refused"));
    const records = await run([{ reload: true }]);
    expect(records).toEqual([{ action: "reload", targetText: "" }]);
    await expect(page.evaluate(() => [localStorage.getItem("consent"), (window as unknown as { fresh?: boolean }).fresh])).resolves.toEqual(
      ["refused", true],
    );
  });
});

describe("runStepActions: actions in Chromium", () => {
  it("clicks by role and name, and reports the button's text without marking it as a control", async () => {
    await page.setContent(BILL_PAGE);
    const records = await run([{ click: { role: "button", name: "View my annual bill" } }]);
    expect(records).toEqual([{ action: "click", targetText: "View my annual bill" }]);
    await expect(page.locator("#out").textContent()).resolves.toBe("report shown");
    expect(await touched("#view")).toBe(false);
  });

  it("fills by label and marks the field", async () => {
    await page.setContent(`<label for="email">Email address</label><input id="email"><input id="other">`);
    const records = await run([{ fill: { label: "Email address", value: "li@example.cn" } }]);
    expect(records).toEqual([{ action: "fill", targetText: "Email address" }]);
    await expect(page.locator("#email").inputValue()).resolves.toBe("li@example.cn");
    expect(await touched("#email")).toBe(true);
    expect(await touched("#other")).toBe(false);
  });

  it("checks and unchecks by label, marking the checkbox as touched", async () => {
    await page.setContent(`
      <label><input type="checkbox" id="share"> Share my data with partners</label>
      <label><input type="checkbox" id="ads" checked> Personalised ads</label>
      <label><input type="checkbox" id="untouched" checked> Newsletter</label>`);
    const records = await run([{ check: { label: "Share my data with partners" } }, { uncheck: { label: "Personalised ads" } }]);
    expect(records.map((r) => r.targetText)).toEqual(["Share my data with partners", "Personalised ads"]);
    await expect(page.locator("#share").isChecked()).resolves.toBe(true);
    await expect(page.locator("#ads").isChecked()).resolves.toBe(false);
    expect(await touched("#share")).toBe(true);
    expect(await touched("#ads")).toBe(true);
    expect(await touched("#untouched")).toBe(false);
  });

  it("marks the control of a label that is clicked, and a custom switch that is clicked", async () => {
    await page.setContent(`
      <input type="checkbox" id="credit"><label for="credit" id="credit-label">Allow credit scoring</label>
      <div role="switch" aria-checked="false" id="sw" tabindex="0" onclick="this.setAttribute('aria-checked', 'true')"><span id="knob">Location</span></div>
      <label><input type="checkbox" id="terms"> I accept the <a href="#terms" id="terms-link">terms</a></label>`);
    await run([{ click: { text: "Allow credit scoring" } }, { click: { css: "#knob" } }, { click: { css: "#terms-link" } }]);
    await expect(page.locator("#credit").isChecked()).resolves.toBe(true);
    expect(await touched("#credit")).toBe(true);
    expect(await touched("#credit-label")).toBe(true);
    expect(await touched("#sw")).toBe(true);
    await expect(page.locator("#sw").getAttribute("aria-checked")).resolves.toBe("true");
    // A link inside a label follows itself; it does not toggle the label's checkbox.
    expect(await touched("#terms")).toBe(false);
  });

  it("keeps the mark when the page re-renders the control it changed", async () => {
    await page.setContent(`
      <div id="host"><label><input type="checkbox" id="opt"> Marketing e-mails</label></div>
      <script>
        document.querySelector('#host').addEventListener('change', (e) => {
          const fresh = e.target.cloneNode(true);
          fresh.checked = e.target.checked;
          e.target.replaceWith(fresh);
        });
      </script>`);
    await run([{ check: { label: "Marketing e-mails" } }]);
    await expect(page.locator("#opt").isChecked()).resolves.toBe(true);
    expect(await touched("#opt")).toBe(true);
  });

  it("selects an option by label and marks the select", async () => {
    await page.setContent(
      `<label>Country <select id="country"><option value="de">Germany</option><option value="fr">France</option></select></label>`,
    );
    const records = await run([{ select: { label: "Country", value: "France" } }]);
    await expect(page.locator("#country").inputValue()).resolves.toBe("fr");
    expect(await touched("#country")).toBe(true);
    expect(records[0].action).toBe("select");
  });

  it("presses keys: on the focused element, and Space on a located checkbox (which marks it)", async () => {
    await page.setContent(`
      <input id="q" aria-label="Search" onkeydown="if (event.key === 'Enter') document.querySelector('#out').textContent = 'searched ' + this.value">
      <label><input type="checkbox" id="cb"> Allow analytics</label>
      <p id="out"></p>`);
    await page.locator("#q").fill("bill");
    await page.locator("#q").focus();
    const records = await run([{ press: "Enter" }, { press: { label: "Allow analytics", key: "Space" } }]);
    await expect(page.locator("#out").textContent()).resolves.toBe("searched bill");
    expect(records[0]).toEqual({ action: "press", targetText: "Search" });
    await expect(page.locator("#cb").isChecked()).resolves.toBe(true);
    expect(await touched("#cb")).toBe(true);
    expect(await touched("#q")).toBe(false);
  });

  it("scrolls to the bottom, to the top, and to an element", async () => {
    await page.setViewportSize({ width: 800, height: 400 });
    await page.setContent(`<div style="height:3000px">top</div><p id="far">Consent details</p><div style="height:3000px"></div>`);
    await run([{ scroll: "bottom" }]);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(5000);
    await run([{ scroll: "top" }]);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await run([{ scroll: { text: "Consent details" } }]);
    const box = await page.locator("#far").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(400);
  });

  it("waits for an element that appears later, and for a fixed time", async () => {
    await page.setContent(
      `<script>setTimeout(() => { const p = document.createElement('p'); p.id = 'done'; p.textContent = 'Done'; document.body.append(p); }, 300);</script>`,
    );
    await run([{ waitFor: { css: "#done" } }]);
    await expect(page.locator("#done").count()).resolves.toBe(1);
    const started = Date.now();
    await run([{ waitFor: { ms: 250 } }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });
});

describe("runStepActions: controls whose state the action changed", () => {
  it("marks an aria-pressed toggle button the flow clicks", async () => {
    await page.setContent(`
      <div role="dialog" aria-label="Cookies">
        <p>Analytics cookies</p>
        <button id="allow" aria-pressed="false" onclick="this.setAttribute('aria-pressed', String(this.getAttribute('aria-pressed') !== 'true'))">Allow</button>
        <button id="ads" aria-pressed="true">Allow ads</button>
      </div>`);
    const records = await run([{ click: { css: "#allow" } }]);
    expect(records).toEqual([{ action: "click", targetText: "Allow" }]);
    await expect(page.locator("#allow").getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await touched("#allow")).toBe(true);
    expect(await touched("#ads")).toBe(false);
  });

  it("marks a switch elsewhere that a card's script flips, and a radio its neighbour unticked, but not the card", async () => {
    await page.setContent(`
      <div id="card" class="card" onclick="const s = document.querySelector('#sw'); s.setAttribute('aria-checked', String(s.getAttribute('aria-checked') !== 'true'))">
        <h3>Accept analytics</h3><p>Help us improve the site</p>
      </div>
      <div role="switch" id="sw" aria-checked="false" aria-label="Analytics"></div>
      <label><input type="checkbox" id="ads" checked> Personalised ads</label>
      <label><input type="radio" name="freq" id="weekly" checked> Weekly</label>
      <label><input type="radio" name="freq" id="monthly"> Monthly</label>`);
    await run([{ click: { text: "Accept analytics" } }, { click: { label: "Monthly" } }]);
    await expect(page.locator("#sw").getAttribute("aria-checked")).resolves.toBe("true");
    expect(await touched("#sw")).toBe(true);
    expect(await touched("#card")).toBe(false);
    expect(await touched("#monthly")).toBe(true);
    expect(await touched("#weekly")).toBe(true);
    expect(await touched("#ads")).toBe(false);
  });

  it("marks a control a script changes late in the click (a promise, a frame later), in an open shadow root and in an iframe", async () => {
    await page.setContent(`
      <button id="all">Enable all</button>
      <div id="host"></div>
      <iframe id="f" srcdoc="<label><input type='checkbox' id='inner'> Partner sharing</label><label><input type='checkbox' id='other'> Newsletter</label>"></iframe>
      <script>
        const root = document.querySelector('#host').attachShadow({ mode: 'open' });
        root.innerHTML = '<label><input type="checkbox" id="shadowed"> Location</label>';
        document.querySelector('#all').addEventListener('click', () => {
          Promise.resolve().then(() => { root.querySelector('#shadowed').checked = true; });
          requestAnimationFrame(() => { document.querySelector('#f').contentDocument.querySelector('#inner').checked = true; });
        });
      </script>`);
    await page.frameLocator("#f").locator("#inner").waitFor({ state: "attached" });
    await run([{ click: { role: "button", name: "Enable all" } }]);
    const shadowed = page.locator("#host #shadowed");
    await expect(shadowed.isChecked()).resolves.toBe(true);
    expect(await shadowed.evaluate((el, attr) => el.hasAttribute(attr), TOUCHED_ATTRIBUTE)).toBe(true);
    const frame = page.frameLocator("#f");
    await expect(frame.locator("#inner").isChecked()).resolves.toBe(true);
    expect(await frame.locator("#inner").evaluate((el, attr) => el.hasAttribute(attr), TOUCHED_ATTRIBUTE)).toBe(true);
    expect(await frame.locator("#other").evaluate((el, attr) => el.hasAttribute(attr), TOUCHED_ATTRIBUTE)).toBe(false);
    expect(await touched("#all")).toBe(false);
  });

  it("marks a re-rendered control whose state changed, but not a control the click adds or a layer that sets its switches as it opens", async () => {
    await page.setContent(`
      <button id="accept">Accept analytics</button>
      <button id="settings">Settings</button>
      <div id="list"><div role="switch" aria-checked="false" aria-label="Analytics" id="an"></div></div>
      <div id="layer" hidden><label><input type="checkbox" id="ads"> Advertising</label></div>
      <script>
        document.querySelector('#accept').onclick = () => {
          document.querySelector('#list').innerHTML = '<div role="switch" aria-checked="true" aria-label="Analytics" id="an"></div>';
        };
        document.querySelector('#settings').onclick = () => {
          const layer = document.querySelector('#layer');
          layer.hidden = false;
          layer.querySelector('#ads').checked = true;
          layer.insertAdjacentHTML('beforeend', '<label><input type="checkbox" id="social" checked> Social media</label>');
        };
      </script>`);
    await run([{ click: { css: "#accept" } }, { click: { css: "#settings" } }]);
    await expect(page.locator("#an").getAttribute("aria-checked")).resolves.toBe("true");
    expect(await touched("#an")).toBe(true);
    await expect(page.locator("#ads").isChecked()).resolves.toBe(true);
    expect(await touched("#ads")).toBe(false);
    expect(await touched("#social")).toBe(false);
  });

  it("marks a hidden control the click changes that stays hidden (the choice kept for a later layer)", async () => {
    await page.setContent(`
      <button id="allow-all" onclick="document.querySelector('#stats').checked = true">Allow all</button>
      <div style="display:none"><label><input type="checkbox" id="stats"> Statistics</label></div>
      <div style="display:none"><label><input type="checkbox" id="kept" checked> Marketing</label></div>`);
    await run([{ click: { css: "#allow-all" } }]);
    expect(await touched("#stats")).toBe(true);
    expect(await touched("#kept")).toBe(false);
  });

  it("leaves controls alone when a click changes none, and what the page changes as it is scrolled", async () => {
    await page.setViewportSize({ width: 800, height: 400 });
    await page.setContent(`
      <p id="note">Read our policy</p>
      <label><input type="checkbox" id="ads" checked> Personalised ads</label>
      <div role="switch" id="sw" aria-checked="true" aria-label="Analytics" style="width:40px;height:20px"></div>
      <div style="height:3000px"></div>
      <script>addEventListener('scroll', () => document.querySelector('#sw').setAttribute('aria-checked', 'false'), { once: true });</script>`);
    await run([{ click: { css: "#note" } }, { scroll: "bottom" }, { waitFor: { css: '#sw[aria-checked="false"]' } }]);
    expect(await touched("#ads")).toBe(false);
    expect(await touched("#sw")).toBe(false);
  });
});

describe("runStepActions: failures", () => {
  it("a locator that finds nothing names the flow, step, action and locator, and suggests the right button", async () => {
    await page.setContent(BILL_PAGE);
    const error = await failure([{ click: { role: "button", name: "View my anual bil" } }]);
    expect(error.flow).toBe("annual-bill");
    expect(error.step).toBe("report");
    expect(error.stepIndex).toBe(1);
    expect(error.actionIndex).toBe(0);
    expect(error.locator).toBe('{ role: button, name: "View my anual bil" }');
    expect(error.suggestions[0]).toBe('button "View my annual bill"');
    expect(error.suggestions).toContain('link "View bill"');
    expect(error.suggestions).not.toContain('button "Cancel"');
    expect(error.message).toContain('Flow "annual-bill" step 2 "report"');
    expect(error.message).toContain("bill.flow.yaml:6");
    expect(error.message).toContain("action 1 click");
    expect(error.message).toContain("no element matched within");
    expect(error.message).toContain('Did you mean: button "View my annual bill"');
    expect(error.message).not.toContain("\n");
  });

  it("stops at the failing action: earlier actions ran, later ones did not", async () => {
    await page.setContent(`<label>Name <input id="name"></label><button onclick="document.title = 'sent'">Send</button>`);
    const error = await failure(
      [{ fill: { label: "Name", value: "Li" } }, { click: { text: "Missing" } }, { click: { role: "button", name: "Send" } }],
      6_000,
    );
    expect(error.actionIndex).toBe(1);
    await expect(page.locator("#name").inputValue()).resolves.toBe("Li");
    await expect(page.title()).resolves.not.toBe("sent");
  });

  it("a locator matching several elements reports how many and lists them", async () => {
    await page.setContent(`<button>Accept all</button><button>Accept necessary only</button><button>Settings</button>`);
    const error = await failure([{ click: { role: "button", name: "Accept" } }]);
    expect(error.reason).toContain("matched 2 elements");
    expect(error.suggestions).toEqual(['button "Accept all"', 'button "Accept necessary only"']);
  });

  it("an element that exists but is hidden is reported as not visible", async () => {
    await page.setContent(`<button style="display:none" id="b">Agree</button><button>Agree and continue</button>`);
    const error = await failure([{ click: { css: "#b" } }]);
    expect(error.reason).toMatch(/not visible/);
  });

  it("a test id that does not exist suggests the closest ones on the page", async () => {
    await page.setContent(`<button data-testid="accept-all">OK</button><button data-testid="reject-all">No</button>`);
    const error = await failure([{ click: { testId: "accept-al" } }]);
    expect(error.suggestions[0]).toBe('testId "accept-all"');
  });
});

describe("runStepActions with a flow file", () => {
  let dir: string;
  let server: LocalFileServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "consentlint-flow-run-"));
    writeFileSync(join(dir, "landing.html"), `<a href="#">Home</a><p>Welcome</p>`);
    writeFileSync(
      join(dir, "signup.html"),
      `<meta charset="utf-8"><form><label><input type="checkbox" id="share"> 同意共享我的信用信息</label><button type="button" onclick="document.querySelector('#done').hidden = false">下一步</button><p id="done" hidden>完成</p></form>`,
    );
    writeFileSync(
      join(dir, "signup.flow.yaml"),
      [
        "url: landing.html",
        "steps:",
        "  - name: landing",
        "  - name: signup",
        "    actions:",
        "      - goto: ./signup.html",
        "      - check: { label: 同意共享我的信用信息 }",
        "      - click: { text: 下一步 }",
        "      - waitFor: { css: '#done' }",
      ].join("\n"),
    );
    server = new LocalFileServer();
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads the file, goes to a page relative to it through resolveUrl, and runs each step", async () => {
    const flow = loadFlowFile(join(dir, "signup.flow.yaml"));
    const resolveUrl = (target: string) => (/^https?:/.test(target) ? target : server.urlFor(target, dirname(flow.file)));
    await page.goto(resolveUrl(flow.url));
    expect(await runStepActions(page, flow, 0, { timeoutMs: 5_000, resolveUrl })).toEqual([]);
    const records = await runStepActions(page, flow, 1, { timeoutMs: 5_000, resolveUrl });
    expect(page.url()).toMatch(/\/signup\.html$/);
    expect(records).toEqual([
      { action: "goto", targetText: "" },
      { action: "check", targetText: "同意共享我的信用信息" },
      { action: "click", targetText: "下一步" },
      { action: "waitFor", targetText: "" },
    ]);
    await expect(page.locator("#done").isVisible()).resolves.toBe(true);
    expect(await touched("#share")).toBe(true);
  });
});
