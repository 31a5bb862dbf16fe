/**
 * Labelled consent wording in English, German, and Chinese (simplified and
 * traditional), as controls label it and as free text says it. Each row is
 * a person's reading of the sentence under rules.md.
 */
import type { Purpose } from "../types.js";

export type TableLanguage = "en" | "de" | "zh-Hans" | "zh-Hant";

/** The lang attribute a page in that language would carry. */
export const HINT: Record<TableLanguage, string> = { en: "en", de: "de", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW" };

export interface ControlRow {
  text: string;
  /** The control asks consent to optional processing. */
  optional: boolean;
  /** Purposes that must be among those found (positives). */
  purposes?: Purpose[];
  /** The wording accepts terms the service needs. */
  terms?: boolean;
  /** The wording is about something not optional only (remember me, theme, own-account notices, necessary cookies). */
  necessary?: boolean;
}

export interface StatementRow {
  text: string;
  /** The text says an action or continuing grants agreement. */
  statement: boolean;
  /** It grants consent to optional processing. */
  optional: boolean;
  purposes?: Purpose[];
  /** The action named, when it names one. */
  action?: string;
  terms?: boolean;
  policyLinkOnly?: boolean;
  /** A grant points back at purposes the text does not name before it ("you agree to these cookies" on its own). */
  refersBack?: boolean;
}

/** A grant read with the earlier text of its banner or dialog as context. */
export interface ContextRow {
  /** Earlier blocks of the same notice, in reading order. */
  context: string[];
  text: string;
  /** It grants consent to optional processing. */
  optional: boolean;
  /** Exactly the purposes granted (none for rows whose context must change nothing). */
  purposes: Purpose[];
}

export const CONTROL_ROWS: Record<TableLanguage, ControlRow[]> = {
  en: [
    { text: "Show third-party content such as videos and maps", optional: true, purposes: ["analytics-cookies"] },
    { text: "Payments are processed by third-party service providers", optional: false },
    { text: "Share my data with selected partners for marketing purposes", optional: true, purposes: ["third-party-sharing", "marketing"] },
    { text: "Send me news, offers and promotions by email", optional: true, purposes: ["marketing"] },
    { text: "I'd like to receive special offers from carefully selected third parties", optional: true, purposes: ["marketing"] },
    { text: "Allow us to use your precise location to show nearby stores", optional: true, purposes: ["location"] },
    { text: "Let Zhima Credit evaluate my creditworthiness using my order history", optional: true, purposes: ["credit-scoring"] },
    { text: "Use my purchase history to show me personalised ads on other websites", optional: true, purposes: ["personalised-ads"] },
    { text: "Allow analytics cookies", optional: true, purposes: ["analytics-cookies"] },
    { text: "Performance cookies help us understand how visitors interact with the site", optional: true, purposes: ["analytics-cookies"] },
    { text: "Upload my address book to find friends already on Chirp", optional: true, purposes: ["contacts"] },
    { text: "Use my voiceprint to recognise me when I call customer service", optional: true, purposes: ["biometrics"] },
    { text: "Allow FitLoop to use my workouts to train its AI coach", optional: true, purposes: ["model-training"] },
    { text: "Sell my anonymised browsing data to research partners", optional: true, purposes: ["third-party-sharing"] },
    { text: "Build an interest profile from my reading history", optional: true, purposes: ["profiling"] },
    { text: "Text me deals and discount codes", optional: true, purposes: ["marketing"] },
    { text: "Targeted advertising", optional: true, purposes: ["personalised-ads"] },
    { text: "Marketing cookies", optional: true, purposes: ["analytics-cookies"] },
    { text: "I agree to the Terms of Service and to share my profile with sponsors", optional: true, purposes: ["third-party-sharing"], terms: true },
    { text: "Subscribe to our newsletter", optional: true, purposes: ["marketing"] },
    { text: "Allow Sesame Credit to access my payment records", optional: true, purposes: ["credit-scoring"] },
    { text: "Enable facial recognition to tag me in friends' photos", optional: true, purposes: ["biometrics"] },
    { text: "Let partners contact me about car insurance offers", optional: true, purposes: ["marketing"] },
    { text: "Yes, I'd like to hear about products and services from carefully selected third parties", optional: true, purposes: ["marketing"] },
    { text: "Let our partners contact me", optional: true, purposes: ["marketing"] },
    { text: "Keep me informed about our campaigns and fundraising appeals by email", optional: true, purposes: ["marketing"] },
    { text: "Keep me updated about my order by text", optional: false, necessary: true },
    { text: "Tailor my experience using my browsing data", optional: true, purposes: ["profiling"] },
    { text: "Recommend products based on my order history", optional: true, purposes: ["profiling"] },
    { text: "Allow tracking across apps and websites", optional: true, purposes: ["analytics-cookies"] },
    { text: "Allow Acme to use my voice recordings to improve its speech recognition", optional: true, purposes: ["model-training"] },
    { text: "Let our delivery partner text me on the day of delivery", optional: false },
    { text: "How did you hear about us?", optional: false },
    { text: "Yes, pass my details to the event sponsors", optional: true, purposes: ["third-party-sharing"] },
    { text: "Track my location in the background to recommend places", optional: true, purposes: ["location"] },
    { text: "Help improve Maps by sending usage and diagnostic data", optional: true, purposes: ["analytics-cookies"] },
    { text: "Use my chats to improve our language models", optional: true, purposes: ["model-training"] },
    { text: "Personalised recommendations based on my viewing history", optional: true, purposes: ["profiling"] },
    { text: "Share my location with advertising partners", optional: true, purposes: ["location", "third-party-sharing"] },
    { text: "I agree to the Zhima Credit Service Agreement", optional: true, purposes: ["credit-scoring"], terms: false },
    { text: "Remember me", optional: false, necessary: true },
    { text: "Keep me logged in on this device", optional: false, necessary: true },
    { text: "Use dark theme", optional: false, necessary: true },
    { text: "Email me about my order status", optional: false, necessary: true },
    { text: "Send me security alerts about new sign-ins", optional: false, necessary: true },
    { text: "Send me the newsletter about my own account activity", optional: false, necessary: true },
    { text: "Strictly necessary cookies (always active)", optional: false, necessary: true },
    { text: "Essential cookies", optional: false, necessary: true },
    { text: "Use Face ID to log in", optional: false, necessary: true },
    { text: "Unlock the app with your fingerprint", optional: false, necessary: true },
    { text: "I agree to the Terms of Service", optional: false, terms: true },
    { text: "I accept the rental terms and the cancellation policy", optional: false, terms: true },
    { text: "I have read the privacy policy", optional: false, terms: true },
    { text: "Billing address is the same as shipping address", optional: false },
    { text: "Gift wrap this order (+$4)", optional: false },
    { text: "Add travel insurance for $19", optional: false },
    { text: "Notify me when my parcel ships", optional: false, necessary: true },
    { text: "Save my card for faster checkout", optional: false },
    { text: "Preference cookies: remember your language and region", optional: false, necessary: true },
    { text: "Sign in with Touch ID", optional: false, necessary: true },
    { text: "Play sound effects", optional: false, necessary: true },
    { text: "Remember my cookie choices", optional: false, necessary: true },
    { text: "I accept the Official Rules", optional: false, terms: true },
    { text: "Apply my discount code", optional: false },
  ],
  de: [
    { text: "Externe Medien (YouTube, Google Maps)", optional: true, purposes: ["analytics-cookies"] },
    { text: "Zahlungen wickeln externe Dienstleister für uns ab", optional: false },
    { text: "Ich möchte den Newsletter mit Angeboten erhalten", optional: true, purposes: ["marketing"] },
    { text: "Meine Daten dürfen an Partnerunternehmen zu Werbezwecken weitergegeben werden", optional: true, purposes: ["third-party-sharing", "marketing"] },
    { text: "Ich willige in die Bonitätsprüfung durch die SCHUFA ein", optional: true, purposes: ["credit-scoring"] },
    { text: "Personalisierte Anzeigen auf Basis meines Surfverhaltens", optional: true, purposes: ["personalised-ads"] },
    { text: "Standortdaten für lokale Angebote nutzen", optional: true, purposes: ["location"] },
    { text: "Zugriff auf meine Kontakte erlauben, um Freunde zu finden", optional: true, purposes: ["contacts"] },
    { text: "Statistik-Cookies zulassen", optional: true, purposes: ["analytics-cookies"] },
    { text: "Meine Fotos dürfen zum Trainieren von KI-Modellen verwendet werden", optional: true, purposes: ["model-training"] },
    { text: "Gesichtserkennung für Fotomarkierungen aktivieren", optional: true, purposes: ["biometrics"] },
    { text: "Ja, ich möchte per SMS über Aktionen und Rabatte informiert werden", optional: true, purposes: ["marketing"] },
    { text: "Erstellung eines Interessenprofils anhand meiner Käufe", optional: true, purposes: ["profiling"] },
    { text: "Marketing-Cookies", optional: true, purposes: ["analytics-cookies"] },
    { text: "Weitergabe meiner Telefonnummer an Kooperationspartner", optional: true, purposes: ["third-party-sharing"] },
    { text: "Meine Trainingsdaten an meine Krankenversicherung übermitteln", optional: true, purposes: ["third-party-sharing"] },
    { text: "Werbe-E-Mails von Partnern erhalten", optional: true, purposes: ["marketing"] },
    { text: "Tracking zur Reichweitenmessung erlauben", optional: true, purposes: ["analytics-cookies"] },
    { text: "Anonymisierte Nutzungsdaten an Dritte verkaufen", optional: true, purposes: ["third-party-sharing"] },
    { text: "Genauen Standort im Hintergrund verwenden", optional: true, purposes: ["location"] },
    { text: "Ich akzeptiere die AGB und die Weitergabe meiner Daten an Werbepartner", optional: true, purposes: ["third-party-sharing"], terms: true },
    { text: "Werbung auf Grundlage meiner Interessen anzeigen", optional: true, purposes: ["personalised-ads"] },
    { text: "Angemeldet bleiben", optional: false, necessary: true },
    { text: "Passwort speichern", optional: false, necessary: true },
    { text: "Sprache: Deutsch", optional: false, necessary: true },
    { text: "Benachrichtigungen über meine Bestellungen per E-Mail", optional: false, necessary: true },
    { text: "Sicherheitshinweise zu meinem Konto", optional: false, necessary: true },
    { text: "Technisch notwendige Cookies", optional: false, necessary: true },
    { text: "Ich akzeptiere die Allgemeinen Geschäftsbedingungen", optional: false, terms: true },
    { text: "Ich habe die Datenschutzerklärung gelesen", optional: false, terms: true },
    { text: "Mit Face ID anmelden", optional: false, necessary: true },
    { text: "Geschenkverpackung hinzufügen", optional: false },
    { text: "Rechnungsadresse entspricht der Lieferadresse", optional: false },
    { text: "Newsletter zu meinem Kundenkonto (Vertragsänderungen)", optional: false, necessary: true },
    { text: "Ich bin mindestens 18 Jahre alt", optional: false },
    { text: "Schriftgröße anpassen", optional: false, necessary: true },
    { text: "Mietbedingungen akzeptieren", optional: false, terms: true },
    { text: "Erforderliche Cookies für Warenkorb und Login", optional: false, necessary: true },
    { text: "Versandbenachrichtigungen per SMS", optional: false, necessary: true },
    { text: "Mit Fingerabdruck entsperren", optional: false, necessary: true },
    { text: "Lieferung an eine Packstation", optional: false },
    { text: "Ja, ich möchte von ausgewählten Partnern über Produkte und Dienstleistungen informiert werden", optional: true, purposes: ["marketing"] },
    { text: "Partner dürfen mich kontaktieren", optional: true, purposes: ["marketing"] },
    { text: "Empfehlungen auf Basis meiner Bestellhistorie", optional: true, purposes: ["profiling"] },
    { text: "Nutzungsdaten zur Verbesserung des Produkts senden", optional: true, purposes: ["analytics-cookies"] },
    { text: "Meine Sprachaufnahmen zur Verbesserung der Spracherkennung verwenden", optional: true, purposes: ["model-training"] },
    { text: "Lieferadresse speichern", optional: false },
  ],
  "zh-Hans": [
    { text: "加载第三方内容（视频、地图）", optional: true, purposes: ["analytics-cookies"] },
    { text: "巨量引擎广告", optional: true, purposes: ["personalised-ads"] },
    { text: "合作广告联盟", optional: true, purposes: ["personalised-ads"] },
    { text: "广告 Cookie", optional: true, purposes: ["marketing", "personalised-ads", "analytics-cookies"] },
    { text: "个性化广告：根据我的兴趣向我展示广告", optional: true, purposes: ["personalised-ads"] },
    { text: "支付由第三方服务商完成", optional: false },
    { text: "同意将我的个人信息提供给第三方用于营销", optional: true, purposes: ["third-party-sharing", "marketing"] },
    { text: "接收优惠券和促销短信", optional: true, purposes: ["marketing"] },
    { text: "同意参与用户体验改进计划，上传使用数据", optional: true, purposes: ["analytics-cookies"] },
    { text: "同意我们根据您的购买记录为您推荐商品", optional: true, purposes: ["profiling"] },
    { text: "允许合作伙伴联系我", optional: true, purposes: ["marketing"] },
    { text: "允许跨应用追踪", optional: true, purposes: ["analytics-cookies"] },
    { text: "同意使用我的语音记录改进语音识别", optional: true, purposes: ["model-training"] },
    { text: "保存收货地址", optional: false },
    { text: "授权芝麻信用查询我的信用报告", optional: true, purposes: ["credit-scoring"] },
    { text: "开启个性化广告推荐", optional: true, purposes: ["personalised-ads"] },
    { text: "允许获取我的位置信息以推荐附近门店", optional: true, purposes: ["location"] },
    { text: "允许读取通讯录以查找好友", optional: true, purposes: ["contacts"] },
    { text: "同意使用我的人脸信息用于会员识别", optional: true, purposes: ["biometrics"] },
    { text: "同意使用我的创作内容训练AI模型", optional: true, purposes: ["model-training"] },
    { text: "允许我们通过统计分析改进产品", optional: true, purposes: ["analytics-cookies"] },
    { text: "同意向合作金融机构提供我的消费记录用于征信评估", optional: true, purposes: ["third-party-sharing", "credit-scoring"] },
    { text: "订阅每周优惠电子报", optional: true, purposes: ["marketing"] },
    { text: "同意建立用户画像以推送感兴趣的内容", optional: true, purposes: ["profiling"] },
    { text: "开启营销Cookie", optional: true, purposes: ["analytics-cookies"] },
    { text: "同意将我的手机号分享给品牌方", optional: true, purposes: ["third-party-sharing"] },
    { text: "接收合作伙伴的商业广告短信", optional: true, purposes: ["marketing"] },
    { text: "允许后台持续获取精确位置", optional: true, purposes: ["location"] },
    { text: "授权收集声纹信息用于语音助手优化", optional: true, purposes: ["biometrics"] },
    { text: "同意出售匿名化数据给数据合作方", optional: true, purposes: ["third-party-sharing"] },
    { text: "同意《芝麻信用服务协议》", optional: true, purposes: ["credit-scoring"], terms: false },
    { text: "个性化推荐", optional: true, purposes: ["profiling"] },
    { text: "记住我", optional: false, necessary: true },
    { text: "七天内自动登录", optional: false, necessary: true },
    { text: "切换到夜间模式", optional: false, necessary: true },
    { text: "语言：简体中文", optional: false, necessary: true },
    { text: "接收订单物流通知", optional: false, necessary: true },
    { text: "开启账号安全提醒", optional: false, necessary: true },
    { text: "必要Cookie（始终启用）", optional: false, necessary: true },
    { text: "使用面容ID解锁", optional: false, necessary: true },
    { text: "我已阅读并同意《服务条款》", optional: false, terms: true },
    { text: "我已阅读《隐私政策》", optional: false, terms: true },
    { text: "开具电子发票", optional: false },
    { text: "使用优惠券抵扣", optional: false },
    { text: "到期后自动续费", optional: false },
    { text: "设为默认收货地址", optional: false },
    { text: "字体大小：标准", optional: false, necessary: true },
    { text: "保存登录状态", optional: false, necessary: true },
    { text: "同意《用户协议》", optional: false, terms: true },
    { text: "我已年满18周岁", optional: false },
    { text: "开启指纹支付", optional: false, necessary: true },
  ],
  "zh-Hant": [
    { text: "載入第三方內容（影片、地圖）", optional: true, purposes: ["analytics-cookies"] },
    { text: "支付由第三方服務商完成", optional: false },
    { text: "同意將我的個人資料提供予合作夥伴進行行銷", optional: true, purposes: ["third-party-sharing", "marketing"] },
    { text: "我願意收到優惠訊息與電子報", optional: true, purposes: ["marketing"] },
    { text: "開啟個人化廣告", optional: true, purposes: ["personalised-ads"] },
    { text: "允許存取我的精確位置", optional: true, purposes: ["location"] },
    { text: "允許讀取通訊錄以尋找好友", optional: true, purposes: ["contacts"] },
    { text: "同意使用臉部辨識功能標記相片", optional: true, purposes: ["biometrics"] },
    { text: "同意將我的聊天紀錄用於訓練人工智慧", optional: true, purposes: ["model-training"] },
    { text: "授權聯合徵信中心查詢我的信用紀錄", optional: true, purposes: ["credit-scoring"] },
    { text: "統計分析Cookie", optional: true, purposes: ["analytics-cookies"] },
    { text: "同意販售去識別化資料給第三方", optional: true, purposes: ["third-party-sharing"] },
    { text: "建立興趣檔案以提供個人化推薦", optional: true, purposes: ["profiling"] },
    { text: "接收合作廠商的行銷簡訊", optional: true, purposes: ["marketing"] },
    { text: "分享我的瀏覽紀錄給廣告商", optional: true, purposes: ["third-party-sharing"] },
    { text: "使用指紋資料進行保險評估", optional: true, purposes: ["biometrics"] },
    { text: "允許背景定位", optional: true, purposes: ["location"] },
    { text: "記住我", optional: false, necessary: true },
    { text: "保持登入狀態", optional: false, necessary: true },
    { text: "深色模式", optional: false, necessary: true },
    { text: "語言：繁體中文", optional: false, necessary: true },
    { text: "接收訂單出貨通知", optional: false, necessary: true },
    { text: "帳號安全提醒", optional: false, necessary: true },
    { text: "必要Cookie", optional: false, necessary: true },
    { text: "我已閱讀並同意服務條款", optional: false, terms: true },
    { text: "開立電子發票", optional: false },
    { text: "同意會員條款", optional: false, terms: true },
    { text: "自動續訂", optional: false },
    { text: "使用指紋解鎖", optional: false, necessary: true },
    { text: "我已詳閱隱私權政策", optional: false, terms: true },
    { text: "字體大小", optional: false, necessary: true },
  ],
};

export const STATEMENT_ROWS: Record<TableLanguage, StatementRow[]> = {
  en: [
    { text: "If you continue to browse this website, you are allowing all third-party services", statement: true, optional: true, purposes: ["analytics-cookies"] },
    { text: "By clicking Continue, you agree that we may share your contact details with our partners.", statement: true, optional: true, purposes: ["third-party-sharing"], action: "Continue" },
    { text: "By tapping “Sign up” you consent to receive marketing emails.", statement: true, optional: true, purposes: ["marketing"], action: "Sign up" },
    { text: "Installing this app means you allow us to read your contacts.", statement: true, optional: true, purposes: ["contacts"], action: "install" },
    { text: "By continuing to use this site you accept analytics and advertising cookies.", statement: true, optional: true, purposes: ["analytics-cookies"], action: "continue" },
    { text: "If you proceed, you agree that your location data will be shared with advertisers.", statement: true, optional: true, purposes: ["location"], action: "proceed" },
    { text: "By placing your order you agree to our Terms of Sale.", statement: true, optional: false, terms: true, action: "place" },
    { text: "By signing up you agree to our Terms and Privacy Policy.", statement: true, optional: false, terms: true, policyLinkOnly: false },
    { text: "We would like to use cookies to improve your experience.", statement: false, optional: false },
    { text: "We will personalise your experience.", statement: false, optional: false },
    { text: "See our privacy policy for details.", statement: false, optional: false, policyLinkOnly: true },
    { text: "Our partners may show you ads.", statement: false, optional: false },
    { text: "You can change your choices at any time in Settings.", statement: false, optional: false },
    { text: "With your consent, we share data with analytics providers.", statement: false, optional: false },
    // A grant that points back at purposes named in an earlier sentence of the same text.
    { text: "We use cookies for analytics and personalised advertising. By continuing to browse you agree to the use of these cookies.", statement: true, optional: true, purposes: ["analytics-cookies", "personalised-ads"], action: "continue" },
    { text: "We use cookies to measure traffic. By clicking Accept you consent to the above.", statement: true, optional: true, purposes: ["analytics-cookies"], action: "Accept" },
    { text: "By continuing to browse you agree to the use of these cookies.", statement: true, optional: false, refersBack: true },
    { text: "We use cookies for analytics. By continuing you agree to our terms.", statement: true, optional: false, terms: true, refersBack: false },
    { text: "We use cookies for analytics. By continuing you agree to our Cookie Policy.", statement: true, optional: false, refersBack: false },
    { text: "We use cookies for analytics. By clicking OK you accept the use of essential cookies.", statement: true, optional: false, refersBack: false },
    { text: "We never sell your data to advertisers. By continuing you agree to the use of cookies.", statement: true, optional: false },
  ],
  de: [
    { text: "Wenn Sie diese Webseite benutzen, stimmen Sie der Benutzung von externen Diensten zu", statement: true, optional: true, purposes: ["analytics-cookies"] },
    { text: "Mit Klick auf „Weiter“ stimmen Sie der Weitergabe Ihrer Daten an Werbepartner zu.", statement: true, optional: true, purposes: ["third-party-sharing"], action: "Weiter" },
    { text: "Mit der Registrierung willigst du ein, dass wir dir Werbung per E-Mail senden.", statement: true, optional: true, purposes: ["marketing"], action: "Registrierung" },
    { text: "Indem Sie auf „Jetzt kaufen“ klicken, erlauben Sie uns den Zugriff auf Ihre Kontakte.", statement: true, optional: true, purposes: ["contacts"], action: "Jetzt kaufen" },
    { text: "Durch die Nutzung dieser Website erklären Sie sich mit dem Einsatz von Analyse-Cookies einverstanden.", statement: true, optional: true, purposes: ["analytics-cookies"] },
    { text: "Mit Ihrer Bestellung akzeptieren Sie unsere AGB.", statement: true, optional: false, terms: true, action: "Bestellung" },
    { text: "Wir möchten Cookies verwenden, um unsere Website zu verbessern.", statement: false, optional: false },
    { text: "Wir personalisieren Ihr Erlebnis.", statement: false, optional: false },
    { text: "Weitere Informationen finden Sie in unserer Datenschutzerklärung.", statement: false, optional: false, policyLinkOnly: true },
    { text: "Sie können Ihre Auswahl jederzeit ändern.", statement: false, optional: false },
    // Separable verbs: the particle at the end of the clause.
    { text: "Mit Klick auf OK stimmen Sie der Nutzung von Cookies für Analyse und Werbung zu.", statement: true, optional: true, purposes: ["analytics-cookies", "marketing"], action: "OK" },
    { text: "Mit „Alle akzeptieren“ stimmen Sie der Verwendung von Cookies für Analyse und Marketing zu.", statement: true, optional: true, purposes: ["analytics-cookies", "marketing"], action: "Alle akzeptieren" },
    { text: "Mit Klick auf „Alle akzeptieren“ stimmen Sie der Verwendung von Cookies für Statistik zu.", statement: true, optional: true, purposes: ["analytics-cookies"], action: "Alle akzeptieren" },
    { text: "Sie stimmen der Nutzung Ihrer Daten für personalisierte Werbung zu.", statement: true, optional: true, purposes: ["personalised-ads"] },
    { text: "Hiermit stimmst du der Weitergabe deiner Kontaktdaten an Sponsoren zu.", statement: true, optional: true, purposes: ["third-party-sharing"] },
    { text: "Durch Klicken auf „Akzeptieren“ willigen Sie in die Weitergabe Ihrer Daten an Werbepartner ein.", statement: true, optional: true, purposes: ["third-party-sharing"], action: "Akzeptieren" },
    { text: "Mit der Registrierung nehmen Sie die Zusendung unseres Newsletters an.", statement: true, optional: true, purposes: ["marketing"], action: "Registrierung" },
    { text: "Stimmen Sie der Nutzung Ihres Standorts zu, indem Sie auf „Erlauben“ tippen.", statement: true, optional: true, purposes: ["location"], action: "Erlauben" },
    { text: "Mit Klick auf „Alle akzeptieren“ geben Sie Ihre Einwilligung zur Verwendung von Cookies für Analyse und Marketing.", statement: true, optional: true, purposes: ["analytics-cookies", "marketing"], action: "Alle akzeptieren" },
    // Infinitives, modals and subordinate clauses.
    { text: "Klicken Sie auf „Zustimmen“, um der Verwendung von Cookies für Analyse zuzustimmen.", statement: true, optional: true, purposes: ["analytics-cookies"], action: "Zustimmen" },
    { text: "Um in die Weitergabe Ihrer Daten an Partner einzuwilligen, tippen Sie auf „Weiter“.", statement: true, optional: true, purposes: ["third-party-sharing"], action: "Weiter" },
    { text: "Mit Klick auf „Alle akzeptieren“ können Sie der Nutzung von Analyse-Cookies zustimmen.", statement: true, optional: true, purposes: ["analytics-cookies"], action: "Alle akzeptieren" },
    { text: "Mit Klick auf „Weiter“ bestätigen Sie, dass Sie der Auswertung Ihres Standorts zustimmen.", statement: true, optional: true, purposes: ["location"], action: "Weiter" },
    { text: "Wenn Sie die Website weiter nutzen, gehen wir davon aus, dass Sie der Verwendung von Analyse-Cookies zustimmen.", statement: true, optional: true, purposes: ["analytics-cookies"] },
    { text: "Wir gehen davon aus, dass Sie mit der Verwendung von Analyse-Cookies einverstanden sind, wenn Sie die Website weiter nutzen.", statement: true, optional: true, purposes: ["analytics-cookies"] },
    // Explanations, refusals, conditions and questions with the same verbs.
    { text: "Wir stimmen unsere Angebote auf Sie ab.", statement: false, optional: false },
    { text: "Sie können Ihre Einwilligung jederzeit widerrufen.", statement: false, optional: false },
    { text: "Stimmen Sie nicht zu, werden nur notwendige Cookies gesetzt.", statement: false, optional: false },
    { text: "Stimmen Sie zu, werden Cookies für Analyse und Werbung gesetzt.", statement: false, optional: false },
    { text: "Wenn Sie zustimmen, verwenden wir Cookies für Analyse.", statement: false, optional: false },
    { text: "Mit Klick auf „Ablehnen“ stimmen Sie der Nutzung von Analyse-Cookies nicht zu.", statement: false, optional: false },
    { text: "Klicken Sie auf „Ablehnen“, um der Nutzung von Analyse-Cookies nicht zuzustimmen.", statement: false, optional: false },
    { text: "Mit Klick auf „Einstellungen“ können Sie der Nutzung von Analyse-Cookies zustimmen oder sie ablehnen.", statement: false, optional: false },
    { text: "Stimmen Sie der Nutzung von Analyse-Cookies zu?", statement: false, optional: false },
    { text: "Bitte stimmen Sie der Nutzung von Analyse-Cookies zu.", statement: false, optional: false },
    { text: "Mit Klick auf „Teilnehmen“ nehmen Sie am Gewinnspiel unserer Werbepartner teil.", statement: false, optional: false },
    // A grant that points back at purposes named in an earlier sentence.
    { text: "Wir verwenden Cookies für Analyse und Werbung. Mit der weiteren Nutzung stimmen Sie dem zu.", statement: true, optional: true, purposes: ["analytics-cookies", "marketing"], action: "Nutzung" },
    { text: "Wir nutzen Cookies zur Reichweitenmessung. Mit Klick auf OK willigen Sie in den Einsatz dieser Cookies ein.", statement: true, optional: true, purposes: ["analytics-cookies"], action: "OK" },
    { text: "Mit der weiteren Nutzung stimmen Sie dem zu.", statement: true, optional: false, refersBack: true },
    { text: "Wir verwenden Cookies für Analyse. Mit der Registrierung akzeptieren Sie unsere AGB.", statement: true, optional: false, terms: true, refersBack: false },
    { text: "Wir verwenden Cookies für Analyse. Mit Klick auf OK stimmen Sie der Nutzung notwendiger Cookies zu.", statement: true, optional: false, refersBack: false },
    { text: "Wir geben Ihre Daten niemals an Dritte weiter. Mit der weiteren Nutzung stimmen Sie dem zu.", statement: true, optional: false },
  ],
  "zh-Hans": [
    { text: "继续浏览， 即表示您同意第三方服务安装cookie", statement: true, optional: true, purposes: ["analytics-cookies"], action: "继续浏览" },
    { text: "点击“同意并继续”即表示您同意我们向合作伙伴共享您的设备信息。", statement: true, optional: true, purposes: ["third-party-sharing"], action: "同意并继续" },
    { text: "注册即视为您同意接收营销短信。", statement: true, optional: true, purposes: ["marketing"], action: "注册" },
    { text: "继续使用即表示您授权我们获取您的位置信息。", statement: true, optional: true, purposes: ["location"], action: "继续使用" },
    { text: "下单即表示您同意将收货信息提供给合作商家用于推广。", statement: true, optional: true, purposes: ["third-party-sharing", "marketing"], action: "下单" },
    { text: "登录即表示您同意《用户协议》和《隐私政策》", statement: true, optional: false, terms: true, action: "登录" },
    { text: "我们希望使用Cookie来改善您的体验。", statement: false, optional: false },
    { text: "我们将为您提供个性化的服务。", statement: false, optional: false },
    { text: "详情请查看《隐私政策》。", statement: false, optional: false, policyLinkOnly: true },
    { text: "您可以随时在设置中更改您的选择。", statement: false, optional: false },
    // A grant that points back at purposes named in an earlier sentence.
    { text: "我们使用Cookie进行分析和个性化广告。继续浏览即表示您同意使用上述Cookie。", statement: true, optional: true, purposes: ["analytics-cookies", "personalised-ads"], action: "继续浏览" },
    { text: "我们会与合作伙伴共享您的设备信息。点击“同意”即表示您同意此类处理。", statement: true, optional: true, purposes: ["third-party-sharing"], action: "同意" },
    { text: "继续浏览即表示您同意使用上述Cookie。", statement: true, optional: false, refersBack: true },
    { text: "我们使用Cookie进行统计分析。登录即表示您同意《用户协议》。", statement: true, optional: false, terms: true, refersBack: false },
    { text: "我们使用Cookie进行统计分析。点击同意即表示您同意《Cookie政策》。", statement: true, optional: false, refersBack: false },
    { text: "我们不会向第三方出售您的个人信息。继续浏览即表示您同意我们使用Cookie。", statement: true, optional: false },
  ],
  "zh-Hant": [
    { text: "繼續瀏覽，即表示您同意第三方服務安裝cookie", statement: true, optional: true, purposes: ["analytics-cookies"], action: "繼續瀏覽" },
    { text: "點擊「立即購買」即表示您同意將訂單資料提供予合作夥伴用於行銷。", statement: true, optional: true, purposes: ["third-party-sharing", "marketing"], action: "立即購買" },
    { text: "安裝即表示您授權我們存取您的通訊錄。", statement: true, optional: true, purposes: ["contacts"], action: "安裝" },
    { text: "繼續使用本服務即視為您同意我們使用分析Cookie。", statement: true, optional: true, purposes: ["analytics-cookies"], action: "繼續使用本服務" },
    { text: "註冊即表示您同意《服務條款》。", statement: true, optional: false, terms: true, action: "註冊" },
    { text: "我們希望使用Cookie改善您的體驗。", statement: false, optional: false },
    { text: "詳情請參閱隱私權政策。", statement: false, optional: false, policyLinkOnly: true },
    { text: "您可以隨時變更您的偏好設定。", statement: false, optional: false },
    // A grant that points back at purposes named in an earlier sentence.
    { text: "我們使用Cookie進行分析及個人化廣告。繼續瀏覽即表示您同意使用此類Cookie。", statement: true, optional: true, purposes: ["analytics-cookies", "personalised-ads"], action: "繼續瀏覽" },
    { text: "我們會將您的資料提供予合作夥伴用於行銷。點擊「接受」即表示您同意上述使用方式。", statement: true, optional: true, purposes: ["third-party-sharing", "marketing"], action: "接受" },
    { text: "繼續瀏覽即表示您同意使用這些Cookie。", statement: true, optional: false, refersBack: true },
    { text: "我們使用Cookie進行統計分析。註冊即表示您同意《服務條款》。", statement: true, optional: false, terms: true, refersBack: false },
  ],
};

/**
 * Grants whose purposes sit in an earlier block of the same banner or dialog,
 * read with that text as context; and grants the context must not change.
 */
export const CONTEXT_ROWS: Record<TableLanguage, ContextRow[]> = {
  en: [
    { context: ["We use cookies for analytics and personalised advertising."], text: "By continuing to browse you agree to the use of these cookies.", optional: true, purposes: ["analytics-cookies", "personalised-ads"] },
    { context: ["We and our partners use cookies to personalise ads.", "You can change your settings at any time."], text: "By clicking Accept you consent to this.", optional: true, purposes: ["third-party-sharing", "personalised-ads"] },
    { context: ["Your privacy", "We use cookies to measure traffic."], text: "By continuing you agree to our use of cookies.", optional: true, purposes: ["analytics-cookies"] },
    { context: ["We use cookies for analytics."], text: "By continuing you agree to our terms.", optional: false, purposes: [] },
    { context: ["We use cookies for analytics."], text: "By continuing you agree to the use of essential cookies.", optional: false, purposes: [] },
    { context: ["We never sell your data to third parties."], text: "By continuing you agree to the use of cookies.", optional: false, purposes: [] },
    { context: ["We use cookies for analytics."], text: "We would like to use these cookies.", optional: false, purposes: [] },
  ],
  de: [
    { context: ["Wir verwenden Cookies für Analyse und Werbung."], text: "Mit der weiteren Nutzung stimmen Sie dem zu.", optional: true, purposes: ["analytics-cookies", "marketing"] },
    { context: ["Wir und unsere Partner nutzen Cookies für personalisierte Werbung."], text: "Mit Klick auf „Akzeptieren“ willigen Sie in diese Verarbeitung ein.", optional: true, purposes: ["third-party-sharing", "analytics-cookies", "personalised-ads"] },
    { context: ["Wir verwenden Cookies für Analyse."], text: "Mit der Registrierung akzeptieren Sie unsere AGB.", optional: false, purposes: [] },
    { context: ["Wir geben Ihre Daten niemals an Dritte weiter."], text: "Mit der weiteren Nutzung stimmen Sie dem zu.", optional: false, purposes: [] },
    { context: ["Wir verwenden Cookies für Analyse."], text: "Wir stimmen unsere Angebote auf Sie ab.", optional: false, purposes: [] },
  ],
  "zh-Hans": [
    { context: ["我们使用Cookie进行分析和个性化广告。"], text: "继续浏览即表示您同意使用上述Cookie。", optional: true, purposes: ["analytics-cookies", "personalised-ads"] },
    { context: ["我们会与合作伙伴共享您的设备信息，用于营销推广。"], text: "点击“同意”即表示您同意此类处理。", optional: true, purposes: ["third-party-sharing", "marketing"] },
    { context: ["我们使用Cookie进行统计分析。"], text: "登录即表示您同意《用户协议》。", optional: false, purposes: [] },
    { context: ["我们不会向第三方出售您的个人信息。"], text: "继续浏览即表示您同意我们使用Cookie。", optional: false, purposes: [] },
  ],
  "zh-Hant": [
    { context: ["我們使用Cookie進行分析及個人化廣告。"], text: "繼續瀏覽即表示您同意使用這些Cookie。", optional: true, purposes: ["analytics-cookies", "personalised-ads"] },
    { context: ["我們使用Cookie進行統計分析。"], text: "註冊即表示您同意《服務條款》。", optional: false, purposes: [] },
  ],
};
