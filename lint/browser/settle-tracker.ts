/**
 * The settle tracker: runs in the page's main world of every frame, before
 * any page script, and answers what can still change the page (timers,
 * animation frames, requests, loading scripts and frames, entrance
 * animations, the time since the last DOM mutation).
 *
 * Every function here is standalone (no imports at run time, no module
 * state): `SETTLE_TRACKER_SCRIPT` puts their source text into the init
 * script, and `settleTracker` wires them together. Everything the tracker
 * uses later (Reflect.apply, collection methods, DOM getters, timers) is
 * saved by `trackerIntrinsics` before the page can touch it, and called
 * through the saved copies: a page that replaces Array.prototype, Map, JSON,
 * Function.prototype.call, MutationObserver or the DOM getters afterwards
 * neither breaks the tracker nor is broken by it. It never uses iteration
 * protocols, spread or prototype methods looked up at call time. Its answer
 * is a string of digits built by concatenation, so reading it involves no
 * page code either. Its state lives on objects without a prototype, so
 * property reads and writes on them reach no page code.
 */

/** How far the tracker follows the page. */
function trackerLimits() {
  return {
    /** Timers longer than this are not waited for. */
    MAX_DELAY_MS: 3000,
    /** A timer scheduled from inside this many nested timers (a poller) is no longer waited for. */
    MAX_CHAIN: 4,
    /** The same callback scheduled more often than this is a poller. */
    MAX_REPEATS: 3,
    /** Requests open longer than this (long polling) are not waited for. */
    LONG_REQUEST_MS: 5000,
    /** Finite animations whose delay, iterations and end delay take longer than this are ambient (not waited for, not finished). */
    AMBIENT_ANIMATION_MS: 10_000,
    /** Shadow roots remembered for their animations; more are not followed. */
    MAX_ROOTS: 5000,
    /** Elements looked at when searching a document for open shadow roots made without attachShadow (declarative ones). */
    MAX_SCAN: 200_000,
  };
}

/** The builtins the tracker calls, saved before any page script runs. */
export function trackerIntrinsics() {
  const apply = Reflect.apply;
  const getOwn = Object.getOwnPropertyDescriptor;
  const getter = (proto: object, name: string): ((self: unknown) => unknown) => {
    const get = getOwn(proto, name)?.get;
    return (self) => (get ? apply(get, self, []) : undefined);
  };
  const perf = performance;
  const perfNow = Performance.prototype.now;
  const hasAnimation = typeof Animation === "function";
  return {
    apply,
    getOwn,
    defineProperty: Object.defineProperty,
    createObject: Object.create,
    protoOf: Object.getPrototypeOf,
    toNumber: Number,
    toText: String,
    round: Math.round,
    NativeWeakMap: WeakMap,
    weakGet: WeakMap.prototype.get,
    weakSet: WeakMap.prototype.set,
    now: (): number => apply(perfNow, perf, []) as number,
    nativeSetTimeout: window.setTimeout,
    nativeClearTimeout: window.clearTimeout,
    nativeRaf: window.requestAnimationFrame,
    nativeCancelRaf: window.cancelAnimationFrame,
    nativeFetch: typeof window.fetch === "function" ? window.fetch : null,
    promiseThen: Promise.prototype.then,
    addListener: EventTarget.prototype.addEventListener,
    xhrSend: XMLHttpRequest.prototype.send,
    attachShadow: Element.prototype.attachShadow,
    observe: MutationObserver.prototype.observe,
    nodeType: getter(Node.prototype, "nodeType"),
    localName: getter(Element.prototype, "localName"),
    getAttribute: Element.prototype.getAttribute,
    hasAttribute: Element.prototype.hasAttribute,
    toLower: String.prototype.toLowerCase,
    indexOf: String.prototype.indexOf,
    addedNodes: getter(MutationRecord.prototype, "addedNodes"),
    nodeListLength: getter(NodeList.prototype, "length"),
    readyState: getter(Document.prototype, "readyState"),
    getAnimations: typeof Document.prototype.getAnimations === "function" ? Document.prototype.getAnimations : null,
    playState: hasAnimation ? getter(Animation.prototype, "playState") : () => "",
    effectOf: hasAnimation ? getter(Animation.prototype, "effect") : () => null,
    computedTiming: typeof AnimationEffect === "function" ? AnimationEffect.prototype.getComputedTiming : null,
    rateOf: hasAnimation ? getter(Animation.prototype, "playbackRate") : () => 1,
    timelineOf: hasAnimation ? getter(Animation.prototype, "timeline") : () => null,
    finishAnimation: hasAnimation ? Animation.prototype.finish : null,
    documentTimeline: typeof DocumentTimeline === "function" ? DocumentTimeline.prototype : null,
    rootAnimations:
      typeof ShadowRoot === "function" && typeof ShadowRoot.prototype.getAnimations === "function"
        ? ShadowRoot.prototype.getAnimations
        : null,
    shadowRootOf: getter(Element.prototype, "shadowRoot"),
    isConnected: getter(Node.prototype, "isConnected"),
    createTreeWalker: Document.prototype.createTreeWalker,
    nextNode: TreeWalker.prototype.nextNode,
    doc: document,
    limits: trackerLimits(),
  };
}

