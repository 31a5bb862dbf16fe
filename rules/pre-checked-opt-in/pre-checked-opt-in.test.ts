import { expect } from "vitest";
import { preCheckedOptIn } from "./index.js";
import { ruleTester, type IncompleteCase, type InvalidCase, type ValidCase } from "../rule-tester.js";
import { makeModel } from "../__fixtures__/model-builder.js";
import { LANGS, WORDS, cookieDialog, reportStep, signupStep } from "../__fixtures__/scenes.js";

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
          evidence: { checked: true, checkedSource: "dom-property", defaultChecked: true, purposes: expect.arrayContaining(["credit-scoring"]) },
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
        { message: /marketing.* is switched on before the user acts$/u, role: "switch", evidence: { checkedSource: "aria-checked", purposes: expect.arrayContaining(["marketing"]) } },
        { message: /personalised ads.* is switched on/u, evidence: { purposes: expect.arrayContaining(["personalised-ads"]) } },
      ],
    },
    {
      name: `${lang}: a box ticked by script (the HTML says nothing) inside a collapsed "more options" section`,
      model: signupStep(lang, {
        controls: [{ label: WORDS.marketing[lang], checked: true, defaultChecked: false, visibility: { collapsed: true }, labelVisibility: { collapsed: true } }],
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
      model: reportStep(lang, { controls: [{ label: WORDS.creditSharing[lang], checked: true, defaultChecked: false, touchedByFlow: true }] }),
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
    model: reportStep("en", { controls: [{ label: WORDS.creditSharing.en, checked: true, framePath: "iframe#offer", selector: "iframe#offer >>> #share" }] }),
    errors: [{ selector: "iframe#offer >>> #share", fingerprintParts: ["control", "checkbox", "credit-scoring+third-party-sharing"] }],
  },
  {
    name: "a box inside an open shadow root, injected after load",
    model: signupStep("zh", { controls: [{ label: WORDS.personalisedAds.zh, checked: true, defaultChecked: false, shadowPath: ["ad-consent"] }] }),
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
    errors: [{ text: "Alle auswählen", evidence: { purposes: ["analytics-cookies", "personalised-ads"] } }, { text: WORDS.analytics.de }, { text: WORDS.personalisedAds.de }],
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
    model: makeModel({ notes: [{ kind: "cross-origin-frame", message: "Frame https://ads.example/ could not be read", selector: "iframe#ads" }] }),
    incomplete: [{ reason: "cross-origin-frame", selector: "iframe#ads" }],
  },
];

ruleTester(preCheckedOptIn, { valid, invalid, incomplete });
