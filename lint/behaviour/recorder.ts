/**
 * Records what each state of a page stores and sends (rules.md, "Behaviour
 * rules"): every request of every frame from the state's start, the cookies
 * of the context and the storage keys of every readable frame at its end,
 * each marked new against the state's start and first or third party
 * against the top document's site.
 *
 * Requests come from Playwright's events (which see out-of-process frames
 * too). For the frames in the page's process, a CDP session of the page
 * tells the initiating script (`Network.requestWillBeSent`), the cookies
 * sent (`requestWillBeSentExtraInfo`) and set (`responseReceivedExtraInfo`)
 * as events, with no round trip; requests of out-of-process frames read the
 * same from Playwright's raw headers. A recorder lives as long as the
 * target's page: `begin()` as a state starts, `finish()` once it settled.
 */
import type { BrowserContext, CDPSession, Frame, Page, Request, Response } from "playwright";
import { readSignals } from "./signals.js";

const NO_SIGNALS: ConsentSignals = { tcf: null, consentMode: null, manager: null };
import { hostOfUrl, partyOf, siteOfHost, siteOfUrl } from "./site.js";
import { StorageReader } from "./storage.js";
import type { Behaviour, ConsentSignals, CookieRecord, Origin, RequestRecord, StorageRecord } from "./types.js";

/** Requests kept per state (the first ones); more set `truncated`. */
export const MAX_REQUESTS = 2_000;
/** Recorded URLs are cut to this many characters. */
export const MAX_URL_LENGTH = 500;
/** Time the headers still being read may take once the state is over. */
const HEADERS_WAIT_MS = 300;

interface Sent {
  request: Request;
  record: RequestRecord;
  /** The URL as requested (before it was cut), to find its initiator. */
  fullUrl: string;
  /** The initiator when CDP does not tell: the document of the requesting frame. */
  fallback: Origin;
}

interface SetCookieSeen {
  name: string;
  /** The Domain attribute, or the response's host, without a leading dot. */
  domain: string;
  url: string;
  /** Epoch ms. */
  at: number;
}

/** A request as the page's CDP session saw it. */
interface CdpSent {
  requestId: string;
  origin: Origin | null;
}

interface CdpInitiator {
  type: string;
  url?: string;
  stack?: CdpStack;
}
interface CdpStack {
  callFrames: { url: string }[];
  parent?: CdpStack;
}

/** Time a call to the browser may take here before the recorder goes on without it (a crashed or frozen tab). */
const BROWSER_CALL_MS = 2_000;

/** The work's value, or `fallback` when it fails or does not end within `ms`. */
function bounded<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((done) => (timer = setTimeout(() => done(fallback), ms)));
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

const cookieKey = (name: string, domain: string, path: string) => `${name}\u241f${domain.replace(/^\./, "")}\u241f${path}`;
const storageKey = (area: string, origin: string, key: string) => `${area}\u241f${origin}\u241f${key}`;

function stackUrl(stack: CdpStack | undefined): string | undefined {
  for (let s = stack, depth = 0; s && depth < 20; s = s.parent, depth++) {
    const frame = s.callFrames.find((f) => f.url !== "");
    if (frame) return frame.url;
  }
  return undefined;
}

/** What CDP says started a request, when it says something useful. */
export function originOfInitiator(initiator: CdpInitiator): Origin | null {
  if (initiator.type === "script") {
    const url = stackUrl(initiator.stack) ?? initiator.url;
    return url ? { kind: "script", url } : { kind: "script" };
  }
  if (initiator.type === "parser" && initiator.url) return { kind: "parser", url: initiator.url };
  return null;
}

/** Cookie names in a Cookie header ("a=1; b=2"). */
export function cookieNames(header: string | null): string[] {
  if (!header) return [];
  const names = header
    .split(";")
    .map((p) => p.split("=")[0].trim())
    .filter((n) => n !== "");
  return [...new Set(names)];
}

