/**
 * Waiting for a page to settle: content injected after load (a consent box
 * added by a timer, a fetch, a late script) must be in the state that is
 * linted, without sleeping a fixed time per page.
 *
 * An init script in every frame tracks what can still change the page: short
 * timers not yet fired, animation frames, in-flight fetch/XHR, scripts and
 * frames still loading, running finite animations, and the time of the last
 * DOM mutation. `waitForSettle` polls those facts until nothing is pending and
 * the DOM has been quiet for `quietMs`, or the time bound is reached.
 */
import type { BrowserContext, Frame, Page } from "playwright";

export interface SettleOptions {
  timeoutMs: number;
  /** How long the DOM must stay unchanged, in ms (default 300). */
  quietMs?: number;
}

export interface SettleResult {
  settled: boolean;
  waitedMs: number;
  reason: string;
}

/** What one frame's tracker reports. */
interface FrameActivity {
  timers: number;
  frames: number;
  requests: number;
  loading: number;
  animations: number;
  quietMs: number;
  readyState: string;
}

const DEFAULT_QUIET_MS = 300;
const POLL_MS = 50;
/** Frames polled per round; pages with more frames are judged on the first ones. */
const MAX_FRAMES = 20;

/**
 * Runs in the page's main world of every frame, before any page script.
 * Standalone: no references outside its own body.
 */
function settleTracker(): void {
  const KEY = Symbol.for("consentlint.settle");
  const host = window as unknown as Record<symbol, unknown>;
  if (host[KEY]) return;
  /** Timers longer than this are not waited for. */
  const MAX_DELAY_MS = 3000;
  /** A timer scheduled from inside this many nested timers (a poller) is no longer waited for. */
  const MAX_CHAIN = 4;
  /** The same callback scheduled more often than this is a poller. */
  const MAX_REPEATS = 3;
  /** Requests open longer than this (long polling) are not waited for. */
  const LONG_REQUEST_MS = 5000;

  const perf = performance;
  const now = (): number => perf.now();
  const timers = new Map<number, number>();
  const frames = new Set<number>();
  const requests = new Map<number, number>();
  const loading = new Set<Element>();
  const repeats = new WeakMap<object, number>();
  let lastMutation = now();
  let chain = 0;
  let requestSeq = 0;

  const nativeSetTimeout = window.setTimeout.bind(window);
  const nativeClearTimeout = window.clearTimeout.bind(window);
  const nativeRaf = window.requestAnimationFrame.bind(window);
  const nativeCancelRaf = window.cancelAnimationFrame.bind(window);

  function worthWaiting(callback: unknown, depth: number): boolean {
    if (typeof callback !== "function") return false;
    const seen = (repeats.get(callback) ?? 0) + 1;
    repeats.set(callback, seen);
    return depth <= MAX_CHAIN && seen <= MAX_REPEATS;
  }

  function runAt<A extends unknown[]>(depth: number, callback: (...args: A) => unknown, self: unknown, args: A): unknown {
    const outer = chain;
    chain = depth;
    try {
      return callback.apply(self, args);
    } finally {
      chain = outer;
    }
  }

  const patchedSetTimeout = function (this: unknown, handler: unknown, delay?: number, ...args: unknown[]): number {
    const ms = Number(delay) || 0;
    const depth = chain + 1;
    const track = ms <= MAX_DELAY_MS && worthWaiting(handler, depth);
    let id = 0;
    const run =
      typeof handler === "function"
        ? function (this: unknown, ...callArgs: unknown[]) {
            timers.delete(id);
            return runAt(depth, handler as (...a: unknown[]) => unknown, this, callArgs);
          }
        : handler;
    id = nativeSetTimeout(run as TimerHandler, delay, ...args);
    if (track) timers.set(id, now() + ms);
    return id;
  };
  const patchedClearTimeout = function (id?: number): void {
    if (id !== undefined) timers.delete(id);
    nativeClearTimeout(id);
  };
  const patchedRaf = function (callback: FrameRequestCallback): number {
    const depth = chain + 1;
    const track = worthWaiting(callback, depth);
    let id = 0;
    id = nativeRaf(function (this: unknown, time: number) {
      frames.delete(id);
      runAt(depth, callback, this, [time]);
    });
    if (track) frames.add(id);
    return id;
  };
  const patchedCancelRaf = function (id: number): void {
    frames.delete(id);
    nativeCancelRaf(id);
  };
  window.setTimeout = patchedSetTimeout as typeof window.setTimeout;
  window.clearTimeout = patchedClearTimeout as typeof window.clearTimeout;
  window.requestAnimationFrame = patchedRaf;
  window.cancelAnimationFrame = patchedCancelRaf;

  const nativeFetch = typeof window.fetch === "function" ? window.fetch.bind(window) : null;
  if (nativeFetch) {
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const id = ++requestSeq;
      requests.set(id, now());
      const done = (): void => void requests.delete(id);
      try {
        const pending = nativeFetch(input, init);
        pending.then(done, done);
        return pending;
      } catch (error) {
        done();
        throw error;
      }
    };
  }
  const xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const id = ++requestSeq;
    requests.set(id, now());
    this.addEventListener("loadend", () => void requests.delete(id), { once: true });
    try {
      return xhrSend.call(this, body);
    } catch (error) {
      requests.delete(id);
      throw error;
    }
  };

  /** Scripts, stylesheets and frames added after parsing keep the page busy until they load. */
  function watchLoad(node: Node): void {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    const loads =
      (tag === "script" && el.hasAttribute("src")) ||
      tag === "iframe" ||
      (tag === "link" && /\bstylesheet\b/i.test(el.getAttribute("rel") ?? ""));
    if (!loads || loading.has(el)) return;
    loading.add(el);
    const done = (): void => void loading.delete(el);
    el.addEventListener("load", done, { once: true });
    el.addEventListener("error", done, { once: true });
    nativeSetTimeout(done, 10_000);
  }

  const observer = new MutationObserver((records) => {
    lastMutation = now();
    if (document.readyState !== "complete") return;
    for (const record of records) record.addedNodes.forEach(watchLoad);
  });
  const observeOptions: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
  observer.observe(document, observeOptions);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attachShadow.call(this, init);
    observer.observe(root, observeOptions);
    return root;
  };

  function runningAnimations(): number {
    if (typeof document.getAnimations !== "function") return 0;
    let count = 0;
    for (const animation of document.getAnimations()) {
      if (animation.playState !== "running") continue;
      const timing = animation.effect?.getComputedTiming();
      if (timing && timing.iterations !== Infinity && timing.endTime !== Infinity) count++;
    }
    return count;
  }

  function activity(): FrameActivity {
    const t = now();
    let openRequests = 0;
    for (const started of requests.values()) if (t - started < LONG_REQUEST_MS) openRequests++;
    return {
      timers: timers.size,
      frames: frames.size,
      requests: openRequests,
      loading: loading.size,
      animations: runningAnimations(),
      quietMs: Math.round(t - lastMutation),
      readyState: document.readyState,
    };
  }
  Object.defineProperty(host, KEY, { value: activity, enumerable: false, configurable: false, writable: false });
}

