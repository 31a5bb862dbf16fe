/**
 * The recorder's pure parts: the site boundary (public suffix list, IPs and
 * localhost as sites of their own), the cookie headers it parses, the
 * compact snapshot form (sorted, no duplicates, nothing that moves between
 * runs) and the HAR 1.2 log of a state.
 */
import { describe, expect, it } from "vitest";
import { compactBehaviour } from "./compact.js";
import { behaviourHar } from "./har.js";
import { cookieNames, originOfInitiator, parseSetCookie } from "./recorder.js";
import { partyOf, siteOfHost, siteOfUrl } from "./site.js";
import type { Behaviour, RequestRecord } from "./types.js";

describe("site boundary", () => {
  it("is the registrable domain, with IPs and localhost as sites of their own", () => {
    expect(siteOfHost("www.shop.example.co.uk")).toBe("example.co.uk");
    expect(siteOfHost(".doubleclick.net")).toBe("doubleclick.net");
    expect(siteOfHost("127.0.0.1")).toBe("127.0.0.1");
    expect(siteOfHost("localhost")).toBe("localhost");
    expect(siteOfHost("api.localhost")).toBe("localhost");
    expect(siteOfUrl("http://[::1]:8080/x")).toBe("::1");
    expect(siteOfUrl("data:text/plain,x")).toBe("");
    expect(partyOf(siteOfUrl("http://localhost:1/t"), siteOfUrl("http://127.0.0.1:1/"))).toBe("third");
    expect(partyOf(siteOfUrl("https://cdn.example.com/a.js"), siteOfUrl("https://www.example.com/"))).toBe("first");
    expect(partyOf("", "example.com")).toBe("first");
  });
});

describe("headers", () => {
  it("reads cookie names from a Cookie header and cookies from Set-Cookie lines", () => {
    expect(cookieNames("a=1; _ga=GA1.2; a=2;  b")).toEqual(["a", "_ga", "b"]);
    expect(cookieNames(null)).toEqual([]);
    expect(parseSetCookie("sid=1; Path=/; HttpOnly\n_fbp=x; Domain=.Example.com; Secure", "https://www.example.com/p", 5)).toEqual([
      { name: "sid", domain: "www.example.com", url: "https://www.example.com/p", at: 5 },
      { name: "_fbp", domain: "example.com", url: "https://www.example.com/p", at: 5 },
    ]);
  });

  it("takes the initiating script from the call stack", () => {
    expect(
      originOfInitiator({ type: "script", stack: { callFrames: [], parent: { callFrames: [{ url: "https://t.example/t.js" }] } } }),
    ).toEqual({ kind: "script", url: "https://t.example/t.js" });
    expect(originOfInitiator({ type: "parser", url: "https://a.example/" })).toEqual({ kind: "parser", url: "https://a.example/" });
    expect(originOfInitiator({ type: "other" })).toBeNull();
  });
});

const request = (over: Partial<RequestRecord>): RequestRecord => ({
  url: "https://www.example.com/",
  method: "GET",
  resourceType: "document",
  host: "www.example.com",
  site: "example.com",
  party: "first",
  initiator: { kind: "unknown" },
  framePath: "",
  atMs: 0,
  status: 200,
  cookiesSent: [],
  ...over,
});

const behaviour = (requests: RequestRecord[], atMs: number): Behaviour => ({
  site: "example.com",
  startedAt: "2026-01-01T00:00:00.000Z",
  cookies: [
    {
      name: "_ga",
      domain: ".example.com",
      path: "/",
      expires: null,
      httpOnly: false,
      secure: false,
      sameSite: "Lax",
      site: "example.com",
      party: "first",
      setBy: { kind: "script" },
      atMs,
      new: true,
    },
  ],
  storage: [{ area: "local", key: "k", origin: "https://www.example.com", party: "first", new: true }],
  requests,
  signals: { tcf: null, consentMode: null, manager: null },
  truncated: false,
});

describe("compact form and HAR", () => {
  it("keeps what the state did, not when or in which order", () => {
    const pixel = request({
      url: "https://t.tracker.test/p?r=1",
      resourceType: "image",
      host: "t.tracker.test",
      site: "tracker.test",
      party: "third",
    });
    const a = behaviour([request({}), pixel, { ...pixel, url: "https://t.tracker.test/p?r=2", atMs: 40 }], 10);
    const b = behaviour([{ ...pixel, url: "https://t.tracker.test/p?r=9", atMs: 3 }, request({ atMs: 7 })], 99);
    expect(compactBehaviour(a)).toEqual(compactBehaviour(b));
    expect(compactBehaviour(a)).toEqual({
      cookies: ["_ga example.com first"],
      storage: ["local k first"],
      requests: ["example.com first document", "tracker.test third image"],
    });
  });

  it("writes a HAR 1.2 log with one entry per request", () => {
    const har = behaviourHar(
      behaviour([request({ cookiesSent: ["sid"] }), request({ url: "https://www.example.com/a?x=1", atMs: 25 })], 0),
      {
        url: "https://www.example.com/",
        tool: "consentlint",
        version: "1.0.0",
      },
    );
    expect(har.log.version).toBe("1.2");
    expect(har.log.entries).toHaveLength(2);
    expect(har.log.entries[0].request.cookies).toEqual([{ name: "sid", value: "" }]);
    expect(har.log.entries[1].startedDateTime).toBe("2026-01-01T00:00:00.025Z");
    expect(har.log.entries[1].request.queryString).toEqual([{ name: "x", value: "1" }]);
  });
});
