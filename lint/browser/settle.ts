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
 *
 * Animations: a dialog that fades or slides in must be read as a person sees
 * it once it is shown, never mid-fade. The tracker counts the finite CSS
 * transitions, CSS animations and Web Animations of the document and of every
 * shadow root it knows (`document.getAnimations()` leaves shadow trees out;
 * other frames have trackers of their own), including ones still in their
 * delay or waiting to start. Infinite animations (spinners), animations longer
 * than `AMBIENT_ANIMATION_MS`, paused or scroll-driven ones are part of how
 * the page looks, not a change on its way, and are never waited for.
 *
 * When the time bound runs out while entrance animations still run, they are
 * finished (`Animation.finish()`, through builtins saved before any page
 * script): the model then holds the end state the page's own CSS defines,
 * which is what a person sees a moment later. Reporting the mid-fade values
 * instead would accuse a page of hiding text that is about to be fully shown.
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
  /** Entrance animations still running at the end, finished so that their end state is read. */
  finishedAnimations: number;
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
/** A read of the top document given this long without an answer means the page is hung (not asked to finish animations). */
const MIN_HUNG_READ_MS = 200;
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
  /** Finite animations whose delay, iterations and end delay take longer than this are ambient (not waited for, not finished). */
  const AMBIENT_ANIMATION_MS = 10_000;
  /** Shadow roots remembered for their animations; more are not followed. */
  const MAX_ROOTS = 5000;
  /** Elements looked at when searching a document for open shadow roots made without attachShadow (declarative ones). */
  const MAX_SCAN = 200_000;

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
  const rateOf = typeof Animation === "function" ? getter(Animation.prototype, "playbackRate") : () => 1;
  const timelineOf = typeof Animation === "function" ? getter(Animation.prototype, "timeline") : () => null;
  const finishAnimation = typeof Animation === "function" ? Animation.prototype.finish : null;
  const documentTimeline = typeof DocumentTimeline === "function" ? DocumentTimeline.prototype : null;
  const protoOf = Object.getPrototypeOf;
  const rootAnimations = typeof ShadowRoot === "function" && typeof ShadowRoot.prototype.getAnimations === "function" ? ShadowRoot.prototype.getAnimations : null;
  const shadowRootOf = getter(Element.prototype, "shadowRoot");
  const isConnected = getter(Node.prototype, "isConnected");
  const createTreeWalker = Document.prototype.createTreeWalker;
  const nextNode = TreeWalker.prototype.nextNode;
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
  /** Shadow roots of this document (open and closed), for their animations. */
  const roots = createObject(null) as Record<number, ShadowRoot>;
  let rootCount = 0;
  const knownRoots = new NativeWeakMap<object, true>();

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
  /** Remembers a shadow root; disconnected ones make room when the list is full. */
  function addRoot(root: unknown): void {
    if (!root || apply(weakGet, knownRoots, [root])) return;
    if (rootCount >= MAX_ROOTS) {
      let kept = 0;
      for (let i = 0; i < rootCount; i++) {
        const r = roots[i];
        if (isConnected(r)) roots[kept++] = r;
      }
      for (let i = kept; i < rootCount; i++) delete roots[i];
      rootCount = kept;
      if (rootCount >= MAX_ROOTS) return;
    }
    apply(weakSet, knownRoots, [root, true]);
    roots[rootCount++] = root as ShadowRoot;
  }
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = apply(attachShadow, this, [init]) as ShadowRoot;
    try {
      addRoot(root);
      apply(observe, observer, [root, observeOptions]);
    } catch {
      /* keep the page's shadow root even if it cannot be watched */
    }
    return root;
  };

  /** Adds the open shadow roots under `start` (declarative ones, or ones made before the tracker), nested ones too. */
  function scanOpenRoots(start: Node, budget: { left: number }): void {
    const walker = apply(createTreeWalker, doc, [start, 1]) as TreeWalker;
    for (let node = apply(nextNode, walker, []) as Node | null; node && budget.left > 0; node = apply(nextNode, walker, []) as Node | null) {
      budget.left--;
      const root = shadowRootOf(node) as ShadowRoot | null | undefined;
      if (!root) continue;
      addRoot(root);
      scanOpenRoots(root, budget);
    }
  }

  /**
   * An animation the page is on its way out of: running (or about to run, or
   * in its delay), driven by time, at a non-zero rate, and ending within
   * AMBIENT_ANIMATION_MS. Spinners, marquees, paused and scroll-driven
   * animations are not.
   */
  function settling(animation: Animation): boolean {
    if (playState(animation) !== "running" || !computedTiming) return false;
    if (!rateOf(animation)) return false;
    const timeline = timelineOf(animation);
    if (!timeline || (documentTimeline && protoOf(timeline) !== documentTimeline)) return false;
    const effect = effectOf(animation);
    if (!effect) return false;
    const timing = apply(computedTiming, effect, []) as ComputedEffectTiming;
    const end = timing.endTime;
    return timing.iterations !== Infinity && typeof end === "number" && end >= 0 && end <= AMBIENT_ANIMATION_MS;
  }

  /** Counts the settling animations of the document and its known shadow roots; finishes them when `finish` is set. */
  function visitAnimations(finish: boolean): number {
    if (!getAnimations) return 0;
    let count = 0;
    const visit = (list: Animation[]): void => {
      for (let i = 0; i < list.length; i++) {
        const animation = list[i];
        if (!settling(animation)) continue;
        count++;
        if (finish && finishAnimation) {
          try {
            apply(finishAnimation, animation, []);
          } catch {
            /* an animation that cannot be finished is read as it is */
          }
        }
      }
    };
    visit(apply(getAnimations, doc, []) as Animation[]);
    if (rootAnimations) {
      for (let i = 0; i < rootCount; i++) {
        const root = roots[i];
        if (!isConnected(root)) continue;
        try {
          visit(apply(rootAnimations, root, []) as Animation[]);
        } catch {
          /* a root the page made unreadable is not waited for */
        }
      }
    }
    return count;
  }

  /** Finishes the entrance animations still running, after looking for open shadow roots the tracker did not see made. */
  function finishAll(): string {
    try {
      scanOpenRoots(doc, { left: MAX_SCAN });
    } catch {
      /* the roots known so far are finished */
    }
    let finished = 0;
    try {
      finished = visitAnimations(true);
    } catch {
      finished = 0;
    }
    return "" + finished;
  }

  const STATES: Record<string, number> = { loading: 0, interactive: 1, complete: 2 };
  /** "timers,frames,requests,loading,animations,quietMs,readyState" as digits. */
  function activity(): string {
    const t = now();
    let openRequests = 0;
    for (const key in requests) if (t - requests[key as unknown as number] < LONG_REQUEST_MS) openRequests++;
    let animations = 0;
    try {
      animations = visitAnimations(false);
    } catch {
      animations = 0;
    }
    const state = STATES[toText(readyState(doc))] ?? 0;
    return "" + timerCount + "," + frameCount + "," + openRequests + "," + loadingCount + "," + animations + "," + round(t - lastMutation) + "," + state;
  }
  /** The probe: the activity, or with "finish" the number of animations it finished. */
  const probe = (command?: unknown): string => (command === "finish" ? finishAll() : activity());
  defineProperty(host, probeName, { value: probe, enumerable: false, configurable: false, writable: false });
  // Declarative shadow roots are made by the parser, not attachShadow: looked for once the document is parsed
  // (and at once when the tracker is installed into a page that already has content).
  const scanDocument = (): void => {
    try {
      scanOpenRoots(doc, { left: MAX_SCAN });
    } catch {
      /* roots made later are still seen by attachShadow */
    }
  };
  scanDocument();
  // On the window in the capture phase, added before any page script: no page listener runs before it.
  apply(addListener, window, ["DOMContentLoaded", scanDocument, { once: true, capture: true }]);
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
const probeExpression = (command: string): string => `(() => {
  if (typeof window[${JSON.stringify(PROBE)}] !== "function") { ${SETTLE_TRACKER_SCRIPT} }
  const probe = window[${JSON.stringify(PROBE)}];
  return typeof probe === "function" ? probe(${JSON.stringify(command)}) : "";
})()`;
const READ_EXPRESSION = probeExpression("read");
/** Finishes a frame's entrance animations; answers how many. */
const FINISH_EXPRESSION = probeExpression("finish");
/** How long finishing the animations of all frames may take. */
const FINISH_MS = 1000;
/** Time given to the page to run its animation-end handlers after animations were finished (a few frames). */
const AFTER_FINISH_MS = 50;

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
async function evaluateProbe(page: Page, session: CDPSession | null, frame: Frame, expression: string, ms: number): Promise<unknown> {
  if (frame === page.mainFrame() && session) {
    const reply = bounded(
      session.send("Runtime.evaluate", { expression, returnByValue: true }) as Promise<{ result?: { value?: unknown } }>,
      ms,
      null,
    );
    return (await reply)?.result?.value;
  }
  return bounded(frame.evaluate(expression) as Promise<unknown>, ms, null);
}

