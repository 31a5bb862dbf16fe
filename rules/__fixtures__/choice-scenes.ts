/**
 * Consent requests for the choice rules' fixture tests: a news page with a
 * banner or dialog over it, in en, de and zh, whose buttons and links are
 * given with their measures (font px, box, text contrast, fill, border).
 */
import type { Blocking, PageModel } from "../../lint/model.js";
import { makeModel, type ActionSpec, type ControlSpec, type TextSpec } from "./model-builder.js";
import type { Lang } from "./scenes.js";

export const CHOICE_WORDS = {
  cookieText: {
    en: "We and our partners use cookies to measure readership and to show personalised advertising.",
    de: "Wir und unsere Partner verwenden Cookies, um die Reichweite zu messen und personalisierte Werbung anzuzeigen.",
    zh: "我们和合作伙伴使用Cookie来统计访问量并展示个性化广告。",
  },
  necessaryText: {
    en: "We only use strictly necessary cookies to keep you signed in and your basket working.",
    de: "Wir verwenden nur technisch notwendige Cookies, damit Ihr Warenkorb funktioniert.",
    zh: "我们仅使用必要的Cookie来保持您的登录状态。",
  },
  continuing: {
    en: "By continuing to browse this site you agree to our use of cookies for analytics and advertising.",
    de: "Wenn Sie die Website weiter nutzen, stimmen Sie der Verwendung von Cookies für Analyse und Werbung zu.",
    zh: "继续使用本网站即表示您同意我们使用Cookie进行个性化广告。",
  },
  clickingAccept: {
    en: "By clicking Accept you agree to our use of cookies for advertising.",
    de: "Mit Klick auf Akzeptieren stimmen Sie der Verwendung von Cookies für Werbung zu.",
    zh: "点击“同意”即表示您同意我们使用Cookie进行个性化广告。",
  },
  accept: { en: "Accept all", de: "Alle akzeptieren", zh: "全部同意" },
  reject: { en: "Reject all", de: "Alle ablehnen", zh: "全部拒绝" },
  notNow: { en: "Not now", de: "Nicht jetzt", zh: "以后再说" },
  settings: { en: "Cookie settings", de: "Einstellungen", zh: "设置" },
  ok: { en: "Got it", de: "Verstanden", zh: "知道了" },
  subscribe: { en: "Subscribe for $4.99 a month", de: "Pur-Abo für 2,99 € im Monat", zh: "订阅会员免广告" },
  shaming: {
    en: "No thanks, I prefer paying full price",
    de: "Nein danke, ich zahle lieber den vollen Preis",
    zh: "不了，我不想省钱",
  },
  neutral: { en: "No thanks", de: "Nein, danke", zh: "不了，谢谢" },
  offer: {
    en: "Get 10% off: allow us to send you marketing emails and share your shopping history with partners.",
    de: "10 % Rabatt: Erlauben Sie uns, Ihnen Werbung per E-Mail zu senden und Ihre Einkäufe mit Partnern zu teilen.",
    zh: "领取9折券：允许我们向您发送营销信息，并与合作伙伴共享您的购物记录。",
  },
  getDiscount: { en: "Get my discount", de: "Rabatt sichern", zh: "立即领取" },
  doubleNegative: {
    en: "Tick this box if you do not want to not receive offers from our partners",
    de: "Kreuzen Sie dieses Feld nicht an, wenn Sie keine Angebote unserer Partner erhalten möchten",
    zh: "如您并非不愿意接收合作伙伴的营销短信，请勿勾选",
  },
  optIn: {
    en: "Send me offers from partners by email",
    de: "Ich möchte Angebote von Partnern per E-Mail erhalten",
    zh: "我同意接收合作伙伴的营销短信",
  },
  optIn2: {
    en: "Use my purchases to personalise the ads I see",
    de: "Meine Einkäufe dürfen für personalisierte Werbung genutzt werden",
    zh: "我同意使用我的购买记录展示个性化广告",
  },
  optOut: {
    en: "Tick here if you do NOT want us to share your address with partners",
    de: "Bitte ankreuzen, falls Sie nicht möchten, dass wir Ihre Adresse an Partner weitergeben",
    zh: "如您不希望我们与合作伙伴共享您的地址，请勾选此框",
  },
  refusalDenied: {
    en: "If you decline, you will not be able to read our articles.",
    de: "Wenn Sie ablehnen, können Sie unsere Artikel leider nicht lesen.",
    zh: "如您拒绝，将无法阅读本站文章。",
  },
  ageGate: { en: "Are you 18 or older?", de: "Sind Sie mindestens 18 Jahre alt?", zh: "您是否已满18岁？" },
  yesAge: { en: "Yes, I am 18+", de: "Ja, ich bin volljährig", zh: "是，我已满18岁" },
} as const;

