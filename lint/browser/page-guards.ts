/**
 * What a hostile page does to the browser while it is linted, answered and
 * written down: dialogs dismissed, pop-ups closed, downloads cancelled, the
 * page's own navigations counted (a redirect loop ends the state), and a
 * crashed renderer noticed at once instead of waited on.
 */
import type { BrowserContext, Dialog, Download, Page, Request } from "playwright";
import type { ModelNote } from "../model.js";

/** Client-side navigations (meta refresh, script) of one state past which the page counts as a redirect loop. */
export const MAX_PAGE_NAVIGATIONS = 10;
const MAX_RECORDED = 5;

export class RedirectLoopError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RedirectLoopError";
  }
}

export class PageCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PageCrashError";
  }
}

const clip = (s: string, n = 120): string => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

interface Tally {
  count: number;
  examples: string[];
}

function tally(map: Map<string, Tally>, key: string, example: string): void {
  const entry = map.get(key) ?? { count: 0, examples: [] };
  entry.count++;
  if (entry.examples.length < MAX_RECORDED && example && !entry.examples.includes(example)) entry.examples.push(example);
  map.set(key, entry);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Guards one lint context. `failure` rejects when the state cannot go on:
 * the page crashed, or it keeps navigating. Notes are collected per state:
 * `startState()` begins a new one.
 */
export class PageGuards {
  private dialogs = new Map<string, Tally>();
  private popups: Tally = { count: 0, examples: [] };
  private downloads: Tally = { count: 0, examples: [] };
  private navigationUrls: string[] = [];
  private navigationCount = 0;
  /** Main-frame document requests since the guards were made; a change during a read means the page moved under it. */
  documents = 0;
  private fail: (error: Error) => void = () => {};
  private failed: Error | null = null;
  /** Rejects when the page crashes or keeps navigating; never resolves. */
  readonly failure: Promise<never>;

  constructor(
    context: BrowserContext,
    private readonly page: Page,
    private readonly label: string,
    /** Turns a served URL into the one the user gave (local files). */
    private readonly display: (url: string) => string = (url) => url,
  ) {
    this.failure = new Promise<never>((_, reject) => {
      this.fail = (error) => {
        if (this.failed) return;
        this.failed = error;
        reject(error);
      };
    });
    this.failure.catch(() => {});
    page.on("dialog", (dialog) => this.onDialog(dialog));
    page.on("download", (download) => this.onDownload(download));
    page.on("crash", () => this.fail(new PageCrashError(`The browser tab showing ${label} crashed.`)));
    page.on("request", (request) => this.onRequest(request));
    context.on("page", (other) => {
      if (other === page) return;
      this.popups.count++;
      const url = other.url();
      if (this.popups.examples.length < MAX_RECORDED && url) this.popups.examples.push(clip(this.display(url)));
      other.on("dialog", (dialog) => this.onDialog(dialog));
      void other.close({ runBeforeUnload: false }).catch(() => {});
    });
  }

  /** The page is stopped by a crash or a redirect loop (null while it is fine). */
  get failedWith(): Error | null {
    return this.failed;
  }

  /** Starts a new state: its navigations are counted, and its dialogs, pop-ups and downloads noted, from now on. */
  startState(): void {
    this.navigationCount = 0;
    this.navigationUrls = [];
    this.dialogs = new Map();
    this.popups = { count: 0, examples: [] };
    this.downloads = { count: 0, examples: [] };
  }

  private onDialog(dialog: Dialog): void {
    tally(this.dialogs, dialog.type(), clip(dialog.message()));
    // Leaving the page must stay possible (flows navigate); everything else is answered "no".
    const answer = dialog.type() === "beforeunload" ? dialog.accept() : dialog.dismiss();
    void answer.catch(() => {});
  }

  private onDownload(download: Download): void {
    this.downloads.count++;
    const name = download.suggestedFilename();
    if (this.downloads.examples.length < MAX_RECORDED && name) this.downloads.examples.push(clip(name, 80));
    void download.cancel().catch(() => {});
  }

  private onRequest(request: Request): void {
    if (!request.isNavigationRequest() || request.frame() !== this.page.mainFrame()) return;
    // HTTP redirects are bounded by the browser itself (ERR_TOO_MANY_REDIRECTS).
    if (request.redirectedFrom()) return;
    this.documents++;
    this.navigationCount++;
    this.navigationUrls.push(this.display(request.url()));
    if (this.navigationCount > MAX_PAGE_NAVIGATIONS) {
      const path = this.navigationUrls.slice(-4).map((u) => clip(u, 80));
      this.fail(
        new RedirectLoopError(
          `${this.label} keeps navigating: ${this.navigationCount} page loads without coming to rest (… ${path.join(" → ")}). It looks like a redirect loop; lint the page it should end on.`,
        ),
      );
    }
  }

  /** What the page did that a person would have had to deal with, as model notes (with the pop-ups its top document had blocked). */
  notes(blocked: { count: number; urls: string[] } = { count: 0, urls: [] }): ModelNote[] {
    const notes: ModelNote[] = [];
    for (const [type, t] of this.dialogs) {
      notes.push({
        kind: "dialog",
        message: `The page opened ${plural(t.count, `${type} dialog`)}; consentlint dismissed ${t.count === 1 ? "it" : "them"}${t.examples.length ? `: "${t.examples.join('", "')}"` : ""}`,
      });
    }
    if (this.popups.count > 0) {
      notes.push({
        kind: "popup",
        message: `The page opened ${plural(this.popups.count, "pop-up window")}; consentlint closed ${this.popups.count === 1 ? "it" : "them"}${this.popups.examples.length ? `: ${this.popups.examples.join(", ")}` : ""}`,
      });
    }
    if (blocked.count > 0) {
      notes.push({
        kind: "popup",
        message: `The page tried to open ${plural(blocked.count, "pop-up window")} without a click; consentlint blocked ${blocked.count === 1 ? "it" : "them"}, as a browser's pop-up blocker does${blocked.urls.length ? `: ${blocked.urls.map((u) => clip(u, 80)).join(", ")}` : ""}`,
      });
    }
    if (this.downloads.count > 0) {
      notes.push({
        kind: "download",
        message: `The page started ${plural(this.downloads.count, "download")}; consentlint refused ${this.downloads.count === 1 ? "it" : "them"}${this.downloads.examples.length ? `: ${this.downloads.examples.join(", ")}` : ""}`,
      });
    }
    return notes;
  }
}

/**
 * Runs before page scripts in every document: `window.open` without a user
 * gesture returns null and opens nothing, as a person's browser's pop-up
 * blocker does. Pop-ups that still open (from a click in a flow) are closed
 * by the guards. Standalone: no references outside its own body.
 */
function popupBlocker(probeName: string): void {
  const nativeOpen = window.open;
  const apply = Reflect.apply;
  const toText = String;
  const activation = typeof navigator.userActivation === "object" ? navigator.userActivation : null;
  const isActive = activation ? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(activation) as object, "isActive")?.get : undefined;
  let blocked = 0;
  let urls = "";
  const open = function (this: unknown): Window | null {
    const args = arguments;
    if (activation && isActive && apply(isActive, activation, []) === true) return apply(nativeOpen, window, args) as Window | null;
    blocked++;
    if (blocked <= 5) {
      let url = "";
      try {
        url = args.length > 0 && args[0] !== undefined ? toText(args[0]) : "about:blank";
      } catch {
        url = "(unreadable)";
      }
      urls += "\n" + (url === "" ? "about:blank" : url);
    }
    return null;
  };
  Object.defineProperty(window, "open", { value: open, writable: true, configurable: true, enumerable: true });
  Object.defineProperty(window, probeName, { value: () => "" + blocked + urls, writable: false, configurable: false, enumerable: false });
}

