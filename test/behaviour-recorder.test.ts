/**
 * The behaviour recorder in real Chromium, on a loopback site with two site
 * names: pages on 127.0.0.1 and a "tracker" on localhost (different sites by
 * rules.md). A page sets a first-party cookie by Set-Cookie and one by
 * document.cookie, storage keys, and has a tracker iframe and image that set
 * third-party cookies, a beacon and a fetch to the tracker: each is recorded
 * with its party and who set or sent it. In a two-step flow, the cookies the
 * second step sets are new only there. A hostile page (Storage.prototype
 * redefined, document.cookie throwing) is still recorded. The JSON result,
 * the snapshot (byte-identical on a second run) and the evidence bundle
 * (behaviour.json, a HAR 1.2 state.har checked by the manifest) carry it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright";
import { allRules, launchBrowser, lint, type Behaviour, type LintResult } from "../lint/index.js";
import { verifyEvidence } from "../lint/evidence/manifest.js";
import { formatJson } from "../lint/report/json.js";
import { renderReport } from "../lint/report/render.js";

const TIMEOUT_MS = 20_000;

function pages(port: number): Record<string, { headers?: Record<string, string | string[]>; body: string; type?: string }> {
  const tracker = `http://localhost:${port}`;
  return {
    "/page.html": {
      headers: { "set-cookie": "sid=abc; Path=/; HttpOnly" },
      body: `<!doctype html><html lang="en"><head><title>Shop</title></head><body>
<h1>Shop</h1><p>Welcome.</p>
<iframe src="${tracker}/t/frame.html" title="ads"></iframe>
<img src="${tracker}/t/pixel.gif" alt="">
<button id="accept" onclick="accept()">Accept</button>
<script>
  document.cookie = "_ga=GA1.1.42; path=/";
  localStorage.setItem("ls_key", "1");
  sessionStorage.setItem("ss_key", "1");
  navigator.sendBeacon("${tracker}/t/beacon", "hit");
  fetch("${tracker}/t/collect?id=1", { mode: "no-cors", credentials: "include" });
  function accept() {
    document.cookie = "consent=yes; path=/";
    fetch("/api/accepted").then(() => { const d = document.createElement("p"); d.id = "done"; d.textContent = "Saved"; document.body.append(d); });
  }
</script></body></html>`,
    },
    "/hostile.html": {
      headers: { "set-cookie": "hostcookie=1; Path=/" },
      body: `<!doctype html><html lang="en"><head><title>Hostile</title></head><body><p>Hostile page.</p>
<script>
  localStorage.setItem("h_key", "1");
  sessionStorage.setItem("h_session", "1");
  const boom = () => { throw new Error("no"); };
  for (const name of ["key", "getItem", "setItem", "removeItem", "clear"]) Storage.prototype[name] = boom;
  Object.defineProperty(Storage.prototype, "length", { get: boom });
  Object.defineProperty(Document.prototype, "cookie", { get: boom, set: boom, configurable: true });
  Object.defineProperty(window, "localStorage", { get: boom });
  JSON.stringify = boom; Array.prototype.map = boom; Object.keys = boom;
</script></body></html>`,
    },
    "/api/accepted": { headers: { "set-cookie": "later=1; Path=/" }, body: "ok", type: "text/plain" },
    "/t/frame.html": {
      headers: { "set-cookie": "tid=xyz; Path=/; SameSite=None; Secure" },
      body: `<!doctype html><p>ad</p><script>localStorage.setItem("t_ls", "1"); document.cookie = "t_script=1; SameSite=None; Secure";</script>`,
    },
    "/t/pixel.gif": { headers: { "set-cookie": "px=1; Path=/; SameSite=None; Secure" }, body: "GIF89a", type: "image/gif" },
    "/t/beacon": { body: "", type: "text/plain" },
    "/t/collect": { body: "", type: "text/plain" },
  };
}

let server: Server;
let port: number;
let work: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const page = pages(port)[path];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": page.type ?? "text/html; charset=utf-8", ...(page.headers ?? {}) });
    res.end(page.body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
  work = mkdtempSync(join(tmpdir(), "consentlint-behaviour-"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  if (work) rmSync(work, { recursive: true, force: true });
});

const cookie = (b: Behaviour, name: string) => b.cookies.find((c) => c.name === name);

describe("behaviour recorder", () => {
  let results: LintResult[];
  let evidence: string;
  let snapshots: string;

  beforeAll(async () => {
    const origin = `http://127.0.0.1:${port}`;
    const flow = join(work, "accept.flow.yaml");
    writeFileSync(
      flow,
      [
        "name: accept",
        `url: ${origin}/page.html`,
        "steps:",
        "  - name: landing",
        "  - name: accepted",
        "    actions:",
        "      - click: { role: button, name: Accept }",
        '      - waitFor: { css: "#done" }',
        "",
      ].join("\n"),
    );
    evidence = join(work, "evidence");
    snapshots = join(work, "snapshots");
    const report = await lint([`${origin}/page.html`, `${origin}/hostile.html`, flow], {
      timeout: TIMEOUT_MS,
      concurrency: 1,
      browser,
      cwd: work,
      evidenceDir: evidence,
      snapshotDir: snapshots,
      updateSnapshots: "all",
    });
    results = report.results;
    expect(formatJson(report)).toContain('"behaviour"');
  }, 120_000);

  it("records cookies with who set them; the tracker's third-party cookies are refused by the browser", () => {
    const page = results.find((r) => r.target.endsWith("/page.html"))!;
    expect(page.error).toBeUndefined();
    const b = page.behaviour!;
    expect(b.site).toBe("127.0.0.1");
    expect(cookie(b, "sid")).toMatchObject({ site: "127.0.0.1", party: "first", httpOnly: true, new: true, setBy: { kind: "response" } });
    expect(cookie(b, "sid")!.setBy.url).toMatch(/\/page\.html$/);
    expect(cookie(b, "_ga")).toMatchObject({ party: "first", new: true, setBy: { kind: "script" }, expires: null });
    // The lint context is off the record, like an Incognito window: Chromium refuses the tracker's
    // cookies ("UserPreferences") and its frame's storage, so none of them is stored or recorded.
    for (const name of ["tid", "px", "t_script"]) expect(cookie(b, name)).toBeUndefined();
    for (const c of b.cookies) expect(c).toMatchObject({ site: "127.0.0.1", party: "first" });
    for (const c of b.cookies) expect(c.atMs).toBeGreaterThanOrEqual(0);
  });

  it("records storage keys of the page (the cross-site frame's storage is denied)", () => {
    const b = results.find((r) => r.target.endsWith("/page.html"))!.behaviour!;
    const keys = b.storage.map((s) => `${s.area} ${s.key} ${s.party} ${s.new}`);
    expect(keys.sort()).toEqual(["local ls_key first true", "session ss_key first true"]);
    expect(b.storage[0].origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("records requests in every frame: the beacon, the fetch, the frame's document and the pixel", () => {
    const b = results.find((r) => r.target.endsWith("/page.html"))!.behaviour!;
    const doc = b.requests[0];
    expect(doc).toMatchObject({ resourceType: "document", party: "first", site: "127.0.0.1", framePath: "", status: 200 });
    const beacon = b.requests.find((r) => r.url.endsWith("/t/beacon"))!;
    expect(beacon).toMatchObject({ method: "POST", resourceType: "ping", host: "localhost", site: "localhost", party: "third" });
    const fetched = b.requests.find((r) => r.url.includes("/t/collect?id=1"))!;
    expect(fetched).toMatchObject({ resourceType: "fetch", party: "third", initiator: { kind: "script" } });
    expect(fetched.initiator.url).toMatch(/\/page\.html$/);
    expect(b.requests.find((r) => r.url.endsWith("/t/frame.html"))).toMatchObject({
      resourceType: "document",
      framePath: "0",
      party: "third",
    });
    expect(b.requests.find((r) => r.url.endsWith("/t/pixel.gif"))).toMatchObject({ resourceType: "image", party: "third" });
    // The tracker's cookies go back to it once it has set them; the page's own never do.
    for (const r of b.requests.filter((q) => q.site === "localhost")) expect(r.cookiesSent).not.toContain("sid");
    for (const r of b.requests) expect(r.atMs).toBeGreaterThanOrEqual(0);
    expect(b.truncated).toBe(false);
    expect(b.signals).toEqual({ tcf: null, consentMode: null, manager: null });
  });

  it("marks new only what a flow step set", () => {
    const [landing, accepted] = results.filter((r) => r.target.endsWith("accept.flow.yaml"));
    expect(landing.step).toBe("landing");
    expect(accepted.step).toBe("accepted");
    const first = landing.behaviour!;
    const second = accepted.behaviour!;
    expect(cookie(first, "consent")).toBeUndefined();
    expect(cookie(first, "later")).toBeUndefined();
    expect(cookie(second, "consent")).toMatchObject({ new: true, setBy: { kind: "script" } });
    expect(cookie(second, "later")).toMatchObject({ new: true, setBy: { kind: "response" }, party: "first" });
    expect(cookie(second, "sid")).toMatchObject({ new: false, setBy: { kind: "response" }, atMs: 0 });
    expect(cookie(second, "_ga")).toMatchObject({ new: false, setBy: { kind: "script" } });
    expect(second.storage.find((s) => s.key === "ls_key")).toMatchObject({ new: false });
    // The second state's requests start with its actions: the page's own load is not among them.
    expect(second.requests.some((r) => r.resourceType === "document" && r.framePath === "")).toBe(false);
    const api = second.requests.find((r) => r.url.endsWith("/api/accepted"))!;
    expect(api.cookiesSent).toEqual(expect.arrayContaining(["sid", "_ga", "consent"]));
  });

  it("records a hostile page that redefines Storage and document.cookie", () => {
    const hostile = results.find((r) => r.target.endsWith("/hostile.html"))!;
    expect(hostile.error).toBeUndefined();
    const b = hostile.behaviour!;
    expect(cookie(b, "hostcookie")).toMatchObject({ party: "first", setBy: { kind: "response" } });
    expect(b.storage.map((s) => `${s.area} ${s.key}`).sort()).toEqual(["local h_key", "session h_session"]);
  });

  it("writes behaviour.json and a HAR 1.2 of each state into the evidence bundle, checked by the manifest", () => {
    const states = readdirSync(join(evidence, "states"), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(states.length).toBe(4);
    for (const s of states) {
      const dir = join(evidence, "states", s.name);
      expect(existsSync(join(dir, "behaviour.json"))).toBe(true);
      const har = JSON.parse(readFileSync(join(dir, "state.har"), "utf8"));
      const behaviour = JSON.parse(readFileSync(join(dir, "behaviour.json"), "utf8")) as Behaviour;
      expect(har.log.version).toBe("1.2");
      expect(har.log.entries).toHaveLength(behaviour.requests.length);
      for (const e of har.log.entries) expect(Date.parse(e.startedDateTime)).not.toBeNaN();
    }
    const manifest = JSON.parse(readFileSync(join(evidence, "manifest.json"), "utf8")) as { files: { path: string }[] };
    expect(manifest.files.filter((f) => f.path.endsWith("/state.har"))).toHaveLength(4);
    expect(verifyEvidence(evidence).ok).toBe(true);
  });

  it("stores a compact stable form in the snapshot: a second run leaves the files byte-identical", async () => {
    const files = readdirSync(snapshots).sort();
    const before = files.map((f) => readFileSync(join(snapshots, f), "utf8"));
    const page = JSON.parse(before[files.findIndex((f) => f.includes("page"))]);
    expect(page.content.behaviour.cookies).toEqual(expect.arrayContaining(["_ga 127.0.0.1 first", "sid 127.0.0.1 first"]));
    expect(page.content.behaviour.requests).toEqual(expect.arrayContaining(["localhost third ping", "127.0.0.1 first document"]));
    const origin = `http://127.0.0.1:${port}`;
    const again = await lint([`${origin}/page.html`, `${origin}/hostile.html`, join(work, "accept.flow.yaml")], {
      timeout: TIMEOUT_MS,
      concurrency: 1,
      browser,
      cwd: work,
      snapshotDir: snapshots,
      updateSnapshots: "changed",
    });
    expect(again.results.map((r) => r.snapshot?.status)).toEqual(again.results.map(() => "match"));
    expect(
      readdirSync(snapshots)
        .sort()
        .map((f) => readFileSync(join(snapshots, f), "utf8")),
    ).toEqual(before);
    // The other formats take a report with behaviour in it.
    for (const format of ["stylish", "sarif", "junit", "csv", "github", "html"] as const) {
      const text = renderReport(again, format, { rules: allRules.map((r) => r.meta), cwd: work, color: false });
      expect(typeof text).toBe("string");
      if (format === "html") {
        expect(text).not.toContain("t/collect?id=1");
        expect(text).toMatch(/Stored and sent<\/dt><dd>\d+ cookies \(0 third-party\), 2 storage keys, \d+ requests \(\d+ to other sites\)/);
      }
    }
  }, 120_000);
});
