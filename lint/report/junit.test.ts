import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../browser/launch.js";
import type { LintReport } from "../types.js";
import { formatJunit, stateClassname, xmlAttr, xmlChars, xmlText } from "./junit.js";

const DATA = fileURLToPath(new URL("../../test/data/", import.meta.url));

function loadReport(): LintReport {
  const raw = readFileSync(join(DATA, "report-with-hostile-text.json"), "utf8");
  return JSON.parse(raw.replaceAll("file:///__DATA__/", pathToFileURL(DATA).href.replace(/\/?$/, "/"))) as LintReport;
}

interface ParsedCase {
  classname: string | null;
  name: string | null;
  failure: { message: string | null; type: string | null; text: string } | null;
  error: { message: string | null; text: string } | null;
  systemOut: string | null;
}
interface ParsedSuite {
  name: string | null;
  tests: string | null;
  failures: string | null;
  errors: string | null;
  properties: { name: string | null; value: string | null }[];
  cases: ParsedCase[];
}
type Parsed = { error: string } | { root: string; attrs: Record<string, string>; suites: ParsedSuite[] };

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Parses XML with the browser's strict XML 1.0 parser and reads back the JUnit structure. */
async function parseXml(xml: string): Promise<Parsed> {
  return page.evaluate((source: string) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    const failure = doc.getElementsByTagName("parsererror")[0];
    if (failure) return { error: failure.textContent ?? "parse error" };
    const root = doc.documentElement;
    const attrs: Record<string, string> = {};
    for (const a of Array.from(root.attributes)) attrs[a.name] = a.value;
    const child = (el: Element, tag: string) => Array.from(el.children).find((c) => c.tagName === tag) ?? null;
    const suites = Array.from(root.children)
      .filter((s) => s.tagName === "testsuite")
      .map((s) => ({
        name: s.getAttribute("name"),
        tests: s.getAttribute("tests"),
        failures: s.getAttribute("failures"),
        errors: s.getAttribute("errors"),
        properties: Array.from(s.querySelectorAll(":scope > properties > property")).map((p) => ({
          name: p.getAttribute("name"),
          value: p.getAttribute("value"),
        })),
        cases: Array.from(s.children)
          .filter((c) => c.tagName === "testcase")
          .map((c) => {
            const f = child(c, "failure");
            const e = child(c, "error");
            const out = child(c, "system-out");
            return {
              classname: c.getAttribute("classname"),
              name: c.getAttribute("name"),
              failure: f ? { message: f.getAttribute("message"), type: f.getAttribute("type"), text: f.textContent ?? "" } : null,
              error: e ? { message: e.getAttribute("message"), text: e.textContent ?? "" } : null,
              systemOut: out ? out.textContent : null,
            };
          }),
      }));
    return { root: root.tagName, attrs, suites };
  }, xml);
}

async function parsedReport(report: LintReport = loadReport()) {
  const parsed = await parseXml(formatJunit(report));
  if ("error" in parsed) throw new Error(`not well-formed XML: ${parsed.error}`);
  return parsed;
}

describe("XML escaping", () => {
  it("removes characters XML 1.0 cannot carry and keeps the rest", () => {
    expect(xmlChars("a\u0000b\u0007c\u001bd\uFFFEe\uD800f\u0085g\ttab\nnl 中文 😀")).toBe("abcdefg\ttab\nnl 中文 😀");
  });

  it("escapes markup in text and attributes", () => {
    expect(xmlText("<script>&]]>")).toBe("&lt;script&gt;&amp;]]&gt;");
    expect(xmlAttr(`"a"\n'b'<c>`)).toBe("&quot;a&quot;&#10;&apos;b&apos;&lt;c&gt;");
  });

  it("the well-formedness check rejects broken XML", async () => {
    const parsed = await parseXml('<testsuites><testsuite name="x"><failure><script>]]></failure></testsuite></testsuites>');
    expect("error" in parsed).toBe(true);
  });
});

