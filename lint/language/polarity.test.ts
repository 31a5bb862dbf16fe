import { describe, expect, it } from "vitest";
import { optionPolarity, type OptionPolarity } from "./index.js";

type Row = [text: string, hint: string, polarity: OptionPolarity];

const ROWS: Record<string, Row[]> = {
  en: [
    ["Yes", "en", "grant"],
    ["Allow", "en", "grant"],
    ["Share", "en", "grant"],
    ["I agree", "en", "grant"],
    ["Yes, share my usage data", "en", "grant"],
    ["✓ Yes", "en", "grant"],
    ["No", "en", "refuse"],
    ["Don't share", "en", "refuse"],
    ["No, keep my details with Lantern Fields only", "en", "refuse"],
    ["Not now", "en", "refuse"],
    ["Casual walker", "en", "neutral"],
    ["Before 3 pm", "en", "neutral"],
  ],
  de: [
    ["Ja", "de", "grant"],
    ["Ja, gerne", "de", "grant"],
    ["Zustimmen", "de", "grant"],
    ["Erlauben", "de", "grant"],
    ["Nein", "de", "refuse"],
    ["Nein, danke", "de", "refuse"],
    ["Ablehnen", "de", "refuse"],
    ["Nur notwendige", "de", "refuse"],
    ["Bitte wählen", "de", "neutral"],
    ["Kompaktklasse", "de", "neutral"],
  ],
  "zh-Hans": [
    ["是", "zh-CN", "grant"],
    ["同意", "zh-CN", "grant"],
    ["允许", "zh-CN", "grant"],
    ["是，同意将我的手机号提供给合作商家", "zh-CN", "grant"],
    ["否", "zh-CN", "refuse"],
    ["不同意", "zh-CN", "refuse"],
    ["否，不提供", "zh-CN", "refuse"],
    ["拒绝", "zh-CN", "refuse"],
    ["是否接收合作商家优惠？", "zh-CN", "neutral"],
    ["一张双人床", "zh-CN", "neutral"],
  ],
  "zh-Hant": [
    ["同意", "zh-TW", "grant"],
    ["允許", "zh-TW", "grant"],
    ["開啟", "zh-TW", "grant"],
    ["不同意", "zh-TW", "refuse"],
    ["拒絕", "zh-TW", "refuse"],
    ["關閉", "zh-TW", "refuse"],
    ["兩張單人床", "zh-TW", "neutral"],
  ],
};

describe("optionPolarity (labelled table)", () => {
  for (const [lang, rows] of Object.entries(ROWS)) {
    it.each(rows)(`${lang}: %s`, (text, hint, polarity) => {
      expect(optionPolarity(text, hint)).toBe(polarity);
    });
  }
});

describe("options in another language than the page", () => {
  it("reads a bare Yes on a German page and Ja on an English one", () => {
    expect(optionPolarity("Yes", "de")).toBe("grant");
    expect(optionPolarity("Ja", "en")).toBe("grant");
    expect(optionPolarity("No", "zh-CN")).toBe("refuse");
  });

  it("leaves options in languages it does not read neutral", () => {
    expect(optionPolarity("Oui", "fr")).toBe("neutral");
    expect(optionPolarity("Non, merci", "fr")).toBe("neutral");
    expect(optionPolarity("Sí", "es")).toBe("neutral");
  });
});
