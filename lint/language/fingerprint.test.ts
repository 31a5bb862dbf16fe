import { describe, expect, it } from "vitest";
import { fingerprintText } from "./index.js";

describe("fingerprintText", () => {
  it("is lower-cased, stemmed, without stop words, sorted and unique", () => {
    expect(fingerprintText("Share my data with our partners, and share it now", "en")).toBe("data now partner share");
  });

  it("gives light edits the same string", () => {
    const base = fingerprintText("Share my data with partners", "en");
    expect(fingerprintText("Sharing my data with third parties", "en")).toBe(base);
    expect(fingerprintText("Share my personal data with our partners.", "en")).toBe(base);
    expect(fingerprintText("Send me personalised ads", "en")).toBe(fingerprintText("Send me personalized advertising", "en"));
    expect(fingerprintText("Meine Daten an Partner weitergeben", "de")).toBe(fingerprintText("Weitergabe meiner Daten an Dritte", "de"));
  });

  it("ignores numbers, so a new year or price keeps the string", () => {
    expect(fingerprintText("Share my 2024 statement data with our partner", "en")).toBe(
      fingerprintText("Share my 2025 statement data with our partner", "en"),
    );
  });

  it("changes when the purpose changes", () => {
    const sharing = fingerprintText("Share my data with partners", "en");
    expect(fingerprintText("Share my data with partners for marketing", "en")).not.toBe(sharing);
    expect(fingerprintText("Use my precise location", "en")).not.toBe(sharing);
  });

  it("keeps negation", () => {
    expect(fingerprintText("Don't share my data", "en")).not.toBe(fingerprintText("Share my data", "en"));
  });

  it("gives simplified and traditional Chinese, and synonyms, the same string", () => {
    const hans = fingerprintText("同意将我的手机号提供给合作商家", "zh-CN");
    expect(fingerprintText("同意將我的手機號提供給合作商家", "zh-TW")).toBe(hans);
    expect(fingerprintText("同意将我的手机号码分享给第三方", "zh-CN")).toBe(hans);
    expect(hans).toBe("consent partner phone share");
  });

  it("still gives a form for languages it does not read", () => {
    expect(fingerprintText("J'accepte les offres, j'accepte", "fr")).toBe("j'accepte les offres");
  });
});
