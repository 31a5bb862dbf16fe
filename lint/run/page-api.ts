/**
 * Linting a Playwright Page the caller already has (behind a login, after a
 * purchase): the state as it is now, with the same rules and config as `lint`.
 */
import type { Locator, Page } from "playwright";
import { runRules } from "./engine.js";
import { extractPageModel } from "../extract/index.js";
import type { FlowActionRecord, Viewport } from "../model.js";
import { DEFAULT_TIMEOUT_MS, prepareRun, type LintOptions } from "./runner.js";
import { waitForSettle } from "../browser/settle.js";
import { TOUCHED_ATTRIBUTE } from "../flow/actions.js";
import type { LintResult, Rule } from "../types.js";

export interface LintPageOptions extends Pick<LintOptions, "config" | "cwd" | "rules" | "timeout"> {
  /** Name to report as the target (default: the page's URL). */
  target?: string;
  /** Step name to report. */
  step?: string;
  /** What the user did to reach this state, for the primary-purpose decision ("View my annual bill"). */
  flowActions?: FlowActionRecord[];
  /**
   * Controls the caller itself set (ticked, switched, chose) before linting:
   * they are the user's doing, as a flow's own actions are, and not reported
   * as pre-checked or bundled. A label marks its control too.
   */
  touched?: Locator[];
}

/** Marks what the locators find (and the control of a label) as set by the user. */
async function markTouched(locators: Locator[]): Promise<void> {
  for (const locator of locators) {
    await locator.evaluateAll((elements, attribute) => {
      for (const el of elements) {
        el.setAttribute(attribute, "");
        if (el instanceof HTMLLabelElement && el.control) el.control.setAttribute(attribute, "");
      }
    }, TOUCHED_ATTRIBUTE);
  }
}

/** Lints the page as it is now with the rules given (the package API passes every rule: see lint/index.ts). */
export async function lintPage(page: Page, opts: LintPageOptions, rules: readonly Rule[]): Promise<LintResult> {
  const started = Date.now();
  const setup = prepareRun(opts, rules);
  const cfg = setup.loaded.config;
  const timeoutMs = opts.timeout ?? cfg.timeout ?? DEFAULT_TIMEOUT_MS;
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const viewport: Viewport = await page
    .evaluate(() => ({ dpr: window.devicePixelRatio, touch: navigator.maxTouchPoints > 0 }))
    .then((v) => ({ ...size, deviceScaleFactor: v.dpr, isMobile: v.touch }))
    .catch(() => ({ ...size, deviceScaleFactor: 1, isMobile: false }));
  await waitForSettle(page, { timeoutMs: Math.min(10_000, timeoutMs) });
  if (opts.touched?.length) await markTouched(opts.touched);
  const model = await extractPageModel(page, { viewport, locale: null, flowActions: opts.flowActions ?? [], timeoutMs });
  const outcome = runRules(model, {
    rules: setup.rulesFor(null),
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
