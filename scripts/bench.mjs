#!/usr/bin/env node
// Speed and memory of consentlint, measured against a floor and against axe,
// on the corpus and on generated pages, in one run on one machine.
//
//   npm run bench                      # the default run (about an hour on 2 cores)
//   npm run bench -- --quick           # a smaller run (about 10 minutes on 2 cores)
//   node scripts/bench.mjs --pages 300 --concurrency 1,2 --modes floor,lint --json out.json
//
// Modes, each on the same pages with the same browser flags, context options
// and concurrency, in a freshly launched browser:
//   floor   new context, goto (load), wait for the page to settle as the linter does; nothing else
//   lint    lint() of the API: the linter in browser mode
//   axe     as floor, then @axe-core/playwright's AxeBuilder.analyze()
//   static  lint() with { static: true }: the page model from the HTML, no browser
// Then a scale run (lint() over up to 500 states: total time at each 50
// states, resident memory every 50 states) and a profile of where the
// linter's time goes per state.
//
// Expects a build (npm run bench runs scripts/setup.mjs first). Reads only
// dist/; writes generated pages under tmp/bench/ and the results as JSON.
import { execSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writePages, elementCount } from "../bench/pages.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => pathToFileURL(join(root, "dist", p)).href;

const { launchBrowser, newLintContext } = await import(dist("lint/browser/launch.js"));
const { installSettleTracker, waitForSettle } = await import(dist("lint/browser/settle.js"));
const { lint, prepareRun } = await import(dist("lint/index.js"));
const { planJobs } = await import(dist("lint/run/jobs.js"));
const { lintTarget, NO_OUTPUTS } = await import(dist("lint/run/state.js"));
const { BrowserTarget } = await import(dist("lint/run/browser-source.js"));
const { resolveTargets } = await import(dist("lint/targets/targets.js"));
const { LocalFileServer } = await import(dist("lint/targets/file-server.js"));
const { AxeBuilder } = await import("@axe-core/playwright");

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = {
    quick: false,
    full: false,
    pages: null,
    corpusPages: null,
    corpusConcurrency: null,
    axeConcurrency: null,
    scaleStates: null,
    concurrency: null,
    modes: ["floor", "lint", "axe", "static"],
    sets: ["corpus", "generated"],
    scale: true,
    profile: true,
    profilePages: null,
    json: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === "--quick") opts.quick = true;
    else if (a === "--full") opts.full = true;
    else if (a === "--pages") opts.pages = positive(a, value());
    else if (a === "--corpus-pages") opts.corpusPages = positive(a, value());
    else if (a === "--corpus-concurrency")
      opts.corpusConcurrency = value()
        .split(",")
        .map((v) => positive(a, v));
    else if (a === "--axe-concurrency")
      opts.axeConcurrency = value()
        .split(",")
        .map((v) => positive(a, v));
    else if (a === "--scale-states") opts.scaleStates = positive(a, value());
    else if (a === "--concurrency")
      opts.concurrency = value()
        .split(",")
        .map((v) => positive(a, v));
    else if (a === "--modes") opts.modes = list(a, value(), ["floor", "lint", "axe", "static"]);
    else if (a === "--sets") opts.sets = list(a, value(), ["corpus", "generated"]);
    else if (a === "--no-scale") opts.scale = false;
    else if (a === "--no-profile") opts.profile = false;
    else if (a === "--profile-pages") opts.profilePages = positive(a, value());
    else if (a === "--json") opts.json = value();
    else if (a === "-h" || a === "--help") usage(null);
    else usage(`unknown option ${a}`);
  }
  const defaultC = Math.max(1, Math.min(4, availableParallelism()));
  opts.pages ??= opts.quick ? 24 : 100;
  opts.corpusPages ??= opts.quick ? 24 : Infinity;
  opts.scaleStates ??= opts.quick ? 100 : 500;
  opts.concurrency ??= opts.quick ? [defaultC] : [1, 2, 4];
  // The corpus (small pages) at the default concurrency only, unless --full or asked.
  opts.corpusConcurrency ??= opts.full ? opts.concurrency : [defaultC];
  // axe takes several times as long as the others: at the default concurrency only, unless --full or asked.
  opts.axeConcurrency ??= opts.full ? opts.concurrency : [defaultC];
  opts.profilePages ??= opts.quick ? 10 : 30;
  opts.json ??= opts.quick ? join(root, "tmp", "bench", "quick.json") : join(root, "bench", "results", "latest.json");
  return opts;
}

