/**
 * Reading a page's documents: one in-page pass for the main document (which
 * enters same-origin and srcdoc frames itself), then one pass for each frame
 * it could not enter, through that frame's own CDP session when it runs in
 * another process, or an isolated world of the parent's session when it
 * does not. Frames that cannot be read stay in the model as unreachable.
 */
import type { CDPSession, Frame, Page } from "playwright";
import type { FrameInfo } from "../model.js";
import type { CollectArgs, FrameContext, FramePart, PendingFrame } from "./in-page/frame-part.js";
import { IsolatedWorld } from "./isolated-world.js";
import { collectExpression } from "./page-script.js";

const WORLD_NAME = "consentlint";
const PENDING_KEY = "__consentlintPendingFrames";
/** Frames nested deeper than this inside unreadable frames are not followed. */
const MAX_FRAME_DEPTH = 4;
/** At most this many frames are read in passes of their own. */
const MAX_FRAME_READS = 24;
/** A document with more elements than this is read around its controls (a "large-page" note says what was skipped). */
export const LARGE_PAGE_ELEMENTS = 15_000;
/** On a large page, subtrees of at least this many elements with no control, button, frame or dialog are skipped. */
export const SKIP_SUBTREE_ELEMENTS = 1_000;

export interface ReadLimits {
  maxTextBlocks: number;
  maxElements: number;
  /** Default LARGE_PAGE_ELEMENTS. */
  largePageElements?: number;
  /** Default SKIP_SUBTREE_ELEMENTS. */
  skipSubtreeElements?: number;
  /** Time the in-page walk of one document may take. */
  budgetMs: number;
  /** Epoch ms after which no further frame is read. */
  deadline: number;
}

/** An unreadable frame and why, for the model's notes. */
export interface UnreadFrame {
  frame: FrameInfo;
  reason: string;
}

export interface PageRead {
  parts: FramePart[];
  unread: UnreadFrame[];
}

/** The context of the top document: nothing inherited, a white canvas. */
export function topFrameContext(): FrameContext {
  return {
    idPrefix: "",
    framePath: "",
    selectorPrefix: "",
    offsetX: 0,
    offsetY: 0,
    scale: 1,
    opacity: 1,
    scaleX: 1,
    scaleY: 1,
    displayNone: false,
    collapsed: false,
    srOnly: false,
    offscreen: false,
    clipEmpty: false,
    clip: null,
    scroll: null,
    background: { source: "solid", colours: [{ r: 255, g: 255, b: 255, a: 1 }] },
    regionId: null,
    groupId: null,
    lang: null,
    heading: null,
    linkHref: null,
    inButton: false,
  };
}

interface Job {
  world: IsolatedWorld;
  part: FramePart;
  pending: PendingFrame;
  depth: number;
}

/** Reads a page through CDP sessions it opens and closes itself; `close()` ends any read still running. */
export class FrameReader {
  private readonly sessions: CDPSession[] = [];
  private readonly frameSessions = new Map<Frame, CDPSession | null>();
  private closed = false;

  constructor(
    private readonly page: Page,
    private readonly limits: ReadLimits,
  ) {}

  private async open(target: Page | Frame): Promise<CDPSession> {
    if (this.closed) throw new Error("The page read was stopped.");
    const session = await this.page.context().newCDPSession(target);
    this.sessions.push(session);
    return session;
  }

  private args(context: FrameContext): CollectArgs {
    const left = Math.max(250, this.limits.deadline - Date.now());
    return {
      context,
      maxTextBlocks: this.limits.maxTextBlocks,
      maxElements: this.limits.maxElements,
      largePageElements: this.limits.largePageElements ?? LARGE_PAGE_ELEMENTS,
      skipSubtreeElements: this.limits.skipSubtreeElements ?? SKIP_SUBTREE_ELEMENTS,
      budgetMs: Math.min(this.limits.budgetMs, left),
      pendingKey: PENDING_KEY,
    };
  }

  /** The session of an out-of-process frame showing `frameId`, or null when the frame shares its parent's process. */
  private async sessionOf(frameId: string): Promise<CDPSession | null> {
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      if (!this.frameSessions.has(frame)) {
        let session: CDPSession | null = null;
        try {
          session = await this.open(frame);
        } catch {
          session = null;
        }
        this.frameSessions.set(frame, session);
      }
      const session = this.frameSessions.get(frame) ?? null;
      if (!session) continue;
      const id = await IsolatedWorld.rootFrameId(session).catch(() => null);
      if (id === frameId) return session;
    }
    return null;
  }

  private async readPending(job: Job, idPrefix: string): Promise<{ world: IsolatedWorld; part: FramePart }> {
    const objectId = await job.world.evaluateHandle(`globalThis[${JSON.stringify(PENDING_KEY)}][${job.pending.index}]`);
    if (!objectId) throw new Error("the frame element is gone");
    const frameId = await job.world.contentFrameId(objectId);
    if (!frameId) throw new Error("the frame has no document");
    const own = await this.sessionOf(frameId);
    const world = await IsolatedWorld.create(own ?? job.world.session, frameId, WORLD_NAME);
    const part = await world.evaluateJson<FramePart>(collectExpression(this.args({ ...job.pending.context, idPrefix })));
    return { world, part };
  }

  async read(): Promise<PageRead> {
    const main = await this.open(this.page);
    const frameId = await IsolatedWorld.rootFrameId(main);
    const world = await IsolatedWorld.create(main, frameId, WORLD_NAME);
    const top = await world.evaluateJson<FramePart>(collectExpression(this.args(topFrameContext())));
    const parts: FramePart[] = [top];
    const unread: UnreadFrame[] = [];
    const queue: Job[] = top.pending.map((pending) => ({ world, part: top, pending, depth: 1 }));
    let reads = 0;
    while (queue.length > 0) {
      const job = queue.shift() as Job;
      const frame = job.part.frames[job.pending.frameIndex];
      if (job.depth > MAX_FRAME_DEPTH || reads >= MAX_FRAME_READS || Date.now() >= this.limits.deadline) {
        unread.push({ frame, reason: "the time or frame limit for one page was reached" });
        continue;
      }
      reads++;
      try {
        const child = await this.readPending(job, `f${reads}.`);
        if (child.part.url.startsWith("chrome-error:")) {
          // The browser's own error page: the frame failed to load, and nothing of the site is in it.
          frame.reason = "the frame failed to load";
          continue;
        }
        frame.reachable = true;
        delete frame.reason;
        frame.url = child.part.url;
        try {
          frame.origin = new URL(child.part.url).origin;
        } catch {
          /* keep the origin from the src */
        }
        parts.push(child.part);
        for (const pending of child.part.pending) queue.push({ world: child.world, part: child.part, pending, depth: job.depth + 1 });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        frame.reason = `could not be read: ${reason}`;
        unread.push({ frame, reason });
      }
    }
    return { parts, unread };
  }

  /** Detaches every session; a read still running fails. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.sessions.splice(0).map((s) => s.detach().catch(() => {})));
  }
}
