/**
 * The run's browser, kept alive: a browser that died or stopped answering is
 * replaced by a fresh one for the remaining targets (when the run launched
 * it; a browser the caller passed in is never relaunched), and contexts are
 * closed with a bound so one stuck renderer cannot hold up the run.
 */
import type { Browser, BrowserContext } from "playwright";

/** How long closing a context may take before the browser is taken to be wedged. */
export const CONTEXT_CLOSE_MS = 5_000;
/** How long closing the whole browser may take; after that it is left to Playwright's exit handler. */
const BROWSER_CLOSE_MS = 10_000;

/** Resolves true when `promise` settles within `ms`, false otherwise (it is left to finish on its own). */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Closes a context; false when it did not close within the bound (the renderer or browser is stuck). */
export function closeContextWithin(context: BrowserContext, ms = CONTEXT_CLOSE_MS): Promise<boolean> {
  return settlesWithin(context.close(), ms);
}

export class BrowserKeeper {
  private current: Browser | null;
  private launching: Promise<Browser> | null = null;
  private readonly retired: Browser[] = [];
  /** How many times the browser was replaced. */
  restarts = 0;

  constructor(
    browser: Browser | null,
    /** Launches a new browser; null when the browser belongs to the caller. */
    private readonly launch: (() => Promise<Browser>) | null,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.current = browser;
  }

  /** A connected browser: the current one, or a new one when it is gone. */
  async get(): Promise<Browser> {
    if (this.current?.isConnected()) return this.current;
    if (!this.launch) throw new Error("The browser passed to consentlint was closed or crashed; the remaining targets cannot be linted.");
    this.launching ??= (async () => {
      const stale = this.current;
      this.current = null;
      if (stale) this.retire(stale);
      try {
        const browser = await this.launch!();
        this.current = browser;
        return browser;
      } finally {
        this.launching = null;
      }
    })();
    return this.launching;
  }

  /** Takes `browser` out of service (it crashed or stopped answering); the next `get()` launches another. */
  replace(browser: Browser, why: string): void {
    if (this.current !== browser || !this.launch) return;
    this.log(`consentlint: ${why}; starting a new browser for the remaining targets.`);
    this.restarts++;
    this.current = null;
    this.retire(browser);
  }

  /** Whether a failure can be retried with a new browser. */
  get canRelaunch(): boolean {
    return this.launch !== null;
  }

  private retire(browser: Browser): void {
    this.retired.push(browser);
    void settlesWithin(browser.close(), BROWSER_CLOSE_MS);
  }

  /**
   * Closes the browser in use, if the keeper launched it (bounded). Retired
   * browsers were told to close when they were retired and are not waited
   * for again: one that is stuck is killed by Playwright when the process exits.
   */
  async close(): Promise<void> {
    const current = this.current;
    this.current = null;
    if (!this.launch || !current) return;
    await settlesWithin(current.close(), BROWSER_CLOSE_MS);
  }
}
