/**
 * Results: a state's result from its model and the rules' outcome, with the
 * notes of the run; errors in words a user can act on; the report of a run.
 */
import { FlowStepError } from "../flow/index.js";
import { PageCrashError, RedirectLoopError } from "../browser/page-guards.js";
import type { PageModel, Viewport } from "../model.js";
import { TOOL_VERSION } from "../package-info.js";
import type { LintReport, LintResult } from "../types.js";
import type { Shard } from "./shard.js";
import type { EngineOptions, EngineResult } from "./engine.js";
import { TimeoutError } from "./deadline.js";

export interface LintResultWithModel extends LintResult {
  model?: PageModel;
}

/** Model notes reported on the result. */
const RESULT_NOTES = new Set(["dialog", "popup", "download", "navigated", "large-page", "truncated", "retried"]);
/** Model notes that make every rule's verdict on the state incomplete. */
const INCOMPLETE_NOTES = new Set(["navigated", "large-page", "truncated"]);

/** Which state a result is of, before anything is known of it. */
export interface StateIdentity {
  target: string;
  step?: string;
  url: string;
  viewport: Viewport;
  locale: string | null;
}

export function emptyResult(state: StateIdentity): LintResultWithModel {
  return {
    target: state.target,
    ...(state.step !== undefined ? { step: state.step } : {}),
    url: state.url,
    viewport: state.viewport,
    ...(state.locale ? { locale: state.locale } : {}),
    findings: [],
    passes: [],
    incomplete: [],
    inapplicable: [],
  };
}

/** Error-free notes of the run on the result, and every rule's verdict marked incomplete when the state was read in part. */
export function withRunNotes(result: LintResultWithModel, model: PageModel, engine: EngineOptions): void {
  const notes = model.notes.filter((n) => RESULT_NOTES.has(n.kind));
  if (notes.length > 0) result.notes = notes;
  for (const note of model.notes.filter((n) => INCOMPLETE_NOTES.has(n.kind))) {
    for (const { rule } of engine.rules) result.incomplete.push({ ruleId: rule.meta.id, reason: note.kind, message: note.message });
  }
}

/** A linted state's result: the rules' outcome on its model, with the run's notes. */
export function stateResult(
  base: LintResultWithModel,
  model: PageModel,
  outcome: EngineResult,
  engine: EngineOptions,
  keepModel: boolean,
): LintResultWithModel {
  const result: LintResultWithModel = {
    ...base,
    url: model.url,
    findings: outcome.findings,
    passes: outcome.passes,
    incomplete: outcome.incomplete,
    inapplicable: outcome.inapplicable,
    ...(model.behaviour ? { behaviour: model.behaviour } : {}),
    ...consentMade(model),
    ...(keepModel ? { model } : {}),
  };
  withRunNotes(result, model, engine);
  return result;
}

/** The choice a consent run made before the state, and how (the last one, a reload keeping it). */
function consentMade(model: PageModel): Pick<LintResultWithModel, "consent"> {
  const made = [...model.flowActions].reverse().find((a) => a.action === "reject" || a.action === "accept");
  return made ? { consent: { choice: made.action as "reject" | "accept", madeBy: made.targetText } } : {};
}

/** Every rule's verdict on a state incomplete, for one reason. */
export function allIncomplete(base: LintResultWithModel, engine: EngineOptions, reason: string, message: string): LintResultWithModel {
  return { ...base, incomplete: engine.rules.map(({ rule }) => ({ ruleId: rule.meta.id, reason, message })) };
}

/** What went wrong loading or linting `input`, in words that say what to do. */
export function describeLoadError(error: unknown, input: string, timeoutMs: number): string {
  if (error instanceof FlowStepError || error instanceof RedirectLoopError || error instanceof PageCrashError) return error.message;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (error instanceof TimeoutError) return message;
  if (/ERR_TOO_MANY_REDIRECTS/.test(message))
    return `${input} redirects without end (too many HTTP redirects). Lint the page it should end on.`;
  if (/ERR_ABORTED/.test(message) && /download/i.test(message)) return `${input} is a download, not a page.`;
  if (/Target crashed|Page crashed/i.test(message)) return `The browser tab showing ${input} crashed.`;
  if (/ERR_NAME_NOT_RESOLVED/.test(message)) return `Cannot resolve the host of ${input}: check the URL and your network.`;
  if (/ERR_CONNECTION_REFUSED/.test(message)) return `Connection refused by ${input}: is the server running?`;
  if (/ERR_INTERNET_DISCONNECTED|ERR_NETWORK/.test(message)) return `No network to reach ${input}.`;
  if (/Timeout .*exceeded/i.test(message)) return `${input} did not load within ${timeoutMs} ms. Raise --timeout or check the page.`;
  return `Could not lint ${input}: ${message}`;
}

export interface ReportFacts {
  startedAt: Date;
  rules: Record<string, string>;
  browser: string | null;
  shard?: Shard;
  obsoleteSnapshots?: string[];
}

/** The report of a run: its results, counts and the facts of the run. */
export function assembleReport(results: LintResultWithModel[], facts: ReportFacts): LintReport & { results: LintResultWithModel[] } {
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warn").length, 0);
  return {
    tool: { name: "consentlint", version: TOOL_VERSION },
    results,
    summary: { targets: results.length, errors, warnings, durationMs: Date.now() - facts.startedAt.getTime() },
    rules: facts.rules,
    ...(facts.browser ? { browser: facts.browser } : {}),
    ...(facts.shard ? { shard: facts.shard } : {}),
    ...(facts.obsoleteSnapshots ? { obsoleteSnapshots: facts.obsoleteSnapshots } : {}),
    startedAt: facts.startedAt.toISOString(),
  };
}
