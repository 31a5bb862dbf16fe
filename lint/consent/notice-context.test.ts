import { describe, expect, it } from "vitest";
import type { Purpose } from "../language/types.js";
import type { PageModel } from "../model.js";
import { makeModel, type ModelSpec, type TextSpec } from "../../rules/__fixtures__/model-builder.js";
import { hiddenConsentText } from "../../rules/hidden-consent-text/index.js";
import { DEFAULT_THRESHOLDS } from "../types.js";
import { consentView } from "./view.js";

/** A notice naming its purposes in one paragraph and stating the grant in the next. */
const NOTICES = {
  en: {
    purposes: "We use cookies for analytics and personalised advertising.",
    grant: "By continuing to browse you agree to the use of these cookies.",
    expected: ["analytics-cookies", "personalised-ads"],
  },
  de: {
    purposes: "Wir verwenden Cookies für Analyse und Werbung.",
    grant: "Mit der weiteren Nutzung stimmen Sie dem zu.",
    expected: ["analytics-cookies", "marketing"],
  },
  "zh-CN": {
    purposes: "我们使用Cookie进行分析和个性化广告。",
    grant: "继续浏览即表示您同意使用上述Cookie。",
    expected: ["analytics-cookies", "personalised-ads"],
  },
  "zh-TW": {
    purposes: "我們使用Cookie進行分析及個人化廣告。",
    grant: "繼續瀏覽即表示您同意使用此類Cookie。",
    expected: ["analytics-cookies", "personalised-ads"],
  },
} as const satisfies Record<string, { purposes: string; grant: string; expected: readonly Purpose[] }>;

type Lang = keyof typeof NOTICES;
const LANGS = Object.keys(NOTICES) as Lang[];

/** A news page with a cookie banner over it; texts go into the banner unless they set their own region. */
function banner(lang: Lang, texts: TextSpec[], extra: Partial<ModelSpec> = {}): PageModel {
  return makeModel({
    lang,
    regions: [
      { id: "page", kind: "page", headings: ["News"] },
      { id: "bar", kind: "banner" },
    ],
    texts: [{ id: "news", text: "Today's headlines", heading: 1, regionId: "page" }, ...texts.map((t) => ({ regionId: "bar", ...t }))],
    actions: [
      { id: "ok", text: "OK", regionId: "bar" },
      { id: "read", text: "Read more", regionId: "page", filled: false },
    ],
    ...extra,
  });
}

function grantStatement(model: PageModel) {
  return consentView(model).statements.find((s) => s.block.id === "grant");
}

describe("statements whose purposes sit in an earlier block of the same notice", () => {
  for (const lang of LANGS) {
    const n = NOTICES[lang];

    it(`${lang}: takes the purposes of the banner's earlier paragraph`, () => {
      const s = grantStatement(
        banner(lang, [
          { id: "purposes", text: n.purposes },
          { id: "grant", text: n.grant },
        ]),
      );
      expect(s?.analysis.purposes).toEqual(n.expected);
      expect(s?.analysis.optionalConsent).toBe(true);
      expect(s?.region.region.id).toBe("bar");
    });

    it(`${lang}: does the same inside a dialog, past a heading and a link`, () => {
      const model = makeModel({
        lang,
        regions: [
          { id: "page", kind: "page" },
          { id: "dlg", kind: "dialog", label: "Cookies" },
        ],
        texts: [
          { id: "h", text: "Cookies", heading: 2, regionId: "dlg" },
          { id: "purposes", text: n.purposes, regionId: "dlg" },
          { id: "policy", text: "Privacy policy", linkHref: "/privacy", regionId: "dlg" },
          { id: "grant", text: n.grant, regionId: "dlg" },
        ],
      });
      expect(grantStatement(model)?.analysis.purposes).toEqual(n.expected);
    });

    it(`${lang}: takes nothing from the page: the page is no notice`, () => {
      const model = makeModel({
        lang,
        texts: [
          { id: "purposes", text: n.purposes },
          { id: "grant", text: n.grant },
        ],
      });
      expect(grantStatement(model)).toBeUndefined();
    });

    it(`${lang}: takes nothing from the page text beneath the banner`, () => {
      expect(
        grantStatement(
          banner(lang, [
            { id: "purposes", text: n.purposes, regionId: "page" },
            { id: "grant", text: n.grant },
          ]),
        ),
      ).toBeUndefined();
    });

    it(`${lang}: takes nothing from a paragraph after the grant`, () => {
      expect(
        grantStatement(
          banner(lang, [
            { id: "grant", text: n.grant },
            { id: "purposes", text: n.purposes },
          ]),
        ),
      ).toBeUndefined();
    });

    it(`${lang}: takes nothing from a paragraph a person cannot see`, () => {
      for (const visibility of [{ displayNone: true }, { collapsed: true }, { visibilityHidden: true }, { srOnly: true }]) {
        expect(
          grantStatement(
            banner(lang, [
              { id: "purposes", text: n.purposes, visibility },
              { id: "grant", text: n.grant },
            ]),
          ),
        ).toBeUndefined();
      }
    });

    it(`${lang}: never takes a neighbouring control's label`, () => {
      const model = banner(lang, [{ id: "grant", text: n.grant }], {
        controls: [{ kind: "switch", label: n.purposes, regionId: "bar" }],
      });
      expect(consentView(model).consentControls).toHaveLength(1);
      expect(grantStatement(model)).toBeUndefined();
    });

    it(`${lang}: never takes a button's text`, () => {
      expect(
        grantStatement(
          banner(lang, [
            { id: "purposes", text: n.purposes, inButton: true },
            { id: "grant", text: n.grant },
          ]),
        ),
      ).toBeUndefined();
    });
  }

  it("prefers the purposes the block itself names before the grant", () => {
    const model = banner("en", [
      { id: "purposes", text: "We share your data with advertising partners." },
      { id: "grant", text: "We use cookies for analytics. By continuing you agree to these cookies." },
    ]);
    expect(grantStatement(model)?.analysis.purposes).toEqual(["analytics-cookies"]);
  });

  it("leaves a grant with no purposes anywhere as it was", () => {
    const model = banner("en", [
      { id: "intro", text: "Welcome to our shop." },
      { id: "grant", text: "By continuing you agree to our terms." },
    ]);
    expect(grantStatement(model)).toBeUndefined();
  });

  it("reports a faint grant in a banner whose purposes sit in the paragraph before it", () => {
    const model = banner("en", [
      { id: "purposes", text: NOTICES.en.purposes },
      { id: "grant", text: NOTICES.en.grant, style: { color: "#d0d0d0" } },
    ]);
    const outcome = hiddenConsentText.check(model, { options: DEFAULT_THRESHOLDS, languages: [] });
    expect(outcome.findings.map((f) => f.selector)).toEqual(["#grant"]);
    // Alone, the same faint sentence grants nothing optional and carries no consent.
    const alone = banner("en", [{ id: "grant", text: NOTICES.en.grant, style: { color: "#d0d0d0" } }]);
    expect(hiddenConsentText.check(alone, { options: DEFAULT_THRESHOLDS, languages: [] }).findings).toEqual([]);
  });
});
