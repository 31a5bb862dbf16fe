/** The programmatic API: everything the CLI does, typed. */
import type { Page } from "playwright";
import { lint as lintWith, prepareRun as prepareRunWith, type LintOptions, type LintResultWithModel, type RunSetup } from "./run/runner.js";
import { lintPage as lintPageWith, type LintPageOptions } from "./run/page-api.js";
import type { LintReport, LintResult, Rule } from "./types.js";
import { allRules } from "./rule-set.js";

export { defaultConcurrency, DEFAULT_TIMEOUT_MS } from "./run/runner.js";
export type { LintOptions, LintResultWithModel, RunSetup } from "./run/runner.js";
export { allRules };

/** Lints pages and flows (targets as the command line takes them) with every rule, as `consentlint lint` does, or with the rules given. */
export function lint(
  inputs: string[],
  opts: LintOptions = {},
  rules: readonly Rule[] = allRules,
): Promise<LintReport & { results: LintResultWithModel[] }> {
  return lintWith(inputs, opts, rules);
}

/** Checks config and rule settings (of the given rules, by default every rule) without linting anything. */
export function prepareRun(opts: LintOptions, rules: readonly Rule[] = allRules): RunSetup {
  return prepareRunWith(opts, rules);
}

/** Lints a Playwright Page the caller already has, as it is now, with every rule or the rules given. */
export function lintPage(page: Page, opts: LintPageOptions = {}, rules: readonly Rule[] = allRules): Promise<LintResult> {
  return lintPageWith(page, opts, rules);
}
export { runRules, selectRules, fingerprintOf } from "./run/engine.js";
export { loadConfig, parseConfigText } from "./config/config.js";
export { launchBrowser, findBrowser, VIEWPORTS } from "./browser/launch.js";
export { extractPageModel } from "./extract/index.js";
export { formatJson } from "./report/json.js";
export { formatStylish } from "./report/stylish.js";
export * from "./types.js";
export * from "./model.js";
export * from "./behaviour/types.js";
export * from "./language/types.js";
export type { LintPageOptions } from "./run/page-api.js";
export { mergeReports } from "./run/merge.js";
export { diffReports, readDiffInput, reportFromSnapshotDir, formatDiffText, diffExitCode, verdictOf } from "./snapshot/diff.js";
export type { Verdict, DiffEntry, StateDiff, ReportDiff } from "./snapshot/diff.js";
export { renderReport, REPORT_FORMATS } from "./report/render.js";
export type { ReportFormat, RenderOptions } from "./report/render.js";
export { verifyEvidence } from "./evidence/manifest.js";
