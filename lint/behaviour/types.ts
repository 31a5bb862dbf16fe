/**
 * What a state of a page stores and sends (rules.md, "Behaviour rules: what
 * the page does"): cookies, storage keys, requests and the consent it
 * signals to others, recorded per state from the navigation start. The
 * behaviour rules judge these; the JSON result, the snapshot and the
 * evidence bundle (as a HAR) carry them.
 */

/** First party: the page's own registrable domain (public suffix list); third party: any other. `127.0.0.1` and `localhost` are different sites. */
export type Party = "first" | "third";

/** Who set a cookie or sent a request. */
export interface Origin {
  /** "response": a Set-Cookie header of a response; "script": document.cookie or the cookie store, from a script; "parser": the HTML as parsed; "unknown". */
  kind: "response" | "script" | "parser" | "unknown";
  /** The response's or the script's URL, when known. */
  url?: string;
}

export interface CookieRecord {
  name: string;
  domain: string;
  path: string;
  /** Expiry, seconds since the epoch; null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Strict" | "Lax" | "None" | null;
  /** Registrable domain of the cookie's domain. */
  site: string;
  party: Party;
  setBy: Origin;
  /** Milliseconds after the state's navigation started when it was first seen. */
  atMs: number;
  /** Set during this state (not already there when the state began). */
  new: boolean;
}

export interface StorageRecord {
  area: "local" | "session";
  key: string;
  /** Origin of the document whose storage holds it. */
  origin: string;
  party: Party;
  new: boolean;
}

export interface RequestRecord {
  /** The URL, cut to 500 characters. */
  url: string;
  method: string;
  /** Playwright's resource type: document, script, image, xhr, fetch, ping, beacon ("ping" in Chromium), ... */
  resourceType: string;
  host: string;
  site: string;
  party: Party;
  initiator: Origin;
  /** Frame path from the top document ("" for the top frame). */
  framePath: string;
  atMs: number;
  status: number | null;
  /** Names of the cookies the request carried. */
  cookiesSent: string[];
}

/** The IAB TCF API's answer to getTCData, as far as the rules need it. */
export interface TcfSignal {
  cmpId: number | null;
  gdprApplies: boolean | null;
  eventStatus: string | null;
  /** Purpose id to consent ("1": true). */
  purposeConsents: Record<string, boolean>;
  /** How many vendors have consent. */
  vendorConsents: number;
}

/** Google Consent Mode commands found in `dataLayer`: the last `default` and `update` values per consent type. */
export interface ConsentModeSignal {
  default: Record<string, string> | null;
  update: Record<string, string> | null;
}

export interface ConsentSignals {
  tcf: TcfSignal | null;
  consentMode: ConsentModeSignal | null;
  /** The consent manager's own state where it exposes one (its name and what it says was granted). */
  manager: { name: string; granted: string[]; refused: string[] } | null;
}

export interface Behaviour {
  /** Registrable domain of the page (the top document). */
  site: string;
  /** When the state's navigation (or, in a flow, the step's first action) started, ISO 8601 UTC. */
  startedAt: string;
  cookies: CookieRecord[];
  storage: StorageRecord[];
  requests: RequestRecord[];
  signals: ConsentSignals;
  /** More requests than the recorder keeps (the first ones are kept). */
  truncated: boolean;
}
