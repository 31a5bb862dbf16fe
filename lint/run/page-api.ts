/**
 * Linting a Playwright Page the caller already has (behind a login, after a
 * purchase): the state as it is now, with the same rules, config and run
 * notes as `lint`, through the same state pipeline.
 */
import type { Locator, Page } from "playwright";
import { runRules } from "./engine.js";
import type { FlowActionRecord, PageModel, Viewport } from "../model.js";
import type { LintOptions } from "./runner.js";
import { prepareRun } from "./setup.js";
import { readWithin, settleWithin } from "./browser-source.js";
import { TOUCHED_ATTRIBUTE } from "../flow/actions.js";
import type { LintResult, Rule } from "../types.js";
import { DEFAULT_TIMEOUT_MS, Deadline } from "./deadline.js";
import { emptyResult } from "./results.js";
import { lintState, NO_OUTPUTS, type PipelineHooks, type StateSource } from "./state.js";

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

/** The state a caller's page shows now: it is already there (nothing to open or navigate), and it is the caller's to guard and close. */
class OwnedPageState implements StateSource {
  constructor(
    private readonly page: Page,
    private readonly viewport: Viewport,
    private readonly opts: LintPageOptions,
  ) {}

  async reach(): Promise<void> {}

  async read(deadline: Deadline, hooks: PipelineHooks): Promise<PageModel> {
    await settleWithin(this.page, deadline, hooks);
    if (this.opts.touched?.length) await markTouched(this.opts.touched);
    return readWithin(this.page, { viewport: this.viewport, locale: null, flowActions: this.opts.flowActions ?? [] }, deadline, hooks);
  }

  rules = runRules;

  async consentAria(): Promise<string> {
    return "";
  }

  async evidence(): Promise<never> {
    throw new Error("lintPage writes no evidence");
  }

  failures(): Promise<never>[] {
    return [];
  }
}

/** Lints the page as it is now with the rules given (the package API passes every rule: see lint/index.ts). */
export async function lintPage(page: Page, opts: LintPageOptions, rules: readonly Rule[]): Promise<LintResult> {
  const setup = prepareRun(opts, rules);
  const cfg = setup.loaded.config;
  const deadline = new Deadline(opts.timeout ?? cfg.timeout ?? DEFAULT_TIMEOUT_MS, "the timeout option");
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const viewport: Viewport = await page
    .evaluate(() => ({ dpr: window.devicePixelRatio, touch: navigator.maxTouchPoints > 0 }))
    .then((v) => ({ ...size, deviceScaleFactor: v.dpr, isMobile: v.touch }))
    .catch(() => ({ ...size, deviceScaleFactor: 1, isMobile: false }));
  const engine = {
    rules: setup.rulesFor(null),
    languages: cfg.languages ?? [],
    ignore: cfg.ignore ?? [],
  };
  const label = opts.target ?? page.url();
  const base = emptyResult({ target: label, step: opts.step || undefined, url: page.url(), viewport, locale: null });
  const { result } = await lintState(
    new OwnedPageState(page, viewport, opts),
    { base, label, engine, keepModel: false },
    NO_OUTPUTS,
    deadline,
  );
  // Without a target name the state is reported by the URL it was read at.
  return opts.target === undefined ? { ...result, target: result.url } : result;
}
