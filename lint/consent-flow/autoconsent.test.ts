/**
 * autoconsent driving the real consent libraries of the corpus (installed
 * from the npm registry, served from node_modules as the cmp corpus config
 * mounts them), in Chromium: it finds the manager, refuses or accepts, and
 * the manager's own stored choice says so.
 */
import { join, resolve } from "node:path";
import type { Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../browser/launch.js";
import { LocalFileServer } from "../targets/file-server.js";
import { driveConsent } from "./autoconsent.js";

const root = resolve(__dirname, "../..");
const corpus = join(root, "corpus");
let browser: Browser;
let server: LocalFileServer;

beforeAll(async () => {
  browser = await launchBrowser({ install: false });
  server = new LocalFileServer([{ prefix: "/node_modules/", dir: join(root, "node_modules") }]);
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await browser.close();
});

/** Opens a corpus page in a fresh profile, runs autoconsent, and returns what it did and the cookies the site then holds. */
async function drive(page: string, action: "optOut" | "optIn") {
  const context = await browser.newContext();
  try {
    const p = await context.newPage();
    await p.goto(server.urlFor(join(corpus, page, "index.html"), corpus), { waitUntil: "load" });
    const outcome = await driveConsent(p, action, { timeoutMs: 20_000, detectMs: 4_000 });
    const cookies = await context.cookies();
    return { outcome, cookies: Object.fromEntries(cookies.map((c) => [c.name, decodeURIComponent(c.value)])) };
  } finally {
    await context.close();
  }
}

describe("driveConsent on the corpus's real consent managers", () => {
  it("klaro: refuses, and klaro's own cookie stores every service refused", async () => {
    const { outcome, cookies } = await drive("cmp/klaro/defaults.en", "optOut");
    expect(outcome.cmp).toMatch(/klaro/iu);
    expect(outcome.result).toBe(true);
    expect(cookies.klaro).toBeDefined();
    expect(Object.values(JSON.parse(cookies.klaro) as Record<string, boolean>).every((v) => v === false)).toBe(true);
  });

  it("tarteaucitron: refuses, and its cookie records the services denied", async () => {
    const { outcome, cookies } = await drive("cmp/tarteaucitron/defaults.en", "optOut");
    expect(outcome.cmp).toMatch(/tarteaucitron/iu);
    expect(outcome.result).toBe(true);
    expect(cookies.tarteaucitron).toMatch(/=false/u);
    expect(cookies.tarteaucitron).not.toMatch(/=true/u);
  });

  it("osano cookieconsent: refuses (by the rule for Complianz, which ships the same banner), and its status cookie says deny", async () => {
    const { outcome, cookies } = await drive("cmp/osano-cookieconsent/checkout-partner-box.de", "optOut");
    expect(outcome.cmp).toMatch(/cookieconsent|osano|complianz/iu);
    expect(outcome.result).toBe(true);
    expect(cookies.cookieconsent_status).toBe("deny");
  });

  it("klaro: accepts, and every service is stored as consented", async () => {
    const { outcome, cookies } = await drive("cmp/klaro/defaults.en", "optIn");
    expect(outcome.result).toBe(true);
    expect(Object.values(JSON.parse(cookies.klaro) as Record<string, boolean>).every((v) => v === true)).toBe(true);
  });

  it("a page with no consent manager: nothing detected, no choice made, no error", async () => {
    const { outcome } = await drive("pages/en/outdoor-shop-account-clean", "optOut");
    expect(outcome).toMatchObject({ cmp: null, popupFound: false, result: null });
  });
});
