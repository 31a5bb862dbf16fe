/**
 * The run: resolve targets, launch one browser, lint every state in a fresh
 * context (in parallel up to --concurrency), and assemble the report. A
 * target that fails becomes an error result; the others are still linted.
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright";
import { launchBrowser, newLintContext } from "../browser/launch.js";
import { BrowserKeeper, closeContextWithin, settlesWithin } from "../browser/keeper.js";
import { PageCrashError, PageGuards, RedirectLoopError, blockScriptedPopups, blockedPopups, pageAnswers } from "../browser/page-guards.js";
import { loadConfig, overridesFor, resolveViewport, type LoadedConfig, type RuleSettingInput, type ViewportInput } from "../config/config.js";
import { runRules, selectRules, type EngineOptions, type IgnoreEntry } from "./engine.js";
import { deprecatedOptionLayers } from "./rule-options.js";
import { extractPageModel } from "../extract/index.js";
import { LocalFileServer, resolveMounts } from "../targets/file-server.js";
import type { FlowActionRecord, PageModel, Viewport } from "../model.js";
import { TOOL_VERSION } from "../package-info.js";
import { installSettleTracker, waitForSettle } from "../browser/settle.js";
import { resolveTargets, type Target } from "../targets/targets.js";
import { shardSlice, type Shard } from "./shard.js";
import { SnapshotStore, type UpdateMode } from "../snapshot/snapshot.js";
import { EvidenceWriter, RequestLog, locatorForSelector } from "../evidence/writer.js";
import { captureFindingScreenshots } from "../evidence/finding-screenshots.js";
import { FlowStepError, runStepActions } from "../flow/index.js";
import type { Flow } from "../flow/types.js";
import { buildStaticModel, buildStaticModelFromFile, runStaticRules } from "../static/index.js";
import type { LintReport, LintResult, Rule } from "../types.js";

export interface LintOptions {
  cwd?: string;
  /** Path of a config file; otherwise one is looked for upward from cwd. */
  config?: string;
  /** `--rule id=severity` settings, applied last. */
  rules?: Record<string, RuleSettingInput>;
  concurrency?: number;
  /** Per-state timeout in ms (default 30000). */
  timeout?: number;
  /** One viewport, or a list: every target is linted in each (and in each locale). */
  viewport?: ViewportInput | ViewportInput[];
  /** One locale, or a list: every target is linted in each (and in each viewport). */
  locale?: string | string[];
  /** Lint without a browser: cheerio-built models, styles from inline and <style> rules; the unknowable goes to incomplete. */
  static?: boolean;
  /** Path to a Chrome/Chromium binary. */
  browserPath?: string;
  /** A browser the caller already launched; it is not closed. */
  browser?: Browser;
  /** Called when each state is done (for progress display). */
  onResult?: (result: LintResult, done: number, total: number) => void;
  /** Called for log lines meant for stderr. */
  log?: (line: string) => void;
  /** Keep the PageModel of each state on the result (for debugging and fixtures). */
  keepModels?: boolean;
  /** Lint only this shard of the resolved targets. */
  shard?: Shard;
  /** Compare each state with its stored snapshot (and write them, per updateSnapshots). */
  snapshotDir?: string;
  /** none | missing | changed | all (default missing, none when CI is set). */
  updateSnapshots?: UpdateMode;
  /** Attach a PNG of each finding's element, outlined in its context, as `finding.screenshot` (for the HTML report). */
  screenshots?: boolean;
  /** Write an evidence bundle into this (new or empty) folder. */
  evidenceDir?: string;
  /** The command line, recorded in the evidence manifest. */
  commandLine?: string[];
}

/** What happens to each state while its page is still open: evidence, snapshots. */
interface StateHooks {
  evidence: EvidenceWriter | null;
  snapshots: SnapshotStore | null;
  screenshots: boolean;
}

export interface LintResultWithModel extends LintResult {
  model?: PageModel;
}

/** Model notes reported on the result. */
const RESULT_NOTES = new Set(["dialog", "popup", "download", "navigated", "large-page", "truncated", "retried"]);
/** Model notes that make every rule's verdict on the state incomplete. */
const INCOMPLETE_NOTES = new Set(["navigated", "large-page", "truncated"]);

/** Reads of one state when the page navigates while it is read; the last read is kept with a note. */
const MAX_READS = 3;