async function readActivity(page: Page, session: CDPSession | null, frame: Frame, ms: number): Promise<FrameActivity | null> {
  return parseActivity(await evaluateProbe(page, session, frame, READ_EXPRESSION, ms));
}

/**
 * Finishes, in every frame, the entrance animations still running when the
 * time bound ran out, then gives the page a few frames for its animation-end
 * handlers. Answers how many were finished.
 */
async function finishAnimations(page: Page, session: CDPSession | null): Promise<number> {
  const frames = page.frames().slice(0, MAX_FRAMES);
  const answers = await Promise.all(frames.map((f) => evaluateProbe(page, session, f, FINISH_EXPRESSION, FINISH_MS)));
  const finished = answers.reduce<number>((sum, a) => sum + (typeof a === "string" && /^\d+$/.test(a) ? Number(a) : 0), 0);
  if (finished > 0) await sleep(AFTER_FINISH_MS);
  return finished;
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
 * frames, requests, loads or entrance animations, and the DOM has been quiet
 * for `quietMs`, at most `timeoutMs` in all. A page that never settles returns
 * settled:false at the bound, with what kept it busy; entrance animations
 * still running then are finished, so that what is read next is their end
 * state (not when the page stopped answering).
 */
export async function waitForSettle(page: Page, opts: SettleOptions): Promise<SettleResult> {
  const started = Date.now();
  const deadline = started + Math.max(0, opts.timeoutMs);
  const quietMs = opts.quietMs ?? DEFAULT_QUIET_MS;
  const remaining = (): number => Math.max(0, deadline - Date.now());

  try {
    await page.waitForLoadState("load", { timeout: Math.max(1, remaining()) });
  } catch {
    return { settled: false, waitedMs: Date.now() - started, reason: "the page did not finish loading", finishedAnimations: 0 };
  }

  let session: CDPSession | null = null;
  try {
    session = await bounded(page.context().newCDPSession(page), remaining(), null);
  } catch {
    session = null;
  }
  /** The top document did not answer its last read in time: it is not asked to finish anything either. */
  let hung = false;
  const poll = async (): Promise<{ settled: boolean; reason: string }> => {
    let reason = "not polled";
    /** When the top document's tracker first failed to answer, in a row; a page that stays unreadable is given up on. */
    let unreadableSince: number | null = null;
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
        const timedOut = Date.now() - readStarted >= readMs;
        // A read cut short by the end of the time bound says nothing about the page.
        if (readMs >= MIN_HUNG_READ_MS) hung = timedOut;
        unreadableSince ??= readStarted;
        reasons.unshift(
          !timedOut
            ? "the page's activity could not be read"
            : readMs >= MIN_HUNG_READ_MS
              ? `the page did not answer within ${readMs} ms (a script may be running without end)`
              : "the time bound ran out while the page's activity was read",
        );
        if (!timedOut && Date.now() - unreadableSince >= UNREADABLE_GIVE_UP_MS) return { settled: false, reason: reasons.join("; ") };
      } else {
        hung = false;
        unreadableSince = null;
      }
      if (reasons.length === 0) return { settled: true, reason: "quiet" };
      reason = reasons.join("; ");
      if (remaining() === 0) return { settled: false, reason: `still busy after ${opts.timeoutMs} ms: ${reason}` };
      const untilQuiet = Number.isFinite(shortestQuiet) ? quietMs - shortestQuiet : POLL_MS;
      await sleep(Math.min(remaining(), Math.max(POLL_MS, Math.min(untilQuiet, 250))));
    }
  };
  try {
    const { settled, reason } = await poll();
    const waitedMs = Date.now() - started;
    // A settled page has no entrance animation left in the frames it was judged on.
    const finishedAnimations = settled || hung ? 0 : await finishAnimations(page, session);
    const finishedNote = finishedAnimations > 0 ? `; finished ${finishedAnimations} entrance animation${finishedAnimations === 1 ? "" : "s"} still running` : "";
    return { settled, waitedMs, reason: reason + finishedNote, finishedAnimations };
  } finally {
    void session?.detach().catch(() => {});
  }
}