export type TrackerIntrinsics = ReturnType<typeof trackerIntrinsics>;

/** What the tracker counts, on objects without a prototype. */
export function trackerState(s: TrackerIntrinsics) {
  const state = s.createObject(null) as {
    timers: Record<number, true>;
    frames: Record<number, true>;
    requests: Record<number, number>;
    timerCount: number;
    frameCount: number;
    loadingCount: number;
    repeats: WeakMap<object, number>;
    watched: WeakMap<object, true>;
    lastMutation: number;
    /** How many timers deep the code now running was scheduled. */
    chain: number;
    requestSeq: number;
    /** Shadow roots of this document (open and closed), for their animations. */
    roots: Record<number, ShadowRoot>;
    rootCount: number;
    knownRoots: WeakMap<object, true>;
  };
  state.timers = s.createObject(null);
  state.frames = s.createObject(null);
  state.requests = s.createObject(null);
  state.timerCount = 0;
  state.frameCount = 0;
  state.loadingCount = 0;
  state.repeats = new s.NativeWeakMap<object, number>();
  state.watched = new s.NativeWeakMap<object, true>();
  state.lastMutation = s.now();
  state.chain = 0;
  state.requestSeq = 0;
  state.roots = s.createObject(null);
  state.rootCount = 0;
  state.knownRoots = new s.NativeWeakMap<object, true>();
  return state;
}

export type TrackerState = ReturnType<typeof trackerState>;

/** Writes an array element as an own property, so no setter a page puts on Array.prototype runs. */
export function putOwn(s: TrackerIntrinsics, list: unknown[], index: number, value: unknown): void {
  s.defineProperty(list, index, { value, writable: true, enumerable: true, configurable: true });
}

/** Whether a callback is worth waiting for: not a poller (scheduled too often, or too deep in a timer chain). */
export function worthWaiting(s: TrackerIntrinsics, t: TrackerState, callback: unknown, depth: number): boolean {
  if (typeof callback !== "function") return false;
  const seen = ((s.apply(s.weakGet, t.repeats, [callback]) as number | undefined) ?? 0) + 1;
  s.apply(s.weakSet, t.repeats, [callback, seen]);
  return depth <= s.limits.MAX_CHAIN && seen <= s.limits.MAX_REPEATS;
}

/** Runs a page callback with the timer chain depth it was scheduled at. */
export function runAtDepth(
  s: TrackerIntrinsics,
  t: TrackerState,
  depth: number,
  callback: (...args: unknown[]) => unknown,
  self: unknown,
  args: unknown[],
): unknown {
  const outer = t.chain;
  t.chain = depth;
  try {
    return s.apply(callback, self, args);
  } finally {
    t.chain = outer;
  }
}

