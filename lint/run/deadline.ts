/**
 * The time budget of one state (--timeout): set once when the state starts,
 * and handed down, so each step (loading, a flow step's actions, settling,
 * reading the model) gets what is left of the one budget rather than a cut
 * of its own. The shares are decided here and nowhere else.
 */

/** A state's budget when neither --timeout nor the config's `timeout` sets one. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The state did not finish within its budget. */
export class TimeoutError extends Error {}

/** Settling waits at most this long, however much of the budget is left. */
const SETTLE_MAX_MS = 10_000;
/** Kept back from settling for reading the model after it. */
const SETTLE_RESERVE_MS = 1_000;
/** Kept back from a flow step's actions for settling and reading the state they reach. */
const ACTIONS_RESERVE_MS = 2_000;
/** The least any step is given, even when the budget is all but spent (the state's own timer still ends it). */
const STEP_MIN_MS = 1_000;
/** Opening a browser context may take this long at least, even with a short --timeout. */
const OPEN_MIN_MS = 10_000;

export class Deadline {
  readonly startedAt = Date.now();
  readonly at: number;

  /**
   * @param ms the whole budget
   * @param option how the user sets it, named in the timeout message
   */
  constructor(
    readonly ms: number,
    readonly option = "--timeout",
  ) {
    this.at = this.startedAt + ms;
  }

  /** Time left, never below 0. */
  remaining(): number {
    return Math.max(0, this.at - Date.now());
  }

  elapsed(): number {
    return Date.now() - this.startedAt;
  }

  /** For loading the first page of a target. */
  forNavigation(): number {
    return Math.max(STEP_MIN_MS, this.at - Date.now());
  }

  /** For a flow step's actions: what is left but the time to read the state they reach. */
  forActions(): number {
    return Math.max(STEP_MIN_MS, this.at - Date.now() - ACTIONS_RESERVE_MS);
  }

  /** For waiting until the page settles: at most 10 s, and not the last second, which is for reading. */
  forSettle(): number {
    return Math.max(0, Math.min(SETTLE_MAX_MS, this.at - Date.now() - SETTLE_RESERVE_MS));
  }

  /** For reading the page model. */
  forExtract(): number {
    return Math.max(STEP_MIN_MS, this.at - Date.now());
  }

  /** How long opening a context may take before the browser is taken to be stuck. */
  static forOpen(timeoutMs: number): number {
    return Math.max(timeoutMs, OPEN_MIN_MS);
  }

  /**
   * `work`, or a TimeoutError naming `label` when the budget runs out first,
   * or the first of `failures` to reject (a crash, a redirect loop).
   */
  race<T>(work: Promise<T>, label: string, failures: Promise<never>[] = []): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TimeoutError(`${label} did not finish within ${this.ms} ms (${this.option}).`)),
        this.remaining(),
      );
    });
    return Promise.race([work, ...failures, timeout]).finally(() => clearTimeout(timer));
  }
}
