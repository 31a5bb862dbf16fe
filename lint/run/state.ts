/**
 * The one pipeline every state goes through, whatever reads it (a browser
 * context of the run, a page the caller owns, or the HTML alone): reach the
 * state (navigate or act), settle and read its model, run the rules, add the
 * run's notes, record its snapshot and evidence, and time it, all within one
 * time budget. What differs between modes is the source; the order, the
 * budget and the outputs are decided here.
 *
 *   lintTarget: open ─┬─ lintState (step 1) ─ lintState (step 2) ... ─┬─ close
 *                      reach → read → rules → notes → snapshot → evidence
 */
import type { PageModel } from "../model.js";
import type { EvidenceWriter, StateEvidence } from "../evidence/writer.js";
import type { SnapshotStore } from "../snapshot/snapshot.js";
import type { Finding } from "../types.js";
import { Deadline } from "./deadline.js";
import type { EngineOptions, EngineResult } from "./engine.js";
import type { StepPlan, TargetJob } from "./jobs.js";
import { startUrlOf } from "./jobs.js";
import { allIncomplete, emptyResult, stateResult, type LintResultWithModel } from "./results.js";

/** The phases of a target and its states, reported as each ends. */
export type Phase =
  | "context"
  | "page"
  | "goto"
  | "act"
  | "settle"
  | "read"
  | "assemble"
  | "guards"
  | "record"
  | "rules"
  | "snapshot"
  | "screenshots"
  | "evidence"
  | "close";

export interface PipelineHooks {
  /** Called as each phase ends (for per-phase timings); `settled` tells whether the page settled in time. */
  onPhase?: (phase: Phase, detail?: { settled?: boolean }) => void;
}

/** How a state that could not be linted is reported. */
export interface StateFailure {
  message: string;
  /** The URL the state had reached, when it is not the target's start URL. */
  url?: string;
  /** The tab or the browser crashed (worth one retry in a fresh context). */
  crashed: boolean;
}

/** Where one state's model comes from, and what can be done with the state once it is read. */
export interface StateSource {
  /** Set when this source cannot reach the state: every rule's verdict on it is incomplete, for this reason. */
  unreachable?: { reason: string; message: string };
  /** Brings the state up: the first state of a target is navigated to, later ones are reached by the step's actions. */
  reach(deadline: Deadline, hooks: PipelineHooks): Promise<void>;
  /** Settles the state and reads its PageModel, with the notes of what was guarded against. */
  read(deadline: Deadline, hooks: PipelineHooks): Promise<PageModel>;
  /** Runs the rules over the model as this mode's models need. */
  rules(model: PageModel, engine: EngineOptions): EngineResult;
  /** The aria snapshot of the region holding the consent controls at these selectors ("" where there is none). */
  consentAria(selectors: string[]): Promise<string>;
  /** Pictures each finding's element (`finding.screenshot`), where this source has a page to picture. */
  screenshots?(findings: Finding[]): Promise<void>;
  /** The state's files for the evidence bundle. */
  evidence(result: LintResultWithModel, model: PageModel): Promise<StateEvidence>;
  /** Promises that reject when the page fails in a way that ends the state (a crash, a redirect loop). */
  failures(): Promise<never>[];
  /** What a failure means, in words; without it, failures are thrown to the caller. */
  failed?(error: unknown, label: string): Promise<StateFailure>;
}

/** What is done with each state besides its result. */
export interface StateOutputs {
  snapshots: SnapshotStore | null;
  evidence: EvidenceWriter | null;
  /** Attach pictures of each finding's element (for the HTML report). */
  screenshots: boolean;
}

export const NO_OUTPUTS: StateOutputs = { snapshots: null, evidence: null, screenshots: false };

export interface StateRun {
  /** The result before the state is read: target, step, start URL, viewport, locale. */
  base: LintResultWithModel;
  /** How messages name the state. */
  label: string;
  engine: EngineOptions;
  keepModel: boolean;
}

export interface StateOutcome {
  result: LintResultWithModel;
  /** Set when the state could not be linted (the result then carries the error). */
  failure?: StateFailure;
}

