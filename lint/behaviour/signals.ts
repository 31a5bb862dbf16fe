/**
 * Signalled consent (rules.md, "Signalled consent"): what a page tells
 * others about consent, read in the page's main world, where the page's own
 * APIs live: the IAB TCF v2 API, Google Consent Mode commands in
 * `dataLayer`, and the consent manager's own state where it exposes one.
 *
 * `readSignalsInPage` is sent into the page as source text (like the
 * extractor's in-page functions: no imports at run time, its helpers inside
 * it) and run there; `readSignals` does that over CDP with a time bound.
 * Pages are hostile: every read is guarded, loops are bounded, only
 * primitives the reader checked with `typeof` are copied out, and the TCF
 * callback is waited for at most `timeoutMs`. Main-world code cannot be kept
 * from page getters that loop or from a replaced `setTimeout`; the Node side
 * bounds the whole read and answers null then.
 *
 * Not wired into the pipeline yet: the recorder of a state calls
 * `readSignals(page, { timeoutMs })` when the state is read (after it
 * settles) and puts the answer in `Behaviour.signals`.
 */
import type { CDPSession, Page } from "playwright";
import type { ConsentModeSignal, ConsentSignals, TcfSignal } from "./types.js";

export interface SignalArgs {
  /** How long to wait for the TCF API's callback. */
  timeoutMs: number;
  /** `dataLayer` entries read, from the start. */
  maxDataLayer: number;
}

export const DEFAULT_SIGNAL_ARGS: SignalArgs = { timeoutMs: 1500, maxDataLayer: 5000 };

/**
 * Reads the consent the page signals. Runs in the page's main world; every
 * helper is inside it so that its source text is all the page needs.
 */