/** A filled button: 16px, 200x44, white on blue (6.7:1), fill 6.7:1 against the white layer. */
export function filledButton(text: string, spec: Partial<ActionSpec> = {}): ActionSpec {
  return { text, fontPx: 16, box: { x: 900, y: 700, width: 200, height: 44 }, filled: true, ...spec };
}

/** An outlined button of the same size: dark text on white, border 12:1 against the layer. */
export function outlinedButton(text: string, spec: Partial<ActionSpec> = {}): ActionSpec {
  return {
    text,
    fontPx: 16,
    box: { x: 680, y: 700, width: 200, height: 44 },
    filled: false,
    textContrast: 12.6,
    fillContrast: null,
    borderContrast: 12.6,
    buttonLike: true,
    ...spec,
  };
}

/** A plain text link: 12px, 60x16, grey on white. */
export function textLink(text: string, spec: Partial<ActionSpec> = {}): ActionSpec {
  return { text, fontPx: 12, box: { x: 620, y: 714, width: 60, height: 16 }, textContrast: 4.6, ...spec };
}

export interface RequestParts {
  kind?: "banner" | "dialog";
  texts?: TextSpec[];
  actions?: ActionSpec[];
  links?: ActionSpec[];
  controls?: ControlSpec[];
  blocking?: Partial<Blocking> | null;
  headings?: string[];
  flowActions?: PageModel["flowActions"];
}

/** A news article with a consent request laid over it. */
export function consentRequest(lang: Lang, parts: RequestParts = {}): PageModel {
  const kind = parts.kind ?? "banner";
  return makeModel({
    lang,
    title: { en: "City news", de: "Stadtnachrichten", zh: "城市新闻" }[lang],
    regions: [
      { id: "page", kind: "page", headings: [] },
      { id: "request", kind, headings: parts.headings ?? [], box: { x: 0, y: 620, width: 1280, height: 180 } },
    ],
    texts: [
      {
        id: "article",
        text: { en: "Council approves new tram line", de: "Stadtrat beschließt neue Tramlinie", zh: "市议会批准新电车线路" }[lang],
        regionId: "page",
      },
      ...(parts.texts ?? [{ id: "notice", text: CHOICE_WORDS.cookieText[lang] }]).map((t) => ({ regionId: "request", ...t })),
    ],
    actions: (parts.actions ?? []).map((a) => ({ regionId: "request", ...a })),
    links: (parts.links ?? []).map((l) => ({ regionId: "request", ...l })),
    controls: (parts.controls ?? []).map((c) => ({ regionId: "request", ...c })),
    blocking: parts.blocking,
    flowActions: parts.flowActions,
  });
}

/** A French cookie banner (a language the linter does not read) with the given buttons and links. */
export function frenchBanner(actions: string[], links: string[] = []): PageModel {
  return makeModel({
    lang: "fr",
    regions: [{ id: "page" }, { id: "b", kind: "banner" }],
    texts: [{ text: "Nous utilisons des cookies pour la publicité personnalisée et la mesure d'audience.", regionId: "b" }],
    actions: actions.map((text) => ({ text, regionId: "b" })),
    links: links.map((text) => ({ text, regionId: "b" })),
  });
}
