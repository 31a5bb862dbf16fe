/**
 * The run: resolve targets, launch one browser, lint every state in a fresh
 * context (in parallel up to --concurrency), and assemble the report. A
 * target that fails becomes an error result; the others are still linted.
 */
import { availableParallelism } from "node:os";
import type { Browser, BrowserContext, Page } from "playwright";
import { launchBrowser, newLintContext } from "./browser.js";
import { loadConfig, overridesFor, resolveThresholds, resolveViewport, type LoadedConfig, type RuleSettingInput, type ViewportInput } from "./config.js";
import { runRules, selectRules, type EngineOptions, type IgnoreEntry } from "./engine.js";
import { extractPageModel } from "./extract/index.js";
import { LocalFileServer } from "./file-server.js";
import type { FlowActionRecord, PageModel, Viewport } from "./model.js";
import { TOOL_VERSION } from "./package-info.js";
import { installSettleTracker, waitForSettle } from "./settle.js";
import { resolveTargets, type Target } from "./targets.js";
import type { LintReport, LintResult, Rule } from "./types.js";
import { allRules } from "../rules/index.js";

export interface LintOptions {
  cwd?: string;
  /** Path of a config file; otherwise one is looked for upward from cwd. */
  config?: string;
  /** `--rule id=severity` settings, applied last. */
  rules?: Record<string, RuleSettingInput>;
  concurrency?: number;
  /** Per-state timeout in ms (default 30000). */
  timeout?: number;
  viewport?: ViewportInput;
  locale?: string;
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
}

export interface LintResultWithModel extends LintResult {
  model?: PageModel;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** One state to lint: a page, or (with flows) one step of a flow. */
interface StateJob {
  target: Target & { kind: "url" | "file" };
  step?: string;
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
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (error instanceof TimeoutError) return message;
  if (/ERR_NAME_NOT_RESOLVED/.test(message)) return `Cannot resolve the host of ${input}: check the URL and your network.`;
  if (/ERR_CONNECTION_REFUSED/.test(message)) return `Connection refused by ${input}: is the server running?`;
  if (/ERR_INTERNET_DISCONNECTED|ERR_NETWORK/.test(message)) return `No network to reach ${input}.`;
  if (/Timeout .*exceeded/i.test(message)) return `${input} did not load within ${timeoutMs} ms. Raise --timeout or check the page.`;
  return `Could not lint ${input}: ${message}`;
}

async function lintState(browser: Browser, server: LocalFileServer, job: StateJob, timeoutMs: number, keepModel: boolean): Promise<LintResultWithModel> {
  const started = Date.now();
  const base: LintResultWithModel = {
    target: job.target.input,
    ...(job.step !== undefined ? { step: job.step } : {}),
    url: job.target.kind === "url" ? job.target.url : server.displayUrl(""),
    viewport: job.viewport,
    ...(job.locale ? { locale: job.locale } : {}),
    findings: [],
    passes: [],
    incomplete: [],
    inapplicable: [],
  };
  if (job.target.kind === "file") base.url = new URL(`file://${job.target.path}`).href;
  let context: BrowserContext | null = null;
  const deadline = started + timeoutMs;
  const run = async (): Promise<LintResultWithModel> => {
    context = await newLintContext(browser, { viewport: job.viewport, locale: job.locale });
    await installSettleTracker(context);
    const page: Page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.dismiss().catch(() => {}));
    context.on("page", (popup) => {
      if (popup !== page) void popup.close().catch(() => {});
    });
    const url = job.target.kind === "url" ? job.target.url : server.urlFor(job.target.path, job.target.root);
    const response = await page.goto(url, { waitUntil: "load", timeout: Math.max(1000, deadline - Date.now()) });
    if (response && response.status() >= 400) {
      throw new Error(`${job.target.input} answered HTTP ${response.status()} ${response.statusText()}.`);
    }
    await waitForSettle(page, { timeoutMs: Math.max(0, Math.min(10_000, deadline - Date.now() - 1000)) });
    const flowActions: FlowActionRecord[] = [];
    const model = await extractPageModel(page, { viewport: job.viewport, locale: job.locale, flowActions, timeoutMs: Math.max(1000, deadline - Date.now()) });
    model.url = server.displayUrl(model.url);
    for (const frame of model.frames) frame.url = server.displayUrl(frame.url);
    base.url = model.url;
    const outcome = runRules(model, job.engine);
    return {
      ...base,
      findings: outcome.findings,
      passes: outcome.passes,
      incomplete: outcome.incomplete,
      inapplicable: outcome.inapplicable,
      ...(keepModel ? { model } : {}),
    };
  };
  try {
    return await withTimeout(run(), timeoutMs, () => void (context as BrowserContext | null)?.close().catch(() => {}), `${job.target.input} did not finish within ${timeoutMs} ms (--timeout).`);
  } catch (error) {
    return { ...base, error: describeLoadError(error, job.target.input, timeoutMs) };
  } finally {
    base.durationMs = Date.now() - started;
    await (context as BrowserContext | null)?.close().catch(() => {});
  }
}

