/**
 * JUnit XML output for CI test reporters (Jenkins, GitLab, Azure DevOps):
 * one <testsuite> per target, one <testcase> per linted state and rule.
 */
import type { Finding, LintReport, LintResult } from "../types.js";
import { describeMeasures, describeState } from "./measures.js";
import { terminalSafe } from "./terminal-text.js";

/** Characters XML 1.0 does not allow (C0 controls, lone surrogates, U+FFFE/U+FFFF), plus the discouraged C1 controls. */
const NOT_XML = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text with the characters XML 1.0 cannot carry removed. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Escaped for element content. */
export function xmlText(text: string): string {
  return xmlChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Escaped for a double- or single-quoted attribute value; line breaks and tabs survive attribute normalisation. */
export function xmlAttr(text: string): string {
  return xmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join("");
}

function seconds(ms: number | undefined): string | undefined {
  return typeof ms === "number" && Number.isFinite(ms) ? (ms / 1000).toFixed(3) : undefined;
}

/** "target › step @ 390x844 de-DE": names one linted state of a target. */
export function stateClassname(r: LintResult): string {
  let name = r.target;
  if (r.step) name += ` › ${r.step}`;
  if (r.viewport) name += ` @ ${r.viewport.width}x${r.viewport.height}`;
  if (r.locale) name += ` ${r.locale}`;
  return name;
}

function findingBody(f: Finding): string {
  const lines = [`[${f.severity}] ${f.ruleId}: ${terminalSafe(f.message, 1000)}`];
  const who = [f.role, f.name ? `"${terminalSafe(f.name, 300)}"` : ""].filter(Boolean).join(" ");
  lines.push(`  element: ${who ? `${who} ` : ""}${terminalSafe(f.selector, 1000)}`);
  if (f.text) lines.push(`  text: "${terminalSafe(f.text, 2000)}"`);
  const measures = describeMeasures(f.evidence);
  if (measures) lines.push(`  measured: ${terminalSafe(measures, 500)}`);
  const state = describeState(f.evidence);
  if (state) lines.push(`  state: ${terminalSafe(state, 500)}`);
  lines.push(`  evidence: ${JSON.stringify(f.evidence)}`);
  if (f.legal.length) lines.push(`  legal: ${f.legal.join("; ")}`);
  lines.push(`  fingerprint: ${f.fingerprint}`);
  return lines.join("\n");
}

interface TestCase {
  xml: string;
  failed: boolean;
  errored: boolean;
}

function ruleCase(r: LintResult, ruleId: string): TestCase {
  const findings = r.findings.filter((f) => f.ruleId === ruleId);
  const incomplete = r.incomplete.filter((i) => i.ruleId === ruleId);
  const inner: string[] = [];
  if (findings.length) {
    const first = terminalSafe(findings[0].message, 300);
    const message = findings.length === 1 ? first : `${findings.length} findings: ${first} …`;
    const type = findings.some((f) => f.severity === "error") ? "error" : "warn";
    inner.push(`      <failure${attrs({ message, type })}>${xmlText(findings.map(findingBody).join("\n\n"))}</failure>`);
  }
  if (incomplete.length) {
    const out = incomplete.map((i) =>
      [
        `undecided (${i.reason}): ${terminalSafe(i.message, 1000)}`,
        i.selector ? `  element: ${terminalSafe(i.selector, 1000)}` : "",
        i.text ? `  text: "${terminalSafe(i.text, 2000)}"` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    );
    inner.push(`      <system-out>${xmlText(out.join("\n"))}</system-out>`);
  }
  const open = `    <testcase${attrs({ classname: stateClassname(r), name: ruleId })}`;
  return {
    xml: inner.length ? `${open}>\n${inner.join("\n")}\n    </testcase>` : `${open}/>`,
    failed: findings.length > 0,
    errored: false,
  };
}

function errorCase(r: LintResult, error: string): TestCase {
  const message = terminalSafe(error, 500);
  return {
    xml: `    <testcase${attrs({ classname: stateClassname(r), name: "lint" })}>\n      <error${attrs({ message, type: "target-error" })}>${xmlText(error)}</error>\n    </testcase>`,
    failed: false,
    errored: true,
  };
}

/** Rules a state is reported on: those that ran, and any its findings or undecided items name. */
function rulesOf(report: LintReport, r: LintResult): string[] {
  const ids = new Set(Object.keys(report.rules));
  for (const f of r.findings) ids.add(f.ruleId);
  for (const i of r.incomplete) ids.add(i.ruleId);
  return [...ids];
}

function casesOf(report: LintReport, r: LintResult): TestCase[] {
  if (r.error) {
    // Rules did not run on a state that failed; any findings it still carries are reported beside the error.
    const withFindings = [...new Set(r.findings.map((f) => f.ruleId))];
    return [errorCase(r, r.error), ...withFindings.map((id) => ruleCase(r, id))];
  }
  return rulesOf(report, r).map((id) => ruleCase(r, id));
}

/** The report as a JUnit XML document. */
export function formatJunit(report: LintReport): string {
  const byTarget = new Map<string, LintResult[]>();
  for (const r of report.results) {
    const list = byTarget.get(r.target);
    if (list) list.push(r);
    else byTarget.set(r.target, [r]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const [target, results] of byTarget) {
    const cases = results.flatMap((r) => casesOf(report, r));
    const suiteFailures = cases.filter((c) => c.failed).length;
    const suiteErrors = cases.filter((c) => c.errored).length;
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    const durations = results.map((r) => r.durationMs).filter((d): d is number => typeof d === "number");
    const time = durations.length ? seconds(durations.reduce((a, b) => a + b, 0)) : undefined;
    const urls = [...new Set(results.map((r) => r.url).filter(Boolean))];
    const properties = urls.length
      ? `    <properties>\n${urls.map((u) => `      <property${attrs({ name: "url", value: u })}/>`).join("\n")}\n    </properties>\n`
      : "";
    const head = `  <testsuite${attrs({ name: target, tests: cases.length, failures: suiteFailures, errors: suiteErrors, skipped: 0, time, timestamp: report.startedAt })}>`;
    suites.push(`${head}\n${properties}${cases.map((c) => c.xml).join("\n")}\n  </testsuite>`);
  }
  const root = `<testsuites${attrs({ name: report.tool.name, tests, failures, errors, time: seconds(report.summary.durationMs) })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, "</testsuites>", ""].join("\n");
}
