import { describe, expect, it } from "vitest";
import { classifyPrimaryPurpose, type PrimaryPurpose, type PurposeSignals } from "./index.js";

function signals(s: Partial<PurposeSignals>): PurposeSignals {
  return { title: "", headings: [], buttons: [], fields: [], flowActions: [], consentControlCount: 0, controlCount: 0, ...s };
}

type Row = [name: string, hint: string, signals: PurposeSignals, purpose: PrimaryPurpose];

const ROWS: Row[] = [
  [
    "en report",
    "en",
    signals({ title: "Your 2024 year in review", headings: ["Your year in review"], buttons: ["View my annual statement"] }),
    "view-report",
  ],
  [
    "de report",
    "de",
    signals({ title: "Ihr Jahresrückblick 2024", headings: ["Ihr Jahresrückblick"], buttons: ["Meinen Jahresbericht ansehen"] }),
    "view-report",
  ],
  ["de statement", "de", signals({ headings: ["Kontoauszug März"], buttons: ["PDF herunterladen"] }), "view-report"],
  [
    "zh report",
    "zh-CN",
    signals({ title: "我的2017年度账单", headings: ["2017年度账单"], buttons: ["查看我的年度账单", "分享给好友"] }),
    "view-report",
  ],
  [
    "en lottery",
    "en",
    signals({ headings: ["Win a year of free coffee", "Enter the draw"], buttons: ["Enter now"], fields: ["Email"] }),
    "lottery",
  ],
  ["de lottery", "de", signals({ headings: ["Sommer-Gewinnspiel"], buttons: ["Jetzt teilnehmen"] }), "lottery"],
  ["zh lottery", "zh-CN", signals({ headings: ["新春幸运大抽奖"], buttons: ["立即抽奖"] }), "lottery"],
  ["zh-Hant lottery", "zh-TW", signals({ headings: ["會員點數抽獎"], buttons: ["立即抽獎"] }), "lottery"],
  [
    "en signup",
    "en",
    signals({ title: "Sign up", headings: ["Create your account"], buttons: ["Create account"], fields: ["Email", "Password"] }),
    "signup",
  ],
  ["de signup", "de", signals({ headings: ["Konto erstellen"], buttons: ["Jetzt registrieren"] }), "signup"],
  ["zh signup", "zh-CN", signals({ headings: ["注册新账号"], buttons: ["立即注册"] }), "signup"],
  ["zh event registration", "zh-CN", signals({ headings: ["2025 城市马拉松报名"], buttons: ["提交报名"], fields: ["手机号"] }), "signup"],
  [
    "en account setup",
    "en",
    signals({ headings: ["Set up your account"], buttons: ["Finish setup", "Delivery", "Preferences"], fields: ["Email"] }),
    "signup",
  ],
  [
    "zh-Hant signup",
    "zh-TW",
    signals({ title: "建立帳號", headings: ["第七賽季開戰", "建立遊戲帳號"], buttons: ["註冊並開始遊戲"] }),
    "signup",
  ],
  ["en login", "en", signals({ headings: ["Welcome back"], buttons: ["Sign in"], fields: ["Email", "Password"] }), "login"],
  ["zh login", "zh-CN", signals({ headings: ["欢迎使用随记云笔记"], buttons: ["登录", "注册新账号"] }), "login"],
  ["en newsletter", "en", signals({ headings: ["The Saltmarsh Letter"], buttons: ["Subscribe"], fields: ["Email"] }), "newsletter"],
  [
    "de newsletter",
    "de",
    signals({ headings: ["Der Wohnkontor-Newsletter", "Jetzt anmelden"], buttons: ["Newsletter abonnieren"] }),
    "newsletter",
  ],
  ["zh-Hant newsletter", "zh-TW", signals({ headings: ["訂閱「慢食週報」"], buttons: ["免費訂閱"] }), "newsletter"],
  ["en checkout", "en", signals({ title: "Checkout", headings: ["Payment"], buttons: ["Pay $186.00"] }), "checkout"],
  ["de checkout", "de", signals({ headings: ["Kasse"], buttons: ["Zahlungspflichtig bestellen"] }), "checkout"],
  ["zh checkout", "zh-CN", signals({ title: "收银台", headings: ["支付订单"], buttons: ["立即支付"] }), "checkout"],
  ["en install", "en", signals({ headings: ["Pocketplan"], buttons: ["Install"] }), "install"],
  ["de install", "de", signals({ headings: ["PhotoFix installieren"], buttons: ["Installieren"] }), "install"],
  ["zh-Hant install", "zh-TW", signals({ headings: ["聚點生活"], buttons: ["立即安裝"] }), "install"],
  ["en booking", "en", signals({ headings: ["Book your room"], buttons: ["Book now"] }), "booking"],
  ["de booking", "de", signals({ headings: ["Buchung abschließen"], buttons: ["Jetzt verbindlich buchen"] }), "booking"],
  ["zh-Hant booking", "zh-TW", signals({ headings: ["填寫訂房資料"], buttons: ["確認訂房"] }), "booking"],
  ["en game", "en", signals({ headings: ["Ready to play?"], buttons: ["Play now"] }), "game"],
  ["zh game", "zh-CN", signals({ headings: ["方块消消乐"], buttons: ["开始游戏"] }), "game"],
  [
    "en cookie dialog",
    "en",
    signals({ headings: ["Cookie settings", "Choose your privacy settings"], buttons: ["Accept all", "Reject all"] }),
    "consent",
  ],
  [
    "de cookie dialog",
    "de",
    signals({ headings: ["Ihre Datenschutz-Einstellungen"], buttons: ["Alle akzeptieren", "Alle ablehnen"] }),
    "consent",
  ],
  ["zh cookie dialog", "zh-CN", signals({ headings: ["Cookie 偏好设置"], buttons: ["全部拒绝", "保存当前设置", "全部接受"] }), "consent"],
  ["zh-Hant privacy dialog", "zh-TW", signals({ headings: ["隱私權偏好設定"], buttons: ["全部拒絕", "儲存設定", "全部接受"] }), "consent"],
  [
    "de onboarding privacy step",
    "de",
    signals({ headings: ["Datenschutzeinstellungen wählen"], buttons: ["Zurück", "Weiter"], consentControlCount: 3, controlCount: 3 }),
    "consent",
  ],
  ["en account settings", "en", signals({ headings: ["Notification preferences"], buttons: ["Save preferences"] }), "settings"],
  ["de account settings", "de", signals({ headings: ["Konto-Einstellungen"], buttons: ["Änderungen speichern"] }), "settings"],
  ["en article", "en", signals({ title: "Morning Post - News", headings: ["Today's headlines"], buttons: ["Read more"] }), "content"],
  ["zh article", "zh-CN", signals({ title: "晨报 - 新闻", headings: ["今日头条"], buttons: ["阅读全文"] }), "content"],
];

