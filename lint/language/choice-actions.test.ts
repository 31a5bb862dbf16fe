/** The choice-action lexicons, entry by entry: what each button wording does, and which refusals shame. */
import { describe, expect, it } from "vitest";
import {
  choiceAction,
  controlWording,
  deniedPurposes,
  isConduct,
  offersPaidAlternative,
  refusalDeniesService,
  shamesRefusal,
} from "./choice-actions.js";
import { analyzeConsent } from "./consent.js";

type Table = Record<string, readonly string[]>;

/** Every wording in the table, with the page's language as the hint, and what it should be read as. */
function expectActions(lang: string, table: Table): void {
  for (const [action, wordings] of Object.entries(table)) {
    for (const text of wordings) expect([text, choiceAction(text, lang)]).toEqual([text, action]);
  }
}

describe("choiceAction", () => {
  it("reads English buttons (rules.md vocabulary and common consent-manager wording)", () => {
    expectActions("en", {
      accept: [
        "Accept and read free",
        "Yes, I want my discount",
        "Allow and personalise",
        "Continue with ads",
        "That's ok",
        "Agree and continue reading",
        "Accept all",
        "Accept",
        "Agree",
        "Allow",
        "I agree",
        "I accept",
        "Accept all cookies",
        "Allow all cookies",
        "Accept & close",
        "Agree and continue",
        "Yes, I agree",
        "Accept cookies",
        "OK, accept all",
        "✓ Accept all",
      ],
      refuse: [
        "Reject all",
        "Decline",
        "Reject",
        "Only necessary",
        "Necessary cookies only",
        "Use necessary cookies only",
        "Continue without accepting",
        "Close and reject",
        "I decline",
        "Not now",
        "Maybe later",
        "Do not accept",
        "I don't agree",
        "Refuse all",
        "Deny",
        "Reject optional cookies",
        "Strictly necessary only",
        "No thanks",
        "No, thanks",
        "No",
      ],
      settings: [
        "Settings",
        "Manage",
        "More options",
        "Cookie settings",
        "Manage preferences",
        "Customise",
        "Customize settings",
        "Let me choose",
        "Learn more",
        "Preferences",
        "Show purposes",
      ],
      acknowledge: ["OK", "Okay", "Got it", "Got it!", "I understand", "Close", "Dismiss", "Continue"],
      other: [
        "Subscribe",
        "Sign up",
        "Buy now",
        "View my bill",
        "×",
        "Accept all cookies and subscribe to our newsletter about weekly deals and offers from our partners",
      ],
    });
  });

  it("reads German buttons", () => {
    expectActions("de", {
      accept: [
        "Alle akzeptieren",
        "Akzeptieren",
        "Zustimmen",
        "Alle Cookies akzeptieren",
        "Alles akzeptieren",
        "Einverstanden",
        "Ich stimme zu",
        "Zustimmen und weiter",
        "Akzeptieren und weiterlesen",
        "Ja, ich möchte sparen",
        "Mit Werbung weiterlesen",
        "Das ist ok",
        "Allen zustimmen",
        "Erlaube alle Cookies",
        "Alle zulassen",
        "Annehmen",
        "Ich bin einverstanden",
        "Ja, einverstanden",
      ],
      refuse: [
        "Ablehnen",
        "Alle ablehnen",
        "Nur notwendige",
        "Nur notwendige Cookies",
        "Nur essenzielle Cookies akzeptieren",
        "Weiter ohne Einwilligung",
        "Nicht zustimmen",
        "Ich stimme nicht zu",
        "Verweigern",
        "Nein, danke",
        "Nein",
        "Nicht jetzt",
        "Später",
        "Schließen und ablehnen",
        "Ich lehne ab",
        "Verbiete alle Cookies",
      ],
      settings: [
        "Einstellungen",
        "Cookie-Einstellungen",
        "Einstellungen anpassen",
        "Anpassen",
        "Verwalten",
        "Mehr Optionen",
        "Mehr erfahren",
        "Details anzeigen",
        "Auswahl anpassen",
      ],
      acknowledge: ["OK", "Verstanden", "Alles klar", "Ich habe verstanden", "Schließen", "Weiter", "In Ordnung"],
      other: ["Jetzt kaufen", "Registrieren", "Abonnieren"],
    });
  });

  it("reads Chinese buttons, simplified and traditional", () => {
    expectActions("zh", {
      accept: [
        "同意",
        "全部接受",
        "立即授权",
        "接受",
        "允许",
        "我同意",
        "同意并继续",
        "同意并领取",
        "全部同意",
        "接受所有Cookie",
        "一键授权",
        "好的，全部接受",
        "照单全收",
        "没事的",
        "好，我要优惠",
        "开启",
        "同意分享",
        "接受並觀看",
      ],
      refuse: [
        "拒绝",
        "仅必要",
        "不同意",
        "全部拒绝",
        "拒绝所有",
        "仅接受必要Cookie",
        "只允许必要",
        "不接受",
        "不同意并继续",
        "以后再说",
        "暂不",
        "不了，谢谢",
        "关闭并拒绝",
        "我拒绝",
        "禁用",
        "全部禁用",
      ],
      settings: ["设置", "管理", "更多选项", "Cookie设置", "自定义", "了解更多", "管理偏好", "查看详情"],
      acknowledge: ["知道了", "我知道了", "好的", "确定", "明白"],
      other: ["立即购买", "注册", "查看账单"],
    });
    expectActions("zh-TW", {
      accept: ["同意", "全部接受", "接受所有Cookie", "立即授權"],
      refuse: ["拒絕", "全部拒絕", "僅必要", "不同意"],
      settings: ["設定", "管理", "更多選項"],
      acknowledge: ["知道了", "確定"],
    });
  });

  it("reads a bare word by the lexicon that knows it, whatever the page's language", () => {
    expect(choiceAction("Reject all", "de")).toBe("refuse");
    expect(choiceAction("Ablehnen", "en")).toBe("refuse");
    expect(choiceAction("同意", "en")).toBe("accept");
  });

  it("does not guess in a language it does not read", () => {
    expect(choiceAction("Tout accepter", "fr")).toBe("unknown-language");
    expect(choiceAction("Rechazar todo", "es")).toBe("unknown-language");
  });

  it("leaves empty text and whole sentences as other", () => {
    expect(choiceAction("", "en")).toBe("other");
    expect(choiceAction("   ", "en")).toBe("other");
  });
});