/** The cookies a response's Set-Cookie header value sets (lines joined by "\n", as Playwright gives them). */
export function parseSetCookie(value: string | null, responseUrl: string, at: number): SetCookieSeen[] {
  if (!value) return [];
  const host = hostOfUrl(responseUrl);
  const out: SetCookieSeen[] = [];
  for (const line of value.split("\n")) {
    const [pair, ...attrs] = line.split(";");
    const eq = pair.indexOf("=");
    const name = (eq >= 0 ? pair.slice(0, eq) : "").trim();
    if (name === "") continue;
    const domainAttr = attrs.map((a) => a.trim()).find((a) => /^domain=/i.test(a));
    const domain = (domainAttr ? domainAttr.slice(7).trim() : host).replace(/^\./, "").toLowerCase();
    out.push({ name, domain, url: responseUrl, at });
  }
  return out;
}

/** The frame's position under the top document: child indices joined by "/" ("" for the top frame). */
function framePathOf(frame: Frame): string {
  const path: number[] = [];
  for (let f = frame, parent = f.parentFrame(), depth = 0; parent && depth < 32; f = parent, parent = f.parentFrame(), depth++) {
    path.unshift(parent.childFrames().indexOf(f));
  }
  return path.join("/");
}

export class BehaviourRecorder {
  private startedAt = Date.now();
  private sent: Sent[] = [];
  private truncated = false;
  private readonly byRequest = new WeakMap<Request, Sent>();
  /** Requests CDP reported in this state, by URL, in order. */
  private cdpSent = new Map<string, CdpSent[]>();
  /** Cookies each request carried (CDP request id -> names). */
  private cdpCookies = new Map<string, string[]>();
  /** The URL each CDP request id is at. */
  private cdpUrls = new Map<string, string>();
  /** Every Set-Cookie the page's responses carried, across the target's states. */
  private readonly setCookies: SetCookieSeen[] = [];
  /** Who set each cookie, as recorded in earlier states. */
  private readonly known = new Map<string, Origin>();
  /** Header reads still under way. */
  private readonly work = new Set<Promise<unknown>>();
  private baseCookies = new Set<string>();
  private baseStorage = new Set<string>();
  private cdp: CDPSession | null = null;
  private readonly storage: StorageReader;
  private readonly onRequest = (request: Request) => this.request(request);
  private readonly onResponse = (response: Response) => this.response(response);
  private readonly onWillBeSent = (event: { requestId: string; request: { url: string }; initiator: CdpInitiator }) => {
    if (this.cdpUrls.size >= MAX_REQUESTS * 2) return;
    const sent: CdpSent = { requestId: event.requestId, origin: originOfInitiator(event.initiator) };
    const list = this.cdpSent.get(event.request.url);
    if (list) list.push(sent);
    else this.cdpSent.set(event.request.url, [sent]);
    this.cdpUrls.set(event.requestId, event.request.url);
  };
  private readonly onRequestExtra = (event: {
    requestId: string;
    associatedCookies?: { blockedReasons: string[]; cookie: { name: string } }[];
  }) => {
    const names = (event.associatedCookies ?? []).filter((c) => c.blockedReasons.length === 0).map((c) => c.cookie.name);
    this.cdpCookies.set(event.requestId, [...new Set([...(this.cdpCookies.get(event.requestId) ?? []), ...names])]);
  };
  private readonly onResponseExtra = (event: { requestId: string; headers: Record<string, string> }) => {
    const url = this.cdpUrls.get(event.requestId);
    if (url === undefined) return;
    const value = Object.entries(event.headers).find(([name]) => name.toLowerCase() === "set-cookie")?.[1] ?? null;
    for (const seen of parseSetCookie(value, url, Date.now())) this.setCookies.push(seen);
  };

  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {
    this.storage = new StorageReader(context, page);
  }