export const DEFAULT_TIMEOUT_MS = 30_000;

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** One target to lint: a page (one state), or a flow (one state per step), in one context. */
interface TargetJob {
  target: Target & { kind: "url" | "file" | "flow" };
  steps: StepPlan[];
  viewport: Viewport;
  locale: string | null;
  engine: EngineOptions;
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new TimeoutError(message));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describeLoadError(error: unknown, input: string, timeoutMs: number): string {
  if (error instanceof FlowStepError || error instanceof RedirectLoopError || error instanceof PageCrashError) return error.message;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (error instanceof TimeoutError) return message;
  if (/ERR_TOO_MANY_REDIRECTS/.test(message)) return `${input} redirects without end (too many HTTP redirects). Lint the page it should end on.`;
  if (/ERR_ABORTED/.test(message) && /download/i.test(message)) return `${input} is a download, not a page.`;
  if (/Target crashed|Page crashed/i.test(message)) return `The browser tab showing ${input} crashed.`;
  if (/ERR_NAME_NOT_RESOLVED/.test(message)) return `Cannot resolve the host of ${input}: check the URL and your network.`;
  if (/ERR_CONNECTION_REFUSED/.test(message)) return `Connection refused by ${input}: is the server running?`;
  if (/ERR_INTERNET_DISCONNECTED|ERR_NETWORK/.test(message)) return `No network to reach ${input}.`;
  if (/Timeout .*exceeded/i.test(message)) return `${input} did not load within ${timeoutMs} ms. Raise --timeout or check the page.`;
  return `Could not lint ${input}: ${message}`;
}

/** What happens before a state is linted: nothing for a page; a flow step's actions for flows. */
export interface StepPlan {
  /** Step name, for flows; undefined for single pages. */
  name?: string;
  /** Runs the step's actions within timeoutMs; returns what was done, for the primary-purpose decision. */
  act?: (page: Page, server: LocalFileServer, timeoutMs: number) => Promise<FlowActionRecord[]>;
}

/** The URL a user recognises for a target's first state. */
function startUrlOf(target: TargetJob["target"]): string {
  if (target.kind === "url") return target.url;
  if (target.kind === "file") return pathToFileURL(target.path).href;
  return target.flow.urlIsFile ? pathToFileURL(target.flow.url).href : target.flow.url;
}

/** The URL the browser opens for a target's first state (local files go through the run's file server). */
function openUrlOf(target: TargetJob["target"], server: LocalFileServer): string {
  if (target.kind === "url") return target.url;
  if (target.kind === "file") return server.urlFor(target.path, target.root);
  return target.flow.urlIsFile ? serveWithin(server, target.flow.url, target.root, target.input) : target.flow.url;
}

function serveWithin(server: LocalFileServer, path: string, root: string, owner: string): string {
  const rel = relative(root, path);
  if (rel.startsWith("..") || rel === "") throw new Error(`${owner} opens ${path}, which is outside its folder ${root}; flows may only open pages in or below the folder of their start page.`);
  return server.urlFor(path, root);
}

/** One state per flow step: the step's actions run, then the state is linted. */
function flowSteps(target: Extract<Target, { kind: "flow" }>): StepPlan[] {
  const flow: Flow = target.flow;
  return flow.steps.map((step, index) => ({
    name: step.name,
    act:
      step.actions.length === 0
        ? undefined
        : (page, server, timeoutMs) =>
            runStepActions(page, flow, index, {
              timeoutMs,
              resolveUrl: (value) => (/^https?:/i.test(value) ? value : serveWithin(server, value, target.root, target.input)),
            }),
  }));
}

function emptyResult(job: TargetJob, step: string | undefined): LintResultWithModel {
  return {
    target: job.target.input,
    ...(step !== undefined ? { step } : {}),
    url: startUrlOf(job.target),
    viewport: job.viewport,
    ...(job.locale ? { locale: job.locale } : {}),
    findings: [],
    passes: [],
    incomplete: [],
    inapplicable: [],
  };
}

/**
 * Lints every state of one target in one fresh context: the page after load,
 * or each step of a flow after its actions. A failing step ends the target
 * with an error result for that step; earlier steps' results are kept.
 */
/** The aria snapshot of the region holding the consent controls: the dialog or form around the first finding or pass. */
async function consentRegionAria(page: Page, selectors: string[]): Promise<string> {
  for (const selector of selectors) {
    const element = locatorForSelector(page, selector);
    const region = element.locator("xpath=ancestor-or-self::*[self::form or self::dialog or @role='dialog' or @role='alertdialog' or self::section or self::fieldset][1]");
    const target = (await region.count().catch(() => 0)) > 0 ? region.first() : element;
    const aria = await target.ariaSnapshot({ timeout: 3_000 }).catch(() => null);
    if (aria !== null) return aria;
  }
  return "";
}