/** The tracker as a script: a local `__name` keeps bundler-inserted name helpers harmless. */
export const SETTLE_TRACKER_SCRIPT = `(() => { const __name = (f) => f; (${settleTracker.toString()})(); })();`;

/** Installs the settle tracker in every frame of every page the context opens. */
export async function installSettleTracker(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SETTLE_TRACKER_SCRIPT });
}

async function readActivity(frame: Frame): Promise<FrameActivity | null> {
  const read = `(() => {
    const probe = window[Symbol.for("consentlint.settle")];
    if (typeof probe !== "function") { ${SETTLE_TRACKER_SCRIPT} }
    const again = window[Symbol.for("consentlint.settle")];
    return typeof again === "function" ? again() : null;
  })()`;
  try {
    return (await frame.evaluate(read)) as FrameActivity | null;
  } catch {
    return null;
  }
}

/** Why a frame is not settled yet; empty when it is. */
function busyReasons(a: FrameActivity, quietMs: number): string[] {
  const out: string[] = [];
  if (a.readyState !== "complete") out.push(`document ${a.readyState}`);
  if (a.timers > 0) out.push(`${a.timers} pending timer${a.timers === 1 ? "" : "s"}`);
  if (a.frames > 0) out.push(`${a.frames} animation frame${a.frames === 1 ? "" : "s"}`);
  if (a.requests > 0) out.push(`${a.requests} request${a.requests === 1 ? "" : "s"} in flight`);
  if (a.loading > 0) out.push(`${a.loading} resource${a.loading === 1 ? "" : "s"} loading`);
  if (a.animations > 0) out.push(`${a.animations} running animation${a.animations === 1 ? "" : "s"}`);
  if (a.quietMs < quietMs) out.push(`DOM changed ${a.quietMs} ms ago`);
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for 'load', then until no frame has pending short timers, animation
 * frames, requests or loads, and the DOM has been quiet for `quietMs`, at
 * most `timeoutMs` in all. A page that never settles returns settled:false
 * at the bound, with what kept it busy.
 */
export async function waitForSettle(page: Page, opts: SettleOptions): Promise<SettleResult> {
  const started = Date.now();
  const deadline = started + Math.max(0, opts.timeoutMs);
  const quietMs = opts.quietMs ?? DEFAULT_QUIET_MS;
  const remaining = (): number => Math.max(0, deadline - Date.now());

  try {
    await page.waitForLoadState("load", { timeout: Math.max(1, remaining()) });
  } catch {
    return { settled: false, waitedMs: Date.now() - started, reason: "the page did not finish loading" };
  }

  let reason = "not polled";
  for (;;) {
    const frames = page.frames().slice(0, MAX_FRAMES);
    const activities = await Promise.all(frames.map((f) => readActivity(f)));
    const reasons: string[] = [];
    let shortestQuiet = Infinity;
    activities.forEach((a, i) => {
      if (!a) return;
      shortestQuiet = Math.min(shortestQuiet, a.quietMs);
      const busy = busyReasons(a, quietMs);
      if (busy.length > 0) reasons.push(i === 0 ? busy.join(", ") : `frame ${frames[i].url()}: ${busy.join(", ")}`);
    });
    if (activities[0] === null && reasons.length === 0) reasons.push("the page could not be read");
    if (reasons.length === 0) {
      return { settled: true, waitedMs: Date.now() - started, reason: "quiet" };
    }
    reason = reasons.join("; ");
    if (remaining() === 0) break;
    const untilQuiet = Number.isFinite(shortestQuiet) ? quietMs - shortestQuiet : POLL_MS;
    await sleep(Math.min(remaining(), Math.max(POLL_MS, Math.min(untilQuiet, 250))));
  }
  return { settled: false, waitedMs: Date.now() - started, reason: `still busy after ${opts.timeoutMs} ms: ${reason}` };
}
