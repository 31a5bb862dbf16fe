import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { partyOf, siteOf } from "../site.js";
import { classifyCookie, classifyRequest, classifyStorageKey, loadTrackerDb, trackerDbFromJson } from "./index.js";

describe("siteOf and partyOf", () => {
  it.each([
    ["http://127.0.0.1:8080/page.html", "127.0.0.1"],
    ["http://localhost:8080/t.js", "localhost"],
    ["localhost", "localhost"],
    ["http://[::1]:80/", "::1"],
    ["https://www.shop.example.co.uk/a?b", "example.co.uk"],
    [".example.com", "example.com"],
    ["stats.g.doubleclick.net", "doubleclick.net"],
    ["https://alice.github.io/", "alice.github.io"],
    ["", ""],
  ])("%s is site %s", (input, site) => {
    expect(siteOf(input)).toBe(site);
  });

  it("keeps 127.0.0.1 and localhost apart", () => {
    expect(partyOf(siteOf("http://localhost:9000/px.gif"), siteOf("http://127.0.0.1:9000/"))).toBe("third");
    expect(partyOf(siteOf("http://127.0.0.1:9001/x"), siteOf("http://127.0.0.1:9000/"))).toBe("first");
    expect(partyOf(siteOf("https://cdn.example.com/"), siteOf("https://www.example.com/"))).toBe("first");
    // A URL with no host (data:, blob:) is the page's own.
    expect(partyOf("", "")).toBe("first");
  });
});

describe("classifyCookie", () => {
  const page = "example.com";
  it.each([
    ["_ga", "Google Analytics"],
    ["_ga_ABC123", "Google Analytics"],
    ["_gid", "Google Analytics"],
    ["_gat_UA-1-1", "Google Analytics"],
    ["_gcl_au", "Google Ads / Floodlight"],
    ["__utmz", "Google Analytics"],
    ["_fbp", "Meta Pixel"],
    ["_fbc", "Meta Pixel"],
    ["_hjSessionUser_123", "Hotjar"],
    ["_pk_id.1.1fff", "Matomo / Piwik PRO"],
    ["_uetsid", "Microsoft Advertising UET"],
    ["_clck", "Microsoft Clarity"],
    ["_ttp", "TikTok Pixel"],
    ["ajs_anonymous_id", "Segment"],
    ["mp_0123abcd_mixpanel", "Mixpanel"],
    ["ph_phc_x_posthog", "PostHog"],
    ["_ym_uid", "Yandex Metrica"],
    ["hubspotutk", "HubSpot"],
    ["AMCV_0@AdobeOrg", "Adobe Experience Cloud"],
  ])("first-party %s is a known tracking name (%s)", (name, vendor) => {
    const v = classifyCookie(name, ".example.com", page, "first");
    expect(v).toMatchObject({ tracking: true, reason: "known-name", vendor });
  });

  it("IDE is DoubleClick's only on doubleclick.net; elsewhere a third party's cookie is still tracking", () => {
    expect(classifyCookie("IDE", ".doubleclick.net", page, "third")).toMatchObject({
      tracking: true,
      reason: "known-name",
      category: "advertising",
    });
    expect(classifyCookie("IDE", "example.com", page, "first")).toMatchObject({ tracking: false, reason: "unlisted" });
    expect(classifyCookie("IDE", "other.org", page, "third")).toMatchObject({ tracking: true, reason: "third-party-cookie" });
  });

  it("any third-party cookie is tracking", () => {
    expect(classifyCookie("uid", "localhost", "127.0.0.1", "third")).toMatchObject({ tracking: true, reason: "third-party-cookie" });
    expect(classifyCookie("PHPSESSID", "tracker.net", page, "third")).toMatchObject({ tracking: true, reason: "third-party-cookie" });
  });

  it.each([
    ["klaro", "Klaro"],
    ["cc_cookie", "vanilla-cookieconsent"],
    ["tarteaucitron", "tarteaucitron"],
    ["cookieconsent_status", "Osano cookieconsent"],
    ["cookie-consent-tracking-allowed", "cookie-consent-js"],
    ["hasConsent", "cookies-eu-banner"],
    ["cookie_notice", "cookie-notice"],
    ["CookieConsent", "Cookiebot or react-cookie-consent"],
    ["OptanonConsent", "OneTrust"],
    ["OptanonAlertBoxClosed", "OneTrust"],
    ["euconsent-v2", "IAB TCF v2 (any CMP)"],
    ["cmplz_marketing", "Complianz"],
  ])("first-party %s is a consent choice (%s)", (name, vendor) => {
    expect(classifyCookie(name, "example.com", page, "first")).toMatchObject({ tracking: false, reason: "consent-choice", vendor });
  });

  it.each([
    "PHPSESSID",
    "JSESSIONID",
    "connect.sid",
    "sessionid",
    "laravel_session",
    "csrftoken",
    "XSRF-TOKEN",
    "_csrf",
    "AWSALB",
    "BIGipServerpool_web",
    "__cf_bm",
    "lang",
    "django_language",
    "NEXT_LOCALE",
  ])("first-party %s is necessary", (name) => {
    expect(classifyCookie(name, "example.com", page, "first")).toMatchObject({ tracking: false, reason: "necessary" });
  });

  it.each(["cart", "theme", "_gax", "ga", "fbp"])("first-party %s is unlisted, not tracking", (name) => {
    expect(classifyCookie(name, "example.com", page, "first")).toMatchObject({ tracking: false, reason: "unlisted" });
  });
});

