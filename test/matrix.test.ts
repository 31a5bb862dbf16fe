/**
 * The viewport x locale matrix and static mode, through the command line:
 * every target in every combination as its own result, and a pattern that
 * exists only on phones (or only in one locale) reported only there.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { LintReport, LintResult } from "../lint/types.js";

const root = resolve(__dirname, "..");
const bin = resolve(root, "bin/consentlint.js");

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rulesOf(result: LintResult | undefined): string[] {
  if (!result) throw new Error("no such result");
  return result.findings.map((f) => f.ruleId).sort();
}

describe("--viewport and --locale lists", () => {
  let report: LintReport;
  const pick = (file: string, width: number, locale: string) =>
    report.results.find((r) => r.target.endsWith(file) && r.viewport?.width === width && r.locale === locale);

  beforeAll(() => {
    const r = run([
      "lint",
      "test/data/matrix",
      "--viewport",
      "mobile,desktop",
      "--locale",
      "zh-CN, en-US",
      "--format",
      "json",
      "--concurrency",
      "2",
    ]);
    expect(r.stderr).toBe("");
    report = JSON.parse(r.stdout) as LintReport;
  });

  it("lints every target in every combination, each as its own result with viewport and locale", () => {
    expect(report.results).toHaveLength(2 * 2 * 2);
    for (const result of report.results) {
      expect(result.error).toBeUndefined();
      expect([390, 1280]).toContain(result.viewport?.width);
      expect(["zh-CN", "en-US"]).toContain(result.locale);
    }
    const combos = new Set(report.results.map((r) => `${r.target}|${r.viewport?.width}|${r.locale}`));
    expect(combos.size).toBe(8);
  });

  it("reports consent text that only phones make unreadable only in the mobile results", () => {
    for (const locale of ["zh-CN", "en-US"]) {
      expect(rulesOf(pick("responsive-signup.html", 390, locale))).toEqual(["hidden-consent-text"]);
      expect(rulesOf(pick("responsive-signup.html", 1280, locale))).toEqual([]);
    }
    const mobile = pick("responsive-signup.html", 390, "en-US")!.findings[0];
    expect(mobile.evidence.fontPx).toBe(6);
    expect(mobile.evidence.viewport).toMatchObject({ width: 390, isMobile: true });
  });

  it("reports a box the page ticks only for Chinese visitors only in the zh-CN results", () => {
    for (const width of [390, 1280]) {
      expect(rulesOf(pick("locale-banner.html", width, "zh-CN"))).toEqual(["bundled-consent", "pre-checked-opt-in"]);
      expect(rulesOf(pick("locale-banner.html", width, "en-US"))).toEqual([]);
    }
  });

  it("names a bad list item", () => {
    const bad = run(["lint", "test/data/matrix", "--viewport", "mobile,huge"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('got "huge"');
  });
});

describe("--static", () => {
  it("lints without a browser and reports what needs one as incomplete rather than guessing", () => {
    const r = run(["lint", "test/data/matrix", "--static", "--format", "json"]);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as LintReport;
    expect(report.browser).toBeUndefined();
    expect(report.results).toHaveLength(2);
    // The partner box is built by a script: static mode cannot know it, so it must not claim the page is clean.
    const scripted = report.results.find((r) => r.target.endsWith("locale-banner.html"))!;
    expect(scripted.findings).toEqual([]);
    expect(scripted.incomplete.length).toBeGreaterThan(0);
    // Desktop is the default viewport: the media query for phones does not apply.
    const responsive = report.results.find((r) => r.target.endsWith("responsive-signup.html"))!;
    expect(responsive.error).toBeUndefined();
    expect(responsive.findings).toEqual([]);
  });
});