describe("classifyPrimaryPurpose (labelled table)", () => {
  it.each(ROWS)("%s", (_name, hint, s, purpose) => {
    expect(classifyPrimaryPurpose(s, hint).purpose).toBe(purpose);
  });
});

describe("precedence of signals", () => {
  it("lets the flow action that led here outweigh the buttons", () => {
    const r = classifyPrimaryPurpose(signals({ flowActions: ["View my annual bill"], buttons: ["Continue"] }), "en");
    expect(r.purpose).toBe("view-report");
    expect(r.decidedBy).toBe("flow-action");
  });

  it("lets the region's heading outweigh its buttons and title", () => {
    const r = classifyPrimaryPurpose(
      signals({ title: "Checkout", headings: ["Join Ironleaf online"], buttons: ["Continue to payment"] }),
      "en",
    );
    expect(r.purpose).toBe("signup");
    expect(r.decidedBy).toBe("heading");
  });

  it("takes a region whose controls are mostly consent controls, with accept and reject buttons, as a consent step", () => {
    const r = classifyPrimaryPurpose(
      signals({
        headings: ["Before you wander on"],
        buttons: ["Accept all", "Reject all", "Save choices"],
        consentControlCount: 2,
        controlCount: 2,
      }),
      "en",
    );
    expect(r.purpose).toBe("consent");
    expect(r.matched.some((m) => m.startsWith("controls:"))).toBe(true);
  });

  it("does not make a signup form with one consent box a consent step", () => {
    const r = classifyPrimaryPurpose(
      signals({ headings: ["Create your account"], buttons: ["Create account"], consentControlCount: 1, controlCount: 2 }),
      "en",
    );
    expect(r.purpose).toBe("signup");
  });

  it("reads a privacy-settings heading as consent, not as settings", () => {
    expect(classifyPrimaryPurpose(signals({ headings: ["隐私设置"] }), "zh-CN").purpose).toBe("consent");
    expect(classifyPrimaryPurpose(signals({ headings: ["Cookie preferences"] }), "en").purpose).toBe("consent");
  });

  it("calls a page with nothing recognisable content when it has no form, unknown when it has one", () => {
    expect(classifyPrimaryPurpose(signals({ headings: ["Stadtrat beschließt neuen Radweg"] }), "de")).toMatchObject({
      purpose: "content",
      decidedBy: "default",
    });
    expect(classifyPrimaryPurpose(signals({ headings: ["Kontakt"], fields: ["Name"], buttons: ["Absenden"] }), "de").purpose).toBe(
      "unknown",
    );
    expect(classifyPrimaryPurpose(signals({}), "en").purpose).toBe("unknown");
  });

  it("says which language the step's wording is in", () => {
    expect(classifyPrimaryPurpose(signals({ headings: ["填寫訂房資料"], buttons: ["確認訂房"] }), "zh-CN").language).toEqual({
      language: "zh",
      script: "Hant",
      supported: true,
    });
  });
});