const BLOCKED_POPUPS = "__consentlintBlockedPopups__";
const POPUP_BLOCKER_SCRIPT = `(() => { const __name = (f) => f; try { (${popupBlocker.toString()})(${JSON.stringify(BLOCKED_POPUPS)}); } catch {} })();`;

/** Pop-ups the top document tried to open without a gesture: how many, and the first few URLs. */
export async function blockedPopups(page: Page, ms = 1000): Promise<{ count: number; urls: string[] }> {
  const none = { count: 0, urls: [] };
  let timer: NodeJS.Timeout | undefined;
  const read = (async () => {
    const session = await page.context().newCDPSession(page);
    try {
      const reply = (await session.send("Runtime.evaluate", {
        expression: `typeof window[${JSON.stringify(BLOCKED_POPUPS)}] === "function" ? window[${JSON.stringify(BLOCKED_POPUPS)}]() : ""`,
        returnByValue: true,
      })) as { result?: { value?: unknown } };
      const value = reply.result?.value;
      if (typeof value !== "string" || !/^\d+/.test(value)) return none;
      const [count, ...urls] = value.split("\n");
      return { count: Number(count), urls };
    } finally {
      void session.detach().catch(() => {});
    }
  })().catch(() => none);
  const late = new Promise<typeof none>((resolve) => {
    timer = setTimeout(() => resolve(none), ms);
  });
  return Promise.race([read, late]).finally(() => clearTimeout(timer));
}

/** Makes every page of the context block pop-ups opened without a user gesture. */
export async function blockScriptedPopups(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: POPUP_BLOCKER_SCRIPT });
}

/** Whether the page's main thread answers a trivial evaluation within `ms` (false: a script is running without end, or the tab is gone). */
export async function pageAnswers(page: Page, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const probe = (async () => {
    const session = await page.context().newCDPSession(page);
    try {
      await session.send("Runtime.evaluate", { expression: "1", returnByValue: true });
      return true;
    } finally {
      void session.detach().catch(() => {});
    }
  })().catch(() => false);
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([probe, late]).finally(() => clearTimeout(timer));
}
