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
import type { BrowserContext, CDPSession, Frame, Page } from "playwright";

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
/** One read of a frame's tracker may take this long; a page busy longer is polled again. */
const MAX_READ_MS = 2000;
/** A top document whose tracker answers but cannot be read for this long is not waited for any more. */
const UNREADABLE_GIVE_UP_MS = 1000;

/** Name of the tracker's read function on each frame's window (non-configurable, so a page cannot replace it). */
const PROBE = "__consentlintSettle__";

/**
 * Runs in the page's main world of every frame, before any page script.
 * Standalone: no references outside its own body.
 *
 * Everything it uses later (Reflect.apply, collection methods, DOM getters,
 * timers) is saved here, before the page can touch it, and called through
 * the saved copies: a page that replaces Array.prototype, Map, JSON,
 * Function.prototype.call, MutationObserver or the DOM getters afterwards
 * neither breaks the tracker nor is broken by it. It never uses iteration
 * protocols, spread or prototype methods looked up at call time. Its answer
 * is a string of digits built by concatenation, so reading it involves no
 * page code either.
 */
function settleTracker(probeName: string): void {
  const host = window as unknown as Record<string, unknown>;
  if (Object.getOwnPropertyDescriptor(host, probeName)) return;
  /** Timers longer than this are not waited for. */
  const MAX_DELAY_MS = 3000;
  /** A timer scheduled from inside this many nested timers (a poller) is no longer waited for. */
  const MAX_CHAIN = 4;
  /** The same callback scheduled more often than this is a poller. */
  const MAX_REPEATS = 3;
  /** Requests open longer than this (long polling) are not waited for. */
  const LONG_REQUEST_MS = 5000;

  // ------------------------------------------------------------ saved intrinsics
  const apply = Reflect.apply;
  const getOwn = Object.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const createObject = Object.create;
  const toNumber = Number;
  const toText = String;
  const round = Math.round;
  const NativeWeakMap = WeakMap;
  const weakGet = WeakMap.prototype.get;
  const weakSet = WeakMap.prototype.set;
  const getter = (proto: object, name: string): ((self: unknown) => unknown) => {
    const get = getOwn(proto, name)?.get;
    return (self) => (get ? apply(get, self, []) : undefined);
  };
  const perf = performance;
  const perfNow = Performance.prototype.now;
  const now = (): number => apply(perfNow, perf, []) as number;
  const nativeSetTimeout = window.setTimeout;
  const nativeClearTimeout = window.clearTimeout;
  const nativeRaf = window.requestAnimationFrame;
  const nativeCancelRaf = window.cancelAnimationFrame;
  const nativeFetch = typeof window.fetch === "function" ? window.fetch : null;
  const promiseThen = Promise.prototype.then;
  const addListener = EventTarget.prototype.addEventListener;
  const xhrSend = XMLHttpRequest.prototype.send;
  const attachShadow = Element.prototype.attachShadow;
  const observe = MutationObserver.prototype.observe;
  const nodeType = getter(Node.prototype, "nodeType");
  const localName = getter(Element.prototype, "localName");
  const getAttribute = Element.prototype.getAttribute;
  const hasAttribute = Element.prototype.hasAttribute;
  const toLower = String.prototype.toLowerCase;
  const indexOf = String.prototype.indexOf;
  const addedNodes = getter(MutationRecord.prototype, "addedNodes");
  const nodeListLength = getter(NodeList.prototype, "length");
  const readyState = getter(Document.prototype, "readyState");
  const getAnimations = typeof Document.prototype.getAnimations === "function" ? Document.prototype.getAnimations : null;
  const playState = typeof Animation === "function" ? getter(Animation.prototype, "playState") : () => "";
  const effectOf = typeof Animation === "function" ? getter(Animation.prototype, "effect") : () => null;
  const computedTiming = typeof AnimationEffect === "function" ? AnimationEffect.prototype.getComputedTiming : null;
  const doc = document;

  // ------------------------------------------------------------ state
  // Plain objects without a prototype: property reads and writes on them reach no page code.
  const timers = createObject(null) as Record<number, true>;
  const frames = createObject(null) as Record<number, true>;
  const requests = createObject(null) as Record<number, number>;
  let timerCount = 0;
  let frameCount = 0;
  let loadingCount = 0;
  const repeats = new NativeWeakMap<object, number>();
  const watched = new NativeWeakMap<object, true>();
  let lastMutation = now();
  let chain = 0;
  let requestSeq = 0;

  /** Writes an array element as an own property, so no setter a page puts on Array.prototype runs. */
  const put = (list: unknown[], index: number, value: unknown): void => {
    defineProperty(list, index, { value, writable: true, enumerable: true, configurable: true });
  };
  const addTimer = (id: number): void => {
    if (!timers[id]) timerCount++;
    timers[id] = true;
  };
  const dropTimer = (id: number): void => {
    if (timers[id]) {
      delete timers[id];
      timerCount--;
    }
  };
  const addFrame = (id: number): void => {
    if (!frames[id]) frameCount++;
    frames[id] = true;
  };
  const dropFrame = (id: number): void => {
    if (frames[id]) {
      delete frames[id];
      frameCount--;
    }
  };

  function worthWaiting(callback: unknown, depth: number): boolean {
    if (typeof callback !== "function") return false;
    const seen = ((apply(weakGet, repeats, [callback]) as number | undefined) ?? 0) + 1;
    apply(weakSet, repeats, [callback, seen]);
    return depth <= MAX_CHAIN && seen <= MAX_REPEATS;
  }

  function runAt(depth: number, callback: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): unknown {
    const outer = chain;
    chain = depth;
    try {
      return apply(callback, self, args);
    } finally {
      chain = outer;
    }
  }

  const patchedSetTimeout = function (this: unknown, handler: unknown, delay?: unknown): number {
    // Extra arguments are passed on by index: no spread, no array methods.
    const passed: unknown[] = [];
    for (let i = 2; i < arguments.length; i++) put(passed, i - 2, arguments[i]);
    let ms = 0;
    try {
      ms = toNumber(delay) || 0;
    } catch {
      ms = 0;
    }
    const depth = chain + 1;
    const track = ms <= MAX_DELAY_MS && worthWaiting(handler, depth);
    let id = 0;
    const run =
      typeof handler === "function"
        ? function (this: unknown) {
            dropTimer(id);
            const callArgs: unknown[] = [];
            for (let i = 0; i < arguments.length; i++) put(callArgs, i, arguments[i]);
            return runAt(depth, handler as (...a: unknown[]) => unknown, this, callArgs);
          }
        : handler;
    const nativeArgs: unknown[] = [run, delay];
    for (let i = 0; i < passed.length; i++) put(nativeArgs, i + 2, passed[i]);
    id = apply(nativeSetTimeout, window, nativeArgs) as number;
    if (track) addTimer(id);
    return id;
  };
  const patchedClearTimeout = function (id?: number): void {
    if (id !== undefined) dropTimer(id);
    apply(nativeClearTimeout, window, [id]);
  };
  const patchedRaf = function (callback: FrameRequestCallback): number {
    const depth = chain + 1;
    const track = worthWaiting(callback, depth);
    let id = 0;
    id = apply(nativeRaf, window, [
      function (this: unknown, time: number) {
        dropFrame(id);
        runAt(depth, callback as (...a: unknown[]) => unknown, this, [time]);
      },
    ]) as number;
    if (track) addFrame(id);
    return id;
  };
  const patchedCancelRaf = function (id: number): void {
    dropFrame(id);
    apply(nativeCancelRaf, window, [id]);
  };
  window.setTimeout = patchedSetTimeout as typeof window.setTimeout;
  window.clearTimeout = patchedClearTimeout as typeof window.clearTimeout;
  window.requestAnimationFrame = patchedRaf;
  window.cancelAnimationFrame = patchedCancelRaf;

  if (nativeFetch) {
    window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const id = ++requestSeq;
      requests[id] = now();
      const done = (): void => void delete requests[id];
      try {
        const pending = apply(nativeFetch, window, [input, init]) as Promise<Response>;
        try {
          apply(promiseThen, pending, [done, done]);
        } catch {
          done();
        }
        return pending;
      } catch (error) {
        done();
        throw error;
      }
    };
  }
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const id = ++requestSeq;
    requests[id] = now();
    try {
      apply(addListener, this, ["loadend", () => void delete requests[id], { once: true }]);
    } catch {
      delete requests[id];
    }
    try {
      return apply(xhrSend, this, [body]) as void;
    } catch (error) {
      delete requests[id];
      throw error;
    }
  };

  /** Scripts, stylesheets and frames added after parsing keep the page busy until they load. */
  function watchLoad(node: unknown): void {
    if (nodeType(node) !== 1) return;
    const tag = localName(node);
    const loads =
      (tag === "script" && apply(hasAttribute, node, ["src"])) ||
      tag === "iframe" ||
      (tag === "link" && apply(indexOf, apply(toLower, toText(apply(getAttribute, node, ["rel"]) ?? ""), []), ["stylesheet"]) >= 0);
    if (!loads || apply(weakGet, watched, [node])) return;
    apply(weakSet, watched, [node, true]);
    loadingCount++;
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      loadingCount--;
    };
    apply(addListener, node, ["load", done, { once: true }]);
    apply(addListener, node, ["error", done, { once: true }]);
    apply(nativeSetTimeout, window, [done, 10_000]);
  }

  const observer = new MutationObserver((records) => {
    lastMutation = now();
    try {
      if (readyState(doc) !== "complete") return;
      for (let i = 0; i < records.length; i++) {
        const added = addedNodes(records[i]) as NodeList | undefined;
        if (!added) continue;
        const count = (nodeListLength(added) as number) || 0;
        for (let j = 0; j < count; j++) watchLoad(added[j]);
      }
    } catch {
      /* a node the page made unreadable is not waited for */
    }
  });
  const observeOptions: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
  apply(observe, observer, [doc, observeOptions]);
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = apply(attachShadow, this, [init]) as ShadowRoot;
    try {
      apply(observe, observer, [root, observeOptions]);
    } catch {
      /* keep the page's shadow root even if it cannot be watched */
    }
    return root;
  };

  function runningAnimations(): number {
    if (!getAnimations) return 0;
    let count = 0;
    const list = apply(getAnimations, doc, []) as Animation[];
    for (let i = 0; i < list.length; i++) {
      const animation = list[i];
      if (playState(animation) !== "running") continue;
      const effect = effectOf(animation);
      if (!effect || !computedTiming) continue;
      const timing = apply(computedTiming, effect, []) as ComputedEffectTiming;
      if (timing.iterations !== Infinity && timing.endTime !== Infinity) count++;
    }
    return count;
  }

  const STATES: Record<string, number> = { loading: 0, interactive: 1, complete: 2 };
  /** "timers,frames,requests,loading,animations,quietMs,readyState" as digits. */
  function activity(): string {
    const t = now();
    let openRequests = 0;
    for (const key in requests) if (t - requests[key as unknown as number] < LONG_REQUEST_MS) openRequests++;
    let animations = 0;
    try {
      animations = runningAnimations();
    } catch {
      animations = 0;
    }
    const state = STATES[toText(readyState(doc))] ?? 0;
    return "" + timerCount + "," + frameCount + "," + openRequests + "," + loadingCount + "," + animations + "," + round(t - lastMutation) + "," + state;
  }
  defineProperty(host, probeName, { value: activity, enumerable: false, configurable: false, writable: false });
}

