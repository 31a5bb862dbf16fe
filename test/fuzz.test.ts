/**
 * Fuzzing with fast-check: generated consent pages (random nesting,
 * attributes, styles, checked states, scripts, encodings) and mutated corpus
 * pages. The linter must never crash, in static mode (many cheap cases) or in
 * Chromium (a few, through the runner with one shared browser): every result
 * has its arrays, or an error string. Every report format must still parse:
 * JSON and SARIF as JSON, JUnit as well-formed XML, CSV as RFC 4180 rows of
 * the header's width, GitHub annotations one command per line.
 *
 * `npm run fuzz` runs many more cases (CONSENTLINT_FUZZ_RUNS, a seed with
 * CONSENTLINT_FUZZ_SEED); a failing case is written to the fuzz output folder
 * and named in the failure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright";
import { launchBrowser, VIEWPORTS } from "../lint/browser/launch.js";
import { selectRules } from "../lint/run/engine.js";
import { lint } from "../lint/index.js";
import { renderReport } from "../lint/report/render.js";
import { buildStaticModel, buildStaticModelFromFile, runStaticRules } from "../lint/static/index.js";
import type { LintReport, LintResult } from "../lint/types.js";
import { allRules } from "../rules/index.js";
import { corpusPages, encodePage, mutate, mutationArb, pageArb } from "./fuzz-pages.js";

/** Scale of the run: the default keeps `npm test` quick; `npm run fuzz` sets more. */
const SCALE = Math.max(1, Number(process.env.CONSENTLINT_FUZZ_RUNS ?? 0) / 20 || 1);
const STATIC_RUNS = Math.round(150 * SCALE);
const STATIC_MUTATION_RUNS = Math.round(100 * SCALE);
const BROWSER_CASES = Math.round(16 * SCALE);
const SEED = process.env.CONSENTLINT_FUZZ_SEED ? Number(process.env.CONSENTLINT_FUZZ_SEED) : 20261201;

const RULE_IDS = new Set(allRules.map((r) => r.meta.id));
const engine = { rules: selectRules(allRules, []), languages: [], ignore: [] };
const CORPUS = corpusPages(resolve(__dirname, "../corpus/pages"));

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "consentlint-fuzz-"));
});
afterAll(() => {
  if (!process.env.CONSENTLINT_FUZZ_KEEP) rmSync(work, { recursive: true, force: true });
});

/** Rule ids of the findings seen, so a generator that never produces a finding fails the test instead of passing emptily. */
/**
 * What each rule judged: its findings, and the results it left undecided
 * about a particular element (static mode moves what rests on layout there),
 * not the page-level entries every rule gets for scripts not run.
 */
function tally(seen: Map<string, number>, r: LintResult): void {
  const judged = [...r.findings, ...r.incomplete.filter((i) => i.selector !== undefined && !/^static-mode: scripts/u.test(i.reason))];
  for (const f of judged) seen.set(f.ruleId, (seen.get(f.ruleId) ?? 0) + 1);
}

// ---------------------------------------------------------------- invariants

function checkResult(r: LintResult): void {
  for (const key of ["findings", "passes", "incomplete", "inapplicable"] as const) expect(Array.isArray(r[key]), key).toBe(true);
  if (r.error !== undefined) expect(typeof r.error).toBe("string");
  for (const f of r.findings) {
    expect(RULE_IDS.has(f.ruleId), f.ruleId).toBe(true);
    expect(["error", "warn"]).toContain(f.severity);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    for (const field of [f.message, f.selector, f.text, f.role, f.name]) expect(typeof field).toBe("string");
    expect(() => JSON.stringify(f.evidence)).not.toThrow();
  }
}