export async function readSignalsInPage(args: SignalArgs): Promise<ConsentSignals> {
  const W = window as unknown as Record<string, unknown>;
  const wait = typeof setTimeout === "function" ? setTimeout : null;
  const limitMs = typeof args.timeoutMs === "number" && args.timeoutMs > 0 ? args.timeoutMs : 1500;
  const maxDl = typeof args.maxDataLayer === "number" && args.maxDataLayer > 0 ? args.maxDataLayer : 5000;

  const get = (obj: unknown, key: string | number): unknown => {
    try {
      return obj !== null && (typeof obj === "object" || typeof obj === "function") ? (obj as Record<string, unknown>)[key] : undefined;
    } catch {
      return undefined;
    }
  };
  const shortText = (v: unknown, max: number): string | null => (typeof v === "string" && v.length <= max ? v : null);
  /** Own and inherited enumerable keys, at most `max`, each a short string. */
  const keysOf = (obj: unknown, max: number): string[] => {
    const out: string[] = [];
    if (obj === null || typeof obj !== "object") return out;
    try {
      let n = 0;
      for (const k in obj as object) {
        if (++n > max) break;
        if (typeof k === "string" && k.length <= 100) out[out.length] = k;
      }
    } catch {
      /* a hostile proxy */
    }
    return out;
  };
  /** Entries of an array-like of short strings, at most `max`. */
  const stringsOf = (list: unknown, max: number): string[] => {
    const out: string[] = [];
    const length = get(list, "length");
    if (typeof length !== "number") return out;
    for (let i = 0; i < length && i < max; i++) {
      const v = shortText(get(list, i), 100);
      if (v !== null) out[out.length] = v;
    }
    return out;
  };

  const tcfFrom = (data: unknown): TcfSignal | null => {
    if (data === null || typeof data !== "object") return null;
    const cmpId = get(data, "cmpId");
    const gdprApplies = get(data, "gdprApplies");
    const purposeConsents: Record<string, boolean> = {};
    const consents = get(get(data, "purpose"), "consents");
    for (let id = 1; id <= 24; id++) {
      const v = get(consents, id);
      if (typeof v === "boolean") purposeConsents[String(id)] = v;
    }
    let vendorConsents = 0;
    const vendors = get(get(data, "vendor"), "consents");
    const vendorIds = keysOf(vendors, 10_000);
    for (let i = 0; i < vendorIds.length; i++) if (get(vendors, vendorIds[i]) === true) vendorConsents++;
    return {
      cmpId: typeof cmpId === "number" ? cmpId : null,
      gdprApplies: typeof gdprApplies === "boolean" ? gdprApplies : null,
      eventStatus: shortText(get(data, "eventStatus"), 40),
      purposeConsents,
      vendorConsents,
    };
  };

  /** `__tcfapi('getTCData', 2, cb)` in this window, or through the `__tcfapiLocator` frame of an ancestor. */
  const readTcf = (): Promise<TcfSignal | null> =>
    new Promise<TcfSignal | null>((resolve) => {
      let done = false;
      let cleanup = (): void => {};
      const finish = (value: TcfSignal | null): void => {
        if (done) return;
        done = true;
        try {
          cleanup();
        } catch {
          /* ignore */
        }
        resolve(value);
      };
      if (wait) {
        try {
          wait(() => finish(null), limitMs);
        } catch {
          /* no timer: the Node side bounds the read */
        }
      }
      try {
        const api = get(W, "__tcfapi");
        if (typeof api === "function") {
          (api as (c: string, v: number, cb: (d: unknown, ok: unknown) => void) => void)("getTCData", 2, (data, ok) => {
            finish(ok === false ? null : tcfFrom(data));
          });
          return;
        }
        let target: unknown = null;
        let win: unknown = W;
        for (let depth = 0; depth < 10 && win; depth++) {
          if (get(get(win, "frames"), "__tcfapiLocator")) {
            target = win;
            break;
          }
          const parent = get(win, "parent");
          if (parent === win) break;
          win = parent;
        }
        if (!target || target === W) {
          finish(null);
          return;
        }
        const callId = `consentlint-${Math.random()}`;
        const onMessage = (event: MessageEvent): void => {
          try {
            let data: unknown = event.data;
            if (typeof data === "string" && data.length < 200_000 && data.indexOf("__tcfapiReturn") >= 0) data = JSON.parse(data);
            const ret = get(data, "__tcfapiReturn");
            if (get(ret, "callId") !== callId) return;
            finish(get(ret, "success") === false ? null : tcfFrom(get(ret, "returnValue")));
          } catch {
            /* not ours */
          }
        };
        window.addEventListener("message", onMessage);
        cleanup = () => window.removeEventListener("message", onMessage);
        (target as Window).postMessage({ __tcfapiCall: { command: "getTCData", version: 2, callId } }, "*");
      } catch {
        finish(null);
      }
    });

  /** `['consent', 'default' | 'update', {...}]` commands (gtag's arguments objects or pushed arrays), later values winning per type. */
  const readConsentMode = (): ConsentModeSignal | null => {
    const dl = get(W, "dataLayer");
    const length = get(dl, "length");
    if (typeof length !== "number") return null;
    let defaults: Record<string, string> | null = null;
    let updates: Record<string, string> | null = null;
    for (let i = 0; i < length && i < maxDl; i++) {
      const entry = get(dl, i);
      if (get(entry, 0) !== "consent") continue;
      const command = get(entry, 1);
      if (command !== "default" && command !== "update") continue;
      const values = get(entry, 2);
      if (values === null || typeof values !== "object") continue;
      const into: Record<string, string> = command === "default" ? (defaults ??= {}) : (updates ??= {});
      const types = keysOf(values, 40);
      for (let j = 0; j < types.length; j++) {
        const v = shortText(get(values, types[j]), 40);
        if (v !== null) into[types[j]] = v;
      }
    }
    return defaults || updates ? { default: defaults, update: updates } : null;
  };

  const cookieValue = (name: string): string | null => {
    try {
      const desc = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
      const all: unknown = desc?.get ? Reflect.apply(desc.get, document, []) : "";
      if (typeof all !== "string") return null;
      const parts = all.split(";");
      for (let i = 0; i < parts.length && i < 500; i++) {
        const part = parts[i];
        const eq = part.indexOf("=");
        if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
      }
    } catch {
      /* ignore */
    }
    return null;
  };

  type Manager = NonNullable<ConsentSignals["manager"]>;
  const fromBooleans = (name: string, obj: unknown, skip: string[] = []): Manager => {
    const granted: string[] = [];
    const refused: string[] = [];
    const keys = keysOf(obj, 300);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      let skipped = false;
      for (let j = 0; j < skip.length; j++) if (skip[j] === k) skipped = true;
      if (skipped) continue;
      const v = get(obj, k);
      if (v === true) granted[granted.length] = k;
      else if (v === false) refused[refused.length] = k;
    }
    return { name, granted, refused };
  };

  const readManager = (): Manager | null => {
    // Klaro: the manager's per-service consents; required services are necessary, not a choice.
    const klaro = get(W, "klaro");
    const getManager = get(klaro, "getManager");
    if (typeof getManager === "function") {
      try {
        const manager: unknown = Reflect.apply(getManager as () => unknown, klaro, []);
        const required: string[] = [];
        const services = get(get(manager, "config"), "services") ?? get(get(manager, "config"), "apps");
        const n = get(services, "length");
        for (let i = 0; typeof n === "number" && i < n && i < 300; i++) {
          const s = get(services, i);
          const name = shortText(get(s, "name"), 100);
          if (name !== null && get(s, "required") === true) required[required.length] = name;
        }
        return fromBooleans("klaro", get(manager, "consents"), required);
      } catch {
        /* fall through */
      }
    }
    // vanilla-cookieconsent v3 and Cookiebot both define window.CookieConsent.
    const cc = get(W, "CookieConsent");
    const prefs = get(cc, "getUserPreferences");
    if (typeof prefs === "function") {
      try {
        const p: unknown = Reflect.apply(prefs as () => unknown, cc, []);
        const valid = get(cc, "validConsent");
        const answered = typeof valid === "function" ? Reflect.apply(valid as () => unknown, cc, []) === true : true;
        return {
          name: "vanilla-cookieconsent",
          granted: answered ? stringsOf(get(p, "acceptedCategories"), 100) : [],
          refused: answered ? stringsOf(get(p, "rejectedCategories"), 100) : [],
        };
      } catch {
        /* fall through */
      }
    }
    const cookiebot = get(W, "Cookiebot") ?? cc;
    const cbConsent = get(cookiebot, "consent");
    if (cbConsent && typeof cbConsent === "object" && get(cookiebot, "hasResponse") !== undefined) {
      const m = fromBooleans("cookiebot", cbConsent, ["stamp", "method"]);
      return get(cookiebot, "hasResponse") === true ? m : { name: "cookiebot", granted: [], refused: [] };
    }
    // tarteaucitron: per-service state.
    const tac = get(W, "tarteaucitron");
    const tacState = get(tac, "state");
    if (tacState && typeof tacState === "object") return fromBooleans("tarteaucitron", tacState);
    // OneTrust: the active groups string.
    const groups = shortText(get(W, "OnetrustActiveGroups"), 2000);
    if (groups !== null) {
      const granted: string[] = [];
      const parts = groups.split(",");
      for (let i = 0; i < parts.length && i < 100; i++) if (parts[i] !== "") granted[granted.length] = parts[i];
      return { name: "onetrust", granted, refused: [] };
    }
    // Osano cookieconsent (the open-source library): its status cookie.
    const status = cookieValue("cookieconsent_status");
    if (status !== null || get(W, "cookieconsent")) {
      return {
        name: "cookieconsent",
        granted: status === "allow" ? ["cookies"] : [],
        refused: status === "deny" ? ["cookies"] : [],
      };
    }
    return null;
  };

  let consentMode: ConsentModeSignal | null = null;
  let manager: Manager | null = null;
  try {
    consentMode = readConsentMode();
  } catch {
    consentMode = null;
  }
  try {
    manager = readManager();
  } catch {
    manager = null;
  }
  let tcf: TcfSignal | null = null;
  try {
    tcf = await readTcf();
  } catch {
    tcf = null;
  }
  return { tcf, consentMode, manager };
}