function positive(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) usage(`${name} expects a whole number >= 1, got "${v}"`);
  return n;
}

function list(name, v, allowed) {
  const items = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) if (!allowed.includes(item)) usage(`${name}: "${item}" is not one of ${allowed.join(", ")}`);
  return items;
}

function usage(error) {
  const text = `usage: node scripts/bench.mjs [--quick | --full] [--pages N] [--concurrency 1,2,4] [--modes floor,lint,axe,static]
       [--sets corpus,generated] [--corpus-pages N] [--corpus-concurrency 2] [--axe-concurrency 2] [--scale-states N] [--no-scale]
       [--profile-pages N] [--no-profile] [--json FILE]

  --quick   24 corpus and 24 generated pages at the default concurrency, 100 states in the scale run (about 10 minutes on 2 cores)
  default   the corpus at the default concurrency, 100 generated pages at concurrency 1, 2 and 4 (axe at the default
            concurrency only), 500 states in the scale run
  --full    as default, plus the corpus and axe at every concurrency, and separate lint() runs of 100 and 300 pages
            for linearity`;
  process.stderr.write((error ? `bench: ${error}\n` : "") + text + "\n");
  process.exit(error ? 2 : 0);
}

const log = (line) => process.stderr.write(line + "\n");

// ---------------------------------------------------------------- /proc sampling

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after the command name. */
function statFields(pid) {
  const stat = readProc(pid, "stat");
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Every live descendant of `rootPid`. */
function descendants(rootPid) {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(name);
    if (!f) continue;
    const ppid = Number(f[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const out = [];
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

const CLK_TCK = (() => {
  try {
    return Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function kib(text, key) {
  const m = text ? new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text) : null;
  return m ? Number(m[1]) : 0;
}

/**
 * Resident memory (VmRSS, and PSS, which does not count pages shared between
 * processes twice) and CPU time of this Node process and of the process trees
 * under `browserPids` (each browser with its renderers, GPU and utility
 * processes). Without `browserPids`, every child process of this one.
 */
function sampleTree(browserPids = null) {
  const self = process.pid;
  const nodeRss = kib(readProc(self, "status"), "VmRSS");
  let childRss = 0;
  let childPss = 0;
  let childCpuTicks = 0;
  const kids = browserPids ? browserPids.flatMap((pid) => [pid, ...descendants(pid)]) : descendants(self);
  for (const pid of kids) {
    childRss += kib(readProc(pid, "status"), "VmRSS");
    childPss += kib(readProc(pid, "smaps_rollup"), "Pss");
    const f = statFields(pid);
    // utime, stime, and the CPU time of its children that have exited and been reaped (renderers of closed contexts).
    if (f) childCpuTicks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  const cpu = process.cpuUsage();
  return {
    nodeRssKiB: nodeRss,
    nodePssKiB: kib(readProc(self, "smaps_rollup"), "Pss"),
    browserRssKiB: childRss,
    browserPssKiB: childPss,
    processes: kids.length + 1,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    browserCpuMs: (childCpuTicks * 1000) / CLK_TCK,
  };
}

/**
 * Samples memory every `intervalMs` while a part of a run goes on; keeps
 * peaks and the CPU used. A sample reads /proc for every process (a few ms on
 * an idle machine), so it is taken once a second.
 */
class Sampler {
  constructor(browserPids = null, intervalMs = 1000) {
    this.browserPids = browserPids;
    this.start = sampleTree(browserPids);
    this.peak = { rssKiB: 0, pssKiB: 0, nodeRssKiB: 0, browserRssKiB: 0 };
    this.take();
    this.timer = setInterval(() => this.take(), intervalMs);
  }
  take() {
    const s = sampleTree(this.browserPids);
    this.peak.rssKiB = Math.max(this.peak.rssKiB, s.nodeRssKiB + s.browserRssKiB);
    this.peak.pssKiB = Math.max(this.peak.pssKiB, s.nodePssKiB + s.browserPssKiB);
    this.peak.nodeRssKiB = Math.max(this.peak.nodeRssKiB, s.nodeRssKiB);
    this.peak.browserRssKiB = Math.max(this.peak.browserRssKiB, s.browserRssKiB);
    return s;
  }
  /** Stops sampling; CPU used since the start, from a last sample taken now (while the browser still runs). */
  stop() {
    clearInterval(this.timer);
    const end = this.take();
    return { peak: this.peak, nodeCpuMs: end.nodeCpuMs - this.start.nodeCpuMs, browserCpuMs: end.browserCpuMs - this.start.browserCpuMs };
  }
}

/** Launches a browser as the linter does, and finds its process (a new child of this one). */
async function launchTracked() {
  const before = new Set(descendants(process.pid));
  const browser = await launchBrowser();
  const pids = descendants(process.pid).filter((pid) => !before.has(pid));
  // The browser process is the new child whose parent is this process (its renderers are below it).
  const top = pids.filter((pid) => Number(statFields(pid)?.[1]) === process.pid);
  return { browser, pids: top.length > 0 ? top : pids };
}

const mib = (k) => Math.round((k / 1024) * 10) / 10;

// ---------------------------------------------------------------- statistics

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Least-squares line y = a + b x, with R². */
function fitLine(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: my - slope * mx, slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

const round = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------- page sets

/** A set of pages: what lint() is given, and the same targets planned as the runner plans them (with their path, for the floor and axe). */
function pageSet(name, { cwd, config, inputs }) {
  const setup = prepareRun({ cwd, config });
  const cfg = setup.loaded.config;
  const targets = resolveTargets(inputs, { cwd, exclude: cfg.exclude ?? [], excludeBase: setup.loaded.baseDir }).filter(
    (t) => t.kind === "file",
  );
  const jobs = planJobs(targets, setup.loaded, setup.rulesFor).map((job) => ({ ...job, path: job.target.path, root: job.target.root }));
  const elements = jobs.map((j) => elementCount(readFileSync(j.path, "utf8")));
  return { name, cwd, config, inputs, jobs, elementsMedian: percentile(elements, 50), elementsMax: Math.max(...elements) };
}

function generatedSet(name, count) {
  const dir = join(root, "tmp", "bench", `pages-${count}`);
  writePages(dir, count);
  const config = join(dir, "consentlint.config.json");
  writeFileSync(config, "{}\n");
  return pageSet(name, { cwd: dir, config, inputs: [dir] });
}

// ---------------------------------------------------------------- modes

const TIMEOUT_MS = 30_000;
/** As the runner: settle for at most 10 s, within the per-state timeout. */
const SETTLE_MS = 10_000;

async function withPool(items, concurrency, fn) {
  const queue = items.map((item, index) => ({ item, index }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await fn(next.item, next.index);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}

/** Floor and axe: one fresh context per page, as the linter makes them; `after` runs once the page has settled. */
async function renderEach(browser, server, jobs, concurrency, after) {
  const times = [];
  let errors = 0;
  await withPool(jobs, concurrency, async (job) => {
    let context = null;
    try {
      context = await newLintContext(browser, { viewport: job.viewport, locale: job.locale });
      await installSettleTracker(context);
      const page = await context.newPage();
      page.on("dialog", (d) => void d.dismiss().catch(() => {}));
      const started = performance.now();
      await page.goto(server.urlFor(job.path, job.root), { waitUntil: "load", timeout: TIMEOUT_MS });
      await waitForSettle(page, { timeoutMs: SETTLE_MS });
      if (after) await after(page);
      times.push(performance.now() - started);
    } catch (error) {
      errors++;
      log(`  ${job.path}: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    } finally {
      await context?.close().catch(() => {});
    }
  });
  return { times, errors };
}

const MODES = {
  async floor({ browser, server, set, concurrency, jobs }) {
    return renderEach(browser, server, jobs ?? set.jobs, concurrency, null);
  },
  async axe({ browser, server, set, concurrency, jobs }) {
    return renderEach(browser, server, jobs ?? set.jobs, concurrency, async (page) => {
      await new AxeBuilder({ page }).analyze();
    });
  },
  async lint({ browser, set, concurrency, jobs }) {
    const inputs = jobs ? jobs.map((j) => j.path) : set.inputs;
    const report = await lint(inputs, { cwd: set.cwd, config: set.config, browser, concurrency, timeout: TIMEOUT_MS });
    return {
      times: report.results.filter((r) => !r.error).map((r) => r.durationMs ?? 0),
      errors: report.results.filter((r) => r.error).length,
      findings: report.summary.errors + report.summary.warnings,
    };
  },
  async static({ set, jobs }) {
    const inputs = jobs ? jobs.map((j) => j.path) : set.inputs;
    const report = await lint(inputs, { cwd: set.cwd, config: set.config, static: true, concurrency: 1, timeout: TIMEOUT_MS });
    return {
      times: report.results.filter((r) => !r.error).map((r) => r.durationMs ?? 0),
      errors: report.results.filter((r) => r.error).length,
      findings: report.summary.errors + report.summary.warnings,
    };
  },
};

const WARMUP_PAGES = 3;

function emptyTally() {
  return {
    times: [],
    errors: 0,
    findings: 0,
    wallMs: 0,
    nodeCpuMs: 0,
    browserCpuMs: 0,
    peak: { rssKiB: 0, pssKiB: 0, nodeRssKiB: 0, browserRssKiB: 0 },
  };
}

function addTo(tally, outcome, wallMs, resources) {
  tally.times.push(...outcome.times);
  tally.errors += outcome.errors;
  tally.findings += outcome.findings ?? 0;
  tally.wallMs += wallMs;
  tally.nodeCpuMs += resources.nodeCpuMs;
  tally.browserCpuMs += resources.browserCpuMs;
  for (const key of Object.keys(tally.peak)) tally.peak[key] = Math.max(tally.peak[key], resources.peak[key]);
}

function runRecord(set, mode, concurrency, tally) {
  const pages = tally.times.length + tally.errors;
  return {
    set: set.name,
    mode,
    concurrency,
    pages,
    wallMs: Math.round(tally.wallMs),
    pagesPerSecond: round(pages / (tally.wallMs / 1000), 2),
    medianMs: round(percentile(tally.times, 50)),
    p95Ms: round(percentile(tally.times, 95)),
    nodeCpuMsPerPage: round(tally.nodeCpuMs / pages),
    browserCpuMsPerPage: round(tally.browserCpuMs / pages),
    peakRssMiB: mib(tally.peak.rssKiB),
    peakPssMiB: mib(tally.peak.pssKiB),
    peakNodeRssMiB: mib(tally.peak.nodeRssKiB),
    peakBrowserRssMiB: mib(tally.peak.browserRssKiB),
    errors: tally.errors,
    ...(mode === "lint" || mode === "static" ? { findings: tally.findings } : {}),
  };
}

/**
 * The browser modes on one set at one concurrency, each in a browser launched
 * for it, interleaved: the pages go in chunks, and every mode lints each
 * chunk in turn (the order rotating), so that a change in the machine's load
 * during the run weighs on every mode alike.
 */
async function compareModes(set, modes, concurrency) {
  const server = new LocalFileServer();
  await server.start();
  const browsers = {};
  try {
    for (const mode of modes) browsers[mode] = await launchTracked();
    for (const mode of modes)
      await MODES[mode]({ browser: browsers[mode].browser, server, set, concurrency, jobs: set.jobs.slice(0, WARMUP_PAGES) });
    const tallies = Object.fromEntries(modes.map((m) => [m, emptyTally()]));
    const size = Math.max(10, 8 * concurrency);
    const chunks = [];
    for (let i = 0; i < set.jobs.length; i += size) chunks.push(set.jobs.slice(i, i + size));
    for (const [k, chunk] of chunks.entries()) {
      const order = modes.map((_, i) => modes[(i + k) % modes.length]);
      for (const mode of order) {
        global.gc?.();
        const sampler = new Sampler(browsers[mode].pids);
        const started = performance.now();
        const outcome = await MODES[mode]({ browser: browsers[mode].browser, server, set, concurrency, jobs: chunk });
        const wallMs = performance.now() - started;
        addTo(tallies[mode], outcome, wallMs, sampler.stop());
      }
    }
    return modes.map((mode) => runRecord(set, mode, concurrency, tallies[mode]));
  } finally {
    for (const b of Object.values(browsers)) await b.browser.close().catch(() => {});
    await server.stop().catch(() => {});
  }
}

/** Static mode: no browser, one thread; the whole set once. */
async function measureStatic(set) {
  await MODES.static({ set, jobs: set.jobs.slice(0, WARMUP_PAGES) });
  global.gc?.();
  const tally = emptyTally();
  const sampler = new Sampler([]);
  const started = performance.now();
  const outcome = await MODES.static({ set });
  addTo(tally, outcome, performance.now() - started, sampler.stop());
  return runRecord(set, "static", 1, tally);
}

// ---------------------------------------------------------------- scale: linearity and memory

/** lint() over `states` pages as a user runs it (it launches its own browser): time and memory every 50 states. */
async function scaleRun(set, concurrency) {
  const every = 50;
  const points = [];
  const started = performance.now();
  const sampler = new Sampler(null);
  const report = await lint(set.inputs, {
    cwd: set.cwd,
    config: set.config,
    concurrency,
    timeout: TIMEOUT_MS,
    onResult: (_result, done) => {
      if (done % every !== 0) return;
      global.gc?.();
      const s = sampleTree();
      points.push({
        states: done,
        elapsedMs: Math.round(performance.now() - started),
        nodeRssMiB: mib(s.nodeRssKiB),
        nodeHeapMiB: round(process.memoryUsage().heapUsed / 1048576),
        browserRssMiB: mib(s.browserRssKiB),
        totalRssMiB: mib(s.nodeRssKiB + s.browserRssKiB),
        totalPssMiB: mib(s.nodePssKiB + s.browserPssKiB),
        processes: s.processes,
      });
    },
  });
  const totalMs = performance.now() - started;
  const resources = sampler.stop();
  const time = fitLine(points.map((p) => ({ x: p.states, y: p.elapsedMs })));
  const at = (n) => points.find((p) => p.states === n)?.elapsedMs ?? null;
  // Memory after the first 100 states (browser caches and code warm by then).
  const steady = points.filter((p) => p.states >= 100);
  const slope = (key) => round(fitLine(steady.map((p) => ({ x: p.states, y: p[key] }))).slope * 100, 2);
  return {
    states: set.jobs.length,
    concurrency,
    totalMs: Math.round(totalMs),
    errors: report.results.filter((r) => r.error).length,
    points,
    time: {
      msPerState: round(time.slope, 1),
      fixedMs: Math.round(time.intercept),
      r2: round(time.r2, 4),
      at100Ms: at(100),
      at300Ms: at(300),
      ratio300to100: at(100) && at(300) ? round(at(300) / at(100), 2) : null,
    },
    memorySlopeMiBPer100States:
      steady.length >= 2
        ? {
            totalRss: slope("totalRssMiB"),
            totalPss: slope("totalPssMiB"),
            nodeRss: slope("nodeRssMiB"),
            nodeHeap: slope("nodeHeapMiB"),
            browserRss: slope("browserRssMiB"),
          }
        : null,
    peakRssMiB: resources.peakRssMiB,
    peakPssMiB: resources.peakPssMiB,
  };
}

/** Separate lint() runs of the first n pages, each as a user runs it: total time against page count. */
async function linearityRuns(set, counts, concurrency) {
  const runs = [];
  for (const n of counts) {
    if (n > set.jobs.length) continue;
    const started = performance.now();
    const report = await lint(
      set.jobs.slice(0, n).map((j) => j.path),
      { cwd: set.cwd, config: set.config, concurrency, timeout: TIMEOUT_MS },
    );
    runs.push({ pages: n, totalMs: Math.round(performance.now() - started), errors: report.results.filter((r) => r.error).length });
    log(`  ${n} pages: ${(runs.at(-1).totalMs / 1000).toFixed(1)} s`);
  }
  const fit = runs.length >= 2 ? fitLine(runs.map((r) => ({ x: r.pages, y: r.totalMs }))) : null;
  return { concurrency, runs, msPerPage: fit ? round(fit.slope, 1) : null, fixedMs: fit ? Math.round(fit.intercept) : null };
}

// ---------------------------------------------------------------- profile

/** CPU time (ms) of a process and every process below it, found through /proc/<pid>/task/<tid>/children (no scan of /proc). */
function subtreeCpuMs(rootPid) {
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    const f = statFields(pid);
    if (!f) continue;
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const kids = readProc(`${pid}/task/${tid}`, "children");
      if (kids) for (const k of kids.trim().split(/\s+/)) if (k) stack.push(Number(k));
    }
  }
  return (ticks * 1000) / CLK_TCK;
}

/**
 * The linter's steps for one state, timed (wall, Node CPU, browser CPU) by
 * the state pipeline's phase hook as the runner runs them: a context with its
 * init scripts, a page, goto, settle, the in-page read (walk, measurement
 * and the transfer of its result), assembling the model, the guards' notes,
 * the rules, closing the context. Concurrency 1.
 */
async function profile(set, count) {
  const { browser, pids } = await launchTracked();
  const browserPid = pids[0];
  const server = new LocalFileServer();
  await server.start();
  const jobs = set.jobs.slice(0, count);
  const names = ["context", "page", "record", "goto", "settle", "read", "assemble", "guards", "rules", "close"];
  const keys = ["wall", "node", "browser"];
  const steps = Object.fromEntries([...names, "total"].map((n) => [n, { wall: [], node: [], browser: [] }]));
  const modelKiB = [];
  let unsettled = 0;
  const sample = () => {
    const browserCpu = subtreeCpuMs(browserPid);
    const cpu = process.cpuUsage();
    return { wall: performance.now(), node: (cpu.user + cpu.system) / 1000, browser: browserCpu };
  };
  try {
    for (const [i, job] of [...jobs.slice(0, WARMUP_PAGES), ...jobs].entries()) {
      // Each phase is charged the time since the one before it ended.
      const spent = new Map();
      let settled = true;
      const first = sample();
      let last = first;
      const onPhase = (phase, detail) => {
        const now = sample();
        const into = spent.get(phase) ?? { wall: 0, node: 0, browser: 0 };
        for (const key of keys) into[key] += now[key] - last[key];
        spent.set(phase, into);
        last = now;
        if (phase === "settle" && detail?.settled === false) settled = false;
      };
      const outcome = await lintTarget(new BrowserTarget(browser, server, job, TIMEOUT_MS, false), job, {
        timeoutMs: TIMEOUT_MS,
        keepModel: true,
        outputs: NO_OUTPUTS,
        hooks: { onPhase },
      });
      const [result] = outcome.results;
      if (result?.error) log(`  ${job.path}: ${result.error}`);
      if (i < WARMUP_PAGES) continue;
      if (!settled) unsettled++;
      for (const name of names) for (const key of keys) steps[name][key].push(spent.get(name)?.[key] ?? 0);
      for (const key of keys) steps.total[key].push(last[key] - first[key]);
      if (result?.model) modelKiB.push(JSON.stringify(result.model).length / 1024);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop().catch(() => {});
  }
  const mean = (v) => v.reduce((sum, x) => sum + x, 0) / v.length;
  const totalWall = mean(steps.total.wall);
  const out = {};
  for (const [name, v] of Object.entries(steps)) {
    out[name] = {
      meanMs: round(mean(v.wall)),
      medianMs: round(percentile(v.wall, 50)),
      p95Ms: round(percentile(v.wall, 95)),
      share: name === "total" ? 100 : round((100 * mean(v.wall)) / totalWall),
      nodeCpuMs: round(mean(v.node)),
      browserCpuMs: round(mean(v.browser)),
    };
  }
  return {
    set: set.name,
    pages: jobs.length,
    concurrency: 1,
    steps: out,
    unsettled,
    modelKiBMean: round(mean(modelKiB)),
    modelKiBMax: round(Math.max(...modelKiB)),
  };
}

// ---------------------------------------------------------------- output

function table(rows, columns) {
  const widths = columns.map(([title, key]) => Math.max(title.length, ...rows.map((r) => String(r[key] ?? "-").length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [
    line(columns.map(([t]) => t)),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map(([, k]) => r[k] ?? "-"))),
  ].join("\n");
}

function ratios(runs) {
  const out = [];
  const find = (set, mode, c) => runs.find((r) => r.set === set && r.mode === mode && r.concurrency === c);
  for (const r of runs.filter((x) => x.mode === "lint")) {
    const floor = find(r.set, "floor", r.concurrency);
    const axe = find(r.set, "axe", r.concurrency);
    out.push({
      set: r.set,
      concurrency: r.concurrency,
      // Time per page relative to the other mode (wall time of the run, and median per page).
      lintOverFloorWall: floor ? round(floor.pagesPerSecond / r.pagesPerSecond, 2) : null,
      lintOverFloorMedian: floor ? round(r.medianMs / floor.medianMs, 2) : null,
      lintOverAxeWall: axe ? round(axe.pagesPerSecond / r.pagesPerSecond, 2) : null,
      lintOverAxeMedian: axe ? round(r.medianMs / axe.medianMs, 2) : null,
    });
  }
  return out;
}

function gitCommit() {
  try {
    const sha = execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain -- lint rules", { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${sha} (with uncommitted changes in lint/ or rules/)` : sha;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const benchStarted = performance.now();
  const probe = await launchBrowser();
  const browserVersion = probe.version();
  await probe.close();
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium: browserVersion,
    gcExposed: typeof global.gc === "function",
    loadAverageAtStart: loadavg().map((v) => round(v, 2)),
  };
  log(`bench: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Chromium ${browserVersion}${opts.quick ? " (quick)" : ""}`);

  const sets = [];
  if (opts.sets.includes("corpus")) {
    const corpus = pageSet("corpus", {
      cwd: join(root, "corpus"),
      config: join(root, "corpus", "consentlint.config.json"),
      inputs: ["pages"],
    });
    if (corpus.jobs.length > opts.corpusPages) {
      corpus.jobs = corpus.jobs.slice(0, opts.corpusPages);
      corpus.inputs = corpus.jobs.map((j) => j.path);
    }
    sets.push(corpus);
  }
  if (opts.sets.includes("generated")) sets.push(generatedSet("generated", opts.pages));
  for (const s of sets)
    log(`bench: set ${s.name}: ${s.jobs.length} pages, ${s.elementsMedian} elements (median), ${s.elementsMax} at most`);

  const runs = [];
  const browserModes = opts.modes.filter((m) => m !== "static");
  for (const set of sets) {
    if (browserModes.length > 0) {
      for (const c of set.name === "corpus" ? opts.corpusConcurrency : opts.concurrency) {
        const modes = browserModes.filter((m) => m !== "axe" || opts.axeConcurrency.includes(c));
        log(`bench: ${set.name}, ${modes.join(" + ")} interleaved, concurrency ${c}...`);
        for (const run of await compareModes(set, modes, c)) {
          runs.push(run);
          log(
            `  ${run.mode}: ${run.pagesPerSecond} pages/s, median ${run.medianMs} ms, p95 ${run.p95Ms} ms, peak RSS ${run.peakRssMiB} MiB${run.errors ? `, ${run.errors} errors` : ""}`,
          );
        }
      }
    }
    if (opts.modes.includes("static")) {
      log(`bench: ${set.name}, static...`);
      const run = await measureStatic(set);
      runs.push(run);
      log(`  static: ${run.pagesPerSecond} pages/s, median ${run.medianMs} ms, p95 ${run.p95Ms} ms`);
    }
  }

  const defaultC = Math.max(1, Math.min(4, availableParallelism()));
  let scale = null;
  let linearity = null;
  if (opts.scale) {
    const states = generatedSet("scale", opts.scaleStates);
    if (opts.full) {
      const counts = [100, 300].filter((n) => n <= opts.scaleStates);
      log(`bench: linearity, separate lint() runs of ${counts.join(" and ")} pages, concurrency ${defaultC}...`);
      linearity = await linearityRuns(states, counts, defaultC);
    }
    log(`bench: scale, lint() of ${opts.scaleStates} states, concurrency ${defaultC}, memory every 50 states...`);
    scale = await scaleRun(states, defaultC);
    log(`  ${(scale.totalMs / 1000).toFixed(1)} s, ${scale.time.msPerState} ms per state, R² ${scale.time.r2}`);
  }

  let profiled = null;
  if (opts.profile && sets.length > 0) {
    const set = sets.find((s) => s.name === "generated") ?? sets[0];
    log(`bench: profile of the linter's steps on ${opts.profilePages} ${set.name} pages, concurrency 1...`);
    profiled = await profile(set, Math.min(opts.profilePages, set.jobs.length));
  }

  const result = {
    tool: "consentlint bench",
    date: new Date().toISOString(),
    commit: gitCommit(),
    quick: opts.quick,
    machine,
    sets: sets.map((s) => ({ name: s.name, pages: s.jobs.length, elementsMedian: s.elementsMedian, elementsMax: s.elementsMax })),
    runs,
    ratios: ratios(runs),
    linearity,
    scale,
    profile: profiled,
    benchMs: Math.round(performance.now() - benchStarted),
  };
  machine.loadAverageAtEnd = loadavg().map((v) => round(v, 2));
  mkdirSync(dirname(resolve(opts.json)), { recursive: true });
  writeFileSync(resolve(opts.json), JSON.stringify(result, null, 2) + "\n");
  print(result);
  log(`bench: done in ${(result.benchMs / 1000).toFixed(0)} s; results in ${opts.json}`);
}

function print(result) {
  const out = [];
  const m = result.machine;
  out.push(
    `consentlint bench  ${result.date}  ${m.cpu}, ${m.cores} cores, Chromium ${m.chromium}, load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end`,
  );
  // The load at the end includes the bench's own browsers; only the load at the start tells of other work.
  if (m.loadAverageAtStart[0] > m.cores / 2)
    out.push(
      `warning: the machine was busy with other work at the start (load ${m.loadAverageAtStart[0]} on ${m.cores} cores); times are inflated, ratios between modes less so (they are interleaved)`,
    );
  out.push("");
  out.push(
    table(result.runs, [
      ["set", "set"],
      ["mode", "mode"],
      ["c", "concurrency"],
      ["pages", "pages"],
      ["pages/s", "pagesPerSecond"],
      ["median ms", "medianMs"],
      ["p95 ms", "p95Ms"],
      ["node cpu ms/p", "nodeCpuMsPerPage"],
      ["browser cpu ms/p", "browserCpuMsPerPage"],
      ["peak RSS MiB", "peakRssMiB"],
      ["peak PSS MiB", "peakPssMiB"],
      ["errors", "errors"],
    ]),
  );
  out.push(
    "\nper page: from goto to done (lint: the runner's durationMs); pages/s: wall time of the whole run. RSS: sum over node and browser processes (shared pages counted in each); PSS: shared pages split.\n",
  );
  if (result.ratios.length > 0) {
    out.push(
      table(result.ratios, [
        ["set", "set"],
        ["c", "concurrency"],
        ["", "_"],
        ["lint/floor (wall)", "lintOverFloorWall"],
        ["lint/floor (median)", "lintOverFloorMedian"],
        ["lint/axe (wall)", "lintOverAxeWall"],
        ["lint/axe (median)", "lintOverAxeMedian"],
      ]),
    );
  }
  if (result.linearity) {
    const l = result.linearity;
    out.push(
      `\nlinearity (separate lint() runs, concurrency ${l.concurrency}): ${l.runs.map((r) => `${r.pages} pages ${(r.totalMs / 1000).toFixed(1)} s`).join(", ")}; ${l.msPerPage} ms per page + ${l.fixedMs} ms fixed`,
    );
  }
  if (result.scale) {
    const s = result.scale;
    out.push(
      `scale (one lint() of ${s.states} states, concurrency ${s.concurrency}): ${(s.totalMs / 1000).toFixed(1)} s, ${s.time.msPerState} ms per state, R² ${s.time.r2}${s.time.ratio300to100 === null ? "" : `, t(300)/t(100) ${s.time.ratio300to100}`}`,
    );
    if (s.memorySlopeMiBPer100States) {
      const m = s.memorySlopeMiBPer100States;
      out.push(
        `memory slope after 100 states, MiB per 100 states: total RSS ${m.totalRss}, total PSS ${m.totalPss}, node RSS ${m.nodeRss}, node heap ${m.nodeHeap}, browser RSS ${m.browserRss}`,
      );
    }
    out.push(
      table(s.points, [
        ["states", "states"],
        ["elapsed ms", "elapsedMs"],
        ["", "_"],
        ["node RSS", "nodeRssMiB"],
        ["node heap", "nodeHeapMiB"],
        ["browser RSS", "browserRssMiB"],
        ["total RSS", "totalRssMiB"],
        ["total PSS", "totalPssMiB"],
        ["procs", "processes"],
      ]),
    );
  }
  if (result.profile) {
    const p = result.profile;
    out.push(
      `\nprofile: the linter's steps per state, ${p.pages} ${p.set} pages, concurrency 1; page model ${p.modelKiBMean} KiB as JSON on average, ${p.modelKiBMax} at most`,
    );
    out.push(
      table(
        Object.entries(p.steps).map(([step, v]) => ({ step, ...v })),
        [
          ["step", "step"],
          ["", "_"],
          ["", "_"],
          ["mean ms", "meanMs"],
          ["median ms", "medianMs"],
          ["p95 ms", "p95Ms"],
          ["% of wall", "share"],
          ["node cpu ms", "nodeCpuMs"],
          ["browser cpu ms", "browserCpuMs"],
        ],
      ),
    );
  }
  process.stdout.write(out.join("\n") + "\n");
}

await main();
