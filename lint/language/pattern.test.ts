import { describe, expect, it } from "vitest";
import { compilePattern, findMatches, type PatternLanguage, type PatternSource } from "./pattern.js";
import { buildStream, stemWord, type TextTools } from "./stream.js";
import { porterEn, tokenizerEn } from "./natural-modules.js";
import { foldToSimplified } from "./zh-variants.js";

const EN_TOOLS: TextTools = { unit: "word", tokenizer: tokenizerEn, stemmer: porterEn, contractions: "en" };
const EN: PatternLanguage = { unit: "word", gap: 3, stem: (w) => stemWord(porterEn, w), fold: (t) => t, contractions: "en" };
const ZH_TOOLS: TextTools = { unit: "char", fold: foldToSimplified };
const ZH: PatternLanguage = { unit: "char", gap: 4, stem: (w) => stemWord(porterEn, w), fold: foldToSimplified, contractions: "none" };

function words(src: PatternSource, text: string): string[] {
  const stream = buildStream(text, EN_TOOLS);
  return findMatches(compilePattern(src, EN), stream.tokens).map((m) =>
    stream.source.slice(stream.tokens[m.start].start, stream.tokens[m.end - 1].end),
  );
}

function chars(src: PatternSource, text: string): string[] {
  const stream = buildStream(text, ZH_TOOLS);
  return findMatches(compilePattern(src, ZH), stream.tokens).map((m) =>
    text.slice(stream.tokens[m.start].start, stream.tokens[m.end - 1].end),
  );
}

describe("pattern notation", () => {
  it("matches words by stem", () => {
    expect(words("share", "Sharing is caring; she shared it")).toEqual(["sharing", "shared"]);
  });

  it("matches prefixes, suffixes, infixes and exact forms on the surface", () => {
    expect(words("partner*", "our partnership")).toEqual(["partnership"]);
    expect(words("*partner", "werbepartner")).toEqual(["werbepartner"]);
    expect(words("*partner*", "werbepartnern")).toEqual(["werbepartnern"]);
    expect(words("=offer", "offers and an offer")).toEqual(["offer"]);
  });

  it("matches consecutive words, hyphenated or not", () => {
    expect(words("third party", "a third-party cookie")).toEqual(["third-party"]);
    expect(words("third party", "third, then party")).toEqual([]);
  });

  it("keeps the parts of ~ in order, at most the gap apart", () => {
    expect(words("share ~ partner*", "share my data with partners")).toEqual(["share my data with partners"]);
    expect(words("share ~ partner*", "partners share")).toEqual([]);
    expect(words({ p: "share ~ partner*", gap: 1 }, "share my data with partners")).toEqual([]);
  });

  it("takes the parts of <> in either order", () => {
    expect(words("share <> partner*", "partners may share it")).toEqual(["partners may share"]);
  });

  it("never reaches across a sentence", () => {
    expect(words("share ~ partner*", "We share data. Our partners are great.")).toEqual([]);
  });

  it("drops a match that contains a `not` alternative", () => {
    expect(words({ p: "credit ~ agreement", not: "card" }, "the credit card agreement")).toEqual([]);
    expect(words({ p: "credit ~ agreement", not: "card" }, "the credit service agreement")).toEqual(["credit service agreement"]);
  });

  it("splits contractions the way streams do", () => {
    expect(words("do not share", "Don't share")).toEqual(["don't share"]);
  });

  it("matches Chinese character by character, traditional folded to simplified", () => {
    expect(chars("合作伙伴", "提供予合作夥伴")).toEqual(["合作夥伴"]);
    expect(chars("提供 <> 合作伙伴", "向合作伙伴提供信息")).toEqual(["合作伙伴提供"]);
    expect(chars("cookie*", "营销 Cookies")).toEqual(["Cookies"]);
  });

  it("rejects an empty part", () => {
    expect(() => compilePattern("share ~ ", EN)).toThrow(/empty pattern part/u);
  });
});