describe("classifyStorageKey", () => {
  it.each([
    ["_hjid", true, "known-name"],
    ["ajs_user_id", true, "known-name"],
    ["_clck", true, "known-name"],
    ["_gcl_ls", true, "known-name"],
    ["AMP_abcdef1234", true, "known-name"],
    ["klaro", false, "consent-choice"],
    ["uc_settings", false, "consent-choice"],
    ["_sp_user_consent_123", false, "consent-choice"],
    ["IDE", false, "unlisted"],
    ["cart-items", false, "unlisted"],
  ])("%s: tracking %s (%s)", (key, tracking, reason) => {
    expect(classifyStorageKey(key)).toMatchObject({ tracking, reason });
  });
});

describe("classifyRequest", () => {
  const site = "example.com";
  it.each([
    ["https://www.google-analytics.com/g/collect?v=2", "Google Analytics", "analytics"],
    ["https://region1.analytics.google.com/g/collect", "Google Analytics", "analytics"],
    ["https://www.googletagmanager.com/gtag/js?id=G-1", "Google Tag Manager / Google tag", "analytics"],
    ["https://stats.g.doubleclick.net/j/collect", "Google DoubleClick / Marketing Platform", "advertising"],
    ["https://connect.facebook.net/en_US/fbevents.js", "Meta Pixel", "advertising"],
    ["https://www.facebook.com/tr?id=1&ev=PageView", "Meta Pixel", "advertising"],
    ["https://analytics.tiktok.com/i18n/pixel/events.js", "TikTok Pixel", "advertising"],
    ["https://bat.bing.com/bat.js", "Microsoft Advertising UET", "advertising"],
    ["https://www.clarity.ms/tag/abc", "Microsoft Clarity", "analytics"],
    ["https://static.hotjar.com/c/hotjar-1.js", "Hotjar", "analytics"],
    ["https://px.ads.linkedin.com/collect", "LinkedIn Insight Tag", "advertising"],
    ["https://www.google.com/pagead/1p-user-list/1/", "Google Ads", "advertising"],
  ])("%s is a listed tracker", (url, vendor, category) => {
    expect(classifyRequest(url, site, "third", [])).toMatchObject({
      tracker: true,
      reason: "listed-host",
      vendor,
      category,
      source: "built-in",
    });
  });

  it.each([
    ["https://www.facebook.com/some-page", "unlisted"],
    ["https://www.google.com/search?q=x", "unlisted"],
    ["https://www.bing.com/search?q=x", "unlisted"],
    ["https://fonts.googleapis.com/css2", "unlisted"],
    ["https://notgoogle-analytics.com/x", "unlisted"],
  ])("%s is not a tracker by host", (url, reason) => {
    expect(classifyRequest(url, site, "third", [])).toMatchObject({ tracker: false, reason });
  });

  it("a first-party request is never a tracker, even to a listed host", () => {
    expect(classifyRequest("https://www.google-analytics.com/x", "google-analytics.com", "first", ["_ga"])).toMatchObject({
      tracker: false,
      reason: "first-party",
    });
  });

  it("a third-party request carrying an identifier cookie is a tracker (127.0.0.1 page, localhost tracker)", () => {
    expect(classifyRequest("http://localhost:9000/px.gif", "127.0.0.1", "third", ["uid", "__cf_bm"])).toEqual({
      tracker: true,
      reason: "identifier-cookie",
      host: "localhost",
      cookies: ["uid"],
    });
    expect(classifyRequest("http://localhost:9000/px.gif", "127.0.0.1", "third", ["cookieconsent_status", "__cf_bm"])).toMatchObject({
      tracker: false,
      reason: "unlisted",
    });
  });

  it("uses the tracker database for hosts the built-in list lacks, by category", () => {
    const db = trackerDbFromJson(
      {
        patterns: {
          acme_ads: { name: "Acme Ads", category: "advertising", organization: "acme" },
          acme_cmp: { name: "Acme CMP", category: "consent", organization: "acme" },
        },
        organizations: { acme: { name: "Acme Inc." } },
        domains: { "acme-ads.test": "acme_ads", "acme-cmp.test": "acme_cmp" },
      },
      "test-db@1",
      "CC-BY-NC-SA-4.0",
    );
    expect(db.lookup("px.eu.acme-ads.test")).toMatchObject({
      vendor: "Acme Ads",
      organization: "Acme Inc.",
      category: "advertising",
      domain: "acme-ads.test",
    });
    expect(classifyRequest("https://px.acme-ads.test/p", site, "third", [], db)).toMatchObject({
      tracker: true,
      reason: "listed-host",
      source: "test-db@1",
    });
    expect(classifyRequest("https://acme-cmp.test/cmp.js", site, "third", [], db)).toMatchObject({
      tracker: false,
      reason: "listed-other",
      vendor: "Acme CMP",
    });
    expect(classifyRequest("https://acme-ads.test.evil/p", site, "third", [], db)).toMatchObject({ tracker: false, reason: "unlisted" });
  });
});

