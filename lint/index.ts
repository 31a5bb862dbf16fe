/** The programmatic API: everything the CLI does, typed. */
export { lint, prepareRun, defaultConcurrency, DEFAULT_TIMEOUT_MS } from "./runner.js";
export type { LintOptions, LintResultWithModel } from "./runner.js";
export { runRules, selectRules, fingerprintOf } from "./engine.js";
export { loadConfig, parseConfigText } from "./config.js";
export { launchBrowser, findBrowser, VIEWPORTS } from "./browser.js";
export { extractPageModel } from "./extract/index.js";
export { formatJson } from "./report/json.js";
export { formatStylish } from "./report/stylish.js";
export { allRules } from "../rules/index.js";
export * from "./types.js";
export * from "./model.js";
export * from "./language/types.js";
export { lintPage } from "./page-api.js";
export type { LintPageOptions } from "./page-api.js";
export { mergeReports } from "./merge.js";
