/**
 * Browser mode's source of states: one fresh context per target (one page,
 * guarded), the first state navigated to, each later one reached by its
 * flow step's actions, read by the in-page pass; and a target retried once
 * in a fresh context (and browser) when its tab crashed.
 */
import type { Browser, BrowserContext, Page } from "playwright";
import { BehaviourRecorder } from "../behaviour/recorder.js";
import type { Behaviour } from "../behaviour/types.js";
import { launchBrowser, newLintContext } from "../browser/launch.js";
import { BrowserKeeper, closeContextWithin, settlesWithin } from "../browser/keeper.js";
import { locatorForSelector } from "../browser/locator.js";
import { PageCrashError, PageGuards, blockScriptedPopups, blockedPopups, pageAnswers } from "../browser/page-guards.js";
import { installSettleTracker, waitForSettle } from "../browser/settle.js";
import { captureFindingScreenshots } from "../evidence/finding-screenshots.js";
import { capturePageEvidence } from "../evidence/page-evidence.js";
import { RequestLog } from "../evidence/request-log.js";
import { extractPageModel, type ExtractOptions } from "../extract/index.js";
import type { FlowActionRecord, PageModel } from "../model.js";
import { LocalFileServer, type Mount } from "../targets/file-server.js";
import { Deadline, TimeoutError } from "./deadline.js";
import { runRules } from "./engine.js";
import { openUrlOf, type StepPlan, type TargetJob } from "./jobs.js";
import {
  baseResult,
  lintTarget,
  type PipelineHooks,
  type StateFailure,
  type StateSource,
  type TargetRun,
  type TargetSource,
} from "./state.js";
import { runPool } from "./pool.js";
import { describeLoadError, type LintResultWithModel } from "./results.js";

/** Reads of one state when the page navigates while it is read; the last read is kept with a note. */
const MAX_READS = 3;

const isCrash = (error: unknown, browser: Browser): boolean =>
  error instanceof PageCrashError ||
  !browser.isConnected() ||
  (error instanceof Error && /Target crashed|Page crashed|has been closed|browser has disconnected/i.test(error.message));

/** The aria snapshot of the region holding the consent controls: the dialog or form around the first finding or pass. */
async function consentRegionAria(page: Page, selectors: string[]): Promise<string> {
  for (const selector of selectors) {
    const element = locatorForSelector(page, selector);
    const region = element.locator(
      "xpath=ancestor-or-self::*[self::form or self::dialog or @role='dialog' or @role='alertdialog' or self::section or self::fieldset][1]",
    );
    const target = (await region.count().catch(() => 0)) > 0 ? region.first() : element;
    const aria = await target.ariaSnapshot({ timeout: 3_000 }).catch(() => null);
    if (aria !== null) return aria;
  }
  return "";
}

interface OpenTarget {
  context: BrowserContext;
  page: Page;
  guards: PageGuards;
  requests: RequestLog | null;
  /** What each state stores and sends. */
  behaviour: BehaviourRecorder;
  flowActions: FlowActionRecord[];
}

/** Waits for the page to settle within what the state's budget leaves, and reports the phase. */
export async function settleWithin(page: Page, deadline: Deadline, hooks: PipelineHooks): Promise<void> {
  const settled = await waitForSettle(page, { timeoutMs: deadline.forSettle() });
  hooks.onPhase?.("settle", { settled: settled.settled });
}

/** Reads the page's model within what the state's budget leaves, and reports the read and assembly phases. */
export async function readWithin(
  page: Page,
  read: Omit<ExtractOptions, "timeoutMs" | "onRead">,
  deadline: Deadline,
  hooks: PipelineHooks,
): Promise<PageModel> {
  const model = await extractPageModel(page, { ...read, timeoutMs: deadline.forExtract(), onRead: () => hooks.onPhase?.("read") });
  hooks.onPhase?.("assemble");
  return model;
}

/** A target's states in a fresh context of `browser`. */
export class BrowserTarget implements TargetSource {
  /** The browser stopped answering (a context did not close, or could not be made). */
  wedged = false;
  private open_: OpenTarget | null = null;
  private context: BrowserContext | null = null;

  constructor(
    private readonly browser: Browser,
    private readonly server: LocalFileServer,
    private readonly job: TargetJob,
    private readonly timeoutMs: number,
    /** Log the page's requests (for evidence). */
    private readonly logRequests: boolean,
  ) {}

