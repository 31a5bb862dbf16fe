import { hiddenConsentText } from "./index.js";
import { ruleTester, type IncompleteCase, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { makeModel } from "../__fixtures__/model-builder.js";
import { LANGS, WORDS, checkoutStep, cookieDialog, primaryButton, reportStep, shareStatement, signupStep } from "../__fixtures__/scenes.js";
import { CMP_WORDS, FAINT, purposeWithServices, requiredBesideOptional } from "../__fixtures__/consent-managers.js";

const invalid: InvalidCase[] = [];
const valid: ValidCase[] = [];

/** Where text can be but a person cannot see it. */
const NOT_RENDERED = {
  offscreen: { offscreen: true },
  clipped: { clipped: true },
  "zero-size": { zeroSize: true },
  "visibility-hidden": { visibilityHidden: true },
  "display-none": { displayNone: true },
  collapsed: { collapsed: true },
} as const;

for (const lang of LANGS) {
  invalid.push(
    {
      name: `${lang}: 8px light consent text under an unticked box (unreadable whatever the state)`,
      model: reportStep(lang, {
        controls: [{ label: WORDS.creditSharing[lang], labelStyle: { fontPx: 8, color: "#d8c9a8", background: "#fdf6e3" } }],
      }),
      errors: [
        {
          message: /^Consent text is 8 px with contrast 1\.\d:1; readable text needs at least 10 px and 3:1$/u,
          text: WORDS.creditSharing[lang],
          evidence: {
            fontPx: 8,
            effectiveFontPx: 8,
            color: "#d8c9a8",
            background: "#fdf6e3",
            conditions: ["font-size", "contrast"],
            checked: false,
          },
          fingerprintParts: ["control", "checkbox", "credit-scoring+third-party-sharing"],
        },
      ],
    },
    {
      name: `${lang}: consent text at contrast below 3:1`,
      model: signupStep(lang, { controls: [{ label: WORDS.marketing[lang], labelStyle: { color: "#c8c8c8" } }] }),
      errors: [
        { message: /^Consent text has contrast 1\.\d:1; readable text needs at least 3:1$/u, evidence: { conditions: ["contrast"] } },
      ],
    },
    {
      name: `${lang}: a ticked box whose consent text sits in a closed <details>`,
      model: signupStep(lang, { controls: [{ label: WORDS.marketing[lang], checked: true, labelVisibility: { collapsed: true } }] }),
      errors: [
        {
          message: "Consent text is inside a collapsed section while the box is ticked",
          evidence: { conditions: ["collapsed"], checked: true },
          fingerprintParts: ["control", "checkbox", "marketing"],
        },
      ],
    },
    {
      name: `${lang}: a consent statement in 6px next to the main button`,
      model: checkoutStep(lang, { texts: [{ text: shareStatement(lang, primaryButton("checkout", lang)), style: { fontPx: 6 } }] }),
      errors: [
        {
          message: /^Consent statement is 6 px; readable text needs at least 10 px$/u,
          role: "text",
          evidence: { conditions: ["font-size"] },
        },
      ],
    },
  );
  valid.push(
    {
      name: `${lang}: readable consent text passes`,
      model: signupStep(lang, { controls: [{ label: WORDS.marketing[lang], checked: true }] }),
      passes: 1,
    },
    {
      name: `${lang}: hidden second layer of a cookie dialog whose switches are all off`,
      model: cookieDialog(lang, {
        controls: [
          { kind: "switch", label: WORDS.marketing[lang], labelVisibility: { displayNone: true } },
          { kind: "switch", label: WORDS.personalisedAds[lang], labelVisibility: { displayNone: true } },
        ],
      }),
      passes: 2,
    },
    {
      name: `${lang}: faint "(optional)" hint beside a readable consent label`,
      model: signupStep(lang, {
        controls: [
          {
            labelRuns: [
              { text: WORDS.marketing[lang] },
              { text: lang === "zh" ? "（可选）" : lang === "de" ? " (optional)" : " (optional)", fontPx: 9, color: "#bbbbbb" },
            ],
            checked: true,
          },
        ],
      }),
      passes: 1,
    },
  );
}

for (const [condition, visibility] of Object.entries(NOT_RENDERED)) {
  invalid.push({
    name: `consent text of a ticked box that is ${condition}`,
    model: signupStep("en", { controls: [{ label: WORDS.personalisedAds.en, checked: true, labelVisibility: visibility }] }),
    errors: [{ message: /^Consent text .* while the box is ticked$/u, evidence: { conditions: [condition] } }],
  });
  valid.push({
    name: `consent text of an unticked box that is ${condition}`,
    model: signupStep("en", { controls: [{ label: WORDS.personalisedAds.en, labelVisibility: visibility }] }),
    passes: 1,
  });
}

invalid.push(
  {
    name: "zh: a tiny light run authorising credit scoring inside an otherwise readable label",
    model: reportStep("zh", {
      controls: [
        {
          checked: false,
          labelRuns: [
            { text: "同意《用户服务协议》" },
            { text: "，并授权芝麻信用根据我的交易信息评估我的信用", fontPx: 9, color: "#e0d6c0", background: "#fffaf0" },
          ],
        },
      ],
    }),
    errors: [{ message: /^Consent text is 9 px with contrast/u, evidence: { fontPx: 9, conditions: ["font-size", "contrast"] } }],
  },
  {
    name: "text scaled to near zero by a transform",
    model: signupStep("en", {
      controls: [{ label: WORDS.marketing.en, labelStyle: { fontPx: 16, visibility: { transformScale: 0.05 } } }],
    }),
    errors: [
      {
        message: /^Consent text is 0\.8 px with a 5% scale/u,
        evidence: { effectiveFontPx: 0.8, transformScale: 0.05, conditions: ["font-size", "transform"] },
      },
    ],
  },
  {
    name: "transparent consent text",
    model: signupStep("de", { controls: [{ label: WORDS.marketing.de, labelStyle: { colorTransparent: true, contrast: 1 } }] }),
    errors: [
      {
        message: "Consent text is transparent with contrast 1:1; readable text needs at least 3:1",
        evidence: { conditions: ["transparent", "contrast"] },
      },
    ],
  },
  {
    name: "consent text at 0.2 effective opacity",
    model: signupStep("en", { controls: [{ label: WORDS.marketing.en, labelStyle: { visibility: { opacity: 0.2 }, contrast: 5 } }] }),
    errors: [
      {
        message: "Consent text is at 0.2 opacity; readable text needs at least 0.4 opacity",
        evidence: { opacity: 0.2, conditions: ["opacity"] },
      },
    ],
  },
  {
    name: "consent text covered by another element",
    model: signupStep("zh", {
      controls: [{ label: WORDS.marketing.zh, labelStyle: { visibility: { covered: true, coveredBy: "div.promo-banner" } } }],
    }),
    errors: [{ message: "Consent text is covered by div.promo-banner", evidence: { conditions: ["covered"] } }],
  },
  {
    name: "screen-reader-only text is the only place the purpose is named, while ticked",
    model: signupStep("en", {
      controls: [
        {
          labelRuns: [
            { text: "Yes, please" },
            { text: " share my purchase history with advertising partners", visibility: { srOnly: true, clipped: true } },
          ],
          checked: true,
        },
      ],
    }),
    errors: [{ message: "Consent text is clipped out of view while the box is ticked", evidence: { conditions: ["clipped"] } }],
  },
  {
    name: "screen-reader-only text naming a purpose the visible label does not",
    model: signupStep("en", {
      controls: [
        {
          labelRuns: [
            { text: "Send me offers by email" },
            { text: " and use my precise location to pick them", visibility: { srOnly: true, clipped: true } },
          ],
          checked: true,
        },
      ],
    }),
    errors: [{ message: "Consent text is clipped out of view while the box is ticked" }],
  },
  {
    name: "consent text covered by a promotion bar (a banner that is not a consent step)",
    model: makeModel({
      title: "Newsletter",
      regions: [
        { id: "page", headings: ["Get our weekly recipes"] },
        { id: "promo", kind: "banner", headings: ["Summer sale: 30% off everything"], box: { x: 0, y: 0, width: 1280, height: 800 } },
      ],
      controls: [
        {
          label: "Share my email address with our partner brands",
          labelStyle: { visibility: { covered: true, coveredBy: 'div "30% off everything this weekend, online and in all our shops"' } },
        },
      ],
      actions: [
        { text: "Subscribe", regionId: "page" },
        { text: "Shop the sale", regionId: "promo" },
      ],
    }),
    errors: [{ message: 'Consent text is covered by div "30% off everything this weekend, online and in all…' }],
  },
  {
    name: "a switch on with its consent text off-screen",
    model: cookieDialog("en", {
      controls: [{ kind: "switch", label: WORDS.personalisedAds.en, checked: true, labelVisibility: { offscreen: true } }],
    }),
    errors: [{ message: "Consent text is placed off-screen while the switch is on", role: "switch" }],
  },
  {
    name: "de: a consent statement inside a collapsed section still applies",
    model: checkoutStep("de", {
      texts: [{ text: shareStatement("de", primaryButton("checkout", "de")), visibility: { collapsed: true } }],
    }),
    errors: [
      { message: "Consent statement is inside a collapsed section although it still applies", evidence: { conditions: ["collapsed"] } },
    ],
  },
  {
    name: "text that is both a control's label and a statement is reported once",
    model: signupStep("en", {
      controls: [
        {
          label: shareStatement("en", "Create account").replace("By clicking", "By ticking this box and clicking"),
          labelStyle: { fontPx: 7 },
        },
      ],
    }),
    errors: [{ role: "checkbox" }],
  },
  {
    name: "options from config are honoured: contrast 4:1 under a 4.5:1 floor",
    model: signupStep("en", { controls: [{ label: WORDS.marketing.en, labelStyle: { contrast: 4 } }] }),
    options: { minContrast: 4.5 },
    errors: [{ message: "Consent text has contrast 4:1; readable text needs at least 4.5:1" }],
  },
  {
    name: "contrast just under 3:1 is not rounded up to it",
    model: signupStep("en", { controls: [{ label: WORDS.marketing.en, labelStyle: { contrast: 2.97 } }] }),
    errors: [{ message: "Consent text has contrast 2.97:1; readable text needs at least 3:1" }],
  },
);

valid.push(
  {
    name: "screen-reader-only text repeating what the visible label says, while ticked",
    model: signupStep("en", {
      controls: [
        {
          labelRuns: [{ text: WORDS.marketing.en }, { text: " Marketing emails and offers", visibility: { srOnly: true, clipped: true } }],
          checked: true,
        },
      ],
    }),
    passes: 1,
  },
  {
    name: "de: screen-reader-only text adding only that partners show the ads the visible label names",
    model: signupStep("de", {
      controls: [
        {
          labelRuns: [
            { text: "Personalisierte Werbung" },
            { text: " Personalisierte Werbung unserer Partner", visibility: { srOnly: true, clipped: true } },
          ],
          kind: "switch",
          checked: true,
        },
      ],
    }),
    passes: 1,
  },
  {
    name: "consent text clipped inside a visible scroll container can be scrolled to",
    model: signupStep("en", {
      controls: [{ label: WORDS.creditSharing.en, checked: true, labelVisibility: { clipped: true, inScrollContainer: true } }],
    }),
    passes: 1,
  },
  {
    name: "page consent text covered by a cookie dialog laid over the page (a step of its own)",
    model: (() => {
      const m = cookieDialog("en", {
        controls: [
          { kind: "switch", label: WORDS.analytics.en },
          { label: WORDS.marketing.en, regionId: "page", labelStyle: { visibility: { covered: true, coveredBy: "div.cmp-backdrop" } } },
        ],
      });
      m.regions[1].box = { x: 0, y: 0, width: 1280, height: 800 };
      return m;
    })(),
    passes: 2,
  },
  {
    name: "faint text that carries no consent",
    model: signupStep("en", { texts: [{ text: "© 2024 Example Ltd. All rights reserved.", style: { fontPx: 8, color: "#cccccc" } }] }),
    inapplicable: true,
  },
  {
    name: "contrast exactly at the 3:1 floor and 10px text are readable",
    model: signupStep("en", { controls: [{ label: WORDS.marketing.en, labelStyle: { fontPx: 10, contrast: 3 } }] }),
    passes: 1,
  },
  {
    name: "a small remember-me label is not consent text",
    model: signupStep("en", { controls: [{ label: WORDS.keepSignedIn.en, checked: true, labelStyle: { fontPx: 7 } }] }),
    inapplicable: true,
  },
);

// Real consent managers: required categories carry no consent; services listed under a readable purpose are layered detail.
for (const lang of LANGS) {
  const services = CMP_WORDS.services[lang];
  const collapsed = { collapsed: true };
  valid.push(
    {
      name: `${lang}: the faint "(always required)" note of a checked, disabled switch beside an optional one`,
      model: requiredBesideOptional(lang),
      passes: 1,
    },
    {
      name: `${lang}: the faint "(always on)" note of a ticked analytics switch carries no consent`,
      model: cookieDialog(lang, {
        controls: [
          {
            kind: "switch",
            checked: true,
            labelRuns: [{ text: `${CMP_WORDS.analytics[lang]} ` }, { text: CMP_WORDS.alwaysOn[lang], ...FAINT }],
          },
        ],
      }),
      passes: 1,
    },
    {
      name: `${lang}: three analytics services in a closed list under a readable, unticked "Analytics" toggle`,
      model: purposeWithServices(lang),
      passes: 4,
    },
    {
      name: `${lang}: the same services ticked: the collapsed list repeats the readable toggle's consent`,
      model: purposeWithServices(lang, { ticked: [true, false, true] }),
      passes: 4,
    },
    {
      name: `${lang}: a ticked purpose toggle whose own text goes on into a collapsed list of its vendors`,
      model: cookieDialog(lang, {
        controls: [{ id: "purpose", kind: "switch", label: CMP_WORDS.analytics[lang], checked: true, textBlockIds: ["vendors"] }],
        texts: [{ id: "vendors", text: services.join(", "), visibility: collapsed, controlIds: ["purpose"] }],
      }),
      passes: 1,
    },
  );
  invalid.push(
    {
      name: `${lang}: services ticked in a closed list under a purpose toggle whose text is too faint to read`,
      model: purposeWithServices(lang, { ticked: [true, false, true], purposeStyle: { color: "#e4e4e4" } }),
      errors: [
        { text: CMP_WORDS.analytics[lang], evidence: { conditions: ["contrast"] } },
        { text: services[0], message: /collapsed/u, evidence: { conditions: ["collapsed"] } },
        { text: services[2], message: /collapsed/u, evidence: { conditions: ["collapsed"] } },
      ],
    },
    {
      name: `${lang}: services ticked in a closed list whose purpose toggle is collapsed with them`,
      model: purposeWithServices(lang, { ticked: [true, true, true], purposeHidden: true }),
      errors: services.map((text) => ({ text, evidence: { conditions: ["collapsed"] } })),
    },
    {
      name: `${lang}: a ticked service in the list that adds a purpose its toggle does not name`,
      model: purposeWithServices(lang, { withAdService: true }),
      errors: [{ text: CMP_WORDS.adService[lang], evidence: { conditions: ["collapsed"] } }],
    },
    {
      name: `${lang}: a ticked box whose readable label goes on, out of sight, to a purpose it does not name`,
      model: signupStep(lang, {
        controls: [{ id: "offers", label: WORDS.marketing[lang], checked: true, textBlockIds: ["more"] }],
        texts: [{ id: "more", text: WORDS.creditSharing[lang], visibility: collapsed, controlIds: ["offers"] }],
      }),
      errors: [{ evidence: { conditions: ["collapsed"] } }],
    },
  );
}

valid.push({
  name: "a switch the flow turned on while it was shown, in a dialog hidden since",
  model: cookieDialog("de", {
    dialogVisible: false,
    controls: [
      { kind: "switch", label: WORDS.analytics.de, checked: true, touchedByFlow: true, labelVisibility: { visibilityHidden: true } },
    ],
  }),
  passes: 1,
});
invalid.push({
  name: "a switch the flow turned on whose text is too faint to read",
  model: cookieDialog("de", {
    controls: [{ kind: "switch", label: WORDS.analytics.de, checked: true, touchedByFlow: true, labelStyle: { color: "#dddddd" } }],
  }),
  errors: [{ evidence: { conditions: ["contrast"] } }],
});

// A switch labelled by a copy hidden for screen readers (opacity 0 under the switch), its visible name a title button beside it.
for (const lang of LANGS) {
  const title = CMP_WORDS.analytics[lang];
  const switchBox = { x: 600, y: 300, width: 50, height: 23 };
  /** The switch's hidden label sits under the switch; the title button's box is given. */
  const model = (titleText: string, titleBox: typeof switchBox) => {
    const m = cookieDialog(lang, {
      controls: [
        {
          id: "sw",
          kind: "switch",
          checked: true,
          box: switchBox,
          label: title,
          labelStyle: { visibility: { opacity: 0 }, box: switchBox },
        },
      ],
      texts: [{ id: "title", text: titleText, inButton: true, style: { box: titleBox } }],
    });
    m.texts = m.texts.map((t) => (t.id === "title" ? { ...t, box: titleBox } : t.id === "sw-label" ? { ...t, box: switchBox } : t));
    return m;
  };
  valid.push({
    name: `${lang}: a switch's label hidden at opacity 0 repeats, word for word, the readable title on the switch's line`,
    model: model(title, { x: 40, y: 298, width: 500, height: 28 }),
    passes: 1,
  });
  invalid.push(
    {
      name: `${lang}: the readable title on the switch's line says something else`,
      model: model(CMP_WORDS.styling[lang], { x: 40, y: 298, width: 500, height: 28 }),
      errors: [{ evidence: { conditions: ["opacity"] } }],
    },
    {
      name: `${lang}: the same title, but on another line`,
      model: model(title, { x: 40, y: 120, width: 500, height: 28 }),
      errors: [{ evidence: { conditions: ["opacity"] } }],
    },
  );
}

const incomplete: IncompleteCase[] = [
  {
    name: "consent text on a background image cannot be measured",
    model: signupStep("en", { controls: [{ label: WORDS.marketing.en, labelStyle: { background: null, backgroundSource: "image" } }] }),
    incomplete: [{ reason: "background-image", text: WORDS.marketing.en }],
  },
  {
    name: "a French consent label",
    model: makeModel({
      lang: "fr",
      controls: [{ label: "Partager mes données avec nos partenaires publicitaires", labelStyle: { fontPx: 6 } }],
    }),
    incomplete: [{ reason: "unsupported-language" }],
  },
  {
    name: "a closed shadow root",
    model: makeModel({
      notes: [{ kind: "closed-shadow-root", message: "A closed shadow root could not be read", selector: "consent-widget" }],
    }),
    incomplete: [{ reason: "closed-shadow-root" }],
  },
];

ruleTester(hiddenConsentText, { valid, invalid, incomplete });
