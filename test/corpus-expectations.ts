/** Reading the corpus and comparing a report with each page's expected.json (these findings and no others). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Finding, IncompleteEntry, LintResult } from "../lint/types.js";

export interface ExpectedFinding {
  ruleId: string;
  text: string;
}

export interface Expected {
  description: string;
  findings: ExpectedFinding[];
  incomplete?: { ruleId?: string; reason: string }[];
}

export interface CorpusPage {
  /** Folder relative to the corpus root, e.g. "pages/zh/annual-bill-2017.mobile". */
  name: string;
  htmlPath: string;
  expected: Expected;
}

export function listCorpusPages(pagesDir: string, corpusRoot: string): CorpusPage[] {
  const pages: CorpusPage[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    if (existsSync(join(dir, "expected.json")) && existsSync(join(dir, "index.html"))) {
      pages.push({
        name: relative(corpusRoot, dir).split("\\").join("/"),
        htmlPath: join(dir, "index.html"),
        expected: JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected,
      });
    }
    for (const e of entries) if (e.isDirectory() && e.name !== "frames") walk(join(dir, e.name));
  };
  walk(pagesDir);
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

export interface Comparison {
  missing: ExpectedFinding[];
  unexpected: Finding[];
  missingIncomplete: { ruleId?: string; reason: string }[];
}

export function compareWithExpected(result: LintResult, expected: Expected): Comparison {
  const left = [...result.findings];
  const missing: ExpectedFinding[] = [];
  for (const exp of expected.findings) {
    const index = left.findIndex((f) => f.ruleId === exp.ruleId && squash(f.text).includes(squash(exp.text)));
    if (index >= 0) left.splice(index, 1);
    else missing.push(exp);
  }
  const missingIncomplete = (expected.incomplete ?? []).filter(
    (exp) => !result.incomplete.some((i: IncompleteEntry) => i.reason === exp.reason && (!exp.ruleId || i.ruleId === exp.ruleId)),
  );
  return { missing, unexpected: left, missingIncomplete };
}

export function describeComparison(c: Comparison, result: LintResult): string {
  const lines: string[] = [];
  for (const m of c.missing) lines.push(`  missing   ${m.ruleId}: "${m.text}"`);
  for (const u of c.unexpected) lines.push(`  unexpected ${u.ruleId}: "${u.text.slice(0, 120)}" (${u.message})`);
  for (const i of c.missingIncomplete) lines.push(`  missing incomplete ${i.ruleId ?? "*"}: ${i.reason}`);
  if (result.error) lines.push(`  error: ${result.error}`);
  if (lines.length) {
    lines.push(`  actual findings: ${result.findings.map((f) => `${f.ruleId} "${f.text.slice(0, 60)}"`).join(" | ") || "none"}`);
  }
  return lines.join("\n");
}

/** True and false positives and misses of one rule (or all rules) over some states. */
export interface Score {
  expected: number;
  found: number;
  truePositives: number;
  falsePositives: number;
  misses: number;
}

const emptyScore = (): Score => ({ expected: 0, found: 0, truePositives: 0, falsePositives: 0, misses: 0 });

/** Adds one state's comparison to per-rule scores (key "all" for every rule together). */
export function addToScores(scores: Map<string, Score>, expected: readonly ExpectedFinding[], c: Comparison): void {
  const bump = (ruleId: string, field: keyof Score) => {
    for (const key of [ruleId, "all"]) {
      const s = scores.get(key) ?? emptyScore();
      s[field] += 1;
      scores.set(key, s);
    }
  };
  for (const e of expected) bump(e.ruleId, "expected");
  const missed = new Set(c.missing);
  for (const e of expected) if (!missed.has(e)) bump(e.ruleId, "truePositives");
  for (const m of c.missing) bump(m.ruleId, "misses");
  for (const u of c.unexpected) bump(u.ruleId, "falsePositives");
  for (const [, s] of scores) s.found = s.truePositives + s.falsePositives;
}

/** Precision and recall as text: "P 0.83 (5/6) R 1.00 (5/5)"; "-" where nothing was found or expected. */
export function describeScore(s: Score): string {
  const ratio = (n: number, d: number) => (d === 0 ? "-" : `${(n / d).toFixed(2)} (${n}/${d})`);
  return `precision ${ratio(s.truePositives, s.found)}, recall ${ratio(s.truePositives, s.expected)}`;
}
