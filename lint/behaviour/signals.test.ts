/** signals.ts in real Chromium pages: a TCF stub, Consent Mode commands, consent managers' state, hostile pages; and signalsGranting. */
import { createRequire } from "node:module";
import type { Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, PageServer } from "../extract/__fixtures__/harness.js";
import { NO_SIGNALS, readSignals, signalsExpression, signalsGranting } from "./signals.js";
import type { ConsentSignals } from "./types.js";

const require = createRequire(import.meta.url);
let h: Harness;
let server: PageServer;
let served = 0;
beforeAll(async () => {
  h = await Harness.start();
  server = await PageServer.start();
});
afterAll(async () => {
  await h?.stop();
  await server?.stop();
});

/** A page on a real loopback origin (cookies work there, unlike about:blank). */
async function pageWith(body: string, head = ""): Promise<Page> {
  const path = `/p${++served}.html`;
  server.set(path, `<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  const page = await h.newPage();
  await page.goto(server.url(path), { waitUntil: "load" });
  return page;
}

const TCF_STUB = `<script>
window.__tcfapi = function (command, version, callback) {
  if (command !== "getTCData" || version !== 2) return;
  setTimeout(function () {
    callback({
      tcString: "CPx", cmpId: 31, gdprApplies: true, eventStatus: "tcloaded",
      purpose: { consents: { 1: true, 2: false, 3: true, 4: true, 7: false, 11: true }, legitimateInterests: { 2: true } },
      vendor: { consents: { 1: true, 2: true, 755: true, 10: false } },
    }, true);
  }, 30);
};
</script>`;

const GTAG = `<script>
window.dataLayer = window.dataLayer || [];
function gtag(){ dataLayer.push(arguments); }
gtag("consent", "default", { ad_storage: "denied", analytics_storage: "denied", ad_user_data: "denied", ad_personalization: "denied", wait_for_update: 500, region: ["DE", "FR"] });
gtag("js", new Date());
gtag("config", "G-TEST");
</script>`;

describe("readSignals in Chromium", () => {
  it("reads a TCF stub's purpose and vendor consents", async () => {
    const page = await pageWith("<p>News</p>", TCF_STUB);
    const signals = await readSignals(page);
    expect(signals).toEqual({
      tcf: {
        cmpId: 31,
        gdprApplies: true,
        eventStatus: "tcloaded",
        purposeConsents: { "1": true, "2": false, "3": true, "4": true, "7": false, "11": true },
        vendorConsents: 3,
      },
      consentMode: null,
      manager: null,
    });
    expect(signalsGranting(signals).tcf).toEqual([3, 4]);
  });

  it("reads Consent Mode defaults, then the update to granted", async () => {
    const page = await pageWith("<p>Shop</p>", GTAG);
    const before = await readSignals(page);
    expect(before?.consentMode).toEqual({
      default: { ad_storage: "denied", analytics_storage: "denied", ad_user_data: "denied", ad_personalization: "denied" },
      update: null,
    });
    expect(signalsGranting(before)).toMatchObject({ consentMode: [], any: false });
    await page.evaluate(() => {
      (window as unknown as { gtag: (...a: unknown[]) => void }).gtag("consent", "update", {
        ad_storage: "granted",
        analytics_storage: "granted",
      });
      // A tag pushing an array instead of an arguments object.
      (window as unknown as { dataLayer: unknown[] }).dataLayer.push(["consent", "update", { ad_user_data: "granted" }]);
    });
    const after = await readSignals(page);
    expect(after?.consentMode?.update).toEqual({ ad_storage: "granted", analytics_storage: "granted", ad_user_data: "granted" });
    expect(signalsGranting(after)).toMatchObject({ consentMode: ["ad_storage", "analytics_storage", "ad_user_data"], any: true });
  });

  it("answers no signals on a plain page, quickly", async () => {
    const page = await pageWith("<p>Plain</p>");
    const started = Date.now();
    expect(await readSignals(page)).toEqual(NO_SIGNALS);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives up on a TCF API that never calls back, within the time limit", async () => {
    const page = await pageWith("<p>x</p>", `<script>window.__tcfapi = function () {};</script>${GTAG}`);
    const started = Date.now();
    const signals = await readSignals(page, { timeoutMs: 300 });
    expect(signals?.tcf).toBeNull();
    expect(signals?.consentMode?.default?.ad_storage).toBe("denied");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("survives hostile pages: throwing APIs and getters, replaced builtins, a huge fake dataLayer", async () => {
    const page = await pageWith(
      "<p>x</p>",
      `<script>
      window.__tcfapi = function () { throw new Error("boom"); };
      Object.defineProperty(window, "klaro", { get() { throw new Error("no"); } });
      window.dataLayer = { length: 1e9, 0: ["consent", "default", { get ad_storage() { throw new Error("x"); }, analytics_storage: "granted" }] };
      window.tarteaucitron = { state: new Proxy({}, { ownKeys() { throw new Error("p"); } }) };
      JSON.parse = () => { throw new Error("json"); };
      Array.prototype[Symbol.iterator] = function* () { throw new Error("iter"); };
      Object.keys = () => { throw new Error("keys"); };
      </script>`,
    );
    const started = Date.now();
    const signals = await readSignals(page, { timeoutMs: 500 });
    expect(signals).not.toBeNull();
    expect(signals?.tcf).toBeNull();
    expect(signals?.consentMode).toEqual({ default: { analytics_storage: "granted" }, update: null });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a page that replaced setTimeout and never answers TCF is bounded on the Node side (null)", async () => {
    const page = await pageWith(
      "<p>x</p>",
      `<script>window.__tcfapi = function () {}; window.setTimeout = function () { return 0; };</script>`,
    );
    const started = Date.now();
    expect(await readSignals(page, { timeoutMs: 200 })).toBeNull();
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("a page that loops in a getter is bounded on the Node side (null)", async () => {
    const page = await pageWith(
      "<p>x</p>",
      `<script>setTimeout(() => Object.defineProperty(window, "dataLayer", { get() { for (;;) {} } }), 0);</script>`,
    );
    await page.waitForTimeout(50);
    const started = Date.now();
    expect(await readSignals(page, { timeoutMs: 200 })).toBeNull();
    expect(Date.now() - started).toBeLessThan(2500);
    await page.context().close();
  });

  it("reads TCF through the __tcfapiLocator frame from a child frame", async () => {
    const page = await pageWith(
      `<iframe name="__tcfapiLocator" style="display:none"></iframe><iframe id="child" srcdoc="<p>ad slot</p>"></iframe>`,
      `<script>
      window.addEventListener("message", function (event) {
        var call = event.data && event.data.__tcfapiCall;
        if (!call || call.command !== "getTCData") return;
        event.source.postMessage({ __tcfapiReturn: { callId: call.callId, success: true,
          returnValue: { cmpId: 5, gdprApplies: true, eventStatus: "useractioncomplete", purpose: { consents: { 1: true, 5: true } }, vendor: { consents: {} } } } }, "*");
      });
      </script>`,
    );
    const child = page.frames().find((f) => f !== page.mainFrame() && f.name() !== "__tcfapiLocator");
    expect(child).toBeDefined();
    const signals = (await child!.evaluate(signalsExpression({ timeoutMs: 1000, maxDataLayer: 100 }))) as ConsentSignals;
    expect(signals.tcf).toEqual({
      cmpId: 5,
      gdprApplies: true,
      eventStatus: "useractioncomplete",
      purposeConsents: { "1": true, "5": true },
      vendorConsents: 0,
    });
  });
});

describe("consent managers' own state", () => {
  it("klaro: per-service consents, required services left out", async () => {
    const page = await pageWith(
      "<p>x</p>",
      `<script>window.klaroConfig = { storageMethod: "cookie", mustConsent: false, services: [
        { name: "session", title: "Session", purposes: ["functional"], required: true },
        { name: "matomo", title: "Matomo", purposes: ["analytics"], default: false },
        { name: "youtube", title: "YouTube", purposes: ["media"], default: true } ] };</script>`,
    );
    await page.addScriptTag({ path: require.resolve("klaro/dist/klaro.js") });
    await page.waitForFunction(() => typeof (window as unknown as { klaro?: { getManager?: unknown } }).klaro?.getManager === "function");
    const signals = await readSignals(page);
    expect(signals?.manager).toEqual({ name: "klaro", granted: ["youtube"], refused: ["matomo"] });
  });

  it("vanilla-cookieconsent v3: nothing before a choice, then the accepted and rejected categories", async () => {
    const page = await pageWith("<p>x</p>");
    await page.addScriptTag({ path: require.resolve("vanilla-cookieconsent/dist/cookieconsent.umd.js") });
    await page.evaluate(async () => {
      const cc = (window as unknown as { CookieConsent: { run: (c: unknown) => Promise<void> } }).CookieConsent;
      await cc.run({
        categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, ads: {} },
        language: {
          default: "en",
          translations: {
            en: {
              consentModal: { title: "Cookies", acceptAllBtn: "Accept", acceptNecessaryBtn: "Reject" },
              preferencesModal: { sections: [] },
            },
          },
        },
      });
    });
    expect((await readSignals(page))?.manager).toEqual({ name: "vanilla-cookieconsent", granted: [], refused: [] });
    await page.evaluate(() =>
      (window as unknown as { CookieConsent: { acceptCategory: (c: string[]) => void } }).CookieConsent.acceptCategory(["analytics"]),
    );
    const after = await readSignals(page);
    expect(after?.manager).toEqual({ name: "vanilla-cookieconsent", granted: ["analytics", "necessary"], refused: ["ads"] });
    expect(signalsGranting(after).manager).toEqual(["analytics"]);
  });

  it("tarteaucitron state, OneTrust groups and the Osano cookieconsent cookie", async () => {
    const tac = await pageWith(
      "<p>x</p>",
      `<script>window.tarteaucitron = { state: { gtag: false, youtube: true, facebookpixel: "wait" } };</script>`,
    );
    expect((await readSignals(tac))?.manager).toEqual({ name: "tarteaucitron", granted: ["youtube"], refused: ["gtag"] });
    const ot = await pageWith("<p>x</p>", `<script>window.OnetrustActiveGroups = ",C0001,C0003,";</script>`);
    const otSignals = await readSignals(ot);
    expect(otSignals?.manager).toEqual({ name: "onetrust", granted: ["C0001", "C0003"], refused: [] });
    expect(signalsGranting(otSignals).manager).toEqual(["C0003"]);
    const osano = await pageWith("<p>x</p>", `<script>document.cookie = "cookieconsent_status=deny; path=/";</script>`);
    expect((await readSignals(osano))?.manager).toEqual({ name: "cookieconsent", granted: [], refused: ["cookies"] });
    const osanoAllow = await pageWith("<p>x</p>", `<script>document.cookie = "cookieconsent_status=allow; path=/";</script>`);
    expect(signalsGranting(await readSignals(osanoAllow)).manager).toEqual(["cookies"]);
  });
});

describe("signalsGranting", () => {
  const none: ConsentSignals = { tcf: null, consentMode: null, manager: null };
  it("is empty for no signals", () => {
    expect(signalsGranting(null)).toEqual({ tcf: [], consentMode: [], manager: [], any: false });
    expect(signalsGranting(none)).toEqual({ tcf: [], consentMode: [], manager: [], any: false });
  });

  it("counts TCF purposes 2-10 only", () => {
    const purposeConsents = { "1": true, "2": true, "10": true, "11": true, "5": false };
    expect(
      signalsGranting({ ...none, tcf: { cmpId: 1, gdprApplies: true, eventStatus: "tcloaded", purposeConsents, vendorConsents: 0 } }),
    ).toMatchObject({
      tcf: [2, 10],
      any: true,
    });
    expect(
      signalsGranting({
        ...none,
        tcf: { cmpId: 1, gdprApplies: true, eventStatus: "tcloaded", purposeConsents: { "1": true }, vendorConsents: 9 },
      }).any,
    ).toBe(false);
  });

  it("takes the update over the default per Consent Mode type, and ignores other types", () => {
    const g = signalsGranting({
      ...none,
      consentMode: {
        default: { ad_storage: "granted", analytics_storage: "granted", functionality_storage: "granted", security_storage: "granted" },
        update: { ad_storage: "denied", ad_personalization: "granted" },
      },
    });
    expect(g).toEqual({ tcf: [], consentMode: ["analytics_storage", "ad_personalization"], manager: [], any: true });
  });

  it("leaves necessary entries of a manager out", () => {
    expect(
      signalsGranting({ ...none, manager: { name: "x", granted: ["necessary", "Essential", "statistics"], refused: [] } }).manager,
    ).toEqual(["statistics"]);
    expect(signalsGranting({ ...none, manager: { name: "x", granted: ["necessary"], refused: ["ads"] } }).any).toBe(false);
  });
});
