/**
 * Real consent libraries, installed from the npm registry (exact-pinned
 * devDependencies) and served from node_modules through the corpus config's
 * `mounts`, configured on small sites the way their READMEs show: defaults,
 * the dark-pattern options the libraries offer, site CSS, consent bundled
 * into a signup or checkout beside the banner, and flows that open the
 * second layer. Every state, linted in real Chromium, must give exactly the
 * findings its expected.json lists. Precision and recall per library and per
 * rule are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { lint } from "../lint/index.js";
import { loadFlowFile, type Flow } from "../lint/flow/index.js";
import type { LintReport, LintResult } from "../lint/types.js";
import {
  addToScores,
  compareWithExpected,
  describeComparison,
  describeScore,
  type Comparison,
  type Expected,
  type ExpectedFinding,
  type Score,
} from "./corpus-expectations.js";

const cmpRoot = resolve(__dirname, "../corpus/cmp");
const STATE_TIMEOUT_MS = 30_000;

/** One linted state: a page, or one step of a flow. */
interface CmpState {
  library: string;
  /** Result target (relative to the cmp folder) and step. */
  target: string;
  step?: string;
  name: string;
  expected: Expected;
}

const posix = (p: string) => p.split("\\").join("/");

function listStates(): CmpState[] {
  const states: CmpState[] = [];
  const libraries = readdirSync(cmpRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const library of libraries) {
    const walk = (dir: string) => {
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const flowFile = entries.find((e) => e.isFile() && /\.flow\.(json|ya?ml)$/i.test(e.name));
      const expectedPath = join(dir, "expected.json");
      if (flowFile) {
        const file = join(dir, flowFile.name);
        const flow: Flow = loadFlowFile(file);
        const expected = JSON.parse(readFileSync(expectedPath, "utf8")) as {
          description: string;
          steps: Record<string, ExpectedFinding[]>;
        };
        const target = posix(relative(cmpRoot, file));
        for (const step of flow.steps) {
          states.push({
            library,
            target,
            step: step.name,
            name: `${target} / ${step.name}`,
            expected: { description: expected.description, findings: expected.steps[step.name] ?? [] },
          });
        }
        return;
      }
      if (existsSync(expectedPath) && existsSync(join(dir, "index.html"))) {
        const target = posix(relative(cmpRoot, join(dir, "index.html")));
        states.push({
          library,
          target,
          name: posix(relative(cmpRoot, dir)),
          expected: JSON.parse(readFileSync(expectedPath, "utf8")) as Expected,
        });
      }
      for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
    };
    walk(join(cmpRoot, library));
  }
  return states;
}

const states = listStates();

describe("real consent libraries", () => {
  let report: LintReport;
  const comparisons = new Map<CmpState, Comparison>();
  const resultOf = (s: CmpState): LintResult | undefined => report.results.find((r) => r.target === s.target && r.step === s.step);

  beforeAll(async () => {
    report = await lint([cmpRoot], {
      config: join(cmpRoot, "consentlint.config.json"),
      cwd: cmpRoot,
      concurrency: 2,
      timeout: STATE_TIMEOUT_MS,
    });
  }, 900_000);

  afterAll(() => {
    if (comparisons.size === 0) return;
    const byLibrary = new Map<string, Map<string, Score>>();
    const byRule = new Map<string, Score>();
    for (const [state, c] of comparisons) {
      const scores = byLibrary.get(state.library) ?? new Map<string, Score>();
      byLibrary.set(state.library, scores);
      addToScores(scores, state.expected.findings, c);
      addToScores(byRule, state.expected.findings, c);
    }
    const lines = ["Real consent libraries: precision and recall"];
    for (const [library, scores] of byLibrary) lines.push(`  ${library.padEnd(24)} ${describeScore(scores.get("all")!)}`);
    for (const [rule, score] of [...byRule].sort()) lines.push(`  ${rule.padEnd(24)} ${describeScore(score)}`);
    console.log(lines.join("\n"));
  });

  it("has at least 8 libraries and 40 states over en, de and zh, with flows that open a second layer", () => {
    expect(new Set(states.map((s) => s.library)).size).toBeGreaterThanOrEqual(8);
    expect(states.length).toBeGreaterThanOrEqual(40);
    for (const lang of ["en", "de", "zh"])
      expect(
        states.some((s) => s.target.includes(`.${lang}/`)),
        lang,
      ).toBe(true);
    expect(states.some((s) => s.step !== undefined)).toBe(true);
  });

  it("lints every state and nothing else", () => {
    const key = (target: string, step?: string) => `${target}\u0000${step ?? ""}`;
    expect(report.results.map((r) => key(r.target, r.step)).sort()).toEqual(states.map((s) => key(s.target, s.step)).sort());
  });

  for (const state of states) {
    it(`${state.name} gives exactly its expected findings`, () => {
      const result = resultOf(state);
      expect(result, `no result for ${state.name}`).toBeDefined();
      expect(result!.error, state.name).toBeUndefined();
      const comparison = compareWithExpected(result!, state.expected);
      comparisons.set(state, comparison);
      const problems = describeComparison(comparison, result!);
      expect(problems, `${state.name}: ${state.expected.description}\n${problems}`).toBe("");
    });
  }
});