/** setTimeout and clearTimeout that count short timers while they are pending. */
export function patchTimeouts(s: TrackerIntrinsics, t: TrackerState): void {
  const dropTimer = (id: number): void => {
    if (t.timers[id]) {
      delete t.timers[id];
      t.timerCount--;
    }
  };
  const patchedSetTimeout = function (this: unknown, handler: unknown, delay?: unknown): number {
    // Extra arguments are passed on by index: no spread, no array methods.
    const passed: unknown[] = [];
    for (let i = 2; i < arguments.length; i++) putOwn(s, passed, i - 2, arguments[i]);
    let ms = 0;
    try {
      ms = s.toNumber(delay) || 0;
    } catch {
      ms = 0;
    }
    const depth = t.chain + 1;
    const track = ms <= s.limits.MAX_DELAY_MS && worthWaiting(s, t, handler, depth);
    let id = 0;
    const run =
      typeof handler === "function"
        ? function (this: unknown) {
            dropTimer(id);
            const callArgs: unknown[] = [];
            for (let i = 0; i < arguments.length; i++) putOwn(s, callArgs, i, arguments[i]);
            return runAtDepth(s, t, depth, handler as (...a: unknown[]) => unknown, this, callArgs);
          }
        : handler;
    const nativeArgs: unknown[] = [run, delay];
    for (let i = 0; i < passed.length; i++) putOwn(s, nativeArgs, i + 2, passed[i]);
    id = s.apply(s.nativeSetTimeout, window, nativeArgs) as number;
    if (track && !t.timers[id]) t.timerCount++;
    if (track) t.timers[id] = true;
    return id;
  };
  const patchedClearTimeout = function (id?: number): void {
    if (id !== undefined) dropTimer(id);
    s.apply(s.nativeClearTimeout, window, [id]);
  };
  window.setTimeout = patchedSetTimeout as typeof window.setTimeout;
  window.clearTimeout = patchedClearTimeout as typeof window.clearTimeout;
}

/** requestAnimationFrame and cancelAnimationFrame that count frames while they are pending. */
export function patchAnimationFrames(s: TrackerIntrinsics, t: TrackerState): void {
  const dropFrame = (id: number): void => {
    if (t.frames[id]) {
      delete t.frames[id];
      t.frameCount--;
    }
  };
  const patchedRaf = function (callback: FrameRequestCallback): number {
    const depth = t.chain + 1;
    const track = worthWaiting(s, t, callback, depth);
    let id = 0;
    id = s.apply(s.nativeRaf, window, [
      function (this: unknown, time: number) {
        dropFrame(id);
        runAtDepth(s, t, depth, callback as (...a: unknown[]) => unknown, this, [time]);
      },
    ]) as number;
    if (track && !t.frames[id]) t.frameCount++;
    if (track) t.frames[id] = true;
    return id;
  };
  const patchedCancelRaf = function (id: number): void {
    dropFrame(id);
    s.apply(s.nativeCancelRaf, window, [id]);
  };
  window.requestAnimationFrame = patchedRaf;
  window.cancelAnimationFrame = patchedCancelRaf;
}

