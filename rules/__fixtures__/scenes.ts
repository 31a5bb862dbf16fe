/**
 * Steps consent rules are tested on, in English, German and Chinese: a
 * year-in-review report, a signup form, a checkout, and a cookie dialog over
 * a page. Each returns a PageModel with the given controls, texts and extra
 * actions placed in the step's main form.
 */
import type { PageModel } from "../../lint/model.js";
import { makeModel, type ActionSpec, type ControlSpec, type ModelSpec, type TextSpec } from "./model-builder.js";

export type Lang = "en" | "de" | "zh";
export const LANGS: Lang[] = ["en", "de", "zh"];

interface StepWords {
  title: string;
  heading: string;
  button: string;
  fields?: string[];
}

const REPORT: Record<Lang, StepWords> = {
  en: { title: "Your 2024 year in review", heading: "Your year in review: where your money went", button: "View my annual statement" },
  de: {
    title: "Ihr Jahresrückblick 2024",
    heading: "Ihr Jahresrückblick: wofür Sie Ihr Geld ausgegeben haben",
    button: "Meinen Jahresbericht ansehen",
  },
  zh: { title: "我的2017年度账单", heading: "2017年度账单：你的钱都花在了哪里", button: "查看我的年度账单" },
};

const SIGNUP: Record<Lang, StepWords> = {
  en: { title: "Sign up", heading: "Create your account", button: "Create account", fields: ["Email", "Password"] },
  de: { title: "Registrieren", heading: "Konto erstellen", button: "Jetzt registrieren", fields: ["E-Mail-Adresse", "Passwort"] },
  zh: { title: "注册", heading: "注册新账号", button: "立即注册", fields: ["手机号", "密码"] },
};

const CHECKOUT: Record<Lang, StepWords> = {
  en: { title: "Checkout", heading: "Payment", button: "Pay now", fields: ["Card number", "Expiry date"] },
  de: { title: "Kasse", heading: "Bezahlung", button: "Jetzt bezahlen", fields: ["Kartennummer", "Ablaufdatum"] },
  zh: { title: "收银台", heading: "支付订单", button: "立即支付", fields: ["银行卡号"] },
};

const COOKIE_DIALOG: Record<Lang, { label: string; heading: string; accept: string; reject: string; save: string }> = {
  en: {
    label: "Cookie settings",
    heading: "Choose your privacy settings",
    accept: "Accept all",
    reject: "Reject all",
    save: "Save my choices",
  },
  de: {
    label: "Cookie-Einstellungen",
    heading: "Ihre Datenschutz-Einstellungen",
    accept: "Alle akzeptieren",
    reject: "Alle ablehnen",
    save: "Auswahl speichern",
  },
  zh: { label: "Cookie 设置", heading: "隐私设置", accept: "全部接受", reject: "全部拒绝", save: "保存设置" },
};

const NEWS_PAGE: Record<Lang, StepWords> = {
  en: { title: "Morning Post - News", heading: "Today's headlines", button: "Read more" },
  de: { title: "Morgenpost - Nachrichten", heading: "Die Schlagzeilen des Tages", button: "Weiterlesen" },
  zh: { title: "晨报 - 新闻", heading: "今日头条", button: "阅读全文" },
};

export interface StepParts {
  controls?: ControlSpec[];
  texts?: TextSpec[];
  actions?: ActionSpec[];
  /** Controls default to the step's form; set to false to leave them outside any group. */
  inForm?: boolean;
  flowActions?: ModelSpec["flowActions"];
  notes?: ModelSpec["notes"];
  /** The step's main button is disabled (until something is ticked). */
  primaryDisabled?: boolean;
}

const FORM = "main-form";

function formStep(words: StepWords, lang: Lang, parts: StepParts): PageModel {
  const group = parts.inForm === false ? null : FORM;
  return makeModel({
    lang,
    title: words.title,
    regions: [{ id: "page", kind: "page", headings: [words.heading] }],
    groups: [{ id: FORM, kind: "form", selector: "form", regionId: "page" }],
    fields: (words.fields ?? []).map((label) => ({ label, name: label, groupId: FORM, required: true })),
    controls: (parts.controls ?? []).map((c) => ({ groupId: group, ...c })),
    texts: [{ id: "h1", text: words.heading, heading: 1 }, ...(parts.texts ?? []).map((t) => ({ groupId: group, ...t }))],
    actions: [
      { id: "primary", text: words.button, groupId: FORM, area: 320 * 48, fontPx: 18, disabled: parts.primaryDisabled ?? false },
      ...(parts.actions ?? []),
    ],
    flowActions: parts.flowActions,
    notes: parts.notes,
  });
}

/** A year-in-review report whose main button views the annual statement. */
export function reportStep(lang: Lang, parts: StepParts = {}): PageModel {
  return formStep(REPORT[lang], lang, parts);
}

export function signupStep(lang: Lang, parts: StepParts = {}): PageModel {
  return formStep(SIGNUP[lang], lang, parts);
}

