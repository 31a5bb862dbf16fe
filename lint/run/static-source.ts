/**
 * Static mode's source of states: the PageModel from the HTML alone (a local
 * file, a page fetched over http(s), or HTML in hand), no browser. A flow's
 * first state is linted when it needs no actions; states reached by actions
 * need a browser and say so as incomplete, never as a guess.
 */
import { readFileSync } from "node:fs";
import type { PageModel, Viewport } from "../model.js";
import { buildStaticModel, buildStaticModelFromFile, runStaticRules } from "../static/index.js";
import type { StateEvidence } from "../evidence/writer.js";
import type { Deadline } from "./deadline.js";
import type { StepPlan, TargetJob } from "./jobs.js";
import { startUrlOf } from "./jobs.js";
import { describeLoadError } from "./results.js";
import type { PipelineHooks, StateFailure, StateSource, TargetSource } from "./state.js";

/** Where static mode reads a page's HTML. */
export type StaticInput =
  | { kind: "file"; path: string; /** Folder style sheets and frames may be read from (default: the file's folder). */ root?: string }
  | { kind: "url"; url: string }
  | { kind: "html"; html: string; url: string; /** Folder relative style sheets and frames may be read from. */ baseDir?: string };

export interface StaticStateOptions {
  viewport: Viewport;
  locale: string | null;
  /** The target as reported in error messages. */
  input: string;
  timeoutMs: number;
}

export const STATIC_FLOW_STEP = {
  reason: "static-mode-flow-step",
  message: "This flow step is reached by actions (click, fill, ...), which need a browser; lint flows without --static.",
};

/** Reads an http(s) page's HTML without a browser. */
async function fetchHtml(url: string, input: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  if (!response.ok) throw new Error(`${input} answered HTTP ${response.status} ${response.statusText}.`);
  return response.text();
}

/** One state read from HTML. */
export class StaticState implements StateSource {
  private html: string | Uint8Array | null = null;

  constructor(
    private readonly from: StaticInput,
    private readonly opts: StaticStateOptions,
    readonly unreachable?: { reason: string; message: string },
  ) {}

  async reach(): Promise<void> {}

  async read(deadline: Deadline, hooks: PipelineHooks): Promise<PageModel> {
    const { from, opts } = this;
    let model: PageModel;
    if (from.kind === "file") {
      const bytes = readFileSync(from.path);
      this.html = bytes;
      model = buildStaticModelFromFile(from.path, {
        bytes,
        viewport: opts.viewport,
        locale: opts.locale,
        ...(from.root ? { root: from.root } : {}),
      });
    } else if (from.kind === "url") {
      const html = await fetchHtml(from.url, opts.input, deadline.forNavigation());
      this.html = html;
      model = buildStaticModel(html, { url: from.url, viewport: opts.viewport, locale: opts.locale });
    } else {
      this.html = from.html;
      model = buildStaticModel(from.html, {
        url: from.url,
        viewport: opts.viewport,
        locale: opts.locale,
        ...(from.baseDir ? { baseDir: from.baseDir } : {}),
      });
    }
    hooks.onPhase?.("read");
    return model;
  }

  rules = runStaticRules;

  /** No page, no accessibility tree: a static snapshot compares findings only. */
  async consentAria(): Promise<string> {
    return "";
  }

  /** The HTML as it was read for the model (a file's own bytes) and the model built from it; no pictures without a browser. */
  async evidence(_result: unknown, model: PageModel): Promise<StateEvidence> {
    return {
      files: [
        { path: "page.html", content: this.html ?? "" },
        { path: "model.json", content: JSON.stringify(model, null, 2) + "\n" },
      ],
    };
  }

  failures(): Promise<never>[] {
    return [];
  }

  async failed(error: unknown): Promise<StateFailure> {
    return { message: describeLoadError(error, this.opts.input, this.opts.timeoutMs), crashed: false };
  }
}

/** Where a target's HTML is. */
export function staticInputOf(target: TargetJob["target"]): StaticInput {
  if (target.kind === "file") return { kind: "file", path: target.path, root: target.root };
  if (target.kind === "flow" && target.flow.urlIsFile) return { kind: "file", path: target.flow.url, root: target.root };
  return { kind: "url", url: startUrlOf(target) };
}

/** A target's states in static mode. */
export class StaticTarget implements TargetSource {
  constructor(
    private readonly job: TargetJob,
    private readonly timeoutMs: number,
  ) {}

  async open(): Promise<void> {}

  state(step: StepPlan, index: number): StateSource {
    const { job } = this;
    const opts = { viewport: job.viewport, locale: job.locale, input: job.target.input, timeoutMs: this.timeoutMs };
    return new StaticState(staticInputOf(job.target), opts, index > 0 || step.act ? STATIC_FLOW_STEP : undefined);
  }

  openFailed(error: unknown): StateFailure {
    return { message: describeLoadError(error, this.job.target.input, this.timeoutMs), crashed: false };
  }

  async close(): Promise<void> {}
}
