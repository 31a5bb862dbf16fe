/**
 * A Playwright Test matcher:
 *
 *   import { expect as base } from "@playwright/test";
 *   import { consentlintMatchers } from "consentlint/playwright";
 *   const expect = base.extend(consentlintMatchers);
 *   await expect(page).toPassConsentLint();
 *
 * It lints the page as it is now (after the test's own clicks) and fails
 * with one block per finding: rule, message, element, consent text, state
 * and what was measured.
 */
import type { Page } from "playwright";
import { lintPage, type LintPageOptions } from "./run/page-api.js";
import { allRules } from "./rule-set.js";
import { describeMeasures, describeState } from "./report/measures.js";
import type { Finding, LintResult } from "./types.js";

export interface ConsentLintMatcherOptions extends LintPageOptions {
  /** Also fail on warn-severity findings (default false). */
  failOnWarnings?: boolean;
}

/** The part of Playwright's matcher context the matcher reads. */
interface MatcherState {
  isNot?: boolean;
}

/** Longest consent text quoted per finding; the rest is cut with an ellipsis. */
const MAX_TEXT = 240;

function oneLine(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function describeElement(f: Finding): string {
  const name = oneLine(f.name, 120);
  const what = f.role && f.role !== "text" ? `${f.role}${name ? ` "${name}"` : ""}` : "statement";
  return f.selector ? `${what} at ${f.selector}` : what;
}

function failingFindings(result: LintResult, failOnWarnings: boolean): Finding[] {
  return result.findings.filter((f) => failOnWarnings || f.severity === "error");
}

/** One numbered block per finding: rule and message, element, consent text, state, measurements. */
export function describeFindings(result: LintResult, failOnWarnings = false): string {
  return failingFindings(result, failOnWarnings)
    .map((f, i) => {
      const lines = [
        `  ${i + 1}. ${f.ruleId} (${f.severity}): ${f.message}`,
        `     element:  ${describeElement(f)}`,
        `     text:     "${oneLine(f.text)}"`,
      ];
      const state = describeState(f.evidence);
      if (state) lines.push(`     state:    ${state}`);
      const measured = describeMeasures(f.evidence);
      if (measured) lines.push(`     measured: ${measured}`);
      return lines.join("\n");
    })
    .join("\n");
}

function where(result: LintResult): string {
  return `${result.url}${result.step ? ` (step "${result.step}")` : ""}`;
}

/** The whole failure message, as Playwright prints it under the failing line. */
export function matcherMessage(result: LintResult, isNot: boolean, failOnWarnings = false): string {
  const hint = `expect(page).${isNot ? "not." : ""}toPassConsentLint()`;
  const failing = failingFindings(result, failOnWarnings);
  if (isNot) {
    return `${hint}\n\nExpected consentlint to find problems on ${where(result)}, but it found none.`;
  }
  const count = `${failing.length} problem${failing.length === 1 ? "" : "s"}`;
  const ignored = result.findings.length - failing.length;
  const note =
    ignored > 0
      ? `\n\n${ignored} warning${ignored === 1 ? " was" : "s were"} not counted; pass { failOnWarnings: true } to fail on warnings too.`
      : "";
  return `${hint}\n\nconsentlint found ${count} on ${where(result)}:\n\n${describeFindings(result, failOnWarnings)}${note}`;
}

export const consentlintMatchers = {
  async toPassConsentLint(this: MatcherState, page: Page, options: ConsentLintMatcherOptions = {}) {
    const { failOnWarnings = false, ...lintOptions } = options;
    const result = await lintPage(page, lintOptions, allRules);
    const failing = failingFindings(result, failOnWarnings);
    const pass = failing.length === 0;
    return {
      pass,
      message: () => matcherMessage(result, this.isNot === true, failOnWarnings),
      name: "toPassConsentLint",
      expected: 0,
      actual: failing.length,
    };
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Playwright declares its matchers in this global namespace
  namespace PlaywrightTest {
    // Same type parameters as @playwright/test's own declaration, so both can be in one program.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declaration merging needs the same type parameters
    interface Matchers<R, T = unknown> {
      toPassConsentLint(options?: ConsentLintMatcherOptions): Promise<R>;
    }
  }
}
