import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Evidence, Finding, LintReport, LintResult, Severity } from "../types.js";
import { formatBatchSummary, summarizeBatch } from "./batch-summary.js";

const DATA = fileURLToPath(new URL("../../test/data/", import.meta.url));

function loadReport(): LintReport {
  const raw = readFileSync(join(DATA, "report-with-hostile-text.json"), "utf8");
  return JSON.parse(raw.replaceAll("file:///__DATA__/", pathToFileURL(DATA).href.replace(/\/?$/, "/"))) as LintReport;
}

let serial = 0;
function finding(ruleId: string, evidence: Evidence, severity: Severity = "error"): Finding {
  serial += 1;
  return {
    ruleId,
    severity,
    message: `m${serial}`,
    selector: "input",
    role: "checkbox",
    name: "",
    text: "t",
    evidence,
    legal: [],
    fingerprint: `fp${serial}`,
  };
}

function state(target: string, findings: Finding[], extra: Partial<LintResult> = {}): LintResult {
  return { target, url: `https://${target}/`, findings, passes: [], incomplete: [], inapplicable: [], ...extra };
}

const RULES = { "pre-checked-opt-in": "1.0.0", "hidden-consent-text": "1.0.0", "bundled-consent": "1.0.0" };

/** Six sites: a and c pre-check marketing, c also hides text, b bundles on two steps, d is clean, e fails, f fails on one step only. */
function batch(): LintReport {
  const results = [
    state("a.example", [
      finding("pre-checked-opt-in", { purposes: ["marketing"] }),
      finding("pre-checked-opt-in", { purposes: ["marketing", "credit-scoring"] }),
    ]),
    state("b.example", [finding("bundled-consent", { bundling: ["statement"], purposes: ["third-party-sharing"] })], { step: "pay" }),
    state("b.example", [finding("bundled-consent", { bundling: ["required"], purposes: ["marketing"] })], { step: "signup" }),
    state("c.example", [
      finding("pre-checked-opt-in", { purposes: ["marketing"] }),
      finding("hidden-consent-text", { conditions: ["font-size", "contrast"] }, "warn"),
    ]),
    state("d.example", [], { incomplete: [{ ruleId: "hidden-consent-text", reason: "background-image", message: "x" }] }),
    state("e.example", [], { error: "timeout" }),
    state("f.example", [], { step: "one" }),
    state("f.example", [], { step: "two", error: "click failed" }),
  ];
  return {
    tool: { name: "consentlint", version: "0" },
    results,
    summary: { targets: 6, errors: 0, warnings: 0, durationMs: 0 },
    rules: RULES,
    startedAt: "2024-01-01T00:00:00Z",
  };
}

describe("summarizeBatch", () => {
  it("counts distinct targets, linted, clean, failed and undecided ones", () => {
    const s = summarizeBatch(batch());
    expect(s.targets).toBe(6);
    expect(s.linted).toBe(5);
    expect(s.withFindings).toEqual({ count: 3, targets: ["a.example", "b.example", "c.example"] });
    expect(s.clean).toEqual({ count: 1, targets: ["d.example"] });
    expect(s.failed.targets).toEqual(["e.example", "f.example"]);
    expect(s.failed.states).toEqual([
      { target: "e.example", error: "timeout" },
      { target: "f.example", step: "two", error: "click failed" },
    ]);
    expect(s.undecided.targets).toEqual(["d.example"]);
  });

  it("counts each rule by targets, not by findings or states, widest first", () => {
    const s = summarizeBatch(batch());
    expect(s.rules.map((r) => [r.ruleId, r.count, r.findings])).toEqual([
      ["pre-checked-opt-in", 2, 3],
      ["bundled-consent", 1, 2],
      ["hidden-consent-text", 1, 1],
    ]);
    const precheck = s.rules[0];
    expect(precheck.targets).toEqual(["a.example", "c.example"]);
    expect(precheck).toMatchObject({ errors: 3, warnings: 0 });
    expect(s.rules[2]).toMatchObject({ errors: 0, warnings: 1 });
  });

  it("breaks each rule down by purpose, hiding condition and kind of bundling", () => {
    const s = summarizeBatch(batch());
    const byRule = new Map(s.rules.map((r) => [r.ruleId, r]));
    expect(byRule.get("pre-checked-opt-in")!.patterns.map((p) => [p.kind, p.value, p.targets, p.findings])).toEqual([
      ["purpose", "marketing", ["a.example", "c.example"], 3],
      ["purpose", "credit-scoring", ["a.example"], 1],
    ]);
    expect(byRule.get("hidden-consent-text")!.patterns.map((p) => `${p.kind}:${p.value}`)).toEqual([
      "condition:contrast",
      "condition:font-size",
    ]);
    expect(
      byRule
        .get("bundled-consent")!
        .patterns.filter((p) => p.kind === "bundling")
        .map((p) => p.value),
    ).toEqual(["required", "statement"]);
  });

  it("counts purposes across rules by target", () => {
    const s = summarizeBatch(batch());
    const marketing = s.purposes.find((p) => p.value === "marketing")!;
    expect(marketing.targets).toEqual(["a.example", "b.example", "c.example"]);
    expect(marketing.findings).toBe(4);
  });

  it("lists rules that ran but found nothing with zero targets", () => {
    const report = batch();
    report.results = report.results.filter((r) => r.findings.every((f) => f.ruleId !== "bundled-consent"));
    const rule = summarizeBatch(report).rules.find((r) => r.ruleId === "bundled-consent")!;
    expect(rule).toMatchObject({ count: 0, findings: 0, targets: [], patterns: [] });
  });
});

describe("formatBatchSummary", () => {
  it("states counts, rates of linted targets and which targets", () => {
    const text = formatBatchSummary(summarizeBatch(batch()));
    expect(text).toContain("6 targets: 5 linted, 3 with findings, 1 clean, 2 could not be linted");
    expect(text).toMatch(/pre-checked-opt-in\s+2 of 5 targets \(40%\), 3 findings \(3 errors\)/);
    expect(text).toContain("purpose marketing: 2 targets (40%): a.example, c.example");
    expect(text).toContain("f.example › two: click failed");
  });

  it("shortens long target lists", () => {
    const report = batch();
    report.results = Array.from({ length: 15 }, (_, i) =>
      state(`site${i}.example`, [finding("pre-checked-opt-in", { purposes: ["marketing"] })]),
    );
    const text = formatBatchSummary(summarizeBatch(report), { maxListed: 3 });
    expect(text).toContain("targets: site0.example, site1.example, site2.example, … and 12 more");
  });

  it("keeps control characters and line breaks of target names and errors out of the text", () => {
    const report = loadReport();
    report.results[0] = { ...report.results[0], target: "evil\u001b[2J\nname" };
    const text = formatBatchSummary(summarizeBatch(report));
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain("evil [2J name");
    expect(text.split("\n").filter((l) => l.includes("Could not load"))).toHaveLength(1);
  });
});
