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