/** Problems that make XML not well-formed: unbalanced tags, raw "<" or stray "&", bad attributes, characters XML forbids, not one root. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(xml)
  )
    problems.push("a character XML does not allow");
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stray = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrs, selfClosing, text, raw] = m;
    if (raw) problems.push(`raw "<" at ${m.index}`);
    else if (text !== undefined) {
      if (stack.length === 0 && text.trim()) problems.push(`text outside the root at ${m.index}`);
      if (stray.test(text)) problems.push(`stray "&" at ${m.index}`);
    } else if (name) {
      for (const a of attrs.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const value = a[1] ?? a[2] ?? "";
        if (value.includes("<") || stray.test(value)) problems.push(`bad attribute value in <${name}>`);
      }
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open}>`);
      } else if (!selfClosing) {
        if (stack.length === 0) roots += 1;
        stack.push(name);
      } else if (stack.length === 0) roots += 1;
    }
  }
  if (stack.length) problems.push(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** RFC 4180 records; throws on a quote that does not close. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r") throw new Error(`bare line end at ${i}`);
    else field += ch;
  }
  if (quoted) throw new Error("a quoted field does not close");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function reportOf(results: LintResult[]): LintReport {
  const count = (s: string) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  return {
    tool: { name: "consentlint", version: "0.0.0-fuzz" },
    results,
    summary: { targets: results.length, errors: count("error"), warnings: count("warn"), durationMs: 1 },
    rules: Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.version])),
    startedAt: new Date(0).toISOString(),
  };
}

/** Renders every machine format and checks that each parses. */
function checkFormats(report: LintReport, opts: { html?: boolean } = {}): void {
  const render = (format: Parameters<typeof renderReport>[1]) =>
    renderReport(report, format, { rules: allRules.map((r) => r.meta), cwd: work, color: false });
  const findings = report.results.reduce((n, r) => n + r.findings.length, 0);
  const json = JSON.parse(render("json")) as LintReport;
  expect(json.results).toHaveLength(report.results.length);
  const sarif = JSON.parse(render("sarif")) as { version: string; runs: { results?: unknown[] }[] };
  expect(sarif.version).toBe("2.1.0");
  expect(sarif.runs[0].results ?? []).toHaveLength(findings);
  const junit = render("junit");
  expect(xmlProblems(junit)).toEqual([]);
  const csv = parseCsv(render("csv"));
  const width = csv[0].length;
  expect(csv[0][0]).toBe("target");
  for (const row of csv) expect(row).toHaveLength(width);
  expect(csv.length - 1).toBe(report.results.reduce((n, r) => n + Math.max(1, r.findings.length), 0));
  const github = render("github").trimEnd().split("\n");
  const commands = report.results.reduce((n, r) => n + r.findings.length + (r.error ? 1 : 0), 0);
  expect(github).toHaveLength(commands + 1);
  for (const line of github.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice)\b/);
  expect(typeof render("stylish")).toBe("string");
  if (opts.html) expect(render("html")).toMatch(/<\/html>\s*$/);
}

