import { expect } from "vitest";
import { preCheckedOptIn } from "./index.js";
import { ruleTester, type IncompleteCase, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { makeModel } from "../__fixtures__/model-builder.js";
import { LANGS, WORDS, cookieDialog, reportStep, signupStep, type Lang } from "../__fixtures__/scenes.js";
import { CMP_WORDS, FAINT, purposeWithServices, requiredBesideOptional } from "../__fixtures__/consent-managers.js";

const invalid: InvalidCase[] = [];
const valid: ValidCase[] = [];

for (const lang of LANGS) {
  invalid.push(
    {
      name: `${lang}: ticked box sharing data with a credit-scoring partner`,
      model: reportStep(lang, { controls: [{ label: WORDS.creditSharing[lang], checked: true }] }),
      errors: [
        {
          message: /^Opt-in to .*credit scoring.* is ticked before the user acts$/u,
          text: WORDS.creditSharing[lang],
          role: "checkbox",
          evidence: {
            checked: true,
            checkedSource: "dom-property",
            defaultChecked: true,
            purposes: expect.arrayContaining(["credit-scoring"]),
          },
        },
      ],
    },
    {
      name: `${lang}: preselected "yes" radio for sharing records`,
      model: signupStep(lang, {
        controls: [
          { kind: "radio", label: WORDS.yes[lang], groupLabel: WORDS.sharingQuestion[lang], groupName: "share", checked: true },
          { kind: "radio", label: WORDS.no[lang], groupLabel: WORDS.sharingQuestion[lang], groupName: "share" },
        ],
      }),
      errors: [{ message: /is preselected before the user acts$/u, role: "radio", evidence: { checked: true, option: WORDS.yes[lang] } }],
    },
    {
      name: `${lang}: marketing and personalised-ads switches on in a cookie dialog`,
      model: cookieDialog(lang, {
        controls: [
          { kind: "switch", label: WORDS.marketing[lang], checked: true },
          { kind: "switch", label: WORDS.personalisedAds[lang], checked: true },
          { kind: "switch", label: WORDS.analytics[lang], checked: false },
        ],
      }),
      errors: [
        {
          message: /marketing.* is switched on before the user acts$/u,
          role: "switch",
          evidence: { checkedSource: "aria-checked", purposes: expect.arrayContaining(["marketing"]) },
        },
        { message: /personalised ads.* is switched on/u, evidence: { purposes: expect.arrayContaining(["personalised-ads"]) } },
      ],
    },
    {
      name: `${lang}: a box ticked by script (the HTML says nothing) inside a collapsed "more options" section`,
      model: signupStep(lang, {
        controls: [
          {
            label: WORDS.marketing[lang],
            checked: true,
            defaultChecked: false,
            visibility: { collapsed: true },
            labelVisibility: { collapsed: true },
          },
        ],
      }),
      errors: [{ evidence: { checked: true, defaultChecked: false, checkedSource: "dom-property" } }],
    },
  );
  valid.push(
    {
      name: `${lang}: "keep me signed in" and a UI preference, both ticked`,
      model: signupStep(lang, {
        controls: [
          { label: WORDS.keepSignedIn[lang], checked: true },
          { label: WORDS.darkMode[lang], checked: true },
        ],
      }),
      inapplicable: true,
    },
    {
      name: `${lang}: pre-checked box that only accepts the required terms`,
      model: signupStep(lang, { controls: [{ label: WORDS.termsOnly[lang], checked: true }] }),
      inapplicable: true,
    },
    {
      name: `${lang}: strictly necessary cookies shown checked and disabled, optional ones off`,
      model: cookieDialog(lang, {
        controls: [
          { kind: "switch", label: WORDS.strictlyNecessary[lang], checked: true, disabled: true },
          { kind: "switch", label: WORDS.analytics[lang], checked: false },
          { kind: "switch", label: WORDS.marketing[lang], checked: false },
        ],
      }),
      passes: 2,
    },
    {
      name: `${lang}: a box the flow's own actions ticked`,
      model: reportStep(lang, {
        controls: [{ label: WORDS.creditSharing[lang], checked: true, defaultChecked: false, touchedByFlow: true }],
      }),
      passes: 1,
    },
    {
      name: `${lang}: preselected "no" radio for sharing records`,
      model: signupStep(lang, {
        controls: [
          { kind: "radio", label: WORDS.yes[lang], groupLabel: WORDS.sharingQuestion[lang], groupName: "share" },
          { kind: "radio", label: WORDS.no[lang], groupLabel: WORDS.sharingQuestion[lang], groupName: "share", checked: true },
        ],
      }),
    },
  );
}

invalid.push(
  {
    name: "a ticked box inside a same-origin iframe",
    model: reportStep("en", {
      controls: [{ label: WORDS.creditSharing.en, checked: true, framePath: "iframe#offer", selector: "iframe#offer >>> #share" }],
    }),
    errors: [{ selector: "iframe#offer >>> #share", fingerprintParts: ["control", "checkbox", "credit-scoring+third-party-sharing"] }],
  },
  {
    name: "a box inside an open shadow root, injected after load",
    model: signupStep("zh", {
      controls: [{ label: WORDS.personalisedAds.zh, checked: true, defaultChecked: false, shadowPath: ["ad-consent"] }],
    }),
    errors: [{ message: /personalised ads/u, evidence: { defaultChecked: false } }],
  },
  {
    name: "de: a master 'select all' box ticked with the purposes it selects",
    model: cookieDialog("de", {
      controls: [
        { label: "Alle auswählen", checked: true, groupId: "purposes" },
        { label: WORDS.strictlyNecessary.de, checked: true, disabled: true, groupId: "purposes" },
        { label: WORDS.analytics.de, checked: true, groupId: "purposes" },
        { label: WORDS.personalisedAds.de, checked: true, groupId: "purposes" },
      ],
    }),
    errors: [
      { text: "Alle auswählen", evidence: { purposes: ["analytics-cookies", "personalised-ads"] } },
      { text: WORDS.analytics.de },
      { text: WORDS.personalisedAds.de },
    ],
  },
  {
    name: "personalised-ads switch on in a device-setup privacy screen",
    model: makeModel({
      title: "TV setup",
      regions: [{ id: "page", headings: ["Choose your privacy settings"] }],
      controls: [
        { kind: "switch", label: WORDS.personalisedAds.en, checked: true },
        { kind: "switch", label: "Use my precise location for local news", checked: false },
      ],
      actions: [{ text: "Continue" }, { text: "Back", filled: false }],
    }),
    errors: [{ message: /^Opt-in to personalised ads is switched on before the user acts$/u, evidence: { primaryPurpose: "consent" } }],
  },
  {
    name: "an aria-pressed toggle button switched on",
    model: signupStep("de", { controls: [{ kind: "toggle-button", label: WORDS.personalisedAds.de, checked: true }] }),
    errors: [{ message: /is switched on before the user acts/u, evidence: { checkedSource: "aria-pressed" } }],
  },
  {
    name: "a select with the sharing option chosen",
    model: signupStep("en", {
      controls: [
        {
          kind: "select",
          label: WORDS.sharingQuestion.en,
          checked: false,
          options: [
            { value: "yes", text: "Yes, share them", selected: true },
            { value: "no", text: "No", selected: false },
          ],
        },
      ],
    }),
    errors: [{ message: /is preselected/u, role: "combobox", evidence: { checkedSource: "selected-option" } }],
  },
);

valid.push(
  {
    name: "unticked opt-ins pass",
    model: signupStep("en", { controls: [{ label: WORDS.marketing.en }, { label: WORDS.creditSharing.en }] }),
    passes: 2,
    inapplicable: false,
  },
  {
    name: "a select with the refusing option chosen",
    model: signupStep("en", {
      controls: [
        {
          kind: "select",
          label: WORDS.sharingQuestion.en,
          options: [
            { value: "yes", text: "Yes, share them", selected: false },
            { value: "no", text: "No", selected: true },
          ],
        },
      ],
    }),
  },
  {
    name: "a page without controls",
    model: makeModel({ texts: [{ text: "Welcome to our shop." }] }),
    inapplicable: true,
  },
);

// Real consent managers: required categories, and services listed under a purpose.
const ALLOW_DENY: Record<Lang, { allow: string; deny: string }> = {
  en: { allow: "Allow analytics cookies", deny: "Deny analytics cookies" },
  de: { allow: "Erlauben: Statistik-Cookies", deny: "Ablehnen: Statistik-Cookies" },
  zh: { allow: "允许 统计分析", deny: "拒绝 统计分析" },
};

for (const lang of LANGS) {
  const services = CMP_WORDS.services[lang];
  valid.push(
    {
      name: `${lang}: a "Styling (always required)" switch, checked and disabled, with the next item's text as its sentence, beside an unchecked optional one`,
      model: requiredBesideOptional(lang),
      passes: 1,
    },
    {
      name: `${lang}: a switch labelled always required grants nothing optional even when it is not disabled`,
      model: requiredBesideOptional(lang, { disabled: false }),
      passes: 1,
    },
    {
      name: `${lang}: a category shown checked and disabled asks nothing, whatever it names`,
      model: cookieDialog(lang, { controls: [{ kind: "switch", label: CMP_WORDS.analytics[lang], checked: true, disabled: true }] }),
      inapplicable: true,
    },
    {
      name: `${lang}: a ticked category the lexicon cannot place ("Styling") is not a master toggle of the consent switches beside it`,
      model: cookieDialog(lang, {
        controls: [
          { kind: "switch", label: CMP_WORDS.styling[lang], checked: true, groupId: "cats" },
          { kind: "switch", label: WORDS.analytics[lang], groupId: "cats" },
          { kind: "switch", label: WORDS.personalisedAds[lang], groupId: "cats" },
        ],
      }),
      passes: 2,
    },
    {
      name: `${lang}: an unticked purpose toggle with its unticked services in a closed list`,
      model: purposeWithServices(lang),
      passes: 4,
    },
    {
      name: `${lang}: a pressed "Deny" button beside its "Allow" refuses`,
      model: cookieDialog(lang, {
        controls: [
          { kind: "toggle-button", label: ALLOW_DENY[lang].allow },
          { kind: "toggle-button", label: ALLOW_DENY[lang].deny, checked: true },
        ],
      }),
      passes: 2,
    },
  );
  invalid.push(
    {
      name: `${lang}: a switch labelled "Analytics (always on)" that can be switched off is a pre-ticked analytics opt-in`,
      model: cookieDialog(lang, {
        controls: [
          {
            kind: "switch",
            checked: true,
            labelRuns: [{ text: `${CMP_WORDS.analytics[lang]} ` }, { text: CMP_WORDS.alwaysOn[lang], ...FAINT }],
          },
        ],
      }),
      errors: [
        { message: /^Opt-in to analytics cookies is switched on before the user acts$/u, evidence: { purposes: ["analytics-cookies"] } },
      ],
    },
    {
      name: `${lang}: services ticked in a closed list under an unticked purpose toggle are pre-checked, each of them`,
      model: purposeWithServices(lang, { ticked: [true, false, true] }),
      errors: [{ text: services[0] }, { text: services[2] }],
    },
    {
      name: `${lang}: a pressed "Allow" button grants`,
      model: cookieDialog(lang, {
        controls: [
          { kind: "toggle-button", label: ALLOW_DENY[lang].allow, checked: true },
          { kind: "toggle-button", label: ALLOW_DENY[lang].deny },
        ],
      }),
      errors: [{ text: ALLOW_DENY[lang].allow, evidence: { checkedSource: "aria-pressed" } }],
    },
  );
}

/** tarteaucitron's panel: an "Allow all" / "Deny all" row of its own above each service's Allow / Deny pair. */
function allowAllRow(pressed: "allow" | "deny" | null) {
  return cookieDialog("en", {
    controls: [
      {
        kind: "toggle-button",
        name: "Cookies : Allow all cookies",
        label: "Allow all cookies",
        checked: pressed === "allow",
        groupId: "all-row",
      },
      {
        kind: "toggle-button",
        name: "Cookies : Deny all cookies",
        label: "Deny all cookies",
        checked: pressed === "deny",
        groupId: "all-row",
      },
      { kind: "toggle-button", label: "Allow Shop statistics (visits and pages read)", groupId: "stats" },
      { kind: "toggle-button", label: "Deny Shop statistics (visits and pages read)", checked: pressed === "deny", groupId: "stats" },
      { kind: "toggle-button", label: "Allow Partner retargeting ads", groupId: "ads" },
      { kind: "toggle-button", label: "Deny Partner retargeting ads", checked: pressed === "deny", groupId: "ads" },
    ],
  });
}
invalid.push({
  name: 'an "Allow all cookies" toggle in a row of its own, pressed: a master toggle of the dialog\'s consent toggles',
  model: allowAllRow("allow"),
  errors: [{ text: /Allow all cookies/u, evidence: { purposes: expect.arrayContaining(["analytics-cookies"]) } }],
});
valid.push({
  name: 'its "Deny all cookies" pressed, with every service denied: nothing granted',
  model: allowAllRow("deny"),
  passes: 6,
});

const incomplete: IncompleteCase[] = [
  {
    name: "a French label is not guessed at",
    model: makeModel({ lang: "fr", controls: [{ label: "Partager mes données avec nos partenaires publicitaires", checked: true }] }),
    incomplete: [{ reason: "unsupported-language", text: /Partager mes données/u }],
  },
  {
    name: "a German label when only English is asked for",
    model: signupStep("de", { controls: [{ label: WORDS.marketing.de, checked: true }] }),
    languages: ["en"],
    incomplete: [{ reason: "unsupported-language" }],
  },
  {
    name: "a cross-origin frame the extractor could not read",
    model: makeModel({
      notes: [{ kind: "cross-origin-frame", message: "Frame https://ads.example/ could not be read", selector: "iframe#ads" }],
    }),
    incomplete: [{ reason: "cross-origin-frame", selector: "iframe#ads" }],
  },
];

/** Opt-out boxes: the wording says ticking refuses, so the box grants when left unticked (rules.md, trick-question). */
const OPT_OUT: Record<Lang, string> = {
  en: "Tick here if you do not want us to pass your details to our insurance partners for their advertising",
  de: "Bitte ankreuzen, wenn Sie nicht wünschen, dass wir Ihre Daten an Versicherungspartner für deren Werbung weitergeben",
  zh: "如您不希望我们将您的资料提供给保险合作伙伴用于其广告推广，请勾选此框",
};
for (const lang of LANGS) {
  invalid.push({
    name: `${lang}: an opt-out box left unticked grants`,
    model: signupStep(lang, { controls: [{ label: OPT_OUT[lang], checked: false }] }),
    errors: [
      {
        message: /^Consent to .* is given by an opt-out box left unticked before the user acts: only ticking it refuses$/u,
        role: "checkbox",
        evidence: { checked: false, tickingRefuses: true },
      },
    ],
  });
  valid.push({
    name: `${lang}: an opt-out box the page shows ticked (refusing)`,
    model: signupStep(lang, { controls: [{ label: OPT_OUT[lang], checked: true }] }),
  });
}

ruleTester(preCheckedOptIn, { valid, invalid, incomplete });