/** Lints one state within `deadline`. A failure becomes an error result when the source can describe it, and is thrown otherwise. */
export async function lintState(
  source: StateSource,
  run: StateRun,
  outputs: StateOutputs,
  deadline: Deadline,
  hooks: PipelineHooks = {},
): Promise<StateOutcome> {
  if (source.unreachable) {
    // Nothing was read: a stored snapshot of the state is neither compared nor replaced.
    outputs.snapshots?.keep(run.base);
    return { result: allIncomplete(run.base, run.engine, source.unreachable.reason, source.unreachable.message) };
  }
  const phase = hooks.onPhase ?? (() => {});
  const steps = async (): Promise<LintResultWithModel> => {
    await source.reach(deadline, hooks);
    const model = await source.read(deadline, hooks);
    const outcome = source.rules(model, run.engine);
    phase("rules");
    const result = stateResult(run.base, model, outcome, run.engine, run.keepModel);
    if (outputs.snapshots) {
      const aria = await source.consentAria([...result.findings, ...result.passes].map((f) => f.selector));
      result.snapshot = outputs.snapshots.record(result, aria);
      phase("snapshot");
    }
    if (outputs.screenshots && source.screenshots && result.findings.length > 0) {
      await source.screenshots(result.findings);
      phase("screenshots");
    }
    if (outputs.evidence) {
      outputs.evidence.addState(result, await source.evidence(result, model), model.capturedAt);
      phase("evidence");
    }
    return result;
  };
  try {
    const result = await deadline.race(steps(), run.label, source.failures());
    result.durationMs = deadline.elapsed();
    return { result };
  } catch (error) {
    if (!source.failed) throw error;
    const failure = await source.failed(error, run.label);
    return {
      result: { ...run.base, ...(failure.url ? { url: failure.url } : {}), error: failure.message, durationMs: deadline.elapsed() },
      failure,
    };
  }
}

/** Where a target's states come from: what they share is opened once, and closed after the last. */
export interface TargetSource {
  /** Opens what the target's states share (a browser context and its page); a failure ends the target. */
  open(hooks: PipelineHooks): Promise<void>;
  /** The source of the state a step reaches (called as the state starts). */
  state(step: StepPlan, index: number): StateSource;
  /** What a failure to open means, in words. */
  openFailed(error: unknown): StateFailure;
  close(hooks: PipelineHooks): Promise<void>;
}

export interface TargetRun {
  timeoutMs: number;
  keepModel: boolean;
  outputs: StateOutputs;
  hooks?: PipelineHooks;
}

export interface TargetOutcome {
  results: LintResultWithModel[];
  /** The tab or the browser crashed (worth one retry in a fresh context). */
  crashed: boolean;
}

/** The result of a target's state before it is read. */
export function baseResult(job: TargetJob, step: string | undefined): LintResultWithModel {
  return emptyResult({ target: job.target.input, step, url: startUrlOf(job.target), viewport: job.viewport, locale: job.locale });
}

/**
 * Lints every state of one target: the page after load, or each step of a
 * flow after its actions, each state with a budget of its own. A failing
 * step ends the target with an error result for that step; earlier steps'
 * results are kept.
 */
export async function lintTarget(source: TargetSource, job: TargetJob, run: TargetRun): Promise<TargetOutcome> {
  const hooks = run.hooks ?? {};
  const results: LintResultWithModel[] = [];
  let crashed = false;
  try {
    await source.open(hooks);
    for (const [i, step] of job.steps.entries()) {
      const deadline = new Deadline(run.timeoutMs);
      const label = step.name !== undefined ? `${job.target.input} step "${step.name}"` : job.target.input;
      const state = source.state(step, i);
      const outcome = await lintState(
        state,
        { base: baseResult(job, step.name), label, engine: job.engine, keepModel: run.keepModel },
        run.outputs,
        deadline,
        hooks,
      );
      results.push(outcome.result);
      if (outcome.failure) {
        crashed = outcome.failure.crashed;
        break;
      }
    }
  } catch (error) {
    const failure = source.openFailed(error);
    crashed = failure.crashed;
    results.push({ ...baseResult(job, job.steps[0]?.name), error: failure.message });
  } finally {
    await source.close(hooks);
  }
  return { results, crashed };
}
