/**
 * Linting a Playwright Page the caller already has (behind a login, after a
 * purchase): the state as it is now, with the same rules and config as `lint`.
 */
import type { Page } from "playwright";
import { runRules } from "./engine.js";
import { extractPageModel } from "./extract/index.js";
import type { FlowActionRecord, Viewport } from "./model.js";
import { DEFAULT_TIMEOUT_MS, prepareRun, type LintOptions } from "./runner.js";
import { resolveThresholds } from "./config.js";
import { waitForSettle } from "./settle.js";
import type { LintResult } from "./types.js";

export interface LintPageOptions extends Pick<LintOptions, "config" | "cwd" | "rules" | "timeout"> {
  /** Name to report as the target (default: the page's URL). */
  target?: string;
  /** Step name to report. */
  step?: string;
  /** What the user did to reach this state, for the primary-purpose decision ("View my annual bill"). */
  flowActions?: FlowActionRecord[];
}

export async function lintPage(page: Page, opts: LintPageOptions = {}): Promise<LintResult> {
  const started = Date.now();
  const setup = prepareRun(opts);
  const cfg = setup.loaded.config;
  const timeoutMs = opts.timeout ?? cfg.timeout ?? DEFAULT_TIMEOUT_MS;
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const viewport: Viewport = await page
    .evaluate(() => ({ dpr: window.devicePixelRatio, touch: navigator.maxTouchPoints > 0 }))
    .then((v) => ({ ...size, deviceScaleFactor: v.dpr, isMobile: v.touch }))
    .catch(() => ({ ...size, deviceScaleFactor: 1, isMobile: false }));
  await waitForSettle(page, { timeoutMs: Math.min(10_000, timeoutMs) });
  const model = await extractPageModel(page, { viewport, locale: null, flowActions: opts.flowActions ?? [], timeoutMs });
  const outcome = runRules(model, {
    rules: setup.rulesFor(null),
    thresholds: resolveThresholds(cfg.thresholds),
    languages: cfg.languages ?? [],
    ignore: cfg.ignore ?? [],
  });
  return {
    target: opts.target ?? model.url,
    ...(opts.step ? { step: opts.step } : {}),
    url: model.url,
    viewport,
    findings: outcome.findings,
    passes: outcome.passes,
    incomplete: outcome.incomplete,
    inapplicable: outcome.inapplicable,
    durationMs: Date.now() - started,
  };
}
