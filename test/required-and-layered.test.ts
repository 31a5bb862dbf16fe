/**
 * Required and layered controls in real Chromium, as consent managers draw
 * them. A category switch shown checked and disabled, or labelled always on,
 * grants nothing optional, and takes its purposes from its own text, never
 * from the next item's ("Styling (always required)" above "Analytics & Ads").
 * Services in a collapsed list under a shown, readable purpose toggle repeat
 * that toggle's consent: ticked ones are pre-checked, but their collapsed
 * text hides nothing, unless the toggle's own text cannot be read.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { PageServer } from "../lint/extract/__fixtures__/harness.js";
import type { Control } from "../lint/model.js";
import { lint, type LintResultWithModel } from "../lint/index.js";

type Lang = "en" | "de" | "zh";

const WORDS: Record<
  Lang,
  { title: string; styling: string; required: string; analyticsAds: string; analytics: string; alwaysOn: string; services: string[] }
> = {
  en: {
    title: "Cookie settings",
    styling: "Styling",
    required: "(always required)",
    analyticsAds: "Analytics & Ads",
    analytics: "Analytics",
    alwaysOn: "(always on)",
    services: ["Google Analytics", "Matomo (analytics)", "Hotjar (analytics)"],
  },
  de: {
    title: "Cookie-Einstellungen",
    styling: "Darstellung",
    required: "(immer erforderlich)",
    analyticsAds: "Statistik & Werbung",
    analytics: "Statistik",
    alwaysOn: "(immer aktiv)",
    services: ["Google Analytics (Statistik)", "Matomo (Statistik)", "Hotjar (Statistik)"],
  },
  zh: {
    title: "Cookie 设置",
    styling: "样式",
    required: "（始终启用）",
    analyticsAds: "统计与广告",
    analytics: "统计分析",
    alwaysOn: "（始终开启）",
    services: ["百度统计（统计分析）", "友盟（统计分析）", "神策（统计分析）"],
  },
};

const BUTTONS: Record<Lang, string> = {
  en: "<button>Reject all</button> <button>Save choices</button> <button>Accept all</button>",
  de: "<button>Alle ablehnen</button> <button>Auswahl speichern</button> <button>Alle akzeptieren</button>",
  zh: "<button>全部拒绝</button> <button>保存设置</button> <button>全部接受</button>",
};

/** A shop page with a cookie dialog holding `body`; the note class is faint and small, as libraries style "(always required)". */
function dialogPage(lang: Lang, body: string, css = ""): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Garden</title><style>
  body { font: 16px/1.5 sans-serif; margin: 0; color: #1b1b1b; }
  .dlg { position: fixed; left: 50%; top: 60px; width: 560px; margin-left: -280px; padding: 20px; background: #fff; border: 1px solid #888; }
  .note { color: #c4c4c4; font-size: 11px; }
  ul { list-style: none; padding: 0; }
  ${css}</style></head><body><main><h1>Garden tools</h1><p>Spades, rakes and seeds for every season.</p></main>
  <div class="dlg" role="dialog" aria-modal="true" aria-labelledby="t"><h2 id="t">${WORDS[lang].title}</h2>${body}<p>${BUTTONS[lang]}</p></div></body></html>`;
}

/** Titles and switches as siblings of one list, each title before its switch: "Styling (always required)" [x], "Analytics & Ads" [ ]. */
function labelBeforeList(lang: Lang): string {
  const w = WORDS[lang];
  return `<div class="list"><div>${w.styling} <span class="note">${w.required}</span></div><div><input type="checkbox" checked disabled></div>
    <div>${w.analyticsAds}</div><div><input type="checkbox"></div></div>`;
}

/** Each switch before its title: [x] "Styling (always required)", [ ] "Analytics & Ads". */
function labelAfterList(lang: Lang): string {
  const w = WORDS[lang];
  return `<div class="list"><div><input type="checkbox" checked disabled></div><div>${w.styling} <span class="note">${w.required}</span></div>
    <div><input type="checkbox"></div><div>${w.analyticsAds}</div></div>`;
}

/**
 * A two-column grid with text at both ends of the list (an intro and a
 * footnote), so the order alone does not tell which side labels: the title
 * on the switch's line does.
 */
function gridList(lang: Lang): string {
  const w = WORDS[lang];
  return `<div class="grid"><p class="wide">${w.title}:</p><div>${w.styling} <span class="note">${w.required}</span></div><div><input type="checkbox" checked disabled></div>
    <div>${w.analyticsAds}</div><div><input type="checkbox"></div><p class="wide">*</p></div>`;
}
const GRID_CSS = `.grid { display: grid; grid-template-columns: 1fr auto; gap: 8px; } .grid .wide { grid-column: 1 / 3; margin: 0; }`;

function alwaysOnEnabled(lang: Lang): string {
  const w = WORDS[lang];
  return `<label><input type="checkbox" checked> ${w.analytics} <span class="note">${w.alwaysOn}</span></label>`;
}

/** An "Analytics" purpose toggle and its services in a closed <details> under it. */
function purposeWithServices(lang: Lang, ticked: boolean[], purposeStyle = ""): string {
  const w = WORDS[lang];
  const services = w.services.map((s, i) => `<li><label><input type="checkbox"${ticked[i] ? " checked" : ""}> ${s}</label></li>`).join("");
  return `<ul><li><label style="${purposeStyle}"><input type="checkbox"> ${w.analytics}</label>
    <details><summary>${w.services.length} services</summary><ul>${services}</ul></details></li></ul>`;
}

const KLARO = resolve(__dirname, "../node_modules/klaro/dist/klaro.js");

/**
 * Klaro's own modal (mustConsent) with a required Styling service and
 * analytics services on by default, as its README's `default: true` offers.
 */
function klaroPage(): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><script>
  var klaroConfig = {
    mustConsent: true, acceptAll: true,
    services: [
      { name: "fonts", title: "Google Fonts", purposes: ["styling"], required: true },
      { name: "ga", title: "Google Analytics", purposes: ["analytics"], default: true },
      { name: "matomo", title: "Matomo", purposes: ["analytics"], default: true },
      { name: "hotjar", title: "Hotjar", purposes: ["analytics"] },
    ],
    translations: { en: { purposes: { analytics: "Analytics", styling: "Styling" } } },
  };
  </script><script defer src="/klaro.js"></script></head><body><h1>Welcome to the shop</h1><p>Buy things here.</p></body></html>`;
}

const PAGES: Record<string, string> = {
  "/klaro.js": readFileSync(KLARO, "utf8"),
  "/klaro": klaroPage(),
};
for (const lang of ["en", "de", "zh"] as const) {
  PAGES[`/${lang}/label-before`] = dialogPage(lang, labelBeforeList(lang));
  PAGES[`/${lang}/label-after`] = dialogPage(lang, labelAfterList(lang));
  PAGES[`/${lang}/grid`] = dialogPage(lang, gridList(lang), GRID_CSS);
  PAGES[`/${lang}/always-on-enabled`] = dialogPage(lang, alwaysOnEnabled(lang));
  PAGES[`/${lang}/services-unticked`] = dialogPage(lang, purposeWithServices(lang, [false, false, false]));
  PAGES[`/${lang}/services-ticked`] = dialogPage(lang, purposeWithServices(lang, [true, false, true]));
  PAGES[`/${lang}/services-ticked-faint-purpose`] = dialogPage(lang, purposeWithServices(lang, [true, false, true], "color: #e4e4e4"));
}

let browser: Browser;
let server: PageServer;
const results = new Map<string, LintResultWithModel>();

beforeAll(async () => {
  browser = await launchBrowser({ install: false });
  server = await PageServer.start();
  for (const [path, body] of Object.entries(PAGES)) server.set(path, body);
  const paths = Object.keys(PAGES).filter((p) => !p.endsWith(".js"));
  const report = await lint(
    paths.map((p) => server.url(p)),
    { browser, keepModels: true, cwd: process.cwd(), concurrency: 2 },
  );
  for (const r of report.results as LintResultWithModel[]) results.set(new URL(r.url ?? r.target).pathname, r);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function result(path: string): LintResultWithModel {
  const r = results.get(path);
  if (!r) throw new Error(`no result for ${path}; results: ${[...results.keys()].join(", ")}`);
  expect(r.error, `${path} linted without error`).toBeUndefined();
  return r;
}

/** Rule id and reported text of each finding. */
function findings(path: string): string[] {
  return result(path)
    .findings.map((f) => `${f.ruleId}: ${f.text}`)
    .sort();
}

function controls(path: string): Control[] {
  const model = result(path).model;
  if (!model) throw new Error(`no model kept for ${path}`);
  return model.controls;
}

describe.each(["en", "de", "zh"] as const)("%s: a required category beside an optional one", (lang) => {
  const w = WORDS[lang];

  it("titles before their switches: each switch takes the title before it, and nothing is reported", () => {
    const [styling, optional] = controls(`/${lang}/label-before`);
    expect(styling.sentenceText).toContain(w.styling);
    expect(styling.sentenceText).not.toContain(w.analyticsAds);
    expect(optional.sentenceText).toBe(w.analyticsAds);
    expect(findings(`/${lang}/label-before`)).toEqual([]);
  });

  it("switches before their titles: each switch takes the title after it, and nothing is reported", () => {
    const [styling, optional] = controls(`/${lang}/label-after`);
    expect(styling.sentenceText).toContain(w.styling);
    expect(optional.sentenceText).toBe(w.analyticsAds);
    expect(findings(`/${lang}/label-after`)).toEqual([]);
  });

  it("a grid with text at both ends: the title on the switch's line is its label", () => {
    const [styling, optional] = controls(`/${lang}/grid`);
    expect(styling.sentenceText).toContain(w.styling);
    expect(styling.sentenceText).not.toContain(w.analyticsAds);
    expect(optional.sentenceText).toBe(w.analyticsAds);
    expect(findings(`/${lang}/grid`)).toEqual([]);
  });

  it('an enabled, ticked "Analytics (always on)" switch is a pre-checked opt-in, and its faint note hides no consent', () => {
    const list = findings(`/${lang}/always-on-enabled`);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^pre-checked-opt-in: /u);
  });
});

describe.each(["en", "de", "zh"] as const)("%s: services in a closed list under a purpose toggle", (lang) => {
  const w = WORDS[lang];

  it("unticked under a readable, unticked toggle: nothing is reported", () => {
    expect(controls(`/${lang}/services-unticked`).map((c) => c.visibility.collapsed)).toEqual([false, true, true, true]);
    expect(findings(`/${lang}/services-unticked`)).toEqual([]);
  });

  it("two of them ticked: each is pre-checked, and their collapsed text is not hidden consent text", () => {
    expect(findings(`/${lang}/services-ticked`)).toEqual(
      [`pre-checked-opt-in: ${w.services[0]}`, `pre-checked-opt-in: ${w.services[2]}`].sort(),
    );
  });

  it("ticked under a toggle whose own text is too faint to read: the collapsed services are hidden consent text too", () => {
    expect(findings(`/${lang}/services-ticked-faint-purpose`)).toEqual(
      [
        `hidden-consent-text: ${w.analytics}`,
        `hidden-consent-text: ${w.services[0]}`,
        `hidden-consent-text: ${w.services[2]}`,
        `pre-checked-opt-in: ${w.services[0]}`,
        `pre-checked-opt-in: ${w.services[2]}`,
      ].sort(),
    );
  });
});

describe("klaro's modal with a required service and analytics services on by default", () => {
  it("reports the ticked analytics purpose and services as pre-checked, and neither the required switch nor the collapsed services' text", () => {
    // The required Styling purpose and its Google Fonts service are checked and disabled, their "(always required)" notes faint.
    expect(
      controls("/klaro")
        .filter((c) => c.checked === true && c.disabled)
        .map((c) => c.name),
    ).toEqual(["Styling", "Google Fonts"]);
    expect(findings("/klaro")).toEqual(
      [
        "pre-checked-opt-in: Analytics",
        "pre-checked-opt-in: Google Analytics purpose: Analytics",
        "pre-checked-opt-in: Matomo purpose: Analytics",
      ].sort(),
    );
  });
});
