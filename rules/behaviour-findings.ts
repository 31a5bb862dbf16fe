/**
 * What the behaviour rules report of a state's recorded behaviour: each
 * tracking cookie and storage key, each tracker host with its requests, and
 * the consent the page signals as granted, as findings that name them, who
 * set or sent them and when.
 */
import type { Behaviour, CookieRecord, RequestRecord, StorageRecord } from "../lint/behaviour/types.js";
import {
  classifyCookie,
  classifyRequest,
  classifyStorageKey,
  type DataVerdict,
  type RequestVerdict,
} from "../lint/behaviour/knowledge/index.js";
import { signalsGranting } from "../lint/behaviour/signals.js";
import type { RuleFinding } from "../lint/types.js";
import { listWords } from "./message-words.js";

/** Which of a state's records a rule judges: all of them (before any choice) or only those new in the state (after a refusal). */
export type Scope = "all" | "new";

const setByWords = (r: CookieRecord) =>
  r.setBy.kind === "response"
    ? `set by a response${r.setBy.url ? ` from ${r.setBy.url}` : ""}`
    : r.setBy.kind === "script"
      ? `set by a script${r.setBy.url ? ` (${r.setBy.url})` : ""}`
      : "set";

const verdictWords = (v: DataVerdict) =>
  v.reason === "known-name"
    ? `${v.vendor ?? "a tracker"}${v.category ? `, ${v.category}` : ""}`
    : v.reason === "third-party-cookie"
      ? "a third-party cookie"
      : v.reason;

function cookieFinding(messageId: string, c: CookieRecord, v: DataVerdict): RuleFinding {
  return {
    messageId,
    data: { what: `cookie "${c.name}"`, who: verdictWords(v), how: `${setByWords(c)} ${Math.round(c.atMs)} ms after the state began` },
    selector: "html",
    role: "cookie",
    name: c.name,
    text: c.name,
    evidence: {
      kind: "cookie",
      cookie: {
        name: c.name,
        domain: c.domain,
        path: c.path,
        site: c.site,
        party: c.party,
        expires: c.expires,
        setBy: c.setBy,
        atMs: c.atMs,
      },
      verdict: v,
    },
    fingerprintParts: ["cookie", c.name.replace(/\d+/gu, "#"), c.party],
  };
}

function storageFinding(messageId: string, s: StorageRecord, v: DataVerdict): RuleFinding {
  return {
    messageId,
    data: { what: `${s.area}Storage key "${s.key}"`, who: verdictWords(v), how: `stored by ${s.origin}` },
    selector: "html",
    role: "storage",
    name: s.key,
    text: s.key,
    evidence: { kind: "storage", storage: s, verdict: v },
    fingerprintParts: ["storage", s.area, s.key.replace(/\d+/gu, "#")],
  };
}

function requestFinding(messageId: string, host: string, requests: RequestRecord[], v: RequestVerdict): RuleFinding {
  const first = requests[0];
  const who =
    v.reason === "listed-host"
      ? `${v.vendor ?? host}${v.category ? `, ${v.category}` : ""}`
      : `carrying ${listWords((v.cookies ?? []).map((c) => `"${c}"`))}`;
  return {
    messageId,
    data: {
      what: `${requests.length} request${requests.length === 1 ? "" : "s"} to ${host}`,
      who,
      how: `first ${Math.round(first.atMs)} ms after the state began${first.initiator.url ? `, sent by ${first.initiator.url}` : ""}`,
    },
    selector: "html",
    role: "request",
    name: host,
    text: host,
    evidence: {
      kind: "request",
      host,
      verdict: v,
      requests: requests.slice(0, 20).map((r) => ({
        url: r.url,
        method: r.method,
        resourceType: r.resourceType,
        initiator: r.initiator,
        atMs: r.atMs,
        status: r.status,
        cookiesSent: r.cookiesSent,
      })),
      count: requests.length,
    },
    fingerprintParts: ["request", first.site],
  };
}

function signalFinding(messageId: string, b: Behaviour): RuleFinding | null {
  const granted = signalsGranting(b.signals);
  if (!granted.any) return null;
  const parts = [
    ...(granted.tcf.length ? [`TCF purposes ${granted.tcf.join(", ")}`] : []),
    ...(granted.consentMode.length ? [`Consent Mode ${granted.consentMode.join(", ")}`] : []),
    ...(granted.manager.length ? [`the consent manager: ${granted.manager.join(", ")}`] : []),
  ];
  return {
    messageId,
    data: { what: "consent", who: listWords(parts), how: "signalled as granted" },
    selector: "html",
    role: "signal",
    name: "",
    text: parts.join("; "),
    evidence: { kind: "signal", signals: b.signals, granted },
    fingerprintParts: [
      "signal",
      ...(granted.tcf.length ? ["tcf"] : []),
      ...(granted.consentMode.length ? ["consent-mode"] : []),
      ...(granted.manager.length ? ["manager"] : []),
    ],
  };
}

/** The findings of a state's behaviour: tracking cookies and storage keys, tracker hosts, granted signals (in that order). */
export function behaviourFindings(b: Behaviour, scope: Scope, messageId: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const c of b.cookies) {
    if (scope === "new" && !c.new) continue;
    const v = classifyCookie(c.name, c.domain, b.site, c.party);
    if (v.tracking) out.push(cookieFinding(messageId, c, v));
  }
  for (const s of b.storage) {
    if (scope === "new" && !s.new) continue;
    const v = classifyStorageKey(s.key);
    if (v.tracking) out.push(storageFinding(messageId, s, v));
  }
  const byHost = new Map<string, { requests: RequestRecord[]; verdict: RequestVerdict }>();
  for (const r of b.requests) {
    const v = classifyRequest(r.url, b.site, r.party, r.cookiesSent);
    if (!v.tracker) continue;
    const entry = byHost.get(r.host) ?? { requests: [], verdict: v };
    entry.requests.push(r);
    byHost.set(r.host, entry);
  }
  for (const [host, { requests, verdict }] of byHost) out.push(requestFinding(messageId, host, requests, verdict));
  const signal = signalFinding(messageId, b);
  if (signal) out.push(signal);
  return out;
}
