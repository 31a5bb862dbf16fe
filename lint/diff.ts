/**
 * Comparing two runs by fingerprint: what was fixed, what was introduced,
 * what persists, and a verdict. States are matched by target, step, viewport
 * and locale, so the same URL linted a month apart compares.
 */
import type { Finding, LintReport, LintResult } from "./types.js";

export type Verdict = "fixed" | "partially-fixed" | "not-fixed" | "regressed" | "clean";

export interface DiffEntry extends Finding {
  target: string;
  step?: string;
  /** Rule version before and after, when it changed between the runs. */
  ruleVersionChanged?: { before: string; after: string };
}

export interface StateDiff {
  key: string;
  target: string;
  step?: string;
  fixed: DiffEntry[];
  introduced: DiffEntry[];
  persisting: DiffEntry[];
  verdict: Verdict;
  /** The state is only in one of the runs. */
  only?: "before" | "after";
}

export interface ReportDiff {
  fixed: DiffEntry[];
  introduced: DiffEntry[];
  persisting: DiffEntry[];
  verdict: Verdict;
  states: StateDiff[];
  /** Rules whose version differs between the runs: their findings may differ for that reason alone. */
  changedRules: { id: string; before: string; after: string }[];
}

export function stateKey(r: Pick<LintResult, "target" | "step" | "viewport" | "locale">): string {
  const vp = r.viewport ? `${r.viewport.width}x${r.viewport.height}` : "";
  return [r.target, r.step ?? "", vp, r.locale ?? ""].join("\u241f");
}

export function verdictOf(fixed: number, introduced: number, persisting: number): Verdict {
  if (introduced > 0) return "regressed";
  if (persisting > 0) return fixed > 0 ? "partially-fixed" : "not-fixed";
  if (fixed > 0) return "fixed";
  return "clean";
}

function entries(result: LintResult, findings: Finding[], changed: Map<string, { before: string; after: string }>): DiffEntry[] {
  return findings.map((f) => ({
    ...f,
    target: result.target,
    ...(result.step !== undefined ? { step: result.step } : {}),
    ...(changed.has(f.ruleId) ? { ruleVersionChanged: changed.get(f.ruleId)! } : {}),
  }));
}

export function diffReports(before: LintReport, after: LintReport): ReportDiff {
  const changedRules = Object.keys({ ...before.rules, ...after.rules })
    .filter((id) => before.rules?.[id] && after.rules?.[id] && before.rules[id] !== after.rules[id])
    .sort()
    .map((id) => ({ id, before: before.rules[id], after: after.rules[id] }));
  const changed = new Map(changedRules.map((c) => [c.id, { before: c.before, after: c.after }]));
  const beforeByKey = new Map(before.results.map((r) => [stateKey(r), r]));
  const afterByKey = new Map(after.results.map((r) => [stateKey(r), r]));
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])];
  const states: StateDiff[] = [];
  for (const key of keys) {
    const b = beforeByKey.get(key);
    const a = afterByKey.get(key);
    const ref = (a ?? b)!;
    const afterPrints = new Set((a?.findings ?? []).map((f) => f.fingerprint));
    const beforePrints = new Set((b?.findings ?? []).map((f) => f.fingerprint));
    // A state missing from the later run cannot show a fix: its findings are not compared.
    const fixed = b && a ? entries(b, b.findings.filter((f) => !afterPrints.has(f.fingerprint)), changed) : [];
    const persisting = b && a ? entries(a, a.findings.filter((f) => beforePrints.has(f.fingerprint)), changed) : [];
    const introduced = a ? entries(a, a.findings.filter((f) => !beforePrints.has(f.fingerprint)), changed) : [];
    states.push({
      key,
      target: ref.target,
      ...(ref.step !== undefined ? { step: ref.step } : {}),
      fixed,
      introduced,
      persisting,
      verdict: verdictOf(fixed.length, introduced.length, persisting.length),
      ...(!a ? { only: "before" as const } : !b ? { only: "after" as const } : {}),
    });
  }
  const fixed = states.flatMap((s) => s.fixed);
  const introduced = states.flatMap((s) => s.introduced);
  const persisting = states.flatMap((s) => s.persisting);
  return { fixed, introduced, persisting, verdict: verdictOf(fixed.length, introduced.length, persisting.length), states, changedRules };
}

/** The change log a person reads: FIXED / STILL PRESENT / NEW, per state. */
export function formatDiffText(diff: ReportDiff): string {
  const lines: string[] = [];
  const where = (e: DiffEntry) => `${e.target}${e.step ? ` / ${e.step}` : ""}`;
  const note = (e: DiffEntry) => (e.ruleVersionChanged ? ` (rule changed ${e.ruleVersionChanged.before} -> ${e.ruleVersionChanged.after}; this may explain it)` : "");
  for (const s of diff.states) {
    for (const e of s.fixed) lines.push(`FIXED          ${e.ruleId} on ${where(e)}: ${e.message}${note(e)}`);
    for (const e of s.persisting) lines.push(`STILL PRESENT  ${e.ruleId} on ${where(e)}: ${e.message}${note(e)}`);
    for (const e of s.introduced) lines.push(`NEW            ${e.ruleId} on ${where(e)}: ${e.message}${note(e)}`);
    if (s.only === "before") lines.push(`GONE           ${s.target}${s.step ? ` / ${s.step}` : ""}: not linted in the later run`);
  }
  for (const c of diff.changedRules) lines.push(`note: rule ${c.id} changed from ${c.before} to ${c.after} between the runs`);
  lines.push(`verdict: ${diff.verdict} (${diff.fixed.length} fixed, ${diff.persisting.length} still present, ${diff.introduced.length} new)`);
  return lines.join("\n") + "\n";
}

/** Exit code of `diff`: 0 when nothing persists and nothing was introduced. */
export function diffExitCode(diff: ReportDiff): number {
  return diff.persisting.length === 0 && diff.introduced.length === 0 ? 0 : 1;
}
