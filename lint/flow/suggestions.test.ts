import { describe, expect, it } from "vitest";
import { formatCandidate, parseAriaSnapshot, rankCandidates } from "./suggestions.js";

const SNAPSHOT = [
  "- main:",
  '  - heading "2017 年度账单" [level=1]',
  '  - button "View my annual bill"',
  '  - button "Accept"',
  '  - button "Accept"',
  '  - link "View bill":',
  '    - /url: "#x"',
  '  - checkbox "I agree to \\"sharing\\"" [checked]',
  "  - text: I agree",
  '  - combobox "Country":',
  '    - option "Germany" [selected]',
  '  - button "Cancel"',
  '  - button "查看我的年度账单"',
].join("\n");

describe("parseAriaSnapshot", () => {
  it("reads named role lines in order, unescaping names and dropping repeats, text and properties", () => {
    expect(parseAriaSnapshot(SNAPSHOT)).toEqual([
      { role: "heading", name: "2017 年度账单" },
      { role: "button", name: "View my annual bill" },
      { role: "button", name: "Accept" },
      { role: "link", name: "View bill" },
      { role: "checkbox", name: 'I agree to "sharing"' },
      { role: "combobox", name: "Country" },
      { role: "option", name: "Germany" },
      { role: "button", name: "Cancel" },
      { role: "button", name: "查看我的年度账单" },
    ]);
  });

  it("skips nodes without a name", () => {
    expect(parseAriaSnapshot("- list:\n  - listitem\n  - button\n  - img")).toEqual([]);
  });
});

describe("rankCandidates", () => {
  const candidates = parseAriaSnapshot(SNAPSHOT);

  it("puts the typo'd name first, a same-named other role after it, and leaves unrelated names out", () => {
    const ranked = rankCandidates({ role: "button", name: "View my anual bil" }, candidates).map(formatCandidate);
    expect(ranked[0]).toBe('button "View my annual bill"');
    expect(ranked).toContain('link "View bill"');
    expect(ranked).not.toContain('button "Cancel"');
    expect(ranked.length).toBeLessThanOrEqual(3);
  });

  it("ranks Chinese names by characters", () => {
    const ranked = rankCandidates({ text: "查看年度账单" }, candidates).map(formatCandidate);
    expect(ranked[0]).toBe('button "查看我的年度账单"');
  });

  it("prefers the asked-for role between equally close names", () => {
    const twins = [
      { role: "link", name: "Continue" },
      { role: "button", name: "Continue" },
    ];
    expect(rankCandidates({ role: "button", name: "Contineu" }, twins)[0]).toEqual({ role: "button", name: "Continue" });
    expect(rankCandidates({ role: "link", name: "Contineu" }, twins)[0]).toEqual({ role: "link", name: "Continue" });
  });

  it("suggests nothing for a locator without a name to compare, or when nothing is close", () => {
    expect(rankCandidates({ css: "#x" }, candidates)).toEqual([]);
    expect(rankCandidates({ role: "dialog" }, candidates)).toEqual([]);
    expect(rankCandidates({ label: "Postal code" }, candidates)).toEqual([]);
  });
});
