/**
 * Consent managers that hide from automation still show to the linter. The
 * page runs vanilla-cookieconsent from node_modules (served through a config
 * `mount`, as corpus/cmp does) with its default `hideFromBots: true`, which
 * shows nothing when `navigator.webdriver` is set or the user agent looks like
 * a bot. Linted the ordinary way (launchBrowser), the banner is in the model
 * and the page sees `navigator.webdriver` false and no "Headless" brand; the
 * same page in a browser that announces automation shows no banner, which is
 * what makes the first half mean something.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint } from "../lint/index.js";
import { BROWSER_ARGS, findBrowser } from "../lint/browser/launch.js";
import type { LintResultWithModel } from "../lint/run/runner.js";
import type { PageModel } from "../lint/model.js";

const repoRoot = resolve(__dirname, "..");
const DESCRIPTION = "We use cookies to remember your basket and, if you agree, to measure which recipes are read.";

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Allotment recipes</title>
  <link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css">
  <style>body { font: 16px/1.5 sans-serif; margin: 0; padding: 24px; color: #222; background: #fff; }</style>
</head>
<body>
  <h1>Allotment recipes</h1>
  <p>Courgette fritters, runner bean chutney and a rhubarb crumble.</p>
  <p id="automation">navigator.webdriver is <span id="wd"></span>; brands: <span id="brands"></span></p>
  <script>
    document.querySelector('#wd').textContent = String(navigator.webdriver);
    document.querySelector('#brands').textContent = navigator.userAgentData ? navigator.userAgentData.brands.map((b) => b.brand).join(', ') : 'none';
  </script>
  <script src="/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
  <script>
    CookieConsent.run({
      categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
      language: {
        default: 'en',
        translations: {
          en: {
            consentModal: {
              title: 'Cookies on this site',
              description: '${DESCRIPTION}',
              acceptAllBtn: 'Accept all',
              acceptNecessaryBtn: 'Reject all'
            },
            preferencesModal: { title: 'Cookie preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', sections: [] }
          }
        }
      }
    });
  </script>
</body>
</html>`;

let dir: string;
let automated: Browser | undefined;
let linted: PageModel;
let announced: PageModel;

async function modelOf(browser?: Browser): Promise<PageModel> {
  const report = await lint(["index.html"], {
    cwd: dir,
    config: join(dir, "consentlint.config.json"),
    keepModels: true,
    timeout: 30_000,
    ...(browser ? { browser } : {}),
  });
  const result = report.results[0] as LintResultWithModel;
  expect(result.error).toBeUndefined();
  if (!result.model) throw new Error("no model kept");
  return result.model;
}

const textOf = (model: PageModel) => model.texts.map((t) => t.text).join("\n");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-bots-"));
  writeFileSync(join(dir, "index.html"), PAGE);
  writeFileSync(join(dir, "consentlint.config.json"), JSON.stringify({ mounts: { "/node_modules/": join(repoRoot, "node_modules") } }));
  // The ordinary launch path: lint() launches its own browser with launchBrowser.
  linted = await modelOf();
  // A browser as Playwright launches it by default: it announces automation (navigator.webdriver is true).
  automated = await chromium.launch({
    executablePath: findBrowser({ install: false }).executablePath,
    args: BROWSER_ARGS.filter((a) => !a.includes("AutomationControlled")),
  });
  announced = await modelOf(automated);
}, 240_000);

afterAll(async () => {
  await automated?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("bot-hiding consent managers (vanilla-cookieconsent, hideFromBots: true)", () => {
  it("the linted page sees no automation: navigator.webdriver is false and no Headless brand", () => {
    const automation = linted.texts.find((t) => t.text.startsWith("navigator.webdriver is"));
    expect(automation?.text).toMatch(/^navigator\.webdriver is false; brands: /);
    expect(automation?.text).not.toMatch(/headless/i);
  });

  it("the banner is in the linted model: its text and both buttons, shown", () => {
    const description = linted.texts.find((t) => t.text.includes(DESCRIPTION));
    expect(description, textOf(linted)).toBeDefined();
    expect(description!.visibility).toMatchObject({ displayNone: false, visibilityHidden: false, zeroSize: false });
    expect(linted.actions.map((a) => a.text)).toEqual(expect.arrayContaining(["Accept all", "Reject all"]));
  });

  it("a browser that announces automation gets no banner from the same page", () => {
    expect(textOf(announced)).toMatch(/navigator\.webdriver is true/);
    expect(textOf(announced)).not.toContain(DESCRIPTION);
    expect(announced.actions.map((a) => a.text)).not.toContain("Accept all");
  });
});
