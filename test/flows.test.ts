/**
 * The corpus flows, linted in real Chromium through the public API: every
 * step of every flow gives exactly the findings its expected.json lists (rule
 * and text, no others), steps come in the file's order, controls the flow
 * itself changed are not reported, and a flow whose locator is wrong stops on
 * that step with an error that names the step and the locator and suggests
 * what the page has, keeping the steps before it. The CLI is checked on the
 * broken flow too: exit 2, with the error and the first step's findings.
 * Linting the folder also lints alone each page no flow file names as a
 * step's page (the pages reached by a click), so none is skipped.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { lint } from "../lint/index.js";
import type { LintResultWithModel } from "../lint/run/runner.js";
import type { Control } from "../lint/model.js";
import type { LintReport, LintResult } from "../lint/types.js";
import { loadFlowFile, type Flow } from "../lint/flow/index.js";
import { flowPages } from "../lint/targets/targets.js";
import { compareWithExpected, describeComparison, type ExpectedFinding } from "./corpus-expectations.js";

const repoRoot = resolve(__dirname, "..");
const corpusRoot = join(repoRoot, "corpus");
const flowsDir = join(corpusRoot, "flows");
const bin = join(repoRoot, "bin/consentlint.js");
/** Per-state budget: enough for a loaded machine, short enough that the broken locator fails quickly. */
const STATE_TIMEOUT_MS = 20_000;

interface FlowExpected {
  description: string;
  steps: Record<string, ExpectedFinding[]>;
  error?: { step: string; contains: string };
}

interface CorpusFlow {
  /** Path relative to the corpus root, as results name their target (cwd is the corpus root). */
  target: string;
  file: string;
  flow: Flow;
  expected: FlowExpected;
}

/** Every flow file below `dir`, sorted, with the expected.json of its folder. */
function listFlows(dir: string): CorpusFlow[] {
  const out: CorpusFlow[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.flow\.(json|ya?ml)$/i.test(entry.name)) {
        const expectedPath = join(folder, "expected.json");
        if (!existsSync(expectedPath)) throw new Error(`${relative(repoRoot, full)} has no expected.json beside it`);
        out.push({
          target: relative(corpusRoot, full).split("\\").join("/"),
          file: full,
          flow: loadFlowFile(full),
          expected: JSON.parse(readFileSync(expectedPath, "utf8")) as FlowExpected,
        });
      }
    }
  };
  walk(dir);
  return out;
}

/** Every .html page below `dir`, sorted. */
function listPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.html?$/i.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

const flows = listFlows(flowsDir);
const byName = (name: string) => {
  const found = flows.find((f) => f.flow.name === name);
  if (!found) throw new Error(`no corpus flow named ${name}`);
  return found;
};

/** Steps the run must report: all of them, or up to and including the step expected to fail. */
function reportedSteps(f: CorpusFlow): string[] {
  const names = f.flow.steps.map((s) => s.name);
  return f.expected.error ? names.slice(0, names.indexOf(f.expected.error.step) + 1) : names;
}

function controlNamed(result: LintResultWithModel, name: string): Control {
  const control = result.model?.controls.find((c) => c.name.includes(name));
  if (!control)
    throw new Error(
      `no control named "${name}" in step ${result.step}; controls: ${result.model?.controls.map((c) => c.name).join(" | ")}`,
    );
  return control;
}