/** The tracker as a script: a local `__name` keeps bundler-inserted name helpers harmless. */
export const SETTLE_TRACKER_SCRIPT = `(() => { const __name = (f) => f; (${settleTracker.toString()})(${JSON.stringify(PROBE)}); })();`;

/** Installs the settle tracker in every frame of every page the context opens. */
export async function installSettleTracker(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SETTLE_TRACKER_SCRIPT });
}

/**
 * The expression that reads a frame's tracker (installing it first when the
 * frame has none, e.g. a page opened before the context had the init script).
 * `window` cannot be redefined by a page and the probe is non-configurable,
 * so the lookup reaches no page code.
 */
const READ_EXPRESSION = `(() => {
  if (typeof window[${JSON.stringify(PROBE)}] !== "function") { ${SETTLE_TRACKER_SCRIPT} }
  const probe = window[${JSON.stringify(PROBE)}];
  return typeof probe === "function" ? probe() : "";
})()`;

const READY_STATES = ["loading", "interactive", "complete"];

/** Parses the tracker's answer; null when it is not one (the frame is gone, or its window was replaced). */
export function parseActivity(value: unknown): FrameActivity | null {
  if (typeof value !== "string" || !/^\d+(,-?\d+){6}$/.test(value)) return null;
  const [timers, frames, requests, loading, animations, quietMs, state] = value.split(",").map(Number);
  return { timers, frames, requests, loading, animations, quietMs: Math.max(0, quietMs), readyState: READY_STATES[state] ?? "loading" };
}

