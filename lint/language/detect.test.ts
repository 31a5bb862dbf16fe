import { describe, expect, it } from "vitest";
import { detectLanguage } from "./index.js";

type Row = [text: string, hint: string | null, language: string, script?: string | null];

const ROWS: Row[] = [
  ["Share my data with our partners", null, "en"],
  ["Keep me signed in", "de", "en"],
  ["Ich willige ein, dass meine Daten weitergegeben werden", "en", "de"],
  ["Angemeldet bleiben", "en", "de"],
  ["Nein", null, "de"],
  ["Yes", "zh-CN", "en"],
  ["同意将我的手机号提供给合作商家", "en", "zh", "Hans"],
  ["同意將我的電子郵件提供給合作品牌", "zh-CN", "zh", "Hant"],
  ["隐私设置", "zh-TW", "zh", "Hans"],
  ["同意", "zh-TW", "zh", "Hant"],
  ["同意", "zh-CN", "zh", "Hans"],
  ["同意", null, "zh", null],
  ["授权Zhima Credit", "en", "zh", "Hans"],
  ["Cookie 偏好设置", "en", "zh", "Hans"],
  ["I agree to the 芝麻信用 Service Agreement", "zh-CN", "en"],
  ["J'accepte de recevoir des offres de nos partenaires par e-mail.", "en", "fr"],
  ["Publicité personnalisée par nos partenaires", "de-CH", "fr"],
  ["Mesure d’audience", "de-CH", "fr"],
  ["Nous utilisons des cookies pour mesurer l'audience", null, "fr"],
  ["Acepto recibir ofertas de nuestros socios por correo electrónico.", "en", "es"],
  ["Aceptar todo", null, "es"],
  ["Accetto di ricevere offerte dai nostri partner", "en", "it"],
  ["Ik ga akkoord met het delen van mijn gegevens met partners", "en", "nl"],
  ["Aceito receber ofertas dos nossos parceiros", "en", "pt"],
  ["個人情報の取り扱いに同意します", "zh-CN", "ja"],
  ["個人情報保護方針", "ja", "ja"],
  ["동의합니다", "en", "ko"],
  ["Я согласен на обработку данных", "en", "ru"],
  ["Я погоджуюсь і приймаю умови", "en", "uk"],
  ["أوافق على الشروط", "en", "ar"],
  ["Συμφωνώ με τους όρους", "en", "el"],
];

describe("detectLanguage (labelled table)", () => {
  it.each(ROWS)("%s (hint %s) is %s", (text, hint, language, script) => {
    const g = detectLanguage(text, hint);
    expect(g.language).toBe(language);
    if (script !== undefined) expect(g.script).toBe(script);
    expect(g.supported).toBe(["en", "de", "zh"].includes(language));
  });
});

describe("short and ambiguous text", () => {
  it("follows the hint when the text alone cannot tell", () => {
    expect(detectLanguage("OK", "en").language).toBe("en");
    expect(detectLanguage("OK", "zh-CN")).toEqual({ language: "zh", script: "Hans", supported: true });
    expect(detectLanguage("Ja", "de").language).toBe("de");
    expect(detectLanguage("Marketing", "de").language).toBe("de");
    expect(detectLanguage("OK", "fr")).toEqual({ language: "fr", script: null, supported: false });
  });

  it("does not guess without a hint", () => {
    expect(detectLanguage("OK", null)).toEqual({ language: "und", script: null, supported: false });
    expect(detectLanguage("Ja").language).toBe("und");
  });

  it("keeps a Latin-script hint against a single word of another language", () => {
    expect(detectLanguage("Zusatzfahrer (+ 9,00 € pro Tag)", "de").language).toBe("de");
    expect(detectLanguage("Rechnung zusätzlich per Post", "de").language).toBe("de");
  });

  it("says there is no language in text without letters", () => {
    expect(detectLanguage("123 %", "en").language).toBe("und");
    expect(detectLanguage("", "de").language).toBe("und");
  });

  it("reads primary subtags of regional hints", () => {
    expect(detectLanguage("OK", "de-AT").language).toBe("de");
    expect(detectLanguage("OK", "zh-Hant-HK")).toEqual({ language: "zh", script: "Hant", supported: true });
  });
});
