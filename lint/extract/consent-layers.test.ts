/**
 * Consent UI found as such, in real Chromium: a consent manager in a frame
 * (same-origin, srcdoc or another origin) and a cookie bar without ARIA roles
 * that holds most of a short page's text are consent steps of their own, so
 * their "Accept" is not the page's primary action and their statement is not
 * the page's bundled consent; a frame that does not ask for consent stays
 * part of the page around it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, Harness, PageServer, page } from "./__fixtures__/harness.js";
import { consentView } from "../consent/view.js";
import { runRules, selectRules } from "../run/engine.js";
import { allRules } from "../../rules/index.js";
import type { PageModel } from "../model.js";

let h: Harness;
let server: PageServer;
beforeAll(async () => {
  h = await Harness.start();
  server = await PageServer.start();
});
afterAll(async () => {
  await h?.stop();
  await server?.stop();
});

const rules = selectRules(allRules, []);
const findingsOf = (model: PageModel) =>
  runRules(model, { rules, languages: [], ignore: [] }).findings.map((f) => `${f.ruleId}: ${f.text.slice(0, 60)}`);

const CHECKOUT = `<h1>Checkout</h1>
  <form action="#"><label>Card number <input name="card" required></label> <button type="submit">Pay now</button></form>`;
const CMP =
  page(`<p>We and our partners use cookies for analytics and personalised advertising. By clicking "Accept all" you agree to the use of cookies for analytics and advertising.</p>
  <button>Accept all</button> <button>Reject all</button> <button>Settings</button>`);
const FRAME_STYLE = "position:fixed;bottom:0;left:0;width:100%;height:180px;border:0;background:#fff";

async function modelAt(url: string): Promise<PageModel> {
  const p = await h.newPage(DESKTOP);
  await p.goto(url, { waitUntil: "load" });
  return h.modelOf(p);
}

describe("consent layers found as such", () => {
  it("a consent manager in a same-origin frame over a checkout is a consent step of its own", async () => {
    server.set("/cmp.html", CMP);
    server.set("/checkout.html", page(`${CHECKOUT}<iframe src="/cmp.html" title="Cookie consent" style="${FRAME_STYLE}"></iframe>`));
    const model = await modelAt(server.url("/checkout.html"));
    const view = consentView(model);
    const accept = view.regions.find((r) => r.actions.some((a) => a.text === "Accept all"));
    expect(accept?.region.kind).toBe("frame");
    expect(accept?.consentStep).toBe(true);
    expect(view.regionOf("page").primaryAction?.text).toBe("Pay now");
    expect(findingsOf(model)).toEqual([]);
  });

  it("a consent manager in a frame of another origin is read and judged on its own too", async () => {
    server.set("/cmp.html", CMP);
    server.set(
      "/checkout-x.html",
      page(`${CHECKOUT}<iframe src="${server.url("/cmp.html", "localhost")}" title="Cookie consent" style="${FRAME_STYLE}"></iframe>`),
    );
    const model = await modelAt(server.url("/checkout-x.html"));
    const view = consentView(model);
    expect(view.regionOf("page").primaryAction?.text).toBe("Pay now");
    const accept = view.regions.find((r) => r.actions.some((a) => a.text === "Accept all"));
    expect(accept?.consentStep).toBe(true);
    expect(findingsOf(model)).toEqual([]);
  });

  it("a frame that is part of the page's own task stays in the page: its pre-ticked partner box is bundled with the report", async () => {
    const inner = page(`<label><input type="checkbox" checked> Share my statements with a credit-scoring partner</label>`);
    const model = await h.model(
      page(`<h1>Your year in review</h1><p>You spent 12% less on travel this year.</p>
        <iframe srcdoc="${inner.replace(/"/g, "&quot;")}" style="width:600px;height:120px;border:0"></iframe>
        <button>See my full report</button>`),
    );
    const view = consentView(model);
    expect(view.regions.map((r) => r.region.kind)).toEqual(["page"]);
    expect(findingsOf(model).sort()).toEqual([
      "bundled-consent: Share my statements with a credit-scoring partner",
      "pre-checked-opt-in: Share my statements with a credit-scoring partner",
    ]);
  });

  it("a role-less cookie bar holding most of a short page's text is a consent step, and the page's form keeps its purpose", async () => {
    const model = await h.model(
      page(`<h1>Join</h1><form action="#"><label>Email <input type="email" required></label>
        <label><input type="checkbox" checked> Share my profile with sponsors for marketing</label> <button>Create account</button></form>
        <div class="cc-bar" style="position:fixed;bottom:0;left:0;right:0;padding:12px;background:#222;color:#fff">
          We use cookies to analyse our traffic and to show you personalised advertising from our partners. You can accept all cookies, refuse them, or choose which ones you allow in the settings, and change your mind at any time.
          <button>Accept</button> <button>Decline</button> <a href="#" style="color:#fff">Cookie settings</a></div>`),
    );
    const view = consentView(model);
    expect(view.regionOf("page").primaryAction?.text).toBe("Create account");
    const bar = view.regions.find((r) => r.region.kind === "banner");
    expect(bar?.consentStep).toBe(true);
    expect(findingsOf(model).sort()).toEqual([
      "bundled-consent: Share my profile with sponsors for marketing",
      "pre-checked-opt-in: Share my profile with sponsors for marketing",
    ]);
  });
});
