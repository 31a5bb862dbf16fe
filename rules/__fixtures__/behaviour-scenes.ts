/** Recorded behaviour for the behaviour rules' fixture tests: a news site on news.example and what it stored and sent. */
import type { Behaviour, CookieRecord, RequestRecord, StorageRecord } from "../../lint/behaviour/types.js";

export function cookie(name: string, spec: Partial<CookieRecord> = {}): CookieRecord {
  const domain = spec.domain ?? ".news.example";
  const site = spec.site ?? domain.replace(/^\./u, "").split(".").slice(-2).join(".");
  return {
    name,
    domain,
    path: "/",
    expires: 2_000_000_000,
    httpOnly: false,
    secure: true,
    sameSite: "Lax",
    site,
    party: site === "news.example" ? "first" : "third",
    setBy: { kind: "script", url: "https://news.example/app.js" },
    atMs: 420,
    new: true,
    ...spec,
  };
}

export function storage(key: string, spec: Partial<StorageRecord> = {}): StorageRecord {
  return { area: "local", key, origin: "https://news.example", party: "first", new: true, ...spec };
}

export function request(url: string, spec: Partial<RequestRecord> = {}): RequestRecord {
  const host = new URL(url).hostname;
  const site = host.split(".").slice(-2).join(".");
  return {
    url,
    method: "GET",
    resourceType: "image",
    host,
    site,
    party: site === "news.example" ? "first" : "third",
    initiator: { kind: "script", url: "https://news.example/app.js" },
    framePath: "",
    atMs: 610,
    status: 200,
    cookiesSent: [],
    ...spec,
  };
}

export function behaviour(spec: Partial<Behaviour> = {}): Behaviour {
  return {
    site: "news.example",
    startedAt: "2026-12-03T12:00:00.000Z",
    cookies: [],
    storage: [],
    requests: [],
    signals: { tcf: null, consentMode: null, manager: null },
    truncated: false,
    ...spec,
  };
}