describe("shamesRefusal", () => {
  it("finds refusals that shame or guilt (rules.md examples and their kin)", () => {
    const shaming: Record<string, readonly string[]> = {
      en: [
        "No thanks, I prefer paying full price",
        "No, I don't care about my security",
        "No thanks, I'd rather miss out",
        "I don't want to save money",
        "No, I hate saving money",
        "No, leave me unprotected",
        "I'm not interested in discounts",
      ],
      de: [
        "Nein, ich verzichte auf Vorteile",
        "Ich zahle lieber den vollen Preis",
        "Nein, mir ist meine Sicherheit egal",
        "Ich will keine Rabatte",
        "Nein, ich möchte lieber mehr bezahlen",
        "Nein, Schnäppchen sind mir egal",
      ],
      zh: ["残忍拒绝", "不了，我不想省钱", "放弃优惠", "狠心离开", "我不需要优惠", "我宁愿原价购买", "殘忍拒絕", "不要，我就愛付原價"],
    };
    for (const [lang, texts] of Object.entries(shaming))
      for (const text of texts) expect([text, shamesRefusal(text, lang)]).toEqual([text, true]);
  });

  it("never fires on neutral refusals", () => {
    const neutral: Record<string, readonly string[]> = {
      en: ["No thanks", "Not now", "Reject", "Reject all", "Decline", "Only necessary", "No", "Maybe later", "Continue without accepting"],
      de: ["Ablehnen", "Nein, danke", "Nicht jetzt", "Nur notwendige Cookies", "Später"],
      zh: ["拒绝", "以后再说", "不同意", "暂不", "仅必要", "不了，谢谢"],
    };
    for (const [lang, texts] of Object.entries(neutral))
      for (const text of texts) expect([text, shamesRefusal(text, lang)]).toEqual([text, false]);
  });

  it("does not guess in a language it does not read", () => {
    expect(shamesRefusal("Non merci, je préfère payer plein tarif", "fr")).toBeNull();
  });
});