/** How one target's run ended, for the retry decision. */
interface TargetOutcome {
  results: LintResultWithModel[];
  /** The tab or the browser crashed (worth one retry in a fresh context). */
  crashed: boolean;
  /** The browser stopped answering (a context did not close, or could not be made). */
  wedged: boolean;
}

/** Error-free notes of the run on the result, and every rule's verdict marked incomplete when the state was read in part. */
function withRunNotes(result: LintResultWithModel, model: PageModel, job: TargetJob): void {
  const notes = model.notes.filter((n) => RESULT_NOTES.has(n.kind));
  if (notes.length > 0) result.notes = notes;
  for (const note of model.notes.filter((n) => INCOMPLETE_NOTES.has(n.kind))) {
    for (const { rule } of job.engine.rules) result.incomplete.push({ ruleId: rule.meta.id, reason: note.kind, message: note.message });
  }
}

const isCrash = (error: unknown, browser: Browser): boolean =>
  error instanceof PageCrashError || !browser.isConnected() || (error instanceof Error && /Target crashed|Page crashed|has been closed|browser has disconnected/i.test(error.message));

async function lintTarget(browser: Browser, server: LocalFileServer, job: TargetJob, timeoutMs: number, keepModel: boolean, hooks: StateHooks): Promise<TargetOutcome> {
  const results: LintResultWithModel[] = [];
  let context: BrowserContext | null = null;
  let crashed = false;
  let wedged = false;
  try {
    const made = newLintContext(browser, { viewport: job.viewport, locale: job.locale });
    if (!(await settlesWithin(made, Math.max(timeoutMs, 10_000)))) {
      void made.then((c) => c.close()).catch(() => {});
      wedged = true;
      throw new Error("the browser did not open a new tab in time");
    }
    context = await made;
    await installSettleTracker(context);
    await blockScriptedPopups(context);
    const page: Page = await context.newPage();
    const requests = hooks.evidence ? new RequestLog(page) : null;
    const guards = new PageGuards(context, page, job.target.input, (url) => server.displayUrl(url));
    const flowActions: FlowActionRecord[] = [];
    for (let i = 0; i < job.steps.length; i++) {
      const step = job.steps[i];
      const started = Date.now();
      const deadline = started + timeoutMs;
      const base = emptyResult(job, step.name);
      const label = step.name !== undefined ? `${job.target.input} step "${step.name}"` : job.target.input;
      guards.startState();
      /** Settles and reads the page; read again when it navigated meanwhile (a late redirect), at most MAX_READS times. */
      const readState = async (): Promise<PageModel> => {
        for (let attempt = 1; ; attempt++) {
          const before = guards.documents;
          await waitForSettle(page, { timeoutMs: Math.max(0, Math.min(10_000, deadline - Date.now() - 1000)) });
          try {
            const model = await extractPageModel(page, { viewport: job.viewport, locale: job.locale, flowActions: [...flowActions], timeoutMs: Math.max(1000, deadline - Date.now()) });
            if (guards.documents === before) return model;
            if (attempt >= MAX_READS) {
              model.notes.push({ kind: "navigated", message: `The page kept navigating while it was read (${attempt} reads); what was read may mix two pages.` });
              return model;
            }
          } catch (error) {
            if (guards.documents === before || attempt >= MAX_READS) throw error;
          }
        }
      };
      const run = async (): Promise<LintResultWithModel> => {
        if (i === 0) {
          const url = openUrlOf(job.target, server);
          const response = await page.goto(url, { waitUntil: "load", timeout: Math.max(1000, deadline - Date.now()) });
          if (response && response.status() >= 400) {
            throw new Error(`${job.target.input} answered HTTP ${response.status()} ${response.statusText()}.`);
          }
        }
        if (step.act) flowActions.push(...(await step.act(page, server, Math.max(1000, deadline - Date.now() - 2000))));
        const model = await readState();
        model.notes.push(...guards.notes(await blockedPopups(page)));
        model.url = server.displayUrl(model.url);
        for (const frame of model.frames) frame.url = server.displayUrl(frame.url);
        const outcome = runRules(model, job.engine);
        const result: LintResultWithModel = {
          ...base,
          url: model.url,
          findings: outcome.findings,
          passes: outcome.passes,
          incomplete: outcome.incomplete,
          inapplicable: outcome.inapplicable,
          ...(keepModel ? { model } : {}),
        };
        withRunNotes(result, model, job);
        if (hooks.snapshots) {
          const aria = await consentRegionAria(page, [...result.findings, ...result.passes].map((f) => f.selector));
          result.snapshot = hooks.snapshots.record(result, aria);
        }
        if (hooks.screenshots && result.findings.length > 0) await captureFindingScreenshots(page, result.findings);
        if (hooks.evidence) await hooks.evidence.capture(page, result, requests!.snapshot(page.url()), model.capturedAt);
        return result;
      };
      try {
        const result = await withTimeout(Promise.race([run(), guards.failure]), timeoutMs, () => {}, `${label} did not finish within ${timeoutMs} ms (--timeout).`);
        result.durationMs = Date.now() - started;
        results.push(result);
      } catch (error) {
        let message = describeLoadError(error, label, timeoutMs);
        if (error instanceof TimeoutError && !guards.failedWith && !(await pageAnswers(page, 1000))) {
          message = `${label} did not finish within ${timeoutMs} ms (--timeout): the page stopped answering, a script on it seems to run without end.`;
        }
        crashed = isCrash(error, browser);
        // A flow step fails on the page the flow had reached, not on its start page.
        const reached = i > 0 && !crashed ? server.displayUrl(page.url()) : "";
        results.push({ ...base, ...(reached && reached !== "about:blank" ? { url: reached } : {}), error: message, durationMs: Date.now() - started });
        break;
      }
    }
  } catch (error) {
    crashed = isCrash(error, browser);
    results.push({ ...emptyResult(job, job.steps[0]?.name), error: describeLoadError(error, job.target.input, timeoutMs) });
  } finally {
    if (context && !(await closeContextWithin(context))) wedged = true;
  }
  return { results, crashed, wedged };
}

