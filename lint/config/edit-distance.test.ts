import { describe, expect, it } from "vitest";
import { closestMatches, editDistance, relativeDistance } from "./edit-distance.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("button", "buton")).toBe(1);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("counts code points, so one CJK character or emoji is one edit", () => {
    expect(editDistance("查看账单", "查看的账单")).toBe(1);
    expect(editDistance("a😀b", "ab")).toBe(1);
  });
});

describe("relativeDistance", () => {
  it("ignores case and scales by the longer string", () => {
    expect(relativeDistance("Accept", "accept")).toBe(0);
    expect(relativeDistance("abcd", "abxy")).toBe(0.5);
    expect(relativeDistance("", "")).toBe(0);
  });
});

describe("closestMatches", () => {
  it("returns near values nearest first and nothing for unrelated input", () => {
    expect(closestMatches("viewPort", ["name", "url", "viewport", "locale"])).toEqual(["viewport"]);
    expect(closestMatches("chekc", ["check", "uncheck", "click"])).toEqual(["check"]);
    expect(closestMatches("clik", ["check", "uncheck", "click"])).toEqual(["click"]);
    expect(closestMatches("css", ["ms", "text"])).toEqual([]);
    expect(closestMatches("zzzzzz", ["check", "click"])).toEqual([]);
  });
});