describe("controlWording", () => {
  /** Each label with what its wording says: ticking refuses (opt-out), and a double negative. */
  function expectWording(lang: string, table: readonly (readonly [string, boolean, boolean])[]): void {
    for (const [text, tickingRefuses, doubleNegative] of table) {
      expect([text, controlWording(text, lang)]).toEqual([text, { tickingRefuses, doubleNegative }]);
    }
  }

  it("reads English opt-out boxes, double negatives and plain opt-ins", () => {
    expectWording("en", [
      ["Tick here if you do NOT want us to share your details with selected partners", true, false],
      ["Don't pass my details to insurance partners", true, false],
      ["Check this box if you would rather not get offers from our sponsors", true, false],
      ["Don't sell my personal information", true, false],
      ["Don't share my location with advertisers. Tick to stop sharing; you can't undo this later", true, false],
      ["I do not want to receive marketing emails from partners", true, false],
      ["Opt out of personalised advertising", true, false],
      ["I object to profiling for advertising", true, false],
      ["Untick this box if you do not wish to receive offers", false, true],
      ["Tick if you don't want to not hear about our partners' deals", false, true],
      ["Send me offers from partners", false, false],
      ["Share my data with partners. You can change this at any time", false, false],
      ["Yes, email me deals (not more than once a week)", false, false],
    ]);
  });

  it("reads German opt-out boxes, double negatives and plain opt-ins", () => {
    expectWording("de", [
      ["Bitte ankreuzen, falls Sie nicht möchten, dass wir Ihre Adresse an Partner weitergeben", true, false],
      ["Ich widerspreche der Nutzung meiner Daten für Werbung", true, false],
      ["Ich widerspreche der Nutzung meiner Daten für Werbung (ankreuzen, um zu widersprechen)", true, false],
      ["Ich möchte keine Werbung von Partnern erhalten", true, false],
      ["Nicht ankreuzen, wenn Sie keine Angebote erhalten möchten", false, true],
      ["Ja, ich möchte Angebote von Partnern per E-Mail erhalten", false, false],
      ["Alle Dienste aktivieren oder deaktivieren Mit diesem Schalter können Sie alle Dienste aktivieren oder deaktivieren", false, false],
      ["Meine Daten dürfen für personalisierte Werbung genutzt werden", false, false],
    ]);
  });

  it("reads Chinese opt-out boxes, double negatives and plain opt-ins, simplified and traditional", () => {
    expectWording("zh", [
      ["如您不希望收到合作伙伴的营销短信，请勾选此框", true, false],
      ["勾选即表示您拒绝我们向第三方提供您的位置信息", true, false],
      ["请勿向合作伙伴分享我的购物记录", true, false],
      ["不允许将我的位置记录提供给合作商家用于广告投放", true, false],
      ["不允许将我的位置记录提供给合作商家，勾选后合作商家不会获得您的行程记录", true, false],
      ["如您并非不愿意接收推荐，请勿勾选", false, true],
      ["我同意接收合作伙伴的个性化广告", false, false],
      ["同意我们不仅向您推送优惠，还与合作伙伴共享您的信息", false, false],
    ]);
    expectWording("zh-TW", [
      ["若您不希望我們將資料提供給合作夥伴，請勾選", true, false],
      ["我同意接收合作夥伴的行銷訊息", false, false],
    ]);
  });

  it("does not guess in a language it does not read", () => {
    expect(controlWording("Cochez si vous ne souhaitez pas recevoir nos offres", "fr")).toBeNull();
  });
});

describe("isConduct", () => {
  /** Each statement action with the page's language as the hint, and whether it is conduct rather than an affirmative action. */
  const expectConduct = (lang: string, rows: readonly [string, boolean][]) => {
    for (const [text, conduct] of rows) expect([text, isConduct(text, lang)]).toEqual([text, conduct]);
  };

  it("reads continuing, browsing, scrolling, closing and using as conduct, and a named click as none", () => {
    expectConduct("en", [
      ["continue", true],
      ["continuing to browse", true],
      ["keep reading", true],
      ["scrolling this page", true],
      ["closing this notice", true],
      ["using our site", true],
      ["staying on this website", true],
      ["Accept", false],
      ["clicking Accept all", false],
      ["Sign up", false],
      ["placing your order", false],
    ]);
    expectConduct("de", [
      ["die Website weiter nutzen", true],
      ["weitersurfen", true],
      ["Fortfahren", true],
      ["diesen Hinweis schließen", true],
      ["Alle akzeptieren", false],
      ["Registrieren", false],
    ]);
    expectConduct("zh", [
      ["继续使用", true],
      ["继续浏览本网站", true],
      ["关闭本提示", true],
      ["使用本应用", true],
      ["点击同意", false],
      ["提交订单", false],
    ]);
    expectConduct("zh-TW", [
      ["繼續瀏覽", true],
      ["點擊同意", false],
    ]);
  });

  it("does not guess in a language it does not read", () => {
    expect(isConduct("en poursuivant votre navigation", "fr")).toBeNull();
  });
});

