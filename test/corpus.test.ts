/**
 * The whole corpus (`pages/`, the core rules' pages; `choice/`, the choice
 * rules' pages; `heldout/`, choice pages written from the spec by a reader
 * who never saw the rule code), linted in real Chromium through the public API with
 * the corpus config, must give every page exactly its expected findings, for
 * all rules. Precision and recall per rule are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, resolve } from "node:path";
import { lint } from "../lint/index.js";
import type { LintReport, LintResult } from "../lint/types.js";
import { addToScores, compareWithExpected, describeComparison, describeScore, listCorpusPages, type Score } from "./corpus-expectations.js";

const corpusRoot = resolve(__dirname, "../corpus");
const FOLDERS = ["pages", "choice", "heldout"];
const pages = FOLDERS.flatMap((folder) => listCorpusPages(join(corpusRoot, folder), corpusRoot));

describe("corpus", () => {
  let report: LintReport;
  const byPath = new Map<string, LintResult>();
  const scores = new Map<string, Score>();

  afterAll(() => {
    const lines = [...scores].sort(([a], [b]) => a.localeCompare(b)).map(([rule, s]) => `  ${rule.padEnd(20)} ${describeScore(s)}`);
    console.log(`corpus pages/, choice/ and heldout/, precision and recall per rule:\n${lines.join("\n")}`);
  });

  beforeAll(async () => {
    report = await lint(
      FOLDERS.map((folder) => join(corpusRoot, folder)),
      { config: join(corpusRoot, "consentlint.config.json"), cwd: corpusRoot },
    );
    for (const r of report.results) byPath.set(resolve(corpusRoot, r.target), r);
  }, 600_000);

  it("has at least 24 pages in en, de and zh, at mobile and desktop viewports", () => {
    expect(pages.length).toBeGreaterThanOrEqual(24);
    for (const lang of ["en", "de", "zh"]) expect(pages.some((p) => p.name.startsWith(`pages/${lang}/`))).toBe(true);
    expect(pages.some((p) => p.name.includes(".mobile"))).toBe(true);
    expect(pages.some((p) => !p.name.includes(".mobile"))).toBe(true);
  });

  it("lints every page and nothing else", () => {
    expect(report.results.map((r) => resolve(corpusRoot, r.target)).sort()).toEqual(pages.map((p) => p.htmlPath).sort());
  });

  for (const page of pages) {
    it(`${page.name} gives exactly its expected findings`, () => {
      const result = byPath.get(page.htmlPath);
      expect(result, `no result for ${page.name}`).toBeDefined();
      expect(result!.error).toBeUndefined();
      const comparison = compareWithExpected(result!, page.expected);
      addToScores(scores, page.expected.findings, comparison);
      const problems = describeComparison(comparison, result!);
      expect(problems, `${page.name}: ${page.expected.description}\n${problems}`).toBe("");
    });
  }
});
