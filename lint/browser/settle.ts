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
import { settleTrackerScript } from "./settle-tracker.js";

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

/** The tracker as an init script, for every frame of every page. */
export const SETTLE_TRACKER_SCRIPT = settleTrackerScript(PROBE);

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
    const finishedNote =
      finishedAnimations > 0
        ? `; finished ${finishedAnimations} entrance animation${finishedAnimations === 1 ? "" : "s"} still running`
        : "";
    return { settled, waitedMs, reason: reason + finishedNote, finishedAnimations };
  } finally {
    void session?.detach().catch(() => {});
  }
}