/** The expression that runs `readSignalsInPage` in a page (a local `__name` keeps bundlers' name helpers harmless). */
export function signalsExpression(args: SignalArgs = DEFAULT_SIGNAL_ARGS): string {
  return `(() => {\nconst __name = (f) => f;\nreturn (${readSignalsInPage.toString()})(${JSON.stringify(args)});\n})()`;
}

/** Signals of a page with nothing to read. */
export const NO_SIGNALS: ConsentSignals = { tcf: null, consentMode: null, manager: null };

/**
 * Reads the top document's signals over CDP in the main world (not through
 * Playwright's evaluate, which goes through the page's `eval`), bounded by
 * `timeoutMs` plus a second. Null when the page did not answer in time or
 * the read failed.
 */
export async function readSignals(page: Page, args: Partial<SignalArgs> = {}): Promise<ConsentSignals | null> {
  const full: SignalArgs = { ...DEFAULT_SIGNAL_ARGS, ...args };
  let session: CDPSession | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    session = await page.context().newCDPSession(page);
    const reply = session.send("Runtime.evaluate", {
      expression: signalsExpression(full),
      returnByValue: true,
      awaitPromise: true,
    }) as Promise<{ result?: { value?: unknown }; exceptionDetails?: unknown }>;
    const bound = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), full.timeoutMs + 1000);
    });
    const answer = await Promise.race([reply.catch(() => null), bound]);
    if (answer === null) {
      // Still running (a page getter that loops, a callback never answered past our timer): stop it.
      await bounded(
        session.send("Runtime.terminateExecution").catch(() => undefined),
        1000,
      );
      return null;
    }
    if (answer.exceptionDetails) return null;
    return isSignals(answer.result?.value) ? answer.result.value : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    if (session)
      await bounded(
        session.detach().catch(() => undefined),
        1000,
      );
  }
}

