// Measures, in Chromium, what each page of the behaviour test site stores and
// sends in each step of its flows, and checks that every finding a flow's
// expected.json lists stands on something measured (and, with a plain reading
// of rules.md's definitions, that nothing else does). It is a measurement of
// the test site, not the linter's rules: those come with the linter.
//
//   node corpus/behaviour/check.mjs [flow-name ...] [--json]
//
// Uses Playwright and yaml from the repository's node_modules and
// /usr/bin/chromium (CHROMIUM=<path> to change), launched with a fresh
// context per flow as the linter does.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { parse } from "yaml";
import { startBehaviourSite } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const asJson = args.includes("--json");
const only = args.filter((a) => !a.startsWith("--"));

/** The tracking names rules.md lists (prefix match where it has a `*`). */
const TRACKING_NAMES = ["_ga", "_gid", "_gat*", "_gcl_*", "_fbp", "_fbc", "IDE", "_hj*", "_pk_*", "_uet*", "_clck", "_ttp", "__utm*", "ajs_*", "mp_*"];
const isTrackingName = (n) => TRACKING_NAMES.some((p) => (p.endsWith("*") ? n.startsWith(p.slice(0, -1)) : n === p));

/** The flow's steps as the linter will run them; ${BEHAVIOUR_PORT} filled in. */
function loadFlow(dir, port) {
  const file = readdirSync(dir).find((f) => f.endsWith(".flow.yaml"));
  const flow = parse(readFileSync(join(dir, file), "utf8").replaceAll("${BEHAVIOUR_PORT}", String(port)));
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
  return { flow, expected };
}

function locate(page, loc) {
  if (loc.role) return page.getByRole(loc.role, { name: loc.name, exact: true });
  if (loc.text) return page.getByText(loc.text);
  if (loc.css) return page.locator(loc.css);
  throw new Error(`locator not handled here: ${JSON.stringify(loc)}`);
}

async function act(page, action) {
  const [name, arg] = Object.entries(action)[0];
  if (name === "click") return locate(page, arg).click();
  if (name === "waitFor") return arg.ms ? page.waitForTimeout(arg.ms) : locate(page, arg).waitFor();
  if (name === "reload") return page.reload();
  if (name === "press") return page.keyboard.press(arg);
  throw new Error(`action not handled here: ${name}`);
}

async function settle(page) {
  await page.waitForLoadState("networkidle").catch(() => {});
  // Long enough for a tag loaded 1.5 s after the load event (before-consent-delayed).
  await page.waitForTimeout(2200);
}

async function storageKeys(page) {
  return page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
}

async function signals(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const out = { tcf: null, consentMode: null };
        const dl = Array.isArray(window.dataLayer) ? window.dataLayer : [];
        for (const e of dl) {
          if (e && e[0] === "consent" && (e[1] === "default" || e[1] === "update")) {
            out.consentMode ??= { default: null, update: null };
            out.consentMode[e[1]] = { ...(out.consentMode[e[1]] ?? {}), ...e[2] };
          }
        }
        if (typeof window.__tcfapi !== "function") return resolve(out);
        window.__tcfapi("getTCData", 2, (d) => {
          const consents = Object.entries(d?.purpose?.consents ?? {}).filter(([, v]) => v === true).map(([k]) => k);
          out.tcf = { eventStatus: d?.eventStatus, purposesConsented: consents, vendorConsents: Object.values(d?.vendor?.consents ?? {}).filter(Boolean).length };
          resolve(out);
        });
      }),
  );
}

/** What a plain reading of rules.md calls tracking in one step's measurements (items named as expected.json names them). */
function trackingItems(m) {
  const items = [];
  for (const c of m.cookies.filter((c) => c.new)) if (isTrackingName(c.name) || c.party === "third") items.push(c.name);
  for (const s of m.storage.filter((s) => s.new)) if (isTrackingName(s.key)) items.push(s.key);
  const hosts = new Set(m.requests.filter((r) => r.party === "third" && r.cookiesSent.length > 0).map((r) => r.host));
  items.push(...hosts);
  if (m.signals.tcf && m.signals.tcf.purposesConsented.length > 0) items.push("__tcfapi");
  const cm = m.signals.consentMode;
  if (cm) for (const [k, v] of Object.entries({ ...(cm.default ?? {}), ...(cm.update ?? {}) })) if (v === "granted") items.push(k);
  return items;
}

