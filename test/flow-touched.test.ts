/**
 * Toggles a flow changed are the person's doing, in real Chromium through the
 * public API: a flow that clicks an `aria-pressed` "Allow" button, and a flow
 * that clicks a card whose script flips a switch elsewhere on the layer, get
 * those controls marked as touched in the next state, so neither is reported
 * as pre-checked; a toggle the page itself pressed on the same layer still is.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint } from "../lint/index.js";
import type { LintResultWithModel } from "../lint/run/runner.js";
import type { Control } from "../lint/model.js";

const DIALOG_STYLE = `
  <style>
    body { font: 16px/1.5 sans-serif; color: #222; background: #fff; margin: 0; }
    [role=dialog] { position: fixed; left: 50%; top: 40px; transform: translateX(-50%); width: 560px; padding: 24px; background: #fff; border: 1px solid #888; }
    .row { display: flex; justify-content: space-between; align-items: center; margin: 12px 0; }
    button { font: inherit; padding: 8px 16px; border: 1px solid #333; background: #f4f4f4; color: #111; }
    button[aria-pressed=true] { background: #0a5; color: #fff; }
    .card { border: 1px solid #999; padding: 12px; margin: 8px 0; cursor: pointer; }
    [role=switch] { display: inline-block; width: 44px; height: 24px; border-radius: 12px; background: #999; }
    [role=switch][aria-checked=true] { background: #0a5; }
  </style>`;

const PRESSED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title>${DIALOG_STYLE}</head><body>
  <main><h1>Today's news</h1><p>Read the latest stories from our newsroom.</p></main>
  <div role="dialog" aria-modal="true" aria-labelledby="title">
    <h2 id="title">Your cookie choices</h2>
    <p>We would like to use optional cookies. Choose which ones you allow.</p>
    <div class="row"><span>Analytics cookies measure how visitors use the site.</span>
      <button id="analytics" aria-pressed="false" aria-label="Allow analytics cookies">Allow</button></div>
    <div class="row"><span>Advertising cookies show you personalised ads.</span>
      <button id="ads" aria-pressed="true" aria-label="Allow advertising cookies">Allow</button></div>
    <button>Save choices</button> <button>Reject all</button>
  </div>
  <script>
    for (const b of document.querySelectorAll('[aria-pressed]')) {
      b.addEventListener('click', () => b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')));
    }
  </script>
</body></html>`;

const CARD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${DIALOG_STYLE}</head><body>
  <main><h1>Garden tools</h1><p>Spades, rakes and hoses for every garden.</p></main>
  <div role="dialog" aria-modal="true" aria-labelledby="title">
    <h2 id="title">Privacy preferences</h2>
    <div class="card" id="card"><strong>Accept analytics</strong><p>Let us measure how visitors use the shop.</p></div>
    <div class="row"><span id="an-label">Analytics cookies</span><span role="switch" id="an" aria-checked="false" aria-labelledby="an-label" tabindex="0"></span></div>
    <div class="row"><span id="ads-label">Advertising cookies for personalised ads</span><span role="switch" id="ads" aria-checked="true" aria-labelledby="ads-label" tabindex="0"></span></div>
    <button>Save choices</button> <button>Reject all</button>
  </div>
  <script>
    document.querySelector('#card').addEventListener('click', () => {
      const sw = document.querySelector('#an');
      sw.setAttribute('aria-checked', String(sw.getAttribute('aria-checked') !== 'true'));
    });
  </script>
</body></html>`;

let dir: string;
let results: LintResultWithModel[];

function write(rel: string, text: string): void {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

function state(target: string, step: string): LintResultWithModel {
  const found = results.find((r) => r.target === target && r.step === step);
  if (!found) throw new Error(`no result for ${target} step ${step}; got ${results.map((r) => `${r.target}/${r.step}`).join(", ")}`);
  expect(found.error, `${target} step ${step}`).toBeUndefined();
  return found;
}

function control(result: LintResultWithModel, name: string): Control {
  const found = result.model?.controls.find((c) => c.name === name);
  if (!found)
    throw new Error(`no control "${name}" in step ${result.step}; controls: ${result.model?.controls.map((c) => c.name).join(" | ")}`);
  return found;
}

const preChecked = (result: LintResultWithModel) => result.findings.filter((f) => f.ruleId === "pre-checked-opt-in").map((f) => f.name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-touched-"));
  write("pressed/news.html", PRESSED_PAGE);
  write(
    "pressed/allow.flow.yaml",
    [
      "url: ./news.html",
      "steps:",
      "  - name: banner",
      "  - name: analytics-allowed",
      "    actions:",
      '      - click: { role: button, name: "Allow analytics cookies" }',
    ].join("\n"),
  );
  write("card/shop.html", CARD_PAGE);
  write(
    "card/card.flow.yaml",
    [
      "url: ./shop.html",
      "steps:",
      "  - name: banner",
      "  - name: card-clicked",
      "    actions:",
      "      - click: { text: Accept analytics }",
    ].join("\n"),
  );
  const report = await lint(["pressed/allow.flow.yaml", "card/card.flow.yaml"], {
    cwd: dir,
    concurrency: 2,
    timeout: 30_000,
    keepModels: true,
  });
  results = report.results as LintResultWithModel[];
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("flow-touched toggles in real Chromium", () => {
  it("an aria-pressed Allow button the flow clicked is touched, not pre-checked; the one the page pressed still is", () => {
    const banner = state("pressed/allow.flow.yaml", "banner");
    expect(control(banner, "Allow analytics cookies")).toMatchObject({ kind: "toggle-button", checked: false, touchedByFlow: false });
    expect(preChecked(banner)).toEqual(["Allow advertising cookies"]);

    const after = state("pressed/allow.flow.yaml", "analytics-allowed");
    expect(control(after, "Allow analytics cookies")).toMatchObject({ kind: "toggle-button", checked: true, touchedByFlow: true });
    expect(control(after, "Allow advertising cookies")).toMatchObject({ checked: true, touchedByFlow: false });
    expect(preChecked(after)).toEqual(["Allow advertising cookies"]);
  });

  it("a switch a card's script flipped is touched, not pre-checked; the card is no control, and the switch the page set still counts", () => {
    const banner = state("card/card.flow.yaml", "banner");
    expect(control(banner, "Analytics cookies")).toMatchObject({ kind: "switch", checked: false, touchedByFlow: false });
    expect(preChecked(banner)).toEqual(["Advertising cookies for personalised ads"]);

    const after = state("card/card.flow.yaml", "card-clicked");
    expect(control(after, "Analytics cookies")).toMatchObject({ kind: "switch", checked: true, touchedByFlow: true });
    expect(control(after, "Advertising cookies for personalised ads")).toMatchObject({ checked: true, touchedByFlow: false });
    expect(after.model?.controls.some((c) => c.name.includes("Accept analytics"))).toBe(false);
    expect(preChecked(after)).toEqual(["Advertising cookies for personalised ads"]);
  });
});