/**
 * Lints a target, and once more in a fresh context (and, when the browser
 * died or stopped answering, a fresh browser) if its tab crashed. A second
 * crash is reported as the target's error.
 */
async function lintTargetWithRetry(keeper: BrowserKeeper, server: LocalFileServer, job: TargetJob, timeoutMs: number, keepModel: boolean, hooks: StateHooks): Promise<LintResultWithModel[]> {
  let retried: string | null = null;
  for (let attempt = 1; ; attempt++) {
    let browser: Browser;
    try {
      browser = await keeper.get();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return [{ ...emptyResult(job, job.steps[0]?.name), error: `No browser to lint ${job.target.input} with: ${reason}${retried ? ` (after: ${retried})` : ""}` }];
    }
    const outcome = await lintTarget(browser, server, job, timeoutMs, keepModel, hooks);
    if (outcome.wedged) keeper.replace(browser, `the browser stopped answering while linting ${job.target.input}`);
    else if (!browser.isConnected()) keeper.replace(browser, `the browser closed or crashed while linting ${job.target.input}`);
    const failed = outcome.results.find((r) => r.error !== undefined);
    const worthRetry = outcome.crashed || (outcome.wedged && failed !== undefined);
    if (!worthRetry || attempt >= 2 || (!browser.isConnected() && !keeper.canRelaunch)) {
      if (retried) {
        for (const r of outcome.results) {
          if (r.error !== undefined) r.error = `${r.error} (also on a second try after: ${retried})`;
          else r.notes = [...(r.notes ?? []), { kind: "retried", message: `Linted a second time in a fresh browser tab after: ${retried}` }];
        }
      }
      return outcome.results;
    }
    retried = failed?.error ?? "the browser tab crashed";
  }
}

/** Reads an http(s) page's HTML without a browser. */
async function fetchHtml(target: TargetJob["target"], timeoutMs: number): Promise<string> {
  const url = target.kind === "url" ? target.url : (target as Extract<Target, { kind: "flow" }>).flow.url;
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  if (!response.ok) throw new Error(`${target.input} answered HTTP ${response.status} ${response.statusText}.`);
  return response.text();
}

/**
 * Static mode: the same rules over a model built from the HTML alone. A flow's
 * first state is linted when it needs no actions; steps that do need a browser
 * and say so as incomplete, never as a guess.
 */