async function runFlow(browser, dir, port) {
  const { flow, expected } = loadFlow(dir, port);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let requests = [];
  const siteHost = "127.0.0.1";
  page.on("request", (req) => {
    const url = new URL(req.url());
    requests.push({ req, host: url.hostname, path: url.pathname, type: req.resourceType(), frame: req.frame() === page.mainFrame() ? "top" : "frame" });
  });
  const out = [];
  let knownCookies = new Set();
  let knownKeys = new Set();
  /** "none" before any choice, then "refused" or "accepted" by the last choice clicked. */
  let choice = "none";
  for (const [i, step] of flow.steps.entries()) {
    requests = [];
    if (i === 0) await page.goto(flow.url);
    for (const action of step.actions ?? []) {
      await act(page, action);
      // These flows save the second layer only with every optional purpose off: a refusal.
      const name = action.click?.name ?? "";
      if (/^(Reject all|Save choices)$/.test(name)) choice = "refused";
      if (name === "Accept all") choice = "accepted";
    }
    if (step.expect === "refused") choice = "refused";
    await settle(page);
    const cookies = (await context.cookies()).map((c) => ({
      name: c.name,
      domain: c.domain,
      party: c.domain === siteHost ? "first" : "third",
      partitionKey: c.partitionKey ?? null,
      sameSite: c.sameSite,
      secure: c.secure,
      httpOnly: c.httpOnly,
      session: c.expires === -1,
      new: !knownCookies.has(`${c.name}@${c.domain}`),
    }));
    knownCookies = new Set(cookies.map((c) => `${c.name}@${c.domain}`));
    const keys = await storageKeys(page);
    const storage = [...keys.local.map((k) => ({ area: "local", key: k })), ...keys.session.map((k) => ({ area: "session", key: k }))].map((s) => ({
      ...s,
      new: !knownKeys.has(`${s.area}:${s.key}`),
    }));
    knownKeys = new Set(storage.map((s) => `${s.area}:${s.key}`));
    const reqs = [];
    for (const r of requests) {
      const headers = await r.req.allHeaders().catch(() => ({}));
      const sent = (headers.cookie ?? "").split(/;\s*/).filter(Boolean).map((c) => c.split("=")[0]);
      reqs.push({ host: r.host, path: r.path, type: r.type, frame: r.frame, party: r.host === siteHost ? "first" : "third", cookiesSent: sent });
    }
    const m = { step: step.name, cookies, storage, requests: reqs, signals: await signals(page), banner: await page.locator("#cm-banner").isVisible() };
    // Tracking counts before any choice (tracking-before-consent) and after a refusal (choice-not-respected), not after accepting.
    const items = choice === "accepted" ? [] : trackingItems(m);
    const exp = (expected.steps[step.name] ?? []).map((e) => e.text);
    const missing = exp.filter((t) => !items.includes(t));
    const extra = items.filter((t) => !exp.includes(t));
    out.push({ ...m, choice, tracking: items, expected: exp, missing, extra });
  }
  await context.close();
  return { flow: flow.name, steps: out };
}

const fmtCookie = (c) => `${c.name}@${c.domain}${c.partitionKey ? ` (partitioned, key ${c.partitionKey})` : ""}${c.new ? "" : " (old)"}`;

const site = await startBehaviourSite();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-blink-features=AutomationControlled"],
});
let failures = 0;
const all = [];
try {
  const dirs = readdirSync(join(here, "flows"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && (only.length === 0 || only.includes(e.name)))
    .map((e) => e.name)
    .sort();
  for (const name of dirs) {
    const result = await runFlow(browser, join(here, "flows", name), site.port);
    all.push(result);
    if (asJson) continue;
    console.log(`\n== ${name}`);
    for (const s of result.steps) {
      const ok = s.missing.length === 0 && s.extra.length === 0;
      if (!ok) failures++;
      console.log(`  [${ok ? "ok" : "MISMATCH"}] ${s.step}: banner ${s.banner ? "shown" : "gone"}; choice ${s.choice}; tracking measured: ${s.tracking.join(", ") || "none"}; expected: ${s.expected.join(", ") || "none"}`);
      if (s.missing.length) console.log(`      missing: ${s.missing.join(", ")}`);
      if (s.extra.length) console.log(`      measured but not expected: ${s.extra.join(", ")}`);
      console.log(`      cookies: ${s.cookies.map(fmtCookie).join(", ") || "none"}`);
      console.log(`      storage: ${s.storage.map((x) => `${x.area}:${x.key}${x.new ? "" : " (old)"}`).join(", ") || "none"}`);
      const third = s.requests.filter((r) => r.party === "third");
      console.log(`      third-party requests: ${third.map((r) => `${r.type} ${r.host}${r.path}${r.cookiesSent.length ? ` [cookie: ${r.cookiesSent.join(",")}]` : ""}`).join(", ") || "none"}`);
      if (s.signals.tcf) console.log(`      tcf: ${JSON.stringify(s.signals.tcf)}`);
      if (s.signals.consentMode) console.log(`      consent mode: ${JSON.stringify(s.signals.consentMode)}`);
    }
  }
} finally {
  await browser.close();
  await site.close();
}
if (asJson) console.log(JSON.stringify(all, null, 2));
else console.log(failures ? `\n${failures} step(s) differ from expected.json` : "\nevery step matches expected.json");
process.exitCode = failures ? 1 : 0;