  /** Starts recording a page's requests (call before its first navigation). */
  static async attach(context: BrowserContext, page: Page): Promise<BehaviourRecorder> {
    const recorder = new BehaviourRecorder(context, page);
    page.on("request", recorder.onRequest);
    page.on("response", recorder.onResponse);
    try {
      const cdp = await bounded(context.newCDPSession(page), BROWSER_CALL_MS, null);
      if (!cdp) return recorder;
      recorder.cdp = cdp;
      cdp.on("Network.requestWillBeSent", recorder.onWillBeSent);
      cdp.on("Network.requestWillBeSentExtraInfo", recorder.onRequestExtra);
      cdp.on("Network.responseReceivedExtraInfo", recorder.onResponseExtra);
      // No bodies are kept for this session: it only reads initiators.
      await bounded(
        cdp.send("Network.enable", { maxTotalBufferSize: 0, maxResourceBufferSize: 0, maxPostDataSize: 0 }),
        BROWSER_CALL_MS,
        {},
      );
    } catch {
      // Without CDP, initiators fall back to the requesting frame's document.
    }
    return recorder;
  }

  private track(work: Promise<unknown>): void {
    const p = work.catch(() => {}).finally(() => this.work.delete(p));
    this.work.add(p);
  }

  private request(request: Request): void {
    if (this.sent.length >= MAX_REQUESTS) {
      this.truncated = true;
      return;
    }
    const fullUrl = request.url();
    let frame: Frame | null = null;
    try {
      frame = request.frame();
    } catch {
      frame = null; // a service worker's request
    }
    const started = request.timing().startTime;
    const host = hostOfUrl(fullUrl);
    const record: RequestRecord = {
      url: fullUrl.slice(0, MAX_URL_LENGTH),
      method: request.method(),
      resourceType: request.resourceType(),
      host,
      site: siteOfHost(host),
      party: "first",
      initiator: { kind: "unknown" },
      framePath: frame ? framePathOf(frame) : "",
      atMs: Math.max(0, Math.round((started > 0 ? started : Date.now()) - this.startedAt)),
      status: null,
      cookiesSent: [],
    };
    const documentUrl = frame?.url() ?? "";
    const fallback: Origin = documentUrl && documentUrl !== "about:blank" ? { kind: "unknown", url: documentUrl } : { kind: "unknown" };
    const sent: Sent = { request, record, fullUrl, fallback };
    this.sent.push(sent);
    this.byRequest.set(request, sent);
  }

  private response(response: Response): void {
    const sent = this.byRequest.get(response.request());
    if (sent) sent.record.status = response.status();
    const url = response.url();
    // The page's CDP session saw this one's Set-Cookie (a frame in the page's process).
    if (this.cdpSent.has(url)) return;
    const at = Date.now();
    this.track(
      response.headerValue("set-cookie").then((value) => {
        for (const seen of parseSetCookie(value, url, at)) this.setCookies.push(seen);
      }),
    );
  }

  /** The state starts: requests are recorded from now, and cookies and storage keys there now are not new. */
  async begin(): Promise<void> {
    this.startedAt = Date.now();
    this.sent = [];
    this.truncated = false;
    this.cdpSent = new Map();
    this.cdpCookies = new Map();
    this.cdpUrls = new Map();
    const cookies = await bounded(this.context.cookies(), BROWSER_CALL_MS, []);
    this.baseCookies = new Set(cookies.map((c) => cookieKey(c.name, c.domain, c.path)));
    this.baseStorage = new Set();
    if (this.page.url() !== "about:blank") {
      for (const frame of await bounded(this.storage.read(this.cdp), BROWSER_CALL_MS * 2, [])) {
        for (const key of frame.local) this.baseStorage.add(storageKey("local", frame.origin, key));
        for (const key of frame.session) this.baseStorage.add(storageKey("session", frame.origin, key));
      }
    }
  }

