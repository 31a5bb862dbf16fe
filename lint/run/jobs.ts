/**
 * The job matrix: every target in every viewport x locale, each with the
 * states to lint (one for a page, one per step for a flow) and the rules that
 * apply to it.
 */
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright";
import { overridesFor, resolveViewport, type LoadedConfig, type ViewportInput } from "../config/config.js";
import { runStepActions } from "../flow/index.js";
import type { Flow } from "../flow/types.js";
import type { FlowActionRecord, Viewport } from "../model.js";
import type { LocalFileServer } from "../targets/file-server.js";
import type { Target } from "../targets/targets.js";
import type { EngineOptions, IgnoreEntry, RuleSelection } from "./engine.js";
import { consentRuns, type ConsentMode } from "../consent-flow/steps.js";

/** What happens before a state is linted: nothing for a page; a flow step's actions for flows. */
export interface StepPlan {
  /** Step name, for flows; undefined for single pages. */
  name?: string;
  /** Runs the step's actions within timeoutMs; returns what was done, for the primary-purpose decision. */
  act?: (page: Page, server: LocalFileServer, timeoutMs: number) => Promise<FlowActionRecord[]>;
}

export type LintableTarget = Target & { kind: "url" | "file" | "flow" };

/** One target to lint: a page (one state), or a flow (one state per step), in one context. */
export interface TargetJob {
  target: LintableTarget;
  steps: StepPlan[];
  viewport: Viewport;
  locale: string | null;
  engine: EngineOptions;
}

/** A target that could not be resolved: reported as an error result as it is. */
export interface InvalidJob {
  invalid: Target & { kind: "invalid" };
}

export type Job = TargetJob | InvalidJob;

export const isRunnable = (job: Job): job is TargetJob => !("invalid" in job);

/** The URL a user recognises for a target's first state. */
export function startUrlOf(target: LintableTarget): string {
  if (target.kind === "url") return target.url;
  if (target.kind === "file") return pathToFileURL(target.path).href;
  return target.flow.urlIsFile ? pathToFileURL(target.flow.url).href : target.flow.url;
}

/** The URL the browser opens for a target's first state (local files go through the run's file server). */
export function openUrlOf(target: LintableTarget, server: LocalFileServer): string {
  if (target.kind === "url") return target.url;
  if (target.kind === "file") return server.urlFor(target.path, target.root);
  return target.flow.urlIsFile ? serveWithin(server, target.flow.url, target.root, target.input) : target.flow.url;
}

function serveWithin(server: LocalFileServer, path: string, root: string, owner: string): string {
  const rel = relative(root, path);
  if (rel.startsWith("..") || rel === "")
    throw new Error(
      `${owner} opens ${path}, which is outside its folder ${root}; flows may only open pages in or below the folder of their start page.`,
    );
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

export interface MatrixOptions {
  /** Viewports given on the command line: every target in each. */
  viewport?: ViewportInput | ViewportInput[];
  /** Locales given on the command line: every target in each. */
  locale?: string | string[];
  /** A consent run on every page (not on flow files): its states instead of the page's one. */
  consent?: ConsentMode;
}

/** The consent runs of a page as step plans, one list per fresh profile. */
function consentPlans(mode: ConsentMode): StepPlan[][] {
  return consentRuns(mode).map((run) =>
    run.map((step) => ({ name: step.name, ...(step.act ? { act: (page, _server, timeoutMs) => step.act!(page, timeoutMs) } : {}) })),
  );
}

/**
 * The matrix: every target in every viewport x locale given on the command
 * line; otherwise the flow's own, then config overrides, then config.
 */
export function planJobs(
  targets: Target[],
  loaded: LoadedConfig,
  rulesFor: (targetPath: string | null) => RuleSelection[],
  opts: MatrixOptions = {},
): Job[] {
  const cfg = loaded.config;
  const ignore: IgnoreEntry[] = cfg.ignore ?? [];
  const languages = cfg.languages ?? [];
  const viewportList = opts.viewport === undefined ? null : Array.isArray(opts.viewport) ? opts.viewport : [opts.viewport];
  const localeList = opts.locale === undefined ? null : Array.isArray(opts.locale) ? opts.locale : [opts.locale];
  return targets.flatMap((target): Job[] => {
    if (target.kind === "invalid") return [{ invalid: target }];
    const localPath = target.kind === "url" ? null : target.path;
    const override = localPath ? overridesFor(loaded, localPath) : {};
    const flow = target.kind === "flow" ? target.flow : null;
    const viewports = viewportList ?? [flow?.viewport ?? override.viewport ?? cfg.viewport];
    const locales = localeList ?? [flow?.locale ?? override.locale ?? cfg.locale ?? null];
    const engine: EngineOptions = { rules: rulesFor(localPath), languages, ignore };
    const runs: StepPlan[][] = target.kind === "flow" ? [flowSteps(target)] : opts.consent ? consentPlans(opts.consent) : [[{}]];
    return viewports.flatMap((viewport) =>
      locales.flatMap((locale) => runs.map((steps): Job => ({ target, viewport: resolveViewport(viewport), locale, engine, steps }))),
    );
  });
}