describe("formatJunit", () => {
  it("is well-formed XML even with hostile page text", async () => {
    const parsed = await parsedReport();
    expect(parsed.root).toBe("testsuites");
  });

  it("has one suite per target and one case per state and rule", async () => {
    const report = loadReport();
    const parsed = await parsedReport(report);
    const targets = [...new Set(report.results.map((r) => r.target))];
    expect(parsed.suites.map((s) => s.name)).toEqual(targets);
    const rules = Object.keys(report.rules);
    const checkout = parsed.suites.find((s) => s.name === "https://shop.example/checkout")!;
    const states = report.results.filter((r) => r.target === "https://shop.example/checkout");
    expect(checkout.cases.map((c) => [c.classname, c.name])).toEqual(states.flatMap((r) => rules.map((id) => [stateClassname(r), id])));
    expect(checkout.cases[0].classname).toContain("› pay");
    expect(checkout.cases[0].classname).toContain("@ 1280x800");
    expect(checkout.properties.map((p) => p.value)).toEqual(states.map((r) => r.url));
  });

  it("fails the case of each rule that found something, with every finding's message, text and evidence", async () => {
    const report = loadReport();
    const parsed = await parsedReport(report);
    const signup = parsed.suites.find((s) => s.name === "pages/signup.html")!;
    const byRule = new Map(signup.cases.map((c) => [c.name, c]));
    const bundled = byRule.get("bundled-consent")!.failure!;
    expect(bundled.type).toBe("error");
    const bundledFindings = report.results[0].findings.filter((f) => f.ruleId === "bundled-consent");
    expect(bundled.message).toContain(`${bundledFindings.length} findings`);
    for (const f of bundledFindings) {
      expect(bundled.text).toContain(f.message);
      expect(bundled.text).toContain(f.fingerprint);
      expect(bundled.text).toContain(f.selector);
    }
    expect(bundled.text).toContain(`text: "=cmd|' /C calc'!A0"`);
    const hidden = byRule.get("hidden-consent-text")!.failure!;
    expect(hidden.type).toBe("warn");
    expect(hidden.message).toBe("Consent text is too small to read");
    expect(hidden.text).toContain("8 px text");
    expect(hidden.text).toContain('"contrast":1.4');
    expect(signup.failures).toBe(String(new Set(report.results[0].findings.map((f) => f.ruleId)).size));
    expect(signup.tests).toBe(String(Object.keys(report.rules).length));
  });

  it("carries page text through escaping intact, less only what XML cannot hold", async () => {
    const parsed = await parsedReport();
    const precheck = parsed.suites[0].cases.find((c) => c.name === "pre-checked-opt-in")!.failure!;
    expect(precheck.text).toContain("<script>alert(1)</script> ]]> \"double\" 'single', a, b");
    expect(precheck.text).toContain("100% %0A ::error file=x::owned ,:");
    expect(precheck.message).toContain("<script>alert(1)</script>");
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(precheck.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\ud800]/);
  });

  it("reports undecided items in system-out, never as skipped", async () => {
    const report = loadReport();
    const xml = formatJunit(report);
    expect(xml).not.toContain("<skipped");
    const parsed = await parsedReport(report);
    const hidden = parsed.suites[0].cases.find((c) => c.name === "hidden-consent-text")!;
    expect(hidden.systemOut).toContain("undecided (background-image)");
    expect(hidden.systemOut).toContain(report.results[0].incomplete[0].selector!);
  });

  it("reports a target that could not be linted as an error case", async () => {
    const report = loadReport();
    const parsed = await parsedReport(report);
    const down = parsed.suites.find((s) => s.name === "https://down.example/")!;
    expect(down.cases).toHaveLength(1);
    expect(down.errors).toBe("1");
    expect(down.cases[0].error!.text).toBe(report.results[3].error);
    expect(down.cases[0].error!.message).not.toContain("\n");
    expect(down.properties).toEqual([]);
  });

  it("passes every rule of a clean target and totals the counts on the root", async () => {
    const report = loadReport();
    const parsed = await parsedReport(report);
    const clean = parsed.suites.find((s) => s.name === "pages/clean.html")!;
    expect(clean.cases.map((c) => c.name)).toEqual(Object.keys(report.rules));
    expect(clean.cases.every((c) => c.failure === null && c.error === null)).toBe(true);
    const sum = (key: "tests" | "failures" | "errors") => parsed.suites.reduce((n, s) => n + Number(s[key]), 0);
    expect(Number(parsed.attrs.tests)).toBe(sum("tests"));
    expect(Number(parsed.attrs.failures)).toBe(sum("failures"));
    expect(Number(parsed.attrs.errors)).toBe(sum("errors"));
    const failingPairs = report.results.reduce((n, r) => n + new Set(r.findings.map((f) => f.ruleId)).size, 0);
    expect(Number(parsed.attrs.failures)).toBe(failingPairs);
  });
});
