import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../types.js";
import { describeThresholds, readabilityThresholds } from "./measures.js";

describe("readabilityThresholds", () => {
  it("takes the thresholds from the options of the rule that has them, and nothing else", () => {
    const t = readabilityThresholds([{}, { minFontPx: 12, minContrast: 4.5, minOpacity: 0.5, minTransformScale: 0.4, other: true }]);
    expect(t).toEqual({ minFontPx: 12, minContrast: 4.5, minOpacity: 0.5, minTransformScale: 0.4 });
    expect(describeThresholds({ conditions: ["contrast"] }, t)).toBe("readable text needs contrast of at least 4.5:1");
  });

  it("falls back to the defaults when no rule's options carry them all", () => {
    expect(readabilityThresholds([])).toEqual(DEFAULT_THRESHOLDS);
    expect(readabilityThresholds([{ minFontPx: 12 }])).toEqual(DEFAULT_THRESHOLDS);
  });
});
