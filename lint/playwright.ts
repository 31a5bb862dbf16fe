/**
 * A Playwright Test matcher:
 *
 *   import { expect } from "@playwright/test";
 *   import { consentlintMatchers } from "consentlint/playwright";
 *   expect.extend(consentlintMatchers);
 *   await expect(page).toPassConsentLint();
 */
import type { Page } from "playwright";
import { lintPage, type LintPageOptions } from "./page-api.js";
import { describeMeasures } from "./report/measures.js";
import type { LintResult } from "./types.js";

export interface ConsentLintMatcherOptions extends LintPageOptions {
  /** Also fail on warn-severity findings (default false). */
  failOnWarnings?: boolean;
}

export function describeFindings(result: LintResult, failOnWarnings = false): string {
  const relevant = result.findings.filter((f) => failOnWarnings || f.severity === "error");
  return relevant
    .map((f, i) => {
      const measured = describeMeasures(f.evidence);
      return `  ${i + 1}. ${f.ruleId}: ${f.message}\n     ${f.role} "${f.name}" at ${f.selector}\n     text: “${f.text}”${measured ? `\n     measured: ${measured}` : ""}`;
    })
    .join("\n");
}

export const consentlintMatchers = {
  async toPassConsentLint(this: { isNot?: boolean }, page: Page, options: ConsentLintMatcherOptions = {}) {
    const result = await lintPage(page, options);
    const failing = result.findings.filter((f) => options.failOnWarnings || f.severity === "error");
    const pass = failing.length === 0;
    const message = () =>
      pass
        ? `expected ${result.url} to have consent findings, but consentlint found none`
        : `expected ${result.url} to pass consentlint, but it found ${failing.length} problem${failing.length === 1 ? "" : "s"}:\n${describeFindings(result, options.failOnWarnings)}`;
    return { pass, message, name: "toPassConsentLint", expected: 0, actual: failing.length };
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace PlaywrightTest {
    interface Matchers<R> {
      toPassConsentLint(options?: ConsentLintMatcherOptions): Promise<R>;
    }
  }
}
