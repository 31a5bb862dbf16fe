/**
 * Every output format through the command line, on a corpus page whose
 * consent text carries markup and script: it comes through as text, each
 * format stays well-formed, and SARIF fingerprints are the JSON ones.
 *
 * The page is linted three times (json, sarif, html); the other formats are
 * rendered by `consentlint merge` from the JSON report of the first run.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import * as cheerio from "cheerio";
import type { Log } from "sarif";
import type { LintReport } from "../lint/types.js";
import { allRules } from "../lint/rule-set.js";
import { FINGERPRINT_KEY } from "../lint/report/sarif.js";
import { CSV_COLUMNS } from "../lint/report/csv.js";
import { PassThrough } from "node:stream";
import { createProgressBar, wantsProgressBar } from "../lint/report/progress.js";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin/consentlint.js");
const CORPUS = join(ROOT, "corpus");
const PAGE = "pages/en/signup-markup-in-label";
/** Markup in the page's consent text (the label quotes a group name and a tagline). */
const MARKUP = [`<img src=x onerror=alert(1)>`, `<script>alert("consent")</script>`, `<b>more</b>`];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = CORPUS): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", CI: "true" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/**
 * Checks that a document is well-formed XML 1.0 in the ways a formatter can
 * get wrong: tags nest and close, attribute values are quoted and hold no
 * `<`, text holds no raw `<` or stray `&`, entities are the predefined or
 * numeric ones, and there is exactly one root element. Returns the problems.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(token)) {
    const [whole, closing, name, attrs, selfClosing, text, stray] = m;
    if (stray) problems.push(`raw "<" at ${m.index}`);
    else if (text !== undefined) {
      if (stack.length === 0 && text.trim()) problems.push(`text outside the root at ${m.index}`);
      if (entity.test(text)) problems.push(`stray "&" in text at ${m.index}`);
      if (text.includes("]]>")) problems.push(`"]]>" in text at ${m.index}`);
    } else if (name) {
      for (const a of attrs.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const value = a[1] ?? a[2] ?? "";
        if (value.includes("<")) problems.push(`"<" in an attribute of <${name}>`);
        if (entity.test(value)) problems.push(`stray "&" in an attribute of <${name}>`);
      }
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open}>`);
      } else if (!selfClosing) {
        if (stack.length === 0) roots += 1;
        stack.push(name);
      } else if (stack.length === 0) roots += 1;
    } else if (whole.startsWith("<!--") && stack.length === 0) {
      // comments may sit outside the root
    }
  }
  if (stack.length) problems.push(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** RFC 4180 records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

let dir: string;
let jsonRun: Run;
let sarifRun: Run;
let htmlRun: Run;
let report: LintReport;
const htmlFile = () => join(dir, "report.html");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-formats-"));
  [jsonRun, sarifRun, htmlRun] = await Promise.all([
    cli(["lint", PAGE, "--format", "json"]),
    cli(["lint", PAGE, "--format", "sarif"]),
    cli(["lint", PAGE, "--format", "html", "--output", htmlFile()]),
  ]);
  report = JSON.parse(jsonRun.stdout) as LintReport;
  writeFileSync(join(dir, "report.json"), jsonRun.stdout);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function consentText(): string {
  const f = report.results[0].findings.find((x) => x.ruleId === "pre-checked-opt-in");
  expect(f).toBeDefined();
  return f!.text;
}

describe("output formats on consent text with markup", () => {
  it("json: the report alone on stdout, the markup as it was in the page", () => {
    expect(jsonRun.code).toBe(1);
    expect(jsonRun.stderr).toBe("");
    expect(report.results).toHaveLength(1);
    const text = consentText();
    for (const m of MARKUP) expect(text).toContain(m);
    expect(report.results[0].findings.map((f) => f.ruleId).sort()).toEqual(["bundled-consent", "pre-checked-opt-in"]);
  });

  it("sarif: valid against the SARIF 2.1.0 schema, the markup as text, fingerprints equal to the JSON ones", () => {
    expect(sarifRun.code).toBe(1);
    expect(sarifRun.stderr).toBe("");
    const log = JSON.parse(sarifRun.stdout) as Log;
    const schema = JSON.parse(readFileSync(join(ROOT, "test/data/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(
      expect.arrayContaining(["pre-checked-opt-in", "hidden-consent-text", "bundled-consent"]),
    );
    const results = run.results ?? [];
    expect(results.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY])).toEqual(report.results[0].findings.map((f) => f.fingerprint));
    const first = results.find((r) => r.ruleId === "pre-checked-opt-in")!;
    for (const m of MARKUP) expect(first.message.text).toContain(m);
    expect(first.properties?.text).toBe(consentText());
    // A local page points at the element's line in its file, relative to the working directory.
    expect(first.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe(`${PAGE}/index.html`);
    expect(first.locations?.[0].physicalLocation?.region?.startLine).toBeGreaterThan(1);
  });

  it("sarif from the JSON report (consentlint merge) has the same fingerprints", async () => {
    const r = await cli(["merge", join(dir, "report.json"), "--format", "sarif"]);
    const log = JSON.parse(r.stdout) as Log;
    expect(log.runs[0].results?.map((x) => x.partialFingerprints?.[FINGERPRINT_KEY])).toEqual(
      report.results[0].findings.map((f) => f.fingerprint),
    );
  });

  it("junit: well-formed XML whose failure text is the markup, escaped", async () => {
    const r = await cli(["merge", join(dir, "report.json"), "--format", "junit"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(xmlProblems(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('&lt;script&gt;alert("consent")&lt;/script&gt;');
    expect(r.stdout).not.toContain("<script>");
    const $ = cheerio.load(r.stdout, { xml: true });
    expect($("testsuites > testsuite").attr("name")).toBe(`${PAGE}/index.html`);
    const failure = $('testcase[name="pre-checked-opt-in"] > failure').text();
    for (const m of MARKUP) expect(failure).toContain(m);
    // One test case per rule that ran on the state; the page's pre-ticked, bundled box fails two of them.
    expect($("testcase").length).toBe(allRules.length);
    expect($("testcase > failure").length).toBe(2);
  });

  it("the XML check itself catches what a broken formatter would write", () => {
    expect(xmlProblems(`<a><b>x</b></a>`)).toEqual([]);
    expect(xmlProblems(`<a>${MARKUP[0]}</a>`).length).toBeGreaterThan(0);
    expect(xmlProblems(`<a>1 & 2</a>`).length).toBeGreaterThan(0);
    expect(xmlProblems(`<a t="x & y"/>`)).not.toEqual([]);
    expect(xmlProblems(`<a><b></a></b>`)).not.toEqual([]);
    expect(xmlProblems(`<a/><b/>`)).toEqual(["2 root elements"]);
  });

  it("github: one annotation line per finding, on the element's line, the markup as text", async () => {
    const r = await cli(["merge", join(dir, "report.json"), "--format", "github"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    const annotations = lines.filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(2);
    for (const a of annotations) {
      expect(a).toMatch(new RegExp(`^::error file=${PAGE.replace(/[/.]/g, "\\$&")}/index\\.html,line=\\d+,col=\\d+,title=[a-z-]+::`));
      for (const m of MARKUP) expect(a).toContain(m);
    }
    expect(lines.at(-1)).toMatch(/^consentlint: 2 errors, 0 warnings in 1 target$/);
  });

  it("csv: RFC 4180 with a header, one row per finding, the text cell equal to the page text", async () => {
    const r = await cli(["merge", join(dir, "report.json"), "--format", "csv"]);
    expect(r.code).toBe(1);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const textAt = CSV_COLUMNS.indexOf("text");
    const fpAt = CSV_COLUMNS.indexOf("fingerprint");
    expect(rows.slice(1).map((row) => row[fpAt])).toEqual(report.results[0].findings.map((f) => f.fingerprint));
    expect(rows[1][textAt]).toBe(consentText());
  });

  it("html: written to the file only, the markup escaped, no script", () => {
    expect(htmlRun.code).toBe(1);
    expect(htmlRun.stdout).toBe("");
    expect(htmlRun.stderr).toContain(`report written to ${htmlFile()}`);
    const html = readFileSync(htmlFile(), "utf8");
    expect(html).not.toMatch(/<script|<img src=x/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;consent&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const $ = cheerio.load(html);
    expect($("article.finding").length).toBe(2);
    expect($("article.finding blockquote").first().text()).toBe(consentText());
    expect($("script, iframe, object, embed").length).toBe(0);
    expect(
      $("*")
        .toArray()
        .flatMap((el) => ("attribs" in el ? Object.keys(el.attribs).filter((a) => a.startsWith("on")) : [])),
    ).toEqual([]);
    // Each finding pictures its element (a visible checkbox and label), embedded as a PNG.
    expect($("article.finding figure.shot img").length).toBe(2);
    $("img").each((_, img) => expect($(img).attr("src")).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/));
  });

  it("html without --output is a usage error (exit 2) and writes nothing", async () => {
    const r = await cli(["lint", PAGE, "--format", "html"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--format html writes a file: give it with --output <file>/);
  });

  it("stylish: the cross-site summary follows the findings for more than one target, not for one", async () => {
    const one = await cli(["merge", join(dir, "report.json"), "--format", "stylish"]);
    expect(one.stdout).toContain("pre-checked-opt-in");
    expect(one.stdout).not.toMatch(/targets?: \d+ linted/);
    const hostile = readFileSync(join(ROOT, "test/data/report-with-hostile-text.json"), "utf8");
    writeFileSync(join(dir, "batch.json"), hostile);
    const many = await cli(["merge", join(dir, "batch.json"), "--format", "stylish"]);
    const at = many.stdout.indexOf("4 targets: 3 linted");
    expect(at).toBeGreaterThan(many.stdout.indexOf("✖"));
    expect(many.stdout.slice(at)).toMatch(/pre-checked-opt-in\s+\d+ of 3 targets/);
    expect(existsSync(join(dir, "batch.json"))).toBe(true);
  });
});

describe("progress on stderr", () => {
  it("shows a bar only on a terminal outside CI", () => {
    expect(wantsProgressBar({ isTTY: true }, {})).toBe(true);
    expect(wantsProgressBar({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(wantsProgressBar({ isTTY: false }, {})).toBe(false);
  });

  it("draws done/total on its stream, passes log lines through, and clears itself", async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let written = "";
    stream.setEncoding("utf8").on("data", (d: string) => (written += d));
    const progress = createProgressBar(stream);
    progress.log("before the bar");
    const result = { target: "pages/a.html", url: "", findings: [], passes: [], incomplete: [], inapplicable: [] };
    progress.onResult(result, 1, 3);
    progress.log("a log line");
    progress.onResult({ ...result, target: "pages/b.html" }, 2, 3);
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(written).toContain("before the bar");
    expect(written).toContain("a log line");
    expect(written).toMatch(/1\/3 targets {2}pages\/a\.html/);
    expect(written).toMatch(/2\/3 targets {2}pages\/b\.html/);
  });
});