describe("corpus flows", () => {
  let report: LintReport & { results: LintResultWithModel[] };
  const byTarget = new Map<string, LintResultWithModel[]>();
  const stepResult = (f: CorpusFlow, step: string): LintResultWithModel => {
    const result = byTarget.get(f.target)?.find((r) => r.step === step);
    if (!result) throw new Error(`no result for ${f.target} step "${step}"`);
    return result;
  };

  beforeAll(async () => {
    report = await lint([flowsDir], {
      config: join(corpusRoot, "consentlint.config.json"),
      cwd: corpusRoot,
      concurrency: 2,
      timeout: STATE_TIMEOUT_MS,
      keepModels: true,
    });
    for (const r of report.results) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r]);
  }, 600_000);

  it("has at least 5 flows covering zh or de, a mobile viewport, a locale, a JSON flow file and a flow that ticks a box itself", () => {
    expect(flows.length).toBeGreaterThanOrEqual(5);
    expect(flows.some((f) => /^(zh|de)/.test(f.flow.locale ?? ""))).toBe(true);
    expect(
      flows.some((f) => f.flow.viewport === "mobile" || (typeof f.flow.viewport === "object" && f.flow.viewport.isMobile === true)),
    ).toBe(true);
    expect(flows.some((f) => f.flow.locale !== undefined)).toBe(true);
    expect(flows.some((f) => f.file.endsWith(".flow.json"))).toBe(true);
    expect(flows.some((f) => f.flow.steps.some((s) => s.actions.some((a) => "check" in a)))).toBe(true);
  });

  it("every expected.json lists exactly the flow's steps", () => {
    for (const f of flows) {
      expect(Object.keys(f.expected.steps), f.target).toEqual(f.flow.steps.map((s) => s.name));
      if (f.expected.error) expect(Object.keys(f.expected.steps), f.target).toContain(f.expected.error.step);
    }
  });

  it("lints every flow, and alone each page no flow file names as a step's page: the start pages are not linted alone, pages reached by a click are", () => {
    const stoodOn = new Set(flows.flatMap((f) => flowPages(f.flow)));
    const alone = listPages(flowsDir).filter((page) => !stoodOn.has(page));
    const aloneTargets = alone.map((page) => relative(corpusRoot, page).split("\\").join("/"));
    expect([...new Set(report.results.map((r) => r.target))].sort()).toEqual([...flows.map((f) => f.target), ...aloneTargets].sort());
    for (const f of flows)
      if (f.flow.urlIsFile) expect(aloneTargets, f.target).not.toContain(relative(corpusRoot, f.flow.url).split("\\").join("/"));
    for (const r of report.results) {
      if (aloneTargets.includes(r.target)) {
        expect(r.step, r.target).toBeUndefined();
        expect(r.error, r.target).toBeUndefined();
      } else {
        expect(typeof r.step, r.target).toBe("string");
      }
    }
    // A page linted alone here is one a step reaches by a click: the working flows stand on it too (linted twice);
    // the broken flow stops before its click, so linted alone is the only way its bill page is linted at all.
    for (const page of alone) {
      const owner = flows.find((f) => page.startsWith(dirname(f.file) + sep))!;
      const path = `/${relative(dirname(owner.file), page).split(sep).join("/")}`;
      const reached = (byTarget.get(owner.target) ?? []).some((r) => !r.error && !!r.url && new URL(r.url).pathname.endsWith(path));
      expect(reached, relative(corpusRoot, page)).toBe(owner.expected.error === undefined);
    }
  });

  it("reports each flow's steps once, in the file's order, with the flow's viewport and locale", () => {
    for (const f of flows) {
      const results = byTarget.get(f.target) ?? [];
      expect(
        results.map((r) => r.step),
        f.target,
      ).toEqual(reportedSteps(f));
      for (const r of results) {
        if (f.flow.locale) expect(r.locale, `${f.target} ${r.step}`).toBe(f.flow.locale);
        if (f.flow.viewport === "mobile")
          expect(r.viewport, `${f.target} ${r.step}`).toMatchObject({ width: 390, height: 844, isMobile: true });
        else if (typeof f.flow.viewport === "object")
          expect(r.viewport, `${f.target} ${r.step}`).toMatchObject({ width: f.flow.viewport.width, height: f.flow.viewport.height });
        else expect(r.viewport, `${f.target} ${r.step}`).toMatchObject({ width: 1280, height: 800 });
      }
    }
  });

  for (const f of flows) {
    describe(f.target, () => {
      for (const step of f.flow.steps.map((s) => s.name)) {
        if (!reportedSteps(f).includes(step)) continue;
        const failing = f.expected.error?.step === step;
        it(`step "${step}" ${failing ? "ends the flow with its error" : "gives exactly its expected findings"}`, () => {
          const result = stepResult(f, step);
          if (failing) {
            expect(result.error, `${f.target} step "${step}" should have failed`).toContain(f.expected.error!.contains);
            expect(result.findings).toEqual([]);
            return;
          }
          expect(result.error, `${f.target} step "${step}"`).toBeUndefined();
          const comparison = compareWithExpected(result as LintResult, {
            description: f.expected.description,
            findings: f.expected.steps[step] ?? [],
          });
          const problems = describeComparison(comparison, result);
          expect(problems, `${f.target} step "${step}": ${f.expected.description}\n${problems}`).toBe("");
        });
      }
    });
  }

  it("does not report a box the flow ticked itself, while untouched controls in the same state still count", () => {
    const checkout = byName("checkout-partner-ads-statement");
    const before = controlNamed(stepResult(checkout, "checkout"), "Email me offers");
    expect(before).toMatchObject({ checked: false, touchedByFlow: false });
    const ticked = stepResult(checkout, "details-entered");
    expect(controlNamed(ticked, "Email me offers")).toMatchObject({ checked: true, touchedByFlow: true });
    expect(ticked.passes.some((p) => p.ruleId === "pre-checked-opt-in" && p.text.includes("Email me offers"))).toBe(true);
    expect(ticked.findings.filter((x) => x.text.includes("Email me offers"))).toEqual([]);

    const cookies = byName("cookie-manage-options-switches");
    const adjusted = stepResult(cookies, "choices-adjusted");
    expect(controlNamed(adjusted, "Social media")).toMatchObject({ checked: true, touchedByFlow: true });
    expect(controlNamed(adjusted, "Personalised advertising")).toMatchObject({ checked: false, touchedByFlow: true });
    expect(controlNamed(adjusted, "Analytics")).toMatchObject({ checked: true, touchedByFlow: false });
    // Of the controls, only the one the flow left alone is reported; the layer's "Accept all" with no reject beside it is asymmetric-choice's.
    expect(adjusted.findings.filter((x) => x.ruleId !== "asymmetric-choice").map((x) => x.name)).toEqual(["Analytics"]);
    expect(adjusted.findings.filter((x) => x.ruleId === "asymmetric-choice").map((x) => x.text)).toEqual(["Accept all"]);
  });

  it("sees a box a script adds a second after the flow's click, without a waitFor", () => {
    const signup = byName("signup-delayed-marketing-box");
    const step = signup.flow.steps.find((s) => s.name === "personal-details")!;
    expect(step.actions.some((a) => "waitFor" in a)).toBe(false);
    expect(controlNamed(stepResult(signup, "personal-details"), "Angebote")).toMatchObject({ checked: true, touchedByFlow: false });
  });

  it("stops the broken-locator flow at its second step, naming step and locator and suggesting the page's button; step 1 is kept", () => {
    const broken = byName("broken-locator");
    const results = byTarget.get(broken.target) ?? [];
    expect(results.map((r) => r.step)).toEqual(["account", "bill"]);
    expect(results[0].error).toBeUndefined();
    expect(results[0].findings.map((x) => x.ruleId).sort()).toEqual(["bundled-consent", "pre-checked-opt-in"]);
    const error = results[1].error ?? "";
    expect(error).toContain('step 2 "bill"');
    expect(error).toContain('{ role: button, name: "Vew my bil" }');
    expect(error).toContain("broken-locator.flow.yaml:12");
    expect(error).toContain('Did you mean: button "View my bill"');
  });
});