  async open(hooks: PipelineHooks): Promise<void> {
    const { job } = this;
    const made = newLintContext(this.browser, { viewport: job.viewport, locale: job.locale });
    if (!(await settlesWithin(made, Deadline.forOpen(this.timeoutMs)))) {
      void made.then((c) => c.close()).catch(() => {});
      this.wedged = true;
      throw new Error("the browser did not open a new tab in time");
    }
    const context = await made;
    this.context = context;
    await installSettleTracker(context);
    await blockScriptedPopups(context);
    hooks.onPhase?.("context");
    const page = await context.newPage();
    hooks.onPhase?.("page");
    const requests = this.logRequests ? new RequestLog(page) : null;
    const behaviour = await BehaviourRecorder.attach(context, page);
    hooks.onPhase?.("record");
    const guards = new PageGuards(context, page, job.target.input, (url) => this.server.displayUrl(url));
    this.open_ = { context, page, guards, requests, behaviour, flowActions: [] };
  }

  state(step: StepPlan, index: number): StateSource {
    if (!this.open_) throw new Error("the target's page is not open");
    this.open_.guards.startState();
    return new BrowserState(this.open_, this.browser, this.server, this.job, step, index, this.timeoutMs);
  }

  openFailed(error: unknown): StateFailure {
    return { message: describeLoadError(error, this.job.target.input, this.timeoutMs), crashed: isCrash(error, this.browser) };
  }

  async close(hooks: PipelineHooks): Promise<void> {
    await this.open_?.behaviour.detach();
    if (this.context && !(await closeContextWithin(this.context))) this.wedged = true;
    hooks.onPhase?.("close");
  }
}

class BrowserState implements StateSource {
  constructor(
    private readonly target: OpenTarget,
    private readonly browser: Browser,
    private readonly server: LocalFileServer,
    private readonly job: TargetJob,
    private readonly step: StepPlan,
    private readonly index: number,
    private readonly timeoutMs: number,
  ) {}

  async reach(deadline: Deadline, hooks: PipelineHooks): Promise<void> {
    const { page, flowActions, behaviour } = this.target;
    await behaviour.begin();
    hooks.onPhase?.("record");
    if (this.index === 0) {
      const response = await page.goto(openUrlOf(this.job.target, this.server), { waitUntil: "load", timeout: deadline.forNavigation() });
      if (response && response.status() >= 400) {
        throw new Error(`${this.job.target.input} answered HTTP ${response.status()} ${response.statusText()}.`);
      }
      hooks.onPhase?.("goto");
    }
    if (this.step.act) {
      flowActions.push(...(await this.step.act(page, this.server, deadline.forActions())));
      hooks.onPhase?.("act");
    }
  }

  /** Settles and reads the page; read again when it navigated meanwhile (a late redirect), at most MAX_READS times. */
  async read(deadline: Deadline, hooks: PipelineHooks): Promise<PageModel> {
    const { page, guards } = this.target;
    const model = await this.readSettled(deadline, hooks);
    model.notes.push(...guards.notes(await blockedPopups(page)));
    hooks.onPhase?.("guards");
    model.behaviour = this.displayed(await this.target.behaviour.finish(page.url()));
    hooks.onPhase?.("record");
    model.url = this.server.displayUrl(model.url);
    for (const frame of model.frames) frame.url = this.server.displayUrl(frame.url);
    return model;
  }

  /** Local files' URLs as the run names them. */
  private displayed(behaviour: Behaviour): Behaviour {
    const show = (url: string | undefined) => (url === undefined ? undefined : this.server.displayUrl(url));
    for (const r of behaviour.requests) {
      r.url = this.server.displayUrl(r.url);
      if (r.initiator.url !== undefined) r.initiator.url = show(r.initiator.url);
    }
    for (const c of behaviour.cookies) if (c.setBy.url !== undefined) c.setBy.url = show(c.setBy.url);
    return behaviour;
  }

  private async readSettled(deadline: Deadline, hooks: PipelineHooks): Promise<PageModel> {
    const { page, guards, flowActions } = this.target;
    const { job } = this;
    for (let attempt = 1; ; attempt++) {
      const before = guards.documents;
      await settleWithin(page, deadline, hooks);
      try {
        const model = await readWithin(
          page,
          { viewport: job.viewport, locale: job.locale, flowActions: [...flowActions] },
          deadline,
          hooks,
        );
        if (guards.documents === before) return model;
        if (attempt >= MAX_READS) {
          model.notes.push({
            kind: "navigated",
            message: `The page kept navigating while it was read (${attempt} reads); what was read may mix two pages.`,
          });
          return model;
        }
      } catch (error) {
        if (guards.documents === before || attempt >= MAX_READS) throw error;
      }
    }
  }

  rules = runRules;

