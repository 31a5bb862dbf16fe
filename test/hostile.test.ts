/**
 * Hostile pages (corpus/hostile): one run over the whole suite must finish in
 * bounded time, report every target, end in an error only where nothing else
 * is possible (a page that never answers, never loads, or never stops
 * redirecting) and still make every finding on the others. Then the guard
 * rails one at a time: builtins overridden in the page's world change
 * nothing, a file target cannot read outside its folder, a crashed tab is
 * retried once, and a browser that dies is replaced for the remaining targets.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright";
import { chromium } from "playwright";
import { lint, type LintResultWithModel } from "../lint/index.js";
import { findBrowser, launchBrowser, newLintContext, VIEWPORTS } from "../lint/browser/launch.js";
import { installSettleTracker, waitForSettle } from "../lint/browser/settle.js";
import { extractPageModel } from "../lint/extract/index.js";
import { compareWithExpected, describeComparison, type Expected } from "./corpus-expectations.js";

const HOSTILE = resolve(__dirname, "../corpus/hostile");
/** Per-state timeout of the suite run. */
const TIMEOUT_MS = 15_000;

interface HostileExpected extends Expected {
  /** A pattern the result's error must match; absent when the page must be linted. */
  error?: string;
  /** Kinds of result notes that must be present. */
  notes?: string[];
  /** The page title the model must show (a page that would retitle itself on a permission or a script run). */
  title?: string;
  /** The end of the URL the result must report (a page that moved on). */
  url?: string;
  /** Served by the test's stalling server instead of as a file. */
  serve?: "stalling-server";
}

interface HostilePage {
  name: string;
  expected: HostileExpected;
}

/**
 * The suite's pages, the large page first: it is the one whose rendering
 * takes longest, and on a busy machine it should not share the two cores
 * with a page spinning in an endless loop for its whole timeout.
 */
