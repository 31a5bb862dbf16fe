import { expect } from "vitest";
import { bundledConsent } from "./index.js";
import { ruleTester, type IncompleteCase, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { makeModel } from "../__fixtures__/model-builder.js";
import {
  LANGS,
  WORDS,
  checkoutStep,
  cookieDialog,
  primaryButton,
  reportStep,
  shareStatement,
  signupStep,
  type Lang,
} from "../__fixtures__/scenes.js";

const invalid: InvalidCase[] = [];
const valid: ValidCase[] = [];

const TERMS_AND_MARKETING: Record<Lang, string> = {
  en: "I agree to the Terms of Service and to receive marketing emails",
  de: "Ich akzeptiere die AGB und möchte Werbung per E-Mail erhalten",
  zh: "我已阅读并同意《用户服务协议》，并同意接收营销短信",
};

const MARKETING_AND_LOCATION: Record<Lang, string> = {
  en: "Send me marketing emails and use my precise location",
  de: "Schicken Sie mir Werbung per E-Mail und verwenden Sie meinen genauen Standort",
  zh: "接收营销短信，并允许获取我的精确位置信息",
};

const MARKETING_AND_SHARING: Record<Lang, string> = {
  en: "Send me marketing emails and agree that my profile may be shared with partners",
  de: "Ich möchte Werbung per E-Mail erhalten und bin einverstanden, dass meine Daten an Partner weitergegeben werden",
  zh: "同意接收营销短信，并同意将我的个人信息共享给合作伙伴",
};

const SHARE_FOR_OFFERS: Record<Lang, string> = {
  en: "Share my email address with our partner brands so they can send me offers",
  de: "Meine E-Mail-Adresse an Partnermarken weitergeben, damit sie mir Angebote schicken",
  zh: "将我的手机号共享给入驻商家，用于发送优惠短信",
};

const INSTALL: Record<Lang, { heading: string; button: string; statement: string }> = {
  en: {
    heading: "Install PhotoFix",
    button: "Install",
    statement: "By installing you agree that we may use your photos to train our AI models.",
  },
  de: {
    heading: "PhotoFix installieren",
    button: "Installieren",
    statement: "Mit der Installation willigen Sie ein, dass wir Ihre Fotos zum Training unserer KI-Modelle verwenden.",
  },
  zh: {
    heading: "安装 PhotoFix",
    button: "安装",
    statement: "安装即表示您同意我们使用您的照片训练我们的人工智能模型。",
  },
};

function installStep(lang: Lang) {
  const w = INSTALL[lang];
  return makeModel({
    lang,
    title: w.heading,
    regions: [{ id: "page", headings: [w.heading] }],
    texts: [{ text: w.heading, heading: 1 }, { text: w.statement }],
    actions: [{ text: w.button, area: 300 * 56 }],
  });
}

for (const lang of LANGS) {
  invalid.push(
    {
      name: `${lang}: pre-ticked credit-scoring box on a year-in-review report`,
      model: reportStep(lang, { controls: [{ label: WORDS.creditSharing[lang], checked: true }] }),
      errors: [
        {
          message: new RegExp(`^Consent to .*credit scoring.* is tied to "${primaryButton("report", lang)}" \\(ticked in advance\\)$`, "u"),
          text: WORDS.creditSharing[lang],
          evidence: {
            primaryPurpose: "view-report",
            bundling: ["pre-checked"],
            primaryAction: primaryButton("report", lang),
            checked: true,
          },
          fingerprintParts: ["control", "checkbox", "credit-scoring+third-party-sharing"],
        },
      ],
    },
    {
      name: `${lang}: consent statement in the same form as the Pay button`,
      model: checkoutStep(lang, { texts: [{ text: shareStatement(lang, primaryButton("checkout", lang)) }] }),
      errors: [
        {
          message: new RegExp(`is tied to "${primaryButton("checkout", lang)}" \\(stated in the page text\\)$`, "u"),
          role: "text",
          evidence: { primaryPurpose: "checkout", bundling: ["statement"] },
        },
      ],
    },
    {
      name: `${lang}: "by installing you agree" names the Install button`,
      model: installStep(lang),
      errors: [
        {
          message: /training models on user content/u,
          evidence: { primaryPurpose: "install", bundling: ["statement"], primaryAction: INSTALL[lang].button },
        },
      ],
    },
    {
      name: `${lang}: one required box accepting both the terms and marketing`,
      model: signupStep(lang, { controls: [{ label: TERMS_AND_MARKETING[lang], required: true }] }),
      errors: [
        {
          message: /^Accepting the terms with this box also grants consent to marketing \(required to continue\)$/u,
          evidence: { primaryPurpose: "signup", bundling: ["required", "terms-and-optional"], required: true },
        },
      ],
    },
    {
      name: `${lang}: one unticked, optional box for unrelated purposes (marketing and location)`,
      model: signupStep(lang, { controls: [{ label: MARKETING_AND_LOCATION[lang] }] }),
      errors: [{ message: /^One box grants consent to unrelated purposes at once: /u, evidence: { bundling: ["multi-purpose"] } }],
    },
    {
      name: `${lang}: one unticked, optional box whose clauses grant marketing and sharing with partners separately`,
      model: signupStep(lang, { controls: [{ label: MARKETING_AND_SHARING[lang] }] }),
      errors: [{ message: /^One box grants consent to unrelated purposes at once: /u, evidence: { bundling: ["multi-purpose"] } }],
    },
    {
      name: `${lang}: the main button stays disabled until the ads box is ticked`,
      model: signupStep(lang, { controls: [{ label: WORDS.personalisedAds[lang] }], primaryDisabled: true }),
      errors: [
        {
          message: new RegExp(
            `personalised ads is tied to "${primaryButton("signup", lang)}" \\(the button stays disabled until it is ticked\\)$`,
            "u",
          ),
          evidence: { bundling: ["blocks-submit"], checked: false },
        },
      ],
    },
  );
  valid.push(
    {
      name: `${lang}: cookie dialog with Accept all and multi-purpose switches on`,
      model: cookieDialog(lang, {
        controls: [
          { kind: "switch", label: WORDS.marketing[lang], checked: true },
          { kind: "switch", label: WORDS.personalisedAds[lang], checked: true },
          { kind: "switch", label: MARKETING_AND_LOCATION[lang], checked: true },
        ],
      }),
      passes: 3,
    },
    {
      name: `${lang}: a separate, unticked, single-purpose opt-in`,
      model: signupStep(lang, { controls: [{ label: WORDS.marketing[lang] }, { label: WORDS.termsOnly[lang], required: true }] }),
      passes: 1,
    },
    {
      name: `${lang}: a single-purpose opt-in the user ticked in the flow`,
      model: signupStep(lang, { controls: [{ label: WORDS.marketing[lang], checked: true, defaultChecked: false, touchedByFlow: true }] }),
      passes: 1,
    },
    {
      name: `${lang}: a statement that only links to the privacy policy`,
      model: checkoutStep(lang, { texts: [{ text: WORDS.privacyLink[lang], linkHref: "/privacy" }] }),
      inapplicable: true,
    },
    {
      name: `${lang}: sharing with partners so they can send offers is one purpose, offered unticked`,
      model: signupStep(lang, { controls: [{ label: SHARE_FOR_OFFERS[lang] }] }),
      passes: 1,
    },
    {
      name: `${lang}: sharing for credit scoring is one purpose family, offered unticked`,
      model: reportStep(lang, { controls: [{ label: WORDS.creditSharing[lang] }] }),
      passes: 1,
    },
  );
}

invalid.push(
  {
    name: "a box ticked by the user but required to sign up still blocks the step",
    model: signupStep("en", { controls: [{ label: WORDS.personalisedAds.en, checked: true, touchedByFlow: true, required: true }] }),
    errors: [{ evidence: { bundling: ["required"] } }],
  },
  {
    name: "zh: a preselected 'yes, give my number to partner merchants' radio on a lottery entry",
    model: makeModel({
      lang: "zh",
      title: "新年抽奖",
      regions: [{ id: "page", headings: ["新年幸运大抽奖"] }],
      fields: [{ label: "手机号", required: true, groupId: "f" }],
      controls: [
        {
          kind: "radio",
          label: "是，同意将我的手机号提供给合作商家用于营销推广",
          groupLabel: "是否接收合作商家优惠？",
          groupName: "p",
          checked: true,
          groupId: "f",
        },
        { kind: "radio", label: "否", groupLabel: "是否接收合作商家优惠？", groupName: "p", groupId: "f" },
      ],
      actions: [{ text: "立即抽奖", groupId: "f" }],
    }),
    errors: [
      {
        message: /is tied to "立即抽奖" \(ticked in advance\)/u,
        role: "radio",
        evidence: { primaryPurpose: "lottery", bundling: ["pre-checked"] },
      },
    ],
  },
  {
    name: "a game start screen whose pre-ticked box uses location and contacts",
    model: makeModel({
      title: "Star Farm",
      regions: [{ id: "page", headings: ["Star Farm"] }],
      controls: [{ label: "Use my location and contacts to find friends", checked: true, groupId: "start" }],
      actions: [{ text: "Play now", groupId: "start" }],
    }),
    errors: [
      {
        message: "One box grants consent to unrelated purposes at once: precise location and access to contacts (ticked in advance)",
        evidence: { primaryPurpose: "game", bundling: ["pre-checked", "multi-purpose"], primaryAction: "Play now" },
      },
    ],
  },
  {
    name: "an unreadable statement naming the Pay button is bundled too",
    model: checkoutStep("en", {
      inForm: false,
      texts: [{ text: shareStatement("en", primaryButton("checkout", "en")), style: { fontPx: 6, color: "#eeeeee" } }],
    }),
    errors: [{ evidence: { bundling: ["statement"] } }],
  },
  {
    name: "one button accepting the terms and marketing on a signup step",
    model: signupStep("en", { actions: [{ text: "Agree to the Terms and receive marketing emails", groupId: "main-form", area: 100 }] }),
    errors: [
      {
        role: "button",
        message: /^Accepting the terms with this button also grants consent to marketing$/u,
        evidence: { bundling: ["terms-and-optional"] },
      },
    ],
  },
);

valid.push(
  {
    name: "a privacy-settings step with pre-ticked toggles is a consent step",
    model: makeModel({
      title: "Setup",
      regions: [{ id: "page", headings: ["Choose your privacy settings"] }],
      controls: [
        { kind: "switch", label: WORDS.personalisedAds.en, checked: true },
        { kind: "switch", label: "Share usage data with partners", checked: true },
        { kind: "switch", label: "Use my precise location", checked: false },
      ],
      actions: [{ text: "Continue" }],
    }),
    passes: 3,
  },
  {
    name: "a statement outside the main button's form that names another action is not attached to it",
    model: checkoutStep("en", {
      inForm: false,
      texts: [{ text: 'By clicking "Join the club" you agree that we share your purchase history with our advertising partners.' }],
    }),
    passes: 1,
  },
  {
    name: "a 'no' radio preselected on a lottery entry",
    model: makeModel({
      lang: "zh",
      title: "新年抽奖",
      regions: [{ id: "page", headings: ["新年幸运大抽奖"] }],
      controls: [
        {
          kind: "radio",
          label: "是，同意将我的手机号提供给合作商家用于营销推广",
          groupLabel: "是否接收合作商家优惠？",
          groupName: "p",
          groupId: "f",
        },
        { kind: "radio", label: "否", groupLabel: "是否接收合作商家优惠？", groupName: "p", checked: true, groupId: "f" },
      ],
      actions: [{ text: "立即抽奖", groupId: "f" }],
    }),
  },
);

invalid.push({
  name: 'a box the signup form requires, labelled "I agree (required)", whose sentence grants sharing with partners',
  model: signupStep("en", {
    controls: [
      {
        label: "I agree (required)",
        sentenceText: "I agree that you share my email address with partner brands for their offers.",
        required: true,
      },
    ],
  }),
  errors: [{ evidence: { bundling: expect.arrayContaining(["required"]) } }],
});

const incomplete: IncompleteCase[] = [
  {
    name: "a French statement next to the button is not guessed at",
    model: makeModel({
      lang: "fr",
      title: "Paiement",
      regions: [{ id: "page", headings: ["Paiement"] }],
      texts: [{ text: "En cliquant sur Payer, vous acceptez que nous partagions vos achats avec nos partenaires.", groupId: "f" }],
      actions: [{ text: "Payer", groupId: "f" }],
    }),
    incomplete: [{ reason: "unsupported-language", text: /En cliquant sur Payer/u }],
  },
  {
    name: "a cross-origin frame",
    model: reportStep("en", {
      notes: [{ kind: "cross-origin-frame", message: "Frame https://offers.example/ could not be read", selector: "iframe" }],
    }),
    incomplete: [{ reason: "cross-origin-frame" }],
  },
];

/** An opt-out box left unticked on a signup step: consent given unless the person ticks it, tied to signing up. */
const OPT_OUT_SHARING: Record<Lang, string> = {
  en: "Tick this box if you do not want us to share your purchase history with partners",
  de: "Ankreuzen, falls Sie nicht möchten, dass wir Ihre Einkäufe mit Partnern teilen",
  zh: "如您不希望我们与合作伙伴共享您的购物记录，请勾选",
};
for (const lang of LANGS) {
  invalid.push({
    name: `${lang}: an opt-out box for sharing left unticked on a signup step`,
    model: signupStep(lang, { controls: [{ label: OPT_OUT_SHARING[lang], checked: false }] }),
    errors: [
      { message: /is tied to .* \(an opt-out box left unticked\)$/u, evidence: { bundling: ["opt-out-unticked"], tickingRefuses: true } },
    ],
  });
}

ruleTester(bundledConsent, { valid, invalid, incomplete });