  consentAria(selectors: string[]): Promise<string> {
    return consentRegionAria(this.target.page, selectors);
  }

  screenshots(findings: LintResultWithModel["findings"]): Promise<void> {
    return captureFindingScreenshots(this.target.page, findings);
  }

  evidence(result: LintResultWithModel) {
    const { page, requests } = this.target;
    return capturePageEvidence(page, result, requests ? requests.snapshot(page.url()) : []);
  }

  failures(): Promise<never>[] {
    return [this.target.guards.failure];
  }

  async failed(error: unknown, label: string): Promise<StateFailure> {
    const { page, guards } = this.target;
    let message = describeLoadError(error, label, this.timeoutMs);
    if (error instanceof TimeoutError && !guards.failedWith && !(await pageAnswers(page, 1000))) {
      message = `${label} did not finish within ${this.timeoutMs} ms (--timeout): the page stopped answering, a script on it seems to run without end.`;
    }
    const crashed = isCrash(error, this.browser);
    // A flow step fails on the page the flow had reached, not on its start page.
    const reached = this.index > 0 && !crashed ? this.server.displayUrl(page.url()) : "";
    return { message, ...(reached && reached !== "about:blank" ? { url: reached } : {}), crashed };
  }
}

/**
 * Lints a target, and once more in a fresh context (and, when the browser
 * died or stopped answering, a fresh browser) if its tab crashed. A second
 * crash is reported as the target's error.
 */
export async function lintInBrowser(
  keeper: BrowserKeeper,
  server: LocalFileServer,
  job: TargetJob,
  run: TargetRun,
): Promise<LintResultWithModel[]> {
  let retried: string | null = null;
  for (let attempt = 1; ; attempt++) {
    let browser: Browser;
    try {
      browser = await keeper.get();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return [
        {
          ...baseResult(job, job.steps[0]?.name),
          error: `No browser to lint ${job.target.input} with: ${reason}${retried ? ` (after: ${retried})` : ""}`,
        },
      ];
    }
    const source = new BrowserTarget(browser, server, job, run.timeoutMs, run.outputs.evidence !== null);
    const outcome = await lintTarget(source, job, run);
    if (source.wedged) keeper.replace(browser, `the browser stopped answering while linting ${job.target.input}`);
    else if (!browser.isConnected()) keeper.replace(browser, `the browser closed or crashed while linting ${job.target.input}`);
    const failed = outcome.results.find((r) => r.error !== undefined);
    const worthRetry = outcome.crashed || (source.wedged && failed !== undefined);
    if (!worthRetry || attempt >= 2 || (!browser.isConnected() && !keeper.canRelaunch)) {
      if (retried) {
        for (const r of outcome.results) {
          if (r.error !== undefined) r.error = `${r.error} (also on a second try after: ${retried})`;
          else
            r.notes = [...(r.notes ?? []), { kind: "retried", message: `Linted a second time in a fresh browser tab after: ${retried}` }];
        }
      }
      return outcome.results;
    }
    retried = failed?.error ?? "the browser tab crashed";
  }
}

export interface BrowserRunOptions {
  /** A browser the caller launched (never relaunched or closed); otherwise one is launched for the run. */
  browser?: Browser;
  executablePath?: string;
  log?: (line: string) => void;
  /** Folders the file server serves under URL prefixes. */
  mounts: Mount[];
  /** Contexts open at once. */
  concurrency: number;
}

/**
 * Lints jobs in one browser, a few contexts at a time, with local files
 * served by the run's file server; a browser that dies is replaced. Both are
 * closed at the end, or on SIGINT/SIGTERM. Returns the browser's version.
 */
export async function lintAllInBrowser(
  items: { job: TargetJob; index: number }[],
  run: TargetRun,
  opts: BrowserRunOptions,
  store: (index: number, results: LintResultWithModel[]) => void,
): Promise<string> {
  const keeper = new BrowserKeeper(
    opts.browser ?? null,
    opts.browser ? null : () => launchBrowser({ executablePath: opts.executablePath, log: opts.log }),
    opts.log,
  );
  const server = new LocalFileServer(opts.mounts);
  const onSignal = () => {
    void (async () => {
      await keeper.close().catch(() => {});
      await server.stop().catch(() => {});
      process.exit(130);
    })();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    if (items.some(({ job }) => job.target.kind !== "url")) await server.start();
    const version = `Chromium ${(await keeper.get()).version()}`;
    await runPool(items, opts.concurrency, async ({ job, index }) => store(index, await lintInBrowser(keeper, server, job, run)));
    return version;
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    await keeper.close();
    await server.stop();
  }
}
