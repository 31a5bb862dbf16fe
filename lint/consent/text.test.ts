import { describe, expect, it } from "vitest";
import { joinDistinct, normaliseSpace, reportedText } from "./text.js";

describe("normaliseSpace", () => {
  it("collapses whitespace and trims", () => {
    expect(normaliseSpace("  Share\n\tmy   data ")).toBe("Share my data");
  });
});

describe("reportedText", () => {
  it("keeps short text whole", () => {
    expect(reportedText("Send me offers")).toBe("Send me offers");
  });
  it("cuts long text at a word boundary with an ellipsis", () => {
    const text = Array.from({ length: 100 }, (_, i) => `word${i}`).join(" ");
    const out = reportedText(text, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith("…")).toBe(true);
    expect(out.slice(0, -1)).toMatch(/word\d+$/u);
  });
  it("cuts text without spaces (Chinese) at the limit", () => {
    const out = reportedText("授权".repeat(200), 20);
    expect(out).toHaveLength(20);
  });
});

describe("joinDistinct", () => {
  it("drops a name repeated in the label and a label inside the sentence", () => {
    expect(joinDistinct(["Send me offers", "Send me offers", "Yes! Send me offers from partners", ""])).toBe(
      "Yes! Send me offers from partners",
    );
  });
  it("keeps distinct parts in order", () => {
    expect(joinDistinct(["Share my records?", "Yes"])).toBe("Share my records? Yes");
  });
  it("keeps short options even when they occur inside longer words", () => {
    expect(joinDistinct(["Share my phone number with partners?", "No"])).toBe("Share my phone number with partners? No");
    expect(joinDistinct(["是否同意将手机号提供给合作商家？", "是"])).toBe("是否同意将手机号提供给合作商家？ 是");
  });
  it("compares case-insensitively and ignores extra whitespace", () => {
    expect(joinDistinct(["MARKETING  emails", "Send me marketing emails"])).toBe("Send me marketing emails");
  });
});
