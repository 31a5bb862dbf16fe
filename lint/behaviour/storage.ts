/**
 * The local and session storage keys of every readable frame of a page,
 * read in an isolated world (the extractor's kind): the page's scripts can
 * redefine `Storage.prototype` or `document.cookie` in their own world, not
 * in this one. Out-of-process frames are read through their own CDP session;
 * a frame that does not answer in time (a script looping) is skipped.
 */
import type { BrowserContext, CDPSession, Frame, Page } from "playwright";
import { IsolatedWorld } from "../extract/isolated-world.js";

const WORLD_NAME = "consentlint-behaviour";
/** Keys read per storage area and document, and their length. */
const MAX_KEYS = 500;
const MAX_KEY_LENGTH = 200;
/** Time one frame's read may take, and all of a page's. */
const FRAME_READ_MS = 1_000;
const PAGE_READ_MS = 2_500;

export interface FrameStorage {
  origin: string;
  local: string[];
  session: string[];
}

const READ_EXPRESSION = `(() => {
  const out = { origin: "", local: [], session: [] };
  try { out.origin = String(location.origin); } catch (e) { return out; }
  for (const [area, name] of [["local", "localStorage"], ["session", "sessionStorage"]]) {
    try {
      const s = window[name];
      if (!s) continue;
      const n = Math.min(s.length, ${MAX_KEYS});
      for (let i = 0; i < n; i++) {
        const k = s.key(i);
        if (k !== null) out[area].push(String(k).slice(0, ${MAX_KEY_LENGTH}));
      }
    } catch (e) { /* storage denied (sandboxed or opaque origin) */ }
  }
  return out;
})()`;

interface FrameTree {
  frame: { id: string };
  childFrames?: FrameTree[];
}

/** The work's value; null when it failed, undefined when it did not end in time. */
function within<T>(work: Promise<T>, ms: number): Promise<T | null | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)));
  return Promise.race([work.catch(() => null), timeout]).finally(() => clearTimeout(timer));
}

/** Reads storage keys of a page's frames; keeps the CDP sessions it opens until `close()`. */
export class StorageReader {
  private main: CDPSession | null = null;
  private readonly frameSessions = new WeakMap<Frame, CDPSession | null>();
  private readonly sessions: CDPSession[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  private async sessionOf(target: Page | Frame): Promise<CDPSession | null> {
    try {
      const session = await this.context.newCDPSession(target);
      this.sessions.push(session);
      return session;
    } catch {
      return null; // a frame in its parent's process has no session of its own
    }
  }

  /** Every frame's storage keys, once per document origin and frame; `main`: a CDP session of the page to use. */
  async read(main: CDPSession | null = null): Promise<FrameStorage[]> {
    if (this.page.isClosed()) return [];
    this.main ??= main ?? (await this.sessionOf(this.page));
    const roots: CDPSession[] = this.main ? [this.main] : [];
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      if (!this.frameSessions.has(frame)) this.frameSessions.set(frame, await this.sessionOf(frame));
      const session = this.frameSessions.get(frame);
      if (session) roots.push(session);
    }
    const seen = new Set<string>();
    const out: FrameStorage[] = [];
    const deadline = Date.now() + PAGE_READ_MS;
    for (const session of roots) {
      if (Date.now() >= deadline) break;
      const tree = await within(session.send("Page.getFrameTree") as Promise<{ frameTree: FrameTree }>, FRAME_READ_MS);
      if (!tree) continue;
      const ids: string[] = [];
      const walk = (t: FrameTree) => {
        ids.push(t.frame.id);
        for (const c of t.childFrames ?? []) walk(c);
      };
      walk(tree.frameTree);
      for (const id of ids) {
        if (seen.has(id)) continue;
        // A process that does not answer (a script looping) is not asked again.
        if (Date.now() >= deadline) break;
        const read = await within(
          IsolatedWorld.create(session, id, WORLD_NAME).then((w) => w.evaluate<FrameStorage>(READ_EXPRESSION)),
          FRAME_READ_MS,
        );
        if (read === undefined) break;
        if (!read || typeof read.origin !== "string" || read.origin === "" || read.origin === "null") continue;
        seen.add(id);
        out.push({
          origin: read.origin,
          local: Array.isArray(read.local) ? read.local.map(String) : [],
          session: Array.isArray(read.session) ? read.session.map(String) : [],
        });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.sessions.splice(0).map((s) => s.detach().catch(() => {})));
    this.main = null;
  }
}
