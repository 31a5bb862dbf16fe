import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diffExitCode, diffReports, formatDiffText, readDiffInput } from "./diff.js";
import { SnapshotStore } from "./snapshot.js";
import type { Finding, LintReport, LintResult } from "../types.js";

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
    const moved = report([
      result("bill", [{ ...finding("a", "1"), selector: "#new > input" }, finding("b", "2"), finding("c", "3")], "report"),
    ]);
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

describe("pairing states of targets given differently", () => {
  const flowRun = (folder: string, findings: Finding[]) =>
    report([
      result(`${folder}/annual-bill-2017.flow.yaml`, [], "landing"),
      result(`${folder}/annual-bill-2017.flow.yaml`, findings, "report"),
      result(`${folder}/annual-bill-2017.flow.yaml`, [], "after-continue"),
    ]);

  it("pairs a flow's steps by flow name, and writes the change log by flow name and step", () => {
    const d = diffReports(flowRun("v1", [finding("a", "1"), finding("b", "2")]), flowRun("elsewhere/v2", [finding("b", "2")]));
    expect(d.states).toHaveLength(3);
    expect(d.states.every((s) => s.matchedBy === "identity" && s.flow === "annual-bill-2017")).toBe(true);
    expect(d.verdict).toBe("partially-fixed");
    expect(d.targets).toMatchObject([{ label: "annual-bill-2017", verdict: "partially-fixed", fixed: 1, persisting: 1, introduced: 0 }]);
    const text = formatDiffText(d);
    expect(text).toContain(
      "annual-bill-2017: v1/annual-bill-2017.flow.yaml -> elsewhere/v2/annual-bill-2017.flow.yaml, paired by flow name",
    );
    expect(text).toMatch(/^FIXED +a on annual-bill-2017 \/ report: a message/m);
    expect(text).toMatch(/^STILL PRESENT +b on annual-bill-2017 \/ report/m);
  });

  it("pairs a URL written differently", () => {
    const d = diffReports(
      report([result("https://Example.com/bill#top", [finding("a", "1")])]),
      report([result("https://example.com/bill", [])]),
    );
    expect(d.states).toHaveLength(1);
    expect(d.verdict).toBe("fixed");
  });

  it("pairs pages by their path below each run's folder, and a lone target with a lone target", () => {
    const before = report([result("site-v1/a.html", [finding("a", "1")]), result("site-v1/sub/b.html", [finding("a", "7")])]);
    const after = report([result("site-v2/a.html", [finding("a", "1")]), result("site-v2/sub/b.html", [])]);
    const d = diffReports(before, after);
    expect(d.states.map((s) => [s.beforeTarget, s.target, s.matchedBy, s.verdict])).toEqual([
      ["site-v1/a.html", "site-v2/a.html", "relative-path", "not-fixed"],
      ["site-v1/sub/b.html", "site-v2/sub/b.html", "relative-path", "fixed"],
    ]);
    const lone = diffReports(report([result("old/bill.html", [finding("a", "1")])]), report([result("new/report.html", [])]));
    expect(lone.states).toMatchObject([{ matchedBy: "single-target", verdict: "fixed" }]);
  });

  it("a state that could not be linted in the later run is not fixed: its findings count as still present, unverified", () => {
    const failed = { ...result("bill", [], "report"), error: "did not load" };
    const d = diffReports(before, report([failed]));
    expect(d.fixed).toEqual([]);
    expect(d.persisting.map((f) => [f.fingerprint, f.unverified])).toEqual([
      ["1", true],
      ["2", true],
      ["3", true],
    ]);
    expect(d.verdict).toBe("not-fixed");
    expect(diffExitCode(d)).toBe(1);
    const text = formatDiffText(d);
    expect(text).toMatch(/NOT LINTED +bill \/ report in the later run: did not load/);
    expect(text).toMatch(/UNVERIFIED +a on bill \/ report: .*could not lint this state/);
  });

  it("notes a rule that did not run in the earlier run next to its findings", () => {
    const d = diffReports(
      report([result("x", [])], { a: "1.0.0" }),
      report([result("x", [finding("b", "9")])], { a: "1.0.0", b: "1.0.0" }),
    );
    expect(d.verdict).toBe("regressed");
    expect(formatDiffText(d)).toMatch(/NEW +b on x: .*rule did not run in the earlier run/);
  });
});

describe("diff of snapshot folders", () => {
  it("reads each folder as a report and gives the same verdicts as the reports", () => {
    const root = mkdtempSync(join(tmpdir(), "consentlint-diff-"));
    try {
      const meta = { tool: "0.1.0", rules: { a: "1.0.0", b: "1.0.0" } };
      const write = (dir: string, findings: Finding[]) => {
        const store = new SnapshotStore(join(root, dir), "all", meta);
        store.record(result(`${dir}/annual-bill-2017.flow.yaml`, [], "landing"), "");
        store.record(result(`${dir}/annual-bill-2017.flow.yaml`, findings, "report"), "- checkbox");
      };
      write("before", [finding("a", "1"), finding("b", "2")]);
      write("partial", [finding("b", "2")]);
      write("fixed", []);
      const b = readDiffInput(join(root, "before"));
      expect(b.results.map((r) => r.step).sort()).toEqual(["landing", "report"]);
      expect(diffReports(b, readDiffInput(join(root, "partial"))).verdict).toBe("partially-fixed");
      expect(diffReports(b, readDiffInput(join(root, "fixed"))).verdict).toBe("fixed");
      expect(diffReports(b, b).verdict).toBe("not-fixed");
      expect(() => readDiffInput(join(root, "nowhere"))).toThrow(/not found/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