  /** The state is over (settled): what it stored and sent, against the site of `topUrl`. */
  async finish(topUrl: string): Promise<Behaviour> {
    const site = siteOfUrl(topUrl);
    const requests = this.sent.map(({ request, record, fullUrl, fallback }) => {
      const seen = this.cdpSent.get(fullUrl)?.shift();
      const out: RequestRecord = { ...record, initiator: seen?.origin ?? fallback, party: partyOf(record.site, site) };
      // Out of the page's process: the cookies sent are read from Playwright's raw headers.
      if (seen) out.cookiesSent = [...(this.cdpCookies.get(seen.requestId) ?? [])];
      else this.track(request.headerValue("cookie").then((value) => (out.cookiesSent = cookieNames(value))));
      return out;
    });
    const cookiesNow = bounded(this.context.cookies(), BROWSER_CALL_MS, []);
    const storageNow = bounded(this.storage.read(this.cdp), BROWSER_CALL_MS * 2, []);
    if (this.work.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all([...this.work]), new Promise((done) => (timer = setTimeout(done, HEADERS_WAIT_MS)))]);
      clearTimeout(timer);
    }
    const finishedMs = Date.now() - this.startedAt;
    const cookies: CookieRecord[] = [];
    for (const c of await cookiesNow) {
      const key = cookieKey(c.name, c.domain, c.path);
      const isNew = !this.baseCookies.has(key);
      const domain = c.domain.replace(/^\./, "").toLowerCase();
      const header = this.setCookies.findLast((s) => s.name === c.name && s.domain === domain);
      let setBy: Origin;
      let atMs = 0;
      if (header) {
        setBy = { kind: "response", url: header.url.slice(0, MAX_URL_LENGTH) };
        if (isNew) atMs = Math.max(0, header.at - this.startedAt);
      } else {
        setBy = this.known.get(key) ?? (isNew ? { kind: "script" } : { kind: "unknown" });
        if (isNew) {
          // Set by a script some time before the first request that carried it, or by the end of the state.
          const carried = requests.find((r) => r.cookiesSent.includes(c.name) && siteOfHost(c.domain) === r.site);
          atMs = carried ? carried.atMs : finishedMs;
        }
      }
      this.known.set(key, setBy);
      const cookieSite = siteOfHost(c.domain);
      cookies.push({
        name: c.name,
        domain: c.domain,
        path: c.path,
        expires: c.expires > 0 ? Math.round(c.expires) : null,
        httpOnly: c.httpOnly,
        secure: c.secure,
        sameSite: c.sameSite ?? null,
        site: cookieSite,
        party: partyOf(cookieSite, site),
        setBy,
        atMs,
        new: isNew,
      });
    }
    const storage: StorageRecord[] = [];
    const seen = new Set<string>();
    for (const frame of await storageNow) {
      const party = partyOf(siteOfUrl(frame.origin), site);
      for (const [area, keys] of [
        ["local", frame.local],
        ["session", frame.session],
      ] as const) {
        for (const key of keys) {
          const id = storageKey(area, frame.origin, key);
          if (seen.has(id)) continue;
          seen.add(id);
          storage.push({ area, key, origin: frame.origin, party, new: !this.baseStorage.has(id) });
        }
      }
    }
    return {
      site,
      startedAt: new Date(this.startedAt).toISOString(),
      cookies,
      storage,
      requests,
      // What the page signals to others (TCF, Consent Mode, the consent manager's state); none when it could not be read in time.
      signals:
        (await bounded(
          readSignals(this.page, { timeoutMs: 1000 }).catch(() => null),
          BROWSER_CALL_MS,
          null,
        )) ?? NO_SIGNALS,
      truncated: this.truncated,
    };
  }

  /** Stops recording and closes the recorder's CDP sessions. */
  async detach(): Promise<void> {
    this.page.off("request", this.onRequest);
    this.page.off("response", this.onResponse);
    const cdp = this.cdp;
    this.cdp = null;
    await bounded(Promise.all([cdp?.detach(), this.storage.close()]), BROWSER_CALL_MS, undefined);
  }
}