export interface RunSetup {
  loaded: LoadedConfig;
  rulesFor: (targetPath: string | null) => ReturnType<typeof selectRules>;
}

/** Checks config and rule settings before any browser starts, so bad input fails fast with exit 2. */
export function prepareRun(opts: LintOptions, rules: Rule[] = allRules): RunSetup {
  const cwd = opts.cwd ?? process.cwd();
  const loaded = loadConfig(opts.config, cwd);
  const configSource = loaded.path ?? "config";
  const baseLayers = [
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

export async function lint(inputs: string[], opts: LintOptions = {}): Promise<LintReport & { results: LintResultWithModel[] }> {
  const startedAt = new Date();
  const cwd = opts.cwd ?? process.cwd();
  const setup = prepareRun(opts);
  const { loaded } = setup;
  const cfg = loaded.config;
  const given = inputs.length > 0 ? inputs : (cfg.targets ?? []);
  if (given.length === 0) {
    const { UsageError } = await import("./errors.js");
    throw new UsageError("No targets given. Pass URLs, .html files or directories (e.g. `consentlint lint ./pages`), or list `targets` in the config.");
  }
  const targets = resolveTargets(given, {
    cwd: inputs.length > 0 ? cwd : loaded.baseDir,
    exclude: cfg.exclude ?? [],
    excludeBase: loaded.baseDir,
  });
  const timeoutMs = opts.timeout ?? cfg.timeout ?? DEFAULT_TIMEOUT_MS;
  const thresholds = resolveThresholds(cfg.thresholds);
  const ignore: IgnoreEntry[] = cfg.ignore ?? [];
  const languages = cfg.languages ?? [];

  const jobs: (StateJob | { invalid: Target & { kind: "invalid" } })[] = targets.map((target) => {
    if (target.kind === "invalid") return { invalid: target };
    const override = target.kind === "file" ? overridesFor(loaded, target.path) : {};
    return {
      target,
      viewport: resolveViewport(opts.viewport ?? override.viewport ?? cfg.viewport),
      locale: opts.locale ?? override.locale ?? cfg.locale ?? null,
      engine: { rules: setup.rulesFor(target.kind === "file" ? target.path : null), thresholds, languages, ignore },
    };
  });

  const results: LintResultWithModel[] = new Array(jobs.length);
  const runnable = jobs.filter((j): j is StateJob => !("invalid" in j));
  let browser: Browser | null = opts.browser ?? null;
  const ownBrowser = !opts.browser;
  const server = new LocalFileServer();
  let done = 0;
  const report = (index: number, result: LintResultWithModel) => {
    results[index] = result;
    done += 1;
    opts.onResult?.(result, done, jobs.length);
  };
  const onSignal = () => {
    void (async () => {
      if (ownBrowser) await browser?.close().catch(() => {});
      await server.stop().catch(() => {});
      process.exit(130);
    })();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    jobs.forEach((job, index) => {
      if ("invalid" in job) {
        report(index, { target: job.invalid.input, url: "", findings: [], passes: [], incomplete: [], inapplicable: [], error: job.invalid.error });
      }
    });
    if (runnable.length > 0) {
      if (runnable.some((j) => j.target.kind === "file")) await server.start();
      browser ??= await launchBrowser({ executablePath: opts.browserPath ?? cfg.browser?.executablePath, log: opts.log });
      const concurrency = Math.max(1, opts.concurrency ?? cfg.concurrency ?? defaultConcurrency());
      const queue = jobs.map((job, index) => ({ job, index })).filter((e): e is { job: StateJob; index: number } => !("invalid" in e.job));
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          report(next.index, await lintState(browser!, server, next.job, timeoutMs, opts.keepModels ?? false));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    }
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    if (ownBrowser) await browser?.close().catch(() => {});
    await server.stop();
  }

  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warn").length, 0);
  return {
    tool: { name: "consentlint", version: TOOL_VERSION },
    results,
    summary: { targets: results.length, errors, warnings, durationMs: Date.now() - startedAt.getTime() },
    rules: Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.version])),
    startedAt: startedAt.toISOString(),
  };
}