async function lintStatic(job: TargetJob, timeoutMs: number, keepModel: boolean): Promise<LintResultWithModel[]> {
  const results: LintResultWithModel[] = [];
  const { target } = job;
  const path = target.kind === "file" ? target.path : target.kind === "flow" && target.flow.urlIsFile ? target.flow.url : null;
  const root = target.kind === "url" ? undefined : target.root;
  let model: PageModel | null = null;
  for (let i = 0; i < job.steps.length; i++) {
    const step = job.steps[i];
    const base = emptyResult(job, step.name);
    const started = Date.now();
    if (i > 0 || step.act) {
      base.incomplete = job.engine.rules.map(({ rule }) => ({
        ruleId: rule.meta.id,
        reason: "static-mode-flow-step",
        message: "This flow step is reached by actions (click, fill, ...), which need a browser; lint flows without --static.",
      }));
      results.push(base);
      continue;
    }
    try {
      model ??= path
        ? buildStaticModelFromFile(path, { viewport: job.viewport, locale: job.locale, ...(root ? { root } : {}) })
        : buildStaticModel(await fetchHtml(target, timeoutMs), { url: base.url, viewport: job.viewport, locale: job.locale });
      const outcome = runStaticRules(model, job.engine);
      results.push({ ...base, findings: outcome.findings, passes: outcome.passes, incomplete: outcome.incomplete, inapplicable: outcome.inapplicable, durationMs: Date.now() - started, ...(keepModel ? { model } : {}) });
    } catch (error) {
      results.push({ ...base, error: describeLoadError(error, target.input, timeoutMs), durationMs: Date.now() - started });
      break;
    }
  }
  return results;
}

export interface RunSetup {
  loaded: LoadedConfig;
  rulesFor: (targetPath: string | null) => ReturnType<typeof selectRules>;
}

/** Checks config and rule settings before any browser starts, so bad input fails fast with exit 2. */
export function prepareRun(opts: LintOptions, rules: readonly Rule[]): RunSetup {
  const cwd = opts.cwd ?? process.cwd();
  const loaded = loadConfig(opts.config, cwd);
  const configSource = loaded.path ?? "config";
  const baseLayers = [
    ...deprecatedOptionLayers(rules, loaded.config, configSource),
    { source: configSource, rules: loaded.config.rules },
  ];
  // Validate every layer once up front so a typo fails before linting.
  selectRules(rules, [...baseLayers, { source: "--rule", rules: opts.rules }]);
  for (const o of loaded.config.overrides ?? []) selectRules(rules, [{ source: `${configSource} overrides`, rules: o.rules }]);
  return {
    loaded,
    rulesFor: (targetPath) => {
      const override = targetPath ? overridesFor(loaded, targetPath) : {};
      return selectRules(rules, [...baseLayers, { source: `${configSource} overrides`, rules: override.rules }, { source: "--rule", rules: opts.rules }]);
    },
  };
}

