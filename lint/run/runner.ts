/**
 * The run: resolve targets, plan the job matrix, lint every target's states
 * through the one state pipeline (in browser contexts of one browser, or
 * from the HTML alone with --static), a few at a time, and assemble the
 * report. A target that fails becomes an error result; the others are still
 * linted.
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import type { Browser } from "playwright";
import type { LoadedConfig, RuleSettingInput, ViewportInput } from "../config/config.js";
import { UsageError } from "../errors.js";
import { resolveMounts, type Mount } from "../targets/file-server.js";
import { TOOL_VERSION } from "../package-info.js";
import { resolveTargets, type Target } from "../targets/targets.js";
import { shardSlice, type Shard } from "./shard.js";
import { SnapshotStore, type UpdateMode } from "../snapshot/snapshot.js";
import { EvidenceWriter } from "../evidence/writer.js";
import type { LintReport, LintResult, Rule } from "../types.js";
import { isRunnable, planJobs, type TargetJob } from "./jobs.js";
import type { ConsentMode } from "../consent-flow/steps.js";
import { assembleReport, type LintResultWithModel } from "./results.js";
import { lintTarget, type StateOutputs, type TargetRun } from "./state.js";
import { lintAllInBrowser } from "./browser-source.js";
import { StaticTarget } from "./static-source.js";
import { runPool } from "./pool.js";
import { prepareRun } from "./setup.js";
import { DEFAULT_TIMEOUT_MS } from "./deadline.js";

export type { LintResultWithModel } from "./results.js";
export { prepareRun, type RunSetup } from "./setup.js";
export { DEFAULT_TIMEOUT_MS } from "./deadline.js";
export type { StepPlan } from "./jobs.js";

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
  /** Attach a PNG of each finding's element, outlined in its context, as `finding.screenshot` (for the HTML report; not in static mode, which has no page to picture). */
  screenshots?: boolean;
  /** Write an evidence bundle into this (new or empty) folder (in static mode: the HTML, model and findings of each state, no pictures). */
  evidenceDir?: string;
  /** The command line, recorded in the evidence manifest. */
  commandLine?: string[];
  /**
   * Drive each page's consent manager without a flow file: refuse, accept, or
   * both (each in a fresh profile), linting the first visit (`banner`), the
   * page after the choice and after a reload. Not for flow files.
   */
  consent?: ConsentMode;
}

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const ruleVersions = (rules: readonly Rule[]): Record<string, string> => Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.version]));

/** Snapshots, evidence and pictures: what each state leaves besides its result. */
function stateOutputs(opts: LintOptions, ruleSet: readonly Rule[]): StateOutputs {
  return {
    screenshots: opts.screenshots ?? false,
    evidence: opts.evidenceDir ? new EvidenceWriter(opts.evidenceDir) : null,
    snapshots: opts.snapshotDir
      ? new SnapshotStore(opts.snapshotDir, opts.updateSnapshots ?? (process.env.CI ? "none" : "missing"), {
          tool: TOOL_VERSION,
          rules: ruleVersions(ruleSet),
        })
      : null,
  };
}

/** The targets of the run: those given, else the config's; only this shard of them with --shard. */
function runTargets(inputs: string[], opts: LintOptions, loaded: LoadedConfig): Target[] {
  const cfg = loaded.config;
  const given = inputs.length > 0 ? inputs : (cfg.targets ?? []);
  if (given.length === 0) {
    throw new UsageError(
      "No targets given. Pass URLs, .html files or directories (e.g. `consentlint lint ./pages`), or list `targets` in the config.",
    );
  }
  const all = resolveTargets(given, {
    cwd: inputs.length > 0 ? (opts.cwd ?? process.cwd()) : loaded.baseDir,
    exclude: cfg.exclude ?? [],
    excludeBase: loaded.baseDir,
  });
  return opts.shard ? shardSlice(all, opts.shard) : all;
}

/** The config's mounts for the file server; a mount naming a missing folder is a usage error. */
function mountsOf(loaded: LoadedConfig): Mount[] {
  const mounts = resolveMounts(loaded.config.mounts, loaded.baseDir);
  for (const mount of mounts) {
    if (!existsSync(mount.dir)) {
      throw new UsageError(
        `${loaded.path ?? "config"}: mounts["${mount.prefix}"] names ${mount.dir}, which does not exist. Give a folder relative to the config file.`,
      );
    }
  }
  return mounts;
}

/** Lints the targets with the rules given (the package API passes every rule: see lint/index.ts). */
export async function lint(
  inputs: string[],
  opts: LintOptions,
  ruleSet: readonly Rule[],
): Promise<LintReport & { results: LintResultWithModel[] }> {
  const startedAt = new Date();
  const setup = prepareRun(opts, ruleSet);
  const { loaded } = setup;
  const cfg = loaded.config;
  const jobs = planJobs(runTargets(inputs, opts, loaded), loaded, setup.rulesFor, {
    viewport: opts.viewport,
    locale: opts.locale,
    consent: opts.consent,
  });
  const run: TargetRun = {
    timeoutMs: opts.timeout ?? cfg.timeout ?? DEFAULT_TIMEOUT_MS,
    keepModel: opts.keepModels ?? false,
    outputs: stateOutputs(opts, ruleSet),
  };
  const concurrency = Math.max(1, opts.concurrency ?? cfg.concurrency ?? defaultConcurrency());
  const mounts = mountsOf(loaded);

  // One slot per target; a flow's slot holds one result per step.
  const slots: LintResultWithModel[][] = new Array(jobs.length);
  let done = 0;
  const store = (index: number, results: LintResultWithModel[]) => {
    slots[index] = results;
    done += 1;
    for (const result of results) opts.onResult?.(result, done, jobs.length);
  };
  jobs.forEach((job, index) => {
    if ("invalid" in job) {
      store(index, [
        { target: job.invalid.input, url: "", findings: [], passes: [], incomplete: [], inapplicable: [], error: job.invalid.error },
      ]);
    }
  });
  const runnable = jobs.map((job, index) => ({ job, index })).filter((e): e is { job: TargetJob; index: number } => isRunnable(e.job));
  let browserVersion: string | null = null;
  if (runnable.length > 0 && opts.static) {
    // No browser to wait on: more workers than the browser's concurrency keep the cores busy while files are read.
    await runPool(runnable, concurrency * 4, async ({ job, index }) =>
      store(index, (await lintTarget(new StaticTarget(job, run.timeoutMs), job, run)).results),
    );
  } else if (runnable.length > 0) {
    const browser = { browser: opts.browser, executablePath: opts.browserPath ?? cfg.browser?.executablePath, log: opts.log };
    browserVersion = await lintAllInBrowser(runnable, run, { ...browser, mounts, concurrency }, store);
  }

  const report = assembleReport(slots.flat(), {
    startedAt,
    rules: ruleVersions(ruleSet),
    browser: browserVersion,
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(run.outputs.snapshots ? { obsoleteSnapshots: run.outputs.snapshots.obsolete() } : {}),
  });
  run.outputs.evidence?.finish(report, opts.commandLine ?? []);
  return report;
}
