/**
 * A state's requests as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/),
 * for the evidence bundle: one page (the state) and one entry per recorded
 * request, with the cookies it carried by name. No headers' values, no
 * bodies: the recorder keeps neither. Sizes and timings the recorder did
 * not measure are -1, as the format allows; custom fields start with "_".
 */
import type { Behaviour, RequestRecord } from "./types.js";

export interface HarLog {
  log: {
    version: "1.2";
    creator: { name: string; version: string };
    pages: { startedDateTime: string; id: string; title: string; pageTimings: { onContentLoad: number; onLoad: number } }[];
    entries: HarEntry[];
    comment?: string;
  };
}

interface HarEntry {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: { name: string; value: string }[];
    headers: { name: string; value: string }[];
    queryString: { name: string; value: string }[];
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: { name: string; value: string }[];
    headers: { name: string; value: string }[];
    content: { size: number; mimeType: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _resourceType: string;
  _party: string;
  _site: string;
  _initiator: RequestRecord["initiator"];
  _framePath: string;
}

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

export function behaviourHar(behaviour: Behaviour, page: { url: string; tool: string; version: string }): HarLog {
  const start = Date.parse(behaviour.startedAt);
  const pageref = "state";
  return {
    log: {
      version: "1.2",
      creator: { name: page.tool, version: page.version },
      pages: [{ startedDateTime: behaviour.startedAt, id: pageref, title: page.url, pageTimings: { onContentLoad: -1, onLoad: -1 } }],
      entries: behaviour.requests.map((r) => ({
        pageref,
        startedDateTime: new Date(start + r.atMs).toISOString(),
        time: 0,
        request: {
          method: r.method,
          url: r.url,
          httpVersion: "",
          cookies: r.cookiesSent.map((name) => ({ name, value: "" })),
          headers: [],
          queryString: queryOf(r.url),
          headersSize: -1,
          bodySize: -1,
        },
        response: {
          status: r.status ?? 0,
          statusText: "",
          httpVersion: "",
          cookies: [],
          headers: [],
          content: { size: -1, mimeType: "" },
          redirectURL: "",
          headersSize: -1,
          bodySize: -1,
        },
        cache: {},
        timings: { send: 0, wait: 0, receive: 0 },
        _resourceType: r.resourceType,
        _party: r.party,
        _site: r.site,
        _initiator: r.initiator,
        _framePath: r.framePath,
      })),
      ...(behaviour.truncated ? { comment: "More requests were made than recorded; the first ones are listed." } : {}),
    },
  };
}