/** Lints the targets with the rules given (the package API passes every rule: see lint/index.ts). */
export async function lint(inputs: string[], opts: LintOptions, ruleSet: readonly Rule[]): Promise<LintReport & { results: LintResultWithModel[] }> {
  const startedAt = new Date();
  const cwd = opts.cwd ?? process.cwd();
  const setup = prepareRun(opts, ruleSet);
  const { loaded } = setup;
  const cfg = loaded.config;
  const given = inputs.length > 0 ? inputs : (cfg.targets ?? []);
  if (given.length === 0) {
    const { UsageError } = await import("../errors.js");
    throw new UsageError("No targets given. Pass URLs, .html files or directories (e.g. `consentlint lint ./pages`), or list `targets` in the config.");
  }
  const allTargets = resolveTargets(given, {
    cwd: inputs.length > 0 ? cwd : loaded.baseDir,
    exclude: cfg.exclude ?? [],
    excludeBase: loaded.baseDir,
  });
  const targets = opts.shard ? shardSlice(allTargets, opts.shard) : allTargets;
  const timeoutMs = opts.timeout ?? cfg.timeout ?? DEFAULT_TIMEOUT_MS;
  const ignore: IgnoreEntry[] = cfg.ignore ?? [];
  const languages = cfg.languages ?? [];

  // The matrix: every target in every viewport x locale given on the command line;
  // otherwise the flow's own, then config overrides, then config.
  const viewportList = opts.viewport === undefined ? null : Array.isArray(opts.viewport) ? opts.viewport : [opts.viewport];
  const localeList = opts.locale === undefined ? null : Array.isArray(opts.locale) ? opts.locale : [opts.locale];
  type Job = TargetJob | { invalid: Target & { kind: "invalid" } };
  const jobs: Job[] = targets.flatMap((target): Job[] => {
    if (target.kind === "invalid") return [{ invalid: target }];
    const localPath = target.kind === "url" ? null : target.path;
    const override = localPath ? overridesFor(loaded, localPath) : {};
    const flow = target.kind === "flow" ? target.flow : null;
    const viewports = viewportList ?? [flow?.viewport ?? override.viewport ?? cfg.viewport];
    const locales = localeList ?? [flow?.locale ?? override.locale ?? cfg.locale ?? null];
    const engine: EngineOptions = { rules: setup.rulesFor(localPath), languages, ignore };
    const steps: StepPlan[] = target.kind === "flow" ? flowSteps(target) : [{}];
    return viewports.flatMap((viewport) => locales.map((locale): Job => ({ target, viewport: resolveViewport(viewport), locale, engine, steps })));
  });

  const hooks: StateHooks = {
    screenshots: opts.screenshots ?? false,
    evidence: opts.evidenceDir ? new EvidenceWriter(opts.evidenceDir) : null,
    snapshots: opts.snapshotDir
      ? new SnapshotStore(opts.snapshotDir, opts.updateSnapshots ?? (process.env.CI ? "none" : "missing"), {
          tool: TOOL_VERSION,
          rules: Object.fromEntries(ruleSet.map((r) => [r.meta.id, r.meta.version])),
        })
      : null,
  };
  // One slot per target; a flow's slot holds one result per step.
  const slots: LintResultWithModel[][] = new Array(jobs.length);
  const runnable = jobs.filter((j): j is TargetJob => !("invalid" in j));
  const ownBrowser = !opts.browser;
  const keeper = new BrowserKeeper(
    opts.browser ?? null,
    ownBrowser ? () => launchBrowser({ executablePath: opts.browserPath ?? cfg.browser?.executablePath, log: opts.log }) : null,
    opts.log,
  );
  let browserVersion: string | null = null;
  const mounts = resolveMounts(cfg.mounts, loaded.baseDir);
  for (const mount of mounts) {
    if (!existsSync(mount.dir)) {
      const { UsageError } = await import("../errors.js");
      throw new UsageError(`${loaded.path ?? "config"}: mounts["${mount.prefix}"] names ${mount.dir}, which does not exist. Give a folder relative to the config file.`);
    }
  }
  const server = new LocalFileServer(mounts);
  let done = 0;
  const store = (index: number, results: LintResultWithModel[]) => {
    slots[index] = results;
    done += 1;
    for (const result of results) opts.onResult?.(result, done, jobs.length);
  };
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
    jobs.forEach((job, index) => {
      if ("invalid" in job) {
        store(index, [{ target: job.invalid.input, url: "", findings: [], passes: [], incomplete: [], inapplicable: [], error: job.invalid.error }]);
      }
    });
    if (runnable.length > 0 && opts.static) {
      const concurrency = Math.max(1, opts.concurrency ?? cfg.concurrency ?? defaultConcurrency());
      const queue = jobs.map((job, index) => ({ job, index })).filter((e): e is { job: TargetJob; index: number } => !("invalid" in e.job));
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) store(next.index, await lintStatic(next.job, timeoutMs, opts.keepModels ?? false));
      };
      await Promise.all(Array.from({ length: Math.min(concurrency * 4, queue.length) }, worker));
    } else if (runnable.length > 0) {
      if (runnable.some((j) => j.target.kind !== "url")) await server.start();
      browserVersion = `Chromium ${(await keeper.get()).version()}`;
      const concurrency = Math.max(1, opts.concurrency ?? cfg.concurrency ?? defaultConcurrency());
      const queue = jobs.map((job, index) => ({ job, index })).filter((e): e is { job: TargetJob; index: number } => !("invalid" in e.job));
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          store(next.index, await lintTargetWithRetry(keeper, server, next.job, timeoutMs, opts.keepModels ?? false, hooks));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    }
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    await keeper.close();
    await server.stop();
  }

  const results = slots.flat();
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warn").length, 0);
  const report: LintReport & { results: LintResultWithModel[] } = {
    tool: { name: "consentlint", version: TOOL_VERSION },
    results,
    summary: { targets: results.length, errors, warnings, durationMs: Date.now() - startedAt.getTime() },
    rules: Object.fromEntries(ruleSet.map((r) => [r.meta.id, r.meta.version])),
    ...(browserVersion ? { browser: browserVersion } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(hooks.snapshots ? { obsoleteSnapshots: hooks.snapshots.obsolete() } : {}),
    startedAt: startedAt.toISOString(),
  };
  hooks.evidence?.finish(report, opts.commandLine ?? []);
  return report;
}