/** Resolves to `fallback` after `ms` when `promise` has not settled by then. */
function bounded<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), Math.max(1, ms));
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Reads the top document's tracker over CDP in the main world (Playwright's
 * own evaluate goes through the page's `window.eval`, which a page can
 * replace); other frames through Playwright, where a tampered frame only
 * reads as unknown.
 */
async function readActivity(page: Page, session: CDPSession | null, frame: Frame, ms: number): Promise<FrameActivity | null> {
  if (frame === page.mainFrame() && session) {
    const reply = bounded(
      session.send("Runtime.evaluate", { expression: READ_EXPRESSION, returnByValue: true }) as Promise<{ result?: { value?: unknown } }>,
      ms,
      null,
    );
    return parseActivity((await reply)?.result?.value);
  }
  return parseActivity(await bounded(frame.evaluate(READ_EXPRESSION) as Promise<unknown>, ms, null));
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

  let session: CDPSession | null = null;
  try {
    session = await bounded(page.context().newCDPSession(page), remaining(), null);
  } catch {
    session = null;
  }
  let reason = "not polled";
  /** When the top document's tracker first failed to answer, in a row; a page that stays unreadable is given up on. */
  let unreadableSince: number | null = null;
  try {
    for (;;) {
      const frames = page.frames().slice(0, MAX_FRAMES);
      const readMs = Math.max(1, Math.min(remaining(), MAX_READ_MS));
      const readStarted = Date.now();
      const activities = await Promise.all(frames.map((f) => readActivity(page, session, f, readMs)));
      const reasons: string[] = [];
      let shortestQuiet = Infinity;
      activities.forEach((a, i) => {
        if (!a) return;
        shortestQuiet = Math.min(shortestQuiet, a.quietMs);
        const busy = busyReasons(a, quietMs);
        if (busy.length > 0) reasons.push(i === 0 ? busy.join(", ") : `frame ${frames[i].url()}: ${busy.join(", ")}`);
      });
      if (activities[0] === null) {
        const hung = Date.now() - readStarted >= readMs;
        unreadableSince ??= readStarted;
        reasons.unshift(hung ? `the page did not answer within ${readMs} ms (a script may be running without end)` : "the page's activity could not be read");
        if (!hung && Date.now() - unreadableSince >= UNREADABLE_GIVE_UP_MS) {
          return { settled: false, waitedMs: Date.now() - started, reason: reasons.join("; ") };
        }
      } else {
        unreadableSince = null;
      }
      if (reasons.length === 0) {
        return { settled: true, waitedMs: Date.now() - started, reason: "quiet" };
      }
      reason = reasons.join("; ");
      if (remaining() === 0) break;
      const untilQuiet = Number.isFinite(shortestQuiet) ? quietMs - shortestQuiet : POLL_MS;
      await sleep(Math.min(remaining(), Math.max(POLL_MS, Math.min(untilQuiet, 250))));
    }
  } finally {
    void session?.detach().catch(() => {});
  }
  return { settled: false, waitedMs: Date.now() - started, reason: `still busy after ${opts.timeoutMs} ms: ${reason}` };
}