describe("consentlint lint on a flow with a broken locator", () => {
  const target = "corpus/flows/broken-locator/broken-locator.flow.yaml";
  type Run = { status: number | null; stdout: string; stderr: string };
  const runCli = (args: string[]): Promise<Run> =>
    new Promise((done) => {
      execFile(
        process.execPath,
        [bin, "lint", target, "--timeout", "10000", ...args],
        { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "true" }, timeout: 120_000 },
        (error, stdout, stderr) => done({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
      );
    });
  let json: Run;
  let stylish: Run;

  // Both formats at once: each run waits out the broken locator.
  beforeAll(async () => {
    [json, stylish] = await Promise.all([runCli(["--format", "json"]), runCli([])]);
  }, 240_000);

  it("exits 2; the JSON report holds step 1's findings and step 2's error naming the step and locator", () => {
    expect(json.status, json.stderr).toBe(2);
    const report = JSON.parse(json.stdout) as LintReport;
    expect(report.results.map((x) => [x.target, x.step])).toEqual([
      [target, "account"],
      [target, "bill"],
    ]);
    expect(report.results[0].findings.map((x) => x.ruleId).sort()).toEqual(["bundled-consent", "pre-checked-opt-in"]);
    expect(report.results[0].error).toBeUndefined();
    expect(report.results[1].error).toMatch(/step 2 "bill" \(corpus\/flows\/broken-locator\/broken-locator\.flow\.yaml:12\)/);
    expect(report.results[1].error).toContain('click { role: button, name: "Vew my bil" }');
    expect(report.results[1].error).toContain('button "View my bill"');
  });

  it("exits 2 in stylish output too, printing the error with the step and locator after step 1's findings", () => {
    expect(stylish.status, stylish.stderr).toBe(2);
    const out = stylish.stdout;
    expect(out).toContain("pre-checked-opt-in");
    expect(out).toContain('"Vew my bil"');
    expect(out).toContain('"bill"');
    expect(out).toContain('button "View my bill"');
    expect(out.indexOf("pre-checked-opt-in")).toBeLessThan(out.indexOf("Vew my bil"));
  });
});