describe("loadTrackerDb", () => {
  it("is absent without the package, with a note saying so", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trackerdb-none-"));
    try {
      const load = await loadTrackerDb([dir]);
      expect(load.db).toBeNull();
      expect(load.note).toMatch(/built-in list only; the optional @ghostery\/trackerdb .* is not installed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads an installed package's JSON export", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trackerdb-some-"));
    try {
      const pkg = join(dir, "node_modules", "@ghostery", "trackerdb");
      await mkdir(join(pkg, "dist", "cjs"), { recursive: true });
      await writeFile(
        join(pkg, "package.json"),
        JSON.stringify({
          name: "@ghostery/trackerdb",
          version: "9.9.9",
          license: "CC-BY-NC-SA-4.0",
          exports: { ".": { require: "./dist/cjs/index.js" } },
        }),
      );
      await writeFile(join(pkg, "dist", "cjs", "index.js"), "module.exports = {};\n");
      await writeFile(
        join(pkg, "dist", "trackerdb.json"),
        JSON.stringify({
          patterns: { x: { name: "X Analytics", category: "site_analytics", organization: null } },
          organizations: {},
          domains: { "x-analytics.test": "x" },
        }),
      );
      const load = await loadTrackerDb([dir]);
      expect(load.note).toContain("@ghostery/trackerdb@9.9.9");
      expect(load.db?.lookup("cdn.x-analytics.test")).toMatchObject({ vendor: "X Analytics", category: "analytics" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