export function checkoutStep(lang: Lang, parts: StepParts = {}): PageModel {
  return formStep(CHECKOUT[lang], lang, parts);
}

export function primaryButton(kind: "report" | "signup" | "checkout", lang: Lang): string {
  return { report: REPORT, signup: SIGNUP, checkout: CHECKOUT }[kind][lang].button;
}

/**
 * A news page with a cookie dialog over it. Controls and texts go into the
 * dialog unless they set their own regionId.
 */
export function cookieDialog(lang: Lang, parts: StepParts & { dialogVisible?: boolean } = {}): PageModel {
  const d = COOKIE_DIALOG[lang];
  const page = NEWS_PAGE[lang];
  return makeModel({
    lang,
    title: page.title,
    regions: [
      { id: "page", kind: "page", headings: [page.heading] },
      { id: "cookies", kind: "dialog", label: d.label, headings: [d.heading], visible: parts.dialogVisible ?? true },
    ],
    controls: (parts.controls ?? []).map((c) => ({ regionId: "cookies", ...c })),
    texts: [
      { id: "news-h1", text: page.heading, heading: 1, regionId: "page" },
      { id: "dialog-h2", text: d.heading, heading: 2, regionId: "cookies" },
      ...(parts.texts ?? []).map((t) => ({ regionId: "cookies", ...t })),
    ],
    actions: [
      { id: "read", text: page.button, regionId: "page", area: 120 * 36, filled: false },
      { id: "accept", text: d.accept, regionId: "cookies", area: 200 * 44 },
      { id: "reject", text: d.reject, regionId: "cookies", area: 200 * 44 },
      { id: "save", text: d.save, regionId: "cookies", area: 160 * 40, filled: false },
      ...(parts.actions ?? []),
    ],
    notes: parts.notes,
  });
}

/** Consent and non-consent wording per language. */
export const WORDS = {
  creditSharing: {
    en: "Share my transaction data with Sesame Credit so they can evaluate my credit score",
    de: "Meine Transaktionsdaten an die Sesam Kredit AG weitergeben, damit sie meine Kreditwürdigkeit bewertet",
    zh: "授权芝麻信用获取我的交易信息，用于评估我的信用",
  },
  marketing: {
    en: "Send me marketing emails and special offers",
    de: "Ich möchte Werbung und Angebote per E-Mail erhalten",
    zh: "接收营销短信和优惠活动推送",
  },
  personalisedAds: {
    en: "Personalised advertising: show me ads based on my interests",
    de: "Personalisierte Werbung: Anzeigen auf Grundlage meiner Interessen",
    zh: "个性化广告：根据我的兴趣向我展示广告",
  },
  keepSignedIn: { en: "Keep me signed in", de: "Angemeldet bleiben", zh: "下次自动登录" },
  darkMode: { en: "Use dark mode", de: "Dunkles Design verwenden", zh: "使用深色模式" },
  termsOnly: {
    en: "I agree to the Terms of Service",
    de: "Ich akzeptiere die Allgemeinen Geschäftsbedingungen",
    zh: "我已阅读并同意《用户服务协议》",
  },
  strictlyNecessary: {
    en: "Strictly necessary cookies: needed for the site to work",
    de: "Unbedingt erforderliche Cookies: für den Betrieb der Website notwendig",
    zh: "必要 Cookie：网站正常运行所必需",
  },
  analytics: {
    en: "Analytics cookies: help us measure how the site is used",
    de: "Analyse-Cookies: helfen uns zu messen, wie die Website genutzt wird",
    zh: "分析 Cookie：帮助我们统计网站的使用情况",
  },
  sharingQuestion: {
    en: "Share my health records with research partners?",
    de: "Meine Gesundheitsdaten an Forschungspartner weitergeben?",
    zh: "是否同意将我的健康档案提供给合作研究机构？",
  },
  yes: { en: "Yes", de: "Ja", zh: "是" },
  no: { en: "No", de: "Nein", zh: "否" },
  privacyLink: {
    en: "Read our privacy policy to learn how we use your data.",
    de: "Lesen Sie unsere Datenschutzerklärung, um zu erfahren, wie wir Ihre Daten verwenden.",
    zh: "查看《隐私政策》了解我们如何使用您的信息。",
  },
} satisfies Record<string, Record<Lang, string>>;

/** A statement that pressing the step's main button grants sharing with partners. */
export function shareStatement(lang: Lang, button: string): string {
  switch (lang) {
    case "en":
      return `By clicking "${button}" you agree that we share your purchase history with our advertising partners.`;
    case "de":
      return `Mit Klick auf „${button}" willigen Sie ein, dass wir Ihre Einkaufsdaten an unsere Werbepartner weitergeben.`;
    case "zh":
      return `点击“${button}”即表示您同意我们将您的交易数据共享给合作伙伴用于个性化营销。`;
  }
}