describe("offersPaidAlternative", () => {
  const expectPaid = (lang: string, rows: readonly [string, boolean][]) => {
    for (const [text, paid] of rows) expect([text, offersPaidAlternative(text, lang)]).toEqual([text, paid]);
  };

  it("reads subscribe, ad-free and priced offers as a paid alternative, and consent choices as none", () => {
    expectPaid("en", [
      ["Subscribe", true],
      ["Go ad-free for $2.99/month", true],
      ["Read without ads: subscribe", true],
      ["Accept all", false],
      ["Reject all", false],
      ["Manage options", false],
    ]);
    expectPaid("de", [
      ["Pur-Abo abschließen", true],
      ["Werbefrei lesen für 2,99 € im Monat", true],
      ["Mit Werbung weiterlesen", false],
      ["Alle ablehnen", false],
    ]);
    expectPaid("zh", [
      ["订阅会员，免广告阅读", true],
      ["开通会员 ¥15/月", true],
      ["同意并继续", false],
      ["拒绝", false],
    ]);
    expectPaid("zh-TW", [
      ["訂閱免廣告", true],
      ["同意", false],
    ]);
  });
});

describe("deniedPurposes", () => {
  it("finds purposes a notice names only to deny them", () => {
    expect(deniedPurposes("We only use strictly necessary cookies. We do not use analytics or advertising cookies.", "en")).toContain(
      "analytics-cookies",
    );
    expect(deniedPurposes("Es werden nur notwendige Cookies gesetzt. Es findet kein Tracking und keine Werbung statt.", "de")).toEqual(
      expect.arrayContaining(["analytics-cookies", "marketing"]),
    );
    expect(deniedPurposes("本网站仅使用必需的 Cookie，不使用分析或广告 Cookie，也不与第三方分享您的浏览数据。", "zh-CN")).toEqual(
      expect.arrayContaining(["analytics-cookies", "third-party-sharing"]),
    );
  });

  it("keeps purposes a clause without a negation names", () => {
    expect(deniedPurposes("We use cookies for analytics and advertising. You can refuse them at any time.", "en")).toEqual([]);
    expect(deniedPurposes("我们使用Cookie进行个性化广告，不会出售您的数据，但会用于广告投放。", "zh-CN")).not.toContain("personalised-ads");
  });

  it("does not guess in a language it does not read", () => {
    expect(deniedPurposes("Nous n'utilisons pas de cookies publicitaires.", "fr")).toBeNull();
  });
});

describe("marketing by text message", () => {
  it("reads product recommendation texts as marketing", () => {
    expect(
      analyzeConsent("如您并非不愿意接收合作保险公司的产品推荐短信，请勿勾选", { langHint: "zh-CN", role: "control" }).purposes,
    ).toContain("marketing");
  });
});

describe("refusalDeniesService", () => {
  const expectDenies = (lang: string, rows: readonly [string, boolean][]) => {
    for (const [text, denies] of rows) expect([text, refusalDeniesService(text, lang)]).toEqual([text, denies]);
  };

  it("reads a consent request saying refusing leaves the service out of reach", () => {
    expectDenies("en", [
      ["If you decline, you will not be able to watch our videos.", true],
      ["Without your consent you can't read our articles.", true],
      ["If you decline, we will only use necessary cookies.", false],
      ["You can refuse at any time in the settings.", false],
    ]);
    expectDenies("de", [
      ["Wenn Sie ablehnen, können Sie unsere Inhalte leider nicht nutzen.", true],
      ["Ohne Ihre Zustimmung ist das Abspielen nicht möglich.", true],
      ["Wenn Sie ablehnen, setzen wir nur notwendige Cookies.", false],
    ]);
    expectDenies("zh", [
      ["如您拒绝，将无法观看本站视频。", true],
      ["拒绝后您将无法使用本应用。", true],
      ["如您拒绝，我们仅使用必要的Cookie。", false],
    ]);
    expectDenies("zh-TW", [["如您拒絕，將無法觀看本站影片。", true]]);
  });
});
