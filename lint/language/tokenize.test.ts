import { describe, expect, it } from "vitest";
import { tokenize } from "./index.js";

describe("tokenize", () => {
  it("uses natural's tokeniser for English, keeping apostrophes and hyphens inside words", () => {
    expect(tokenize("Don't share third-party e-mail/SMS data!", "en")).toEqual(["don't", "share", "third-party", "e-mail/sms", "data"]);
  });

  it("keeps German umlauts, ß and compounds", () => {
    expect(tokenize("Meine E-Mail-Adresse an Werbepartner weitergeben, Straße", "de")).toEqual([
      "meine",
      "e-mail-adresse",
      "an",
      "werbepartner",
      "weitergeben",
      "straße",
    ]);
  });

  it("cuts Chinese into words with Intl.Segmenter", () => {
    const words = tokenize("同意将我的手机号提供给合作商家", "zh");
    expect(words.join("")).toBe("同意将我的手机号提供给合作商家");
    expect(words).toContain("同意");
    expect(words.length).toBeGreaterThan(4);
    expect(words.length).toBeLessThan(15);
  });

  it("reads regional tags by their language and segments other languages too", () => {
    expect(tokenize("Keep me signed in", "en-GB")).toEqual(["keep", "me", "signed", "in"]);
    expect(tokenize("J'accepte les cookies", "fr")).toEqual(["j'accepte", "les", "cookies"]);
  });

  it("normalises full-width letters and returns nothing for empty text", () => {
    expect(tokenize("ＯＫ", "en")).toEqual(["ok"]);
    expect(tokenize("   ", "de")).toEqual([]);
  });
});
