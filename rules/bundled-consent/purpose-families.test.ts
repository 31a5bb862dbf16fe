import { describe, expect, it } from "vitest";
import { familyCount, separateGrants } from "./purpose-families.js";

describe("familyCount", () => {
  it("counts sharing with a credit-scoring partner as one family", () => {
    expect(familyCount(["third-party-sharing", "credit-scoring"])).toBe(1);
  });
  it("takes sharing and profiling as the means of the purpose named beside them", () => {
    expect(familyCount(["third-party-sharing", "marketing"])).toBe(1);
    expect(familyCount(["profiling", "personalised-ads"])).toBe(1);
    expect(familyCount(["third-party-sharing", "profiling"])).toBe(1);
  });
  it("counts purposes from different families as unrelated", () => {
    expect(familyCount(["marketing", "location"])).toBe(2);
    expect(familyCount(["analytics-cookies", "personalised-ads"])).toBe(2);
    expect(familyCount(["third-party-sharing", "location", "contacts"])).toBe(2);
    expect(familyCount(["credit-scoring", "marketing", "model-training"])).toBe(3);
  });
  it("counts marketing and personalised ads as one family", () => {
    expect(familyCount(["marketing", "personalised-ads"])).toBe(1);
  });
  it("counts nothing when there is no purpose", () => {
    expect(familyCount([])).toBe(0);
  });
});

describe("separateGrants", () => {
  it("finds clauses that ask for different things", () => {
    expect(separateGrants([["marketing"], ["third-party-sharing"]])).toBe(true);
    expect(separateGrants([["marketing"], ["third-party-sharing", "personalised-ads"]])).toBe(true);
    expect(separateGrants([["marketing"], ["personalised-ads"]])).toBe(true);
  });
  it("takes a clause that repeats part of another as the same grant", () => {
    expect(separateGrants([["marketing"], ["third-party-sharing", "marketing"]])).toBe(false);
    expect(separateGrants([["personalised-ads"], ["personalised-ads", "profiling"]])).toBe(false);
    expect(separateGrants([["marketing"], ["marketing"]])).toBe(false);
  });
  it("needs two clauses", () => {
    expect(separateGrants([["third-party-sharing", "marketing"]])).toBe(false);
    expect(separateGrants([])).toBe(false);
  });
});
