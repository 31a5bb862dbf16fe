import { describe, expect, it } from "vitest";
import { diffExitCode, diffReports, formatDiffText } from "./diff.js";
import type { Finding, LintReport, LintResult } from "./types.js";

const finding = (ruleId: string, fingerprint: string): Finding => ({
  ruleId,
  severity: "error",
  message: `${ruleId} message`,
  selector: "input",
  role: "checkbox",
  name: "n",
  text: "t",
  evidence: {},
  legal: [],
  fingerprint,
});

const result = (target: string, findings: Finding[], step?: string): LintResult => ({
  target,
  ...(step ? { step } : {}),
  url: "https://x.test/",
  viewport: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true },
  locale: "zh-CN",
  findings,
  passes: [],
  incomplete: [],
  inapplicable: [],
});

const report = (results: LintResult[], rules: Record<string, string> = { a: "1.0.0", b: "1.0.0", c: "1.0.0" }): LintReport => ({
  tool: { name: "consentlint", version: "0.1.0" },
  results,
  summary: { targets: results.length, errors: 0, warnings: 0, durationMs: 0 },
  rules,
  startedAt: "2026-01-01T00:00:00.000Z",
});

const before = report([result("bill", [finding("a", "1"), finding("b", "2"), finding("c", "3")], "report")]);

describe("diffReports", () => {
  it("fixed: every finding gone, nothing new", () => {
    const d = diffReports(before, report([result("bill", [], "report")]));
    expect(d.verdict).toBe("fixed");
    expect(d.fixed.map((f) => f.fingerprint)).toEqual(["1", "2", "3"]);
    expect(diffExitCode(d)).toBe(0);
  });

  it("partially-fixed: some gone, some persist", () => {
    const d = diffReports(before, report([result("bill", [finding("b", "2")], "report")]));
    expect(d.verdict).toBe("partially-fixed");
    expect(d.persisting.map((f) => f.ruleId)).toEqual(["b"]);
    expect(diffExitCode(d)).toBe(1);
  });

  it("not-fixed: the same fingerprints, whatever else changed", () => {
    const moved = report([result("bill", [{ ...finding("a", "1"), selector: "#new > input" }, finding("b", "2"), finding("c", "3")], "report")]);
    const d = diffReports(before, moved);
    expect(d.verdict).toBe("not-fixed");
    expect(d.fixed).toEqual([]);
    expect(d.introduced).toEqual([]);
  });

  it("regressed: anything new wins", () => {
    const d = diffReports(before, report([result("bill", [finding("d", "9")], "report")]));
    expect(d.verdict).toBe("regressed");
    expect(d.introduced.map((f) => f.fingerprint)).toEqual(["9"]);
  });

  it("clean: nothing before or after", () => {
    const d = diffReports(report([result("x", [])]), report([result("x", [])]));
    expect(d.verdict).toBe("clean");
    expect(diffExitCode(d)).toBe(0);
  });

  it("matches states by target, step, viewport and locale, not by position", () => {
    const a = report([result("one", [finding("a", "1")]), result("two", [finding("a", "1")])]);
    const b = report([result("two", [finding("a", "1")]), result("one", [])]);
    const d = diffReports(a, b);
    expect(d.states.find((s) => s.target === "one")!.verdict).toBe("fixed");
    expect(d.states.find((s) => s.target === "two")!.verdict).toBe("not-fixed");
    const otherStep = diffReports(before, report([result("bill", [finding("a", "1")], "landing")]));
    expect(otherStep.states).toHaveLength(2);
  });

  it("a state missing from the later run is not counted as fixed", () => {
    const d = diffReports(before, report([]));
    expect(d.fixed).toEqual([]);
    expect(formatDiffText(d)).toContain("GONE");
  });

  it("says when a rule's version changed next to the findings it may explain", () => {
    const d = diffReports(before, report([result("bill", [finding("b", "2")], "report")], { a: "1.1.0", b: "1.0.0", c: "1.0.0" }));
    expect(d.changedRules).toEqual([{ id: "a", before: "1.0.0", after: "1.1.0" }]);
    const text = formatDiffText(d);
    expect(text).toMatch(/FIXED {10}a on bill \/ report: .*rule changed 1\.0\.0 -> 1\.1\.0/);
    expect(text).toMatch(/STILL PRESENT {2}b on bill \/ report/);
    expect(text).toMatch(/verdict: partially-fixed \(2 fixed, 1 still present, 0 new\)/);
  });
});