/** Where a failing case is kept for replay. */
function keep(name: string, bytes: Buffer): string {
  const dir = join(work, "failures");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// ---------------------------------------------------------------- static mode

describe("static mode", () => {
  it(
    `never crashes on generated pages, and every format parses (${STATIC_RUNS} cases)`,
    () => {
      let n = 0;
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(pageArb, (page) => {
          const bytes = encodePage(page);
          const file = join(work, `static-${n++ % 50}.html`);
          writeFileSync(file, bytes);
          let result: LintResult;
          try {
            const model = buildStaticModelFromFile(file, { viewport: VIEWPORTS.desktop, locale: null });
            const outcome = runStaticRules(model, engine);
            result = { target: file, url: model.url, ...outcome };
          } catch (error) {
            throw new Error(
              `static mode crashed on ${keep(`static-crash-${Date.now()}.html`, bytes)} (${page.encoding}): ${(error as Error).stack}`,
              { cause: error },
            );
          }
          checkResult(result);
          tally(seen, result);
          // A target that could not be linted, named and failing with the page's own (hostile) text.
          const failed: LintResult = {
            target: page.title,
            url: "file:///fuzz/failed.html",
            findings: [],
            passes: [],
            incomplete: [],
            inapplicable: [],
            error: page.title,
          };
          checkFormats(reportOf([result, failed]));
        }),
        { numRuns: STATIC_RUNS, seed: SEED, endOnFailure: !process.env.CONSENTLINT_FUZZ_SHRINK },
      );
      // The generator reaches every rule.
      for (const id of RULE_IDS) expect(seen.get(id) ?? 0, `${id} in ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
    },
    300_000 * SCALE,
  );

  it(
    `never crashes on mutated corpus pages (${STATIC_MUTATION_RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...CORPUS), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (path, mutations) => {
          const bytes = mutate(readFileSync(path), mutations);
          const html = bytes.toString("utf8");
          let result: LintResult;
          try {
            const model = buildStaticModel(html, { url: "https://fuzz.example/page.html", viewport: VIEWPORTS.mobile, locale: "zh-CN" });
            const outcome = runStaticRules(model, engine);
            result = { target: path, url: model.url, ...outcome };
          } catch (error) {
            throw new Error(
              `static mode crashed on a mutation of ${path}, kept as ${keep(`mutation-crash-${Date.now()}.html`, bytes)}: ${(error as Error).stack}`,
              { cause: error },
            );
          }
          checkResult(result);
          checkFormats(reportOf([result]));
        }),
        { numRuns: STATIC_MUTATION_RUNS, seed: SEED + 1, endOnFailure: !process.env.CONSENTLINT_FUZZ_SHRINK },
      );
    },
    300_000 * SCALE,
  );
});

// ---------------------------------------------------------------- the browser

describe("in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ install: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    `never crashes on generated and mutated pages through the runner, and every format parses (${BROWSER_CASES} cases, one browser)`,
    async () => {
      const generated = fc.sample(pageArb, { numRuns: Math.ceil(BROWSER_CASES * 0.6), seed: SEED + 2 });
      const mutated = fc.sample(fc.tuple(fc.constantFrom(...CORPUS), fc.array(mutationArb, { minLength: 1, maxLength: 3 })), {
        numRuns: Math.floor(BROWSER_CASES * 0.4),
        seed: SEED + 3,
      });
      const dir = join(work, "browser");
      mkdirSync(dir);
      const files: { file: string; what: string }[] = [];
      generated.forEach((page, i) => {
        const file = join(dir, `generated-${String(i).padStart(3, "0")}.html`);
        writeFileSync(file, encodePage(page));
        files.push({ file, what: `generated page (${page.encoding}, lang ${page.lang || "none"})` });
      });
      mutated.forEach(([path, mutations], i) => {
        const file = join(dir, `mutated-${String(i).padStart(3, "0")}.html`);
        writeFileSync(file, mutate(readFileSync(path), mutations));
        files.push({ file, what: `mutation of ${path}: ${JSON.stringify(mutations).slice(0, 300)}` });
      });
      const report = await lint(
        files.map((f) => f.file),
        { browser, concurrency: 2, timeout: 20_000, cwd: dir },
      );
      expect(report.results).toHaveLength(files.length);
      const failures: string[] = [];
      report.results.forEach((r, i) => {
        try {
          checkResult(r);
          // Generated pages load quickly and never loop: an error here is the linter failing, not the page.
          expect(r.error).toBeUndefined();
        } catch (error) {
          failures.push(`${files[i].file} (${files[i].what}): ${(error as Error).message.split("\n")[0]}${r.error ? ` — ${r.error}` : ""}`);
        }
      });
      if (failures.length > 0 && !process.env.CONSENTLINT_FUZZ_KEEP) process.env.CONSENTLINT_FUZZ_KEEP = "1";
      expect(failures, failures.join("\n")).toEqual([]);
      checkFormats(report, { html: true });
      const seen = new Map<string, number>();
      for (const r of report.results) tally(seen, r);
      expect(seen.get("pre-checked-opt-in") ?? 0, JSON.stringify([...seen])).toBeGreaterThan(0);
    },
    300_000 * SCALE,
  );
});