/** Waits for `promise` at most `ms`. */
async function bounded(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function isSignals(value: unknown): value is ConsentSignals {
  return typeof value === "object" && value !== null && "tcf" in value && "consentMode" in value && "manager" in value;
}

/** Consent Mode types that signal consent to advertising or analytics. */
export const CONSENT_MODE_TYPES = ["ad_storage", "analytics_storage", "ad_user_data", "ad_personalization"] as const;

/** A manager's entries that name necessary storage, which is no choice (OneTrust's C0001 group: strictly necessary). */
const NECESSARY_ENTRY = /^(necessary|strictly[-_ ]?necessary|essential|required|technical|c0001)$/i;

export interface SignalledGrants {
  /** TCF purposes 2-10 with consent (purpose 1, storing on the device, is the means, not a purpose of its own). */
  tcf: number[];
  /** Consent Mode types whose value (the last update, else the last default) is "granted". */
  consentMode: string[];
  /** What the consent manager says was granted, necessary entries left out. */
  manager: string[];
  any: boolean;
}

/** Which optional purposes the page signals as granted. */
export function signalsGranting(signals: ConsentSignals | null): SignalledGrants {
  const tcf: number[] = [];
  const consentMode: string[] = [];
  const manager: string[] = [];
  if (signals?.tcf) {
    for (let id = 2; id <= 10; id++) if (signals.tcf.purposeConsents[String(id)] === true) tcf.push(id);
  }
  const cm = signals?.consentMode;
  if (cm) {
    for (const type of CONSENT_MODE_TYPES) {
      const value = cm.update?.[type] ?? cm.default?.[type];
      if (value === "granted") consentMode.push(type);
    }
  }
  for (const entry of signals?.manager?.granted ?? []) if (!NECESSARY_ENTRY.test(entry)) manager.push(entry);
  return { tcf, consentMode, manager, any: tcf.length + consentMode.length + manager.length > 0 };
}