function hostilePages(): HostilePage[] {
  const rank = (name: string) => (name === "large-dom" ? 0 : 1);
  return readdirSync(HOSTILE, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(HOSTILE, e.name, "expected.json")))
    .map((e) => ({ name: e.name, expected: JSON.parse(readFileSync(join(HOSTILE, e.name, "expected.json"), "utf8")) as HostileExpected }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** Serves corpus/hostile over http; `stall.*` answers its headers and then never finishes its body. */
async function stallingServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/http-redirect-loop") {
      res.writeHead(302, { location: `/http-redirect-loop?n=${Math.random()}` }).end();
      return;
    }
    if (/\/stall\.[a-z]+$/.test(path)) {
      res.writeHead(200, { "content-type": path.endsWith(".js") ? "text/javascript" : "image/png" });
      res.write(path.endsWith(".js") ? "// " : "\x89PNG");
      return; // never ends
    }
    const file = join(HOSTILE, path);
    if (!file.startsWith(HOSTILE) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let stalling: { server: Server; origin: string };
let work: string;

beforeAll(async () => {
  stalling = await stallingServer();
  work = mkdtempSync(join(tmpdir(), "consentlint-hostile-"));
});
afterAll(async () => {
  stalling.server.closeAllConnections();
  await new Promise<void>((done) => stalling.server.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

const findingKeys = (r: LintResultWithModel) =>
  r.findings.map((f) => [f.ruleId, f.selector, f.text, f.fingerprint, JSON.stringify(f.evidence)].join("|"));

describe("the hostile suite", () => {
  it("finishes in bounded time, reports every target, errors only where it must and makes every other finding", async () => {
    const pages = hostilePages();
    expect(pages.length).toBeGreaterThanOrEqual(12);
    // The builtin-overriding page's twin without its script, linted in the same run for comparison.
    const twinDir = join(work, "builtin-overrides-twin");
    mkdirSync(twinDir);
    const original = readFileSync(join(HOSTILE, "builtin-overrides/index.html"), "utf8");
    const twin = original.replace(/<!-- hostile:begin -->[\s\S]*?<!-- hostile:end -->/, "");
    expect(twin.length).toBeLessThan(original.length - 1000);
    writeFileSync(join(twinDir, "index.html"), twin);

    const targets = pages.map((p) =>
      p.expected.serve === "stalling-server" ? `${stalling.origin}/${p.name}/index.html` : join(HOSTILE, p.name, "index.html"),
    );
    const started = Date.now();
    const httpLoop = `${stalling.origin}/http-redirect-loop`;
    const report = await lint([...targets, join(twinDir, "index.html"), httpLoop], {
      timeout: TIMEOUT_MS,
      concurrency: 2,
      keepModels: true,
      cwd: work,
    });
    const elapsed = Date.now() - started;

    expect(report.results).toHaveLength(pages.length + 2);
    const problems: string[] = [];
    pages.forEach((page, i) => {
      const result = report.results[i];
      const lines: string[] = [];
      if (result.target !== targets[i]) lines.push(`  reported as ${result.target}`);
      if (page.expected.error) {
        if (!result.error || !new RegExp(page.expected.error).test(result.error))
          lines.push(`  expected an error matching /${page.expected.error}/, got ${result.error ?? "none"}`);
      } else {
        const comparison = compareWithExpected(result, page.expected);
        const described = describeComparison(comparison, result);
        if (described) lines.push(described);
        for (const kind of page.expected.notes ?? []) {
          if (!(result.notes ?? []).some((n) => n.kind === kind))
            lines.push(`  missing note ${kind}; notes: ${JSON.stringify(result.notes ?? [])}`);
        }
        if (page.expected.title !== undefined && result.model?.title !== page.expected.title)
          lines.push(`  title ${JSON.stringify(result.model?.title)}`);
        if (page.expected.url !== undefined && !result.url.endsWith(page.expected.url)) lines.push(`  url ${result.url}`);
      }
      if (lines.length > 0) problems.push(`${page.name} (${result.durationMs} ms)\n${lines.join("\n")}`);
    });
    expect(problems.join("\n"), problems.join("\n")).toBe("");

    // Bounded: no state outlives its timeout (and the few seconds it takes to name the cause and close the tab),
    // so even if every target used all of it, two at a time, the run ends; start-up on a busy machine aside.
    const targetsRun = pages.length + 2;
    expect(elapsed).toBeLessThan(Math.ceil(targetsRun / 2) * (TIMEOUT_MS + 3_000) + 30_000);
    for (const r of report.results) expect(r.durationMs ?? 0, r.target).toBeLessThan(TIMEOUT_MS + 8_000);

    // Overridden builtins change nothing: the same findings, measured the same, as the page without them.
    const overrides = report.results[pages.findIndex((p) => p.name === "builtin-overrides")];
    const plain = report.results[pages.length];
    expect(plain.error).toBeUndefined();
    expect(findingKeys(overrides)).toEqual(findingKeys(plain));
    const modelOf = (r: LintResultWithModel) => JSON.stringify({ ...r.model, url: "", capturedAt: "", behaviour: null });
    expect(modelOf(overrides)).toBe(modelOf(plain));

    // A server that redirects to itself: the browser's own limit, named as such.
    expect(report.results[pages.length + 1].error).toMatch(/redirects without end/);

    // Markup in consent text is reported as text and never runs.
    const markup = report.results[pages.findIndex((p) => p.name === "markup-in-consent-text")];
    expect(markup.findings[0].text).toContain('<script>document.title="pwned"</script>');
  }, 300_000);
});

describe("the settle tracker on a page that breaks every builtin", () => {
  it("still waits for a box added by a timer, reads as settled, and the late box is in the model", async () => {
    const html = readFileSync(join(HOSTILE, "builtin-overrides/index.html"), "utf8").replace(
      "</body>",
      // (The page's own textContent setter and querySelector are gone too: plain DOM calls only.)
      `<script>setTimeout(function () { var l = document.createElement("label"); l.appendChild(document.createTextNode("Send my email address to sponsors for their newsletters")); document.body.appendChild(l); }, 700);</script></body>`,
    );
    const browser = await launchBrowser({ install: false });
    try {
      const context = await newLintContext(browser, { viewport: VIEWPORTS.desktop, locale: null });
      await installSettleTracker(context);
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      const settled = await waitForSettle(page, { timeoutMs: 8_000 });
      expect(settled.settled, settled.reason).toBe(true);
      const model = await extractPageModel(page, { viewport: VIEWPORTS.desktop, locale: null, timeoutMs: 15_000 });
      expect(model.texts.map((t) => t.text).join(" ")).toContain("Send my email address to sponsors");
      // The page's own view is as broken as it wanted: its checked getter lies, its Array.prototype.map throws.
      expect(
        await page.evaluate(`(() => { try { return [1].map(String).length; } catch (e) { return "threw"; } })()`).catch(() => "threw"),
      ).toBe("threw");
    } finally {
      await browser.close();
    }
  });
});

describe("file targets", () => {
  it("cannot read files outside their folder, through .., encoded dots, root paths, symbolic links or another target's origin", async () => {
    const site = join(work, "site");
    const other = join(work, "other-site");
    mkdirSync(site);
    mkdirSync(other);
    writeFileSync(join(work, "secret.txt"), "TOP-SECRET-OUTSIDE");
    writeFileSync(join(other, "private.txt"), "OTHER-TARGET-PRIVATE");
    writeFileSync(join(other, "index.html"), `<!doctype html><html lang="en"><body><p>Other site</p></body></html>`);
    symlinkSync(join(work, "secret.txt"), join(site, "link.txt"));
    writeFileSync(join(site, "inside.txt"), "INSIDE-OK");
    writeFileSync(
      join(site, "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body><ul id="out"></ul>
<script>
  const out = document.getElementById("out");
  const paths = ["inside.txt", "../secret.txt", "/../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt", "link.txt", "${"/" + encodeURIComponent(join(work, "secret.txt"))}"];
  Promise.all(paths.map((p) => fetch(p).then((r) => (r.ok ? r.text() : "status " + r.status)).catch((e) => "failed")))
    .then((texts) => texts.forEach((t, i) => { const li = document.createElement("li"); li.textContent = paths[i] + " -> " + t; out.appendChild(li); }));
  fetch(location.protocol + "//" + location.host.replace(/^r\\d+/, "r1") + "/private.txt").then((r) => r.text()).then((t) => { const li = document.createElement("li"); li.textContent = "other origin -> " + t; out.appendChild(li); }).catch(() => { const li = document.createElement("li"); li.textContent = "other origin -> failed"; out.appendChild(li); });
</script></body></html>`,
    );
    const report = await lint([join(site, "index.html"), join(other, "index.html")], {
      timeout: 20_000,
      concurrency: 1,
      keepModels: true,
      cwd: work,
    });
    const texts = report.results[0].model!.texts.map((t) => t.text).join("\n");
    expect(texts).toContain("inside.txt -> INSIDE-OK");
    expect(texts).not.toContain("TOP-SECRET-OUTSIDE");
    expect(texts).not.toContain("OTHER-TARGET-PRIVATE");
    expect(texts).toContain("link.txt -> status 403");
    expect(texts).toContain("other origin -> failed");
  });
});

/** Calls `onPage` for every page the run opens in `browser`, as soon as it has a URL. */
function watchPages(browser: Browser, onPage: (page: Page) => void): () => void {
  const seen = new WeakSet<BrowserContext>();
  const timer = setInterval(() => {
    for (const context of browser.contexts()) {
      if (seen.has(context)) continue;
      seen.add(context);
      context.on("page", onPage);
      for (const page of context.pages()) onPage(page);
    }
  }, 20);
  return () => clearInterval(timer);
}

describe("crashes", () => {
  it("a crashed tab is retried once in a fresh context; a second crash is the target's error; the other targets are linted", async () => {
    const dir = join(work, "crash");
    mkdirSync(dir);
    const page = (title: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><form><label><input type="checkbox" checked> Share my data with advertising partners</label><button>Sign up</button></form></body></html>`;
    writeFileSync(join(dir, "a-crash-once.html"), page("once"));
    writeFileSync(join(dir, "b-crash-always.html"), page("always"));
    writeFileSync(join(dir, "c-fine.html"), page("fine"));
    const browser = await launchBrowser({ install: false });
    const crashes = new Map<string, number>();
    const stop = watchPages(browser, (p) => {
      p.on("load", () => {
        const name = /a-crash-once|b-crash-always/.exec(p.url())?.[0];
        if (!name) return;
        const count = crashes.get(name) ?? 0;
        if (name === "a-crash-once" && count >= 1) return;
        crashes.set(name, count + 1);
        void p
          .context()
          .newCDPSession(p)
          .then((s) => s.send("Page.crash"))
          .catch(() => {});
      });
    });
    try {
      const report = await lint([dir], { timeout: 15_000, concurrency: 1, browser, cwd: work });
      const [once, always, fine] = report.results;
      expect(once.error).toBeUndefined();
      expect(once.findings.some((f) => f.ruleId === "pre-checked-opt-in")).toBe(true);
      expect(once.notes?.some((n) => n.kind === "retried")).toBe(true);
      expect(always.error).toMatch(/crashed.*second try/);
      expect(crashes.get("b-crash-always")).toBe(2);
      expect(fine.error).toBeUndefined();
      expect(fine.findings.some((f) => f.ruleId === "pre-checked-opt-in")).toBe(true);
    } finally {
      stop();
      await browser.close();
    }
  });

  it("a browser process that dies is replaced for the remaining targets", async () => {
    // The first page asks the test's server for an image; the server kills the browser when the request arrives.
    let kill = (): boolean => false;
    const beacon = createServer((_req, res) => {
      // The first request never gets an answer (the browser that made it is killed); later ones do.
      if (!kill()) res.writeHead(404).end();
    });
    await new Promise<void>((done) => beacon.listen(0, "127.0.0.1", done));
    const port = (beacon.address() as AddressInfo).port;
    const dir = join(work, "killed");
    mkdirSync(dir);
    for (const name of ["a", "b", "c"]) {
      const img = name === "a" ? `<img src="http://127.0.0.1:${port}/beacon.png" alt="">` : "";
      writeFileSync(
        join(dir, `${name}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><form><label><input type="checkbox" checked> Share my data with advertising partners</label><button>Sign up</button></form>${img}</body></html>`,
      );
    }
    // A browser binary that writes its process id where the test can find it; the test kills that process only.
    const real = findBrowser({ install: false }).executablePath ?? chromium.executablePath();
    const pids = join(work, "pids");
    const wrapper = join(work, "browser.sh");
    writeFileSync(wrapper, `#!/bin/sh\necho $$ >> "${pids}"\nexec "${real}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    let killed = 0;
    kill = () => {
      if (killed) return false;
      killed = Number(readFileSync(pids, "utf8").split("\n")[0]);
      try {
        process.kill(killed, "SIGKILL");
      } catch {
        /* already gone */
      }
      return true;
    };
    const logs: string[] = [];
    try {
      const report = await lint([dir], { timeout: 20_000, concurrency: 1, browserPath: wrapper, cwd: work, log: (l) => logs.push(l) });
      expect(killed).toBeGreaterThan(0);
      expect(report.results).toHaveLength(3);
      expect(readFileSync(pids, "utf8").trim().split("\n").length).toBeGreaterThanOrEqual(2);
      // The page that was open when the browser died is retried in the new browser, like the others.
      for (const r of report.results) {
        expect(r.error).toBeUndefined();
        expect(r.findings.some((f) => f.ruleId === "pre-checked-opt-in")).toBe(true);
      }
      expect(logs.join("\n")).toMatch(/starting a new browser/);
      expect(report.results[0].notes?.some((n) => n.kind === "retried")).toBe(true);
    } finally {
      beacon.closeAllConnections();
      await new Promise<void>((done) => beacon.close(() => done()));
    }
  });
  it("a browser that stops answering (its process frozen) is replaced and the page retried; the run still finishes", async () => {
    let freeze = (): boolean => false;
    const beacon = createServer((_req, res) => {
      if (!freeze()) res.writeHead(404).end();
    });
    await new Promise<void>((done) => beacon.listen(0, "127.0.0.1", done));
    const port = (beacon.address() as AddressInfo).port;
    const dir = join(work, "frozen");
    mkdirSync(dir);
    for (const name of ["a", "b"]) {
      const img = name === "a" ? `<img src="http://127.0.0.1:${port}/beacon.png" alt="">` : "";
      writeFileSync(
        join(dir, `${name}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><form><label><input type="checkbox" checked> Share my data with advertising partners</label><button>Sign up</button></form>${img}</body></html>`,
      );
    }
    const real = findBrowser({ install: false }).executablePath ?? chromium.executablePath();
    const pids = join(work, "frozen-pids");
    const wrapper = join(work, "frozen-browser.sh");
    writeFileSync(wrapper, `#!/bin/sh\necho $$ >> "${pids}"\nexec "${real}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    let frozen = 0;
    freeze = () => {
      if (frozen) return false;
      frozen = Number(readFileSync(pids, "utf8").split("\n")[0]);
      process.kill(frozen, "SIGSTOP");
      return true;
    };
    const logs: string[] = [];
    const started = Date.now();
    try {
      const report = await lint([dir], { timeout: 6_000, concurrency: 1, browserPath: wrapper, cwd: work, log: (l) => logs.push(l) });
      expect(frozen).toBeGreaterThan(0);
      expect(logs.join("\n")).toMatch(/stopped answering.*starting a new browser/);
      for (const r of report.results) {
        expect(r.error, r.target).toBeUndefined();
        expect(r.findings.some((f) => f.ruleId === "pre-checked-opt-in")).toBe(true);
      }
      expect(report.results[0].notes?.some((n) => n.kind === "retried")).toBe(true);
      // One timeout, the bounded close, a new browser and the retry: well under a minute, never a hang.
      expect(Date.now() - started).toBeLessThan(90_000);
    } finally {
      if (frozen) {
        try {
          process.kill(frozen, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
      beacon.closeAllConnections();
      await new Promise<void>((done) => beacon.close(() => done()));
    }
  });
});
