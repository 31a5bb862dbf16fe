/**
 * Static mode over the whole corpus. Each page's expected.json lists what the
 * browser finds; static mode must never crash, never find what the browser
 * does not (its findings are a subset), and for every expected finding it
 * misses, say why in the same rule's incomplete bucket (or the page is in
 * ALLOWED_MISSES with its reason). Throughput is printed, not asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, resolve } from "node:path";
import { loadConfig, overridesFor, resolveViewport } from "../lint/config/config.js";
import { selectRules, type EngineResult } from "../lint/run/engine.js";
import { buildStaticModelFromFile, runStaticRules } from "../lint/static/index.js";
import type { IncompleteEntry, LintResult } from "../lint/types.js";
import { allRules } from "../rules/index.js";
import { compareWithExpected, listCorpusPages, type CorpusPage, type ExpectedFinding } from "./corpus-expectations.js";

const corpusRoot = resolve(__dirname, "../corpus");
const pages = ["pages", "choice", "heldout"].flatMap((folder) => listCorpusPages(join(corpusRoot, folder), corpusRoot));
const loaded = loadConfig(join(corpusRoot, "consentlint.config.json"));
const languages = loaded.config.languages ?? [];

/**
 * Expected findings static mode misses without an incomplete entry of the same
 * rule, by page, with the reason. Empty: every miss is explained in the results.
 */
const ALLOWED_MISSES: Record<string, string> = {};

interface StaticRun {
  page: CorpusPage;
  result: EngineResult | null;
  error: string | null;
}

function lintPage(page: CorpusPage): EngineResult {
  const override = overridesFor(loaded, page.htmlPath);
  const model = buildStaticModelFromFile(page.htmlPath, {
    viewport: resolveViewport(override.viewport ?? loaded.config.viewport),
    locale: override.locale ?? loaded.config.locale ?? null,
    root: corpusRoot,
  });
  const rules = selectRules(allRules, [
    { source: "corpus config", rules: loaded.config.rules },
    { source: "corpus config overrides", rules: override.rules },
  ]);
  return runStaticRules(model, { rules, languages, ignore: loaded.config.ignore ?? [] });
}

function asLintResult(page: CorpusPage, result: EngineResult): LintResult {
  return {
    target: page.name,
    url: page.htmlPath,
    findings: result.findings,
    passes: result.passes,
    incomplete: result.incomplete,
    inapplicable: result.inapplicable,
  };
}

function lintAll(): StaticRun[] {
  return pages.map((page) => {
    try {
      return { page, result: lintPage(page), error: null };
    } catch (e) {
      return { page, result: null, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  });
}

const squash = (s: string): string => s.replace(/\s+/gu, " ").trim();

/**
 * The incomplete entries of the rule that account for a missed finding: one
 * about the same text (a pass static mode could not stand behind), or one
 * about the whole page (scripts not run, a frame not read).
 */
function explaining(result: EngineResult, missed: ExpectedFinding): IncompleteEntry[] {
  return result.incomplete.filter(
    (i) => i.ruleId === missed.ruleId && (i.text === undefined || squash(i.text).includes(squash(missed.text))),
  );
}

function describeFinding(f: { ruleId: string; text: string }): string {
  return `${f.ruleId}: "${f.text.replace(/\s+/gu, " ").slice(0, 100)}"`;
}

describe("static mode over the corpus", () => {
  let runs: StaticRun[] = [];
  const timing = { cold: { wall: 0, cpu: 0 }, warm: { wall: 0, cpu: 0 } };
  const measure = (into: { wall: number; cpu: number }, work: () => void): void => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpu);
    into.wall = performance.now() - wall;
    into.cpu = (used.user + used.system) / 1000;
  };

  beforeAll(() => {
    measure(timing.cold, () => {
      runs = lintAll();
    });
    measure(timing.warm, () => lintAll());
  }, 300_000);

  it("lints every corpus page without crashing", () => {
    expect(pages.length).toBeGreaterThanOrEqual(24);
    const crashed = runs.filter((r) => r.error !== null).map((r) => `${r.page.name}: ${r.error}`);
    expect(crashed).toEqual([]);
  });

  it("finds nothing the browser does not (static findings are a subset of the expected ones)", () => {
    const extra: string[] = [];
    for (const { page, result } of runs) {
      if (!result) continue;
      for (const f of compareWithExpected(asLintResult(page, result), page.expected).unexpected)
        extra.push(`${page.name}: ${describeFinding(f)} (${f.message})`);
    }
    expect(extra).toEqual([]);
  });

  it("reports an incomplete of the same rule for every expected finding it misses", () => {
    const unexplained: string[] = [];
    for (const { page, result } of runs) {
      if (!result || page.name in ALLOWED_MISSES) continue;
      for (const m of compareWithExpected(asLintResult(page, result), page.expected).missing) {
        if (explaining(result, m).length === 0) unexplained.push(`${page.name}: ${describeFinding(m)}`);
      }
    }
    expect(unexplained).toEqual([]);
  });

  it("lists only pages that exist in ALLOWED_MISSES", () => {
    const names = new Set(pages.map((p) => p.name));
    expect(Object.keys(ALLOWED_MISSES).filter((n) => !names.has(n))).toEqual([]);
  });

  afterAll(() => {
    let expected = 0;
    let found = 0;
    let incompleteOnly = 0;
    const scriptless = { pages: 0, expected: 0, found: 0 };
    const missedLines: string[] = [];
    for (const { page, result } of runs) {
      if (!result) continue;
      const { missing } = compareWithExpected(asLintResult(page, result), page.expected);
      expected += page.expected.findings.length;
      found += page.expected.findings.length - missing.length;
      if (!result.incomplete.some((i) => i.reason === "static-mode: scripts not run")) {
        scriptless.pages += 1;
        scriptless.expected += page.expected.findings.length;
        scriptless.found += page.expected.findings.length - missing.length;
      }
      for (const m of missing) {
        const reasons = [...new Set(explaining(result, m).map((i) => i.reason))];
        if (reasons.length > 0) incompleteOnly += 1;
        missedLines.push(`  ${page.name}: ${describeFinding(m as ExpectedFinding)} -> ${reasons.join(", ") || "no incomplete"}`);
      }
    }
    const rate = (t: { wall: number; cpu: number }): string =>
      `${(pages.length / (t.wall / 1000)).toFixed(1)} pages/s wall-clock, ${(pages.length / (t.cpu / 1000)).toFixed(1)} pages/s of this process's CPU time (${(t.cpu / pages.length).toFixed(1)} ms/page)`;
    console.log(
      [
        `static mode over ${pages.length} corpus pages: ${expected} expected findings, ${found} found, ${incompleteOnly} missed with an incomplete of the same rule, ${expected - found - incompleteOnly} missed without`,
        `pages that run no script: ${scriptless.pages}, with ${scriptless.expected} expected findings, ${scriptless.found} found`,
        ...missedLines,
        `throughput, first pass (loading included): ${rate(timing.cold)}`,
        `throughput, second pass: ${rate(timing.warm)}`,
      ].join("\n"),
    );
  });
});