/** fetch and XMLHttpRequest.send that note each request while it is open. */
export function patchRequests(s: TrackerIntrinsics, t: TrackerState): void {
  const nativeFetch = s.nativeFetch;
  if (nativeFetch) {
    window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const id = ++t.requestSeq;
      t.requests[id] = s.now();
      const done = (): void => void delete t.requests[id];
      try {
        const pending = s.apply(nativeFetch, window, [input, init]) as Promise<Response>;
        try {
          s.apply(s.promiseThen, pending, [done, done]);
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
    const id = ++t.requestSeq;
    t.requests[id] = s.now();
    try {
      s.apply(s.addListener, this, ["loadend", () => void delete t.requests[id], { once: true }]);
    } catch {
      delete t.requests[id];
    }
    try {
      return s.apply(s.xhrSend, this, [body]) as void;
    } catch (error) {
      delete t.requests[id];
      throw error;
    }
  };
}

/** Scripts, stylesheets and frames added after parsing keep the page busy until they load. */
export function watchLoad(s: TrackerIntrinsics, t: TrackerState, node: unknown): void {
  if (s.nodeType(node) !== 1) return;
  const tag = s.localName(node);
  const loads =
    (tag === "script" && s.apply(s.hasAttribute, node, ["src"])) ||
    tag === "iframe" ||
    (tag === "link" &&
      s.apply(s.indexOf, s.apply(s.toLower, s.toText(s.apply(s.getAttribute, node, ["rel"]) ?? ""), []), ["stylesheet"]) >= 0);
  if (!loads || s.apply(s.weakGet, t.watched, [node])) return;
  s.apply(s.weakSet, t.watched, [node, true]);
  t.loadingCount++;
  let finished = false;
  const done = (): void => {
    if (finished) return;
    finished = true;
    t.loadingCount--;
  };
  s.apply(s.addListener, node, ["load", done, { once: true }]);
  s.apply(s.addListener, node, ["error", done, { once: true }]);
  s.apply(s.nativeSetTimeout, window, [done, 10_000]);
}

/** Remembers a shadow root; disconnected ones make room when the list is full. */
export function addShadowRoot(s: TrackerIntrinsics, t: TrackerState, root: unknown): void {
  if (!root || s.apply(s.weakGet, t.knownRoots, [root])) return;
  if (t.rootCount >= s.limits.MAX_ROOTS) {
    let kept = 0;
    for (let i = 0; i < t.rootCount; i++) {
      const r = t.roots[i];
      if (s.isConnected(r)) t.roots[kept++] = r;
    }
    for (let i = kept; i < t.rootCount; i++) delete t.roots[i];
    t.rootCount = kept;
    if (t.rootCount >= s.limits.MAX_ROOTS) return;
  }
  s.apply(s.weakSet, t.knownRoots, [root, true]);
  t.roots[t.rootCount++] = root as ShadowRoot;
}

/** Watches the document (and every shadow root made by attachShadow) for mutations and for late-loading nodes. */
export function watchMutations(s: TrackerIntrinsics, t: TrackerState): void {
  const observer = new MutationObserver((records) => {
    t.lastMutation = s.now();
    try {
      if (s.readyState(s.doc) !== "complete") return;
      for (let i = 0; i < records.length; i++) {
        const added = s.addedNodes(records[i]) as NodeList | undefined;
        if (!added) continue;
        const count = (s.nodeListLength(added) as number) || 0;
        for (let j = 0; j < count; j++) watchLoad(s, t, added[j]);
      }
    } catch {
      /* a node the page made unreadable is not waited for */
    }
  });
  const observeOptions: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
  s.apply(s.observe, observer, [s.doc, observeOptions]);
  const attachShadow = s.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = s.apply(attachShadow, this, [init]) as ShadowRoot;
    try {
      addShadowRoot(s, t, root);
      s.apply(s.observe, observer, [root, observeOptions]);
    } catch {
      /* keep the page's shadow root even if it cannot be watched */
    }
    return root;
  };
}

/** Adds the open shadow roots under `start` (declarative ones, or ones made before the tracker), nested ones too. */
export function scanOpenRoots(s: TrackerIntrinsics, t: TrackerState, start: Node, budget: { left: number }): void {
  const walker = s.apply(s.createTreeWalker, s.doc, [start, 1]) as TreeWalker;
  for (
    let node = s.apply(s.nextNode, walker, []) as Node | null;
    node && budget.left > 0;
    node = s.apply(s.nextNode, walker, []) as Node | null
  ) {
    budget.left--;
    const root = s.shadowRootOf(node) as ShadowRoot | null | undefined;
    if (!root) continue;
    addShadowRoot(s, t, root);
    scanOpenRoots(s, t, root, budget);
  }
}

/**
 * An animation the page is on its way out of: running (or about to run, or
 * in its delay), driven by time, at a non-zero rate, and ending within
 * AMBIENT_ANIMATION_MS. Spinners, marquees, paused and scroll-driven
 * animations are not.
 */
export function isSettling(s: TrackerIntrinsics, animation: Animation): boolean {
  if (s.playState(animation) !== "running" || !s.computedTiming) return false;
  if (!s.rateOf(animation)) return false;
  const timeline = s.timelineOf(animation);
  if (!timeline || (s.documentTimeline && s.protoOf(timeline) !== s.documentTimeline)) return false;
  const effect = s.effectOf(animation);
  if (!effect) return false;
  const timing = s.apply(s.computedTiming, effect, []) as ComputedEffectTiming;
  const end = timing.endTime;
  return timing.iterations !== Infinity && typeof end === "number" && end >= 0 && end <= s.limits.AMBIENT_ANIMATION_MS;
}

/** Counts the settling animations of the document and its known shadow roots; finishes them when `finish` is set. */
export function visitAnimations(s: TrackerIntrinsics, t: TrackerState, finish: boolean): number {
  const getAnimations = s.getAnimations;
  if (!getAnimations) return 0;
  let count = 0;
  const visit = (list: Animation[]): void => {
    for (let i = 0; i < list.length; i++) {
      const animation = list[i];
      if (!isSettling(s, animation)) continue;
      count++;
      if (finish && s.finishAnimation) {
        try {
          s.apply(s.finishAnimation, animation, []);
        } catch {
          /* an animation that cannot be finished is read as it is */
        }
      }
    }
  };
  visit(s.apply(getAnimations, s.doc, []) as Animation[]);
  const rootAnimations = s.rootAnimations;
  if (rootAnimations) {
    for (let i = 0; i < t.rootCount; i++) {
      const root = t.roots[i];
      if (!s.isConnected(root)) continue;
      try {
        visit(s.apply(rootAnimations, root, []) as Animation[]);
      } catch {
        /* a root the page made unreadable is not waited for */
      }
    }
  }
  return count;
}

/** Finishes the entrance animations still running, after looking for open shadow roots the tracker did not see made. */
export function finishAnimations(s: TrackerIntrinsics, t: TrackerState): string {
  try {
    scanOpenRoots(s, t, s.doc, { left: s.limits.MAX_SCAN });
  } catch {
    /* the roots known so far are finished */
  }
  let finished = 0;
  try {
    finished = visitAnimations(s, t, true);
  } catch {
    finished = 0;
  }
  return "" + finished;
}

/** "timers,frames,requests,loading,animations,quietMs,readyState" as digits. */
export function activityDigits(s: TrackerIntrinsics, t: TrackerState): string {
  const states: Record<string, number> = s.createObject(null);
  states.loading = 0;
  states.interactive = 1;
  states.complete = 2;
  const time = s.now();
  let openRequests = 0;
  for (const key in t.requests) if (time - t.requests[key as unknown as number] < s.limits.LONG_REQUEST_MS) openRequests++;
  let animations = 0;
  try {
    animations = visitAnimations(s, t, false);
  } catch {
    animations = 0;
  }
  const state = states[s.toText(s.readyState(s.doc))] ?? 0;
  return (
    "" +
    t.timerCount +
    "," +
    t.frameCount +
    "," +
    openRequests +
    "," +
    t.loadingCount +
    "," +
    animations +
    "," +
    s.round(time - t.lastMutation) +
    "," +
    state
  );
}

/** Installs the tracker in this frame and defines its probe on the window under `probeName`. */
export function settleTracker(probeName: string): void {
  const host = window as unknown as Record<string, unknown>;
  if (Object.getOwnPropertyDescriptor(host, probeName)) return;
  const s = trackerIntrinsics();
  const t = trackerState(s);
  patchTimeouts(s, t);
  patchAnimationFrames(s, t);
  patchRequests(s, t);
  watchMutations(s, t);
  /** The probe: the activity, or with "finish" the number of animations it finished. */
  const probe = (command?: unknown): string => (command === "finish" ? finishAnimations(s, t) : activityDigits(s, t));
  s.defineProperty(host, probeName, { value: probe, enumerable: false, configurable: false, writable: false });
  // Declarative shadow roots are made by the parser, not attachShadow: looked for once the document is parsed
  // (and at once when the tracker is installed into a page that already has content).
  const scanDocument = (): void => {
    try {
      scanOpenRoots(s, t, s.doc, { left: s.limits.MAX_SCAN });
    } catch {
      /* roots made later are still seen by attachShadow */
    }
  };
  scanDocument();
  // On the window in the capture phase, added before any page script: no page listener runs before it.
  s.apply(s.addListener, window, ["DOMContentLoaded", scanDocument, { once: true, capture: true }]);
}

/** Every function of this module as source text, for the init script (the tracker calls them by name). */
const TRACKER_FUNCTIONS = [
  trackerLimits,
  trackerIntrinsics,
  trackerState,
  putOwn,
  worthWaiting,
  runAtDepth,
  patchTimeouts,
  patchAnimationFrames,
  patchRequests,
  watchLoad,
  addShadowRoot,
  watchMutations,
  scanOpenRoots,
  isSettling,
  visitAnimations,
  finishAnimations,
  activityDigits,
  settleTracker,
];

/** The tracker as an init script: its functions declared inside one closure, then run; a local `__name` keeps bundler-inserted name helpers harmless. */
export function settleTrackerScript(probeName: string): string {
  const declarations = TRACKER_FUNCTIONS.map((f) => {
    const source = f.toString();
    return /^(async\s+)?function\b/.test(source) ? source : `const ${f.name} = ${source};`;
  }).join("\n");
  return `(() => { const __name = (f) => f;\n${declarations}\nsettleTracker(${JSON.stringify(probeName)}); })();`;
}
