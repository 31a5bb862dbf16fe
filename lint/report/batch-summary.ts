/**
 * A cross-site summary of a batch run: how many targets show each rule and
 * each pattern within it (purposes, hiding conditions, kinds of bundling),
 * and which targets they are.
 */
import type { Finding, LintReport } from "../types.js";
import { terminalSafe } from "./terminal-text.js";

/** Targets, named as given, in the order the report first lists them. */
export interface TargetSet {
  count: number;
  targets: string[];
}

export type PatternKind = "purpose" | "condition" | "bundling";

export interface PatternCount extends TargetSet {
  kind: PatternKind;
  value: string;
  findings: number;
}

export interface RuleCount extends TargetSet {
  ruleId: string;
  findings: number;
  errors: number;
  warnings: number;
  /** Most widespread first. */
  patterns: PatternCount[];
}

export interface FailedState {
  target: string;
  step?: string;
  error: string;
}

export interface BatchSummary {
  /** Distinct targets in the report. */
  targets: number;
  /** Targets with at least one state linted without an error (the base of the rates). */
  linted: number;
  withFindings: TargetSet;
  /** Targets whose every state was linted without an error and without findings. */
  clean: TargetSet;
  /** Targets with states that could not be linted. */
  failed: TargetSet & { states: FailedState[] };
  /** Targets where some rule could not decide something (incomplete). */
  undecided: TargetSet;
  /** Every rule that ran or reported, most widespread first. */
  rules: RuleCount[];
  /** Purposes across all rules, most widespread first. */
  purposes: PatternCount[];
}

/** Counts of findings and of targets under one key, keeping targets in report order. */
class Tally {
  private readonly findingsByKey = new Map<string, number>();
  private readonly targetsByKey = new Map<string, Set<string>>();

  add(key: string, target: string): void {
    this.findingsByKey.set(key, (this.findingsByKey.get(key) ?? 0) + 1);
    const set = this.targetsByKey.get(key) ?? new Set<string>();
    set.add(target);
    this.targetsByKey.set(key, set);
  }

  keys(): string[] {
    return [...this.targetsByKey.keys()];
  }

  findings(key: string): number {
    return this.findingsByKey.get(key) ?? 0;
  }

  targets(key: string, order: Map<string, number>): TargetSet {
    const targets = [...(this.targetsByKey.get(key) ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { count: targets.length, targets };
  }
}

function patternsOf(f: Finding): [PatternKind, string][] {
  const e = f.evidence;
  return [
    ...(e.purposes ?? []).map((p): [PatternKind, string] => ["purpose", p]),
    ...(e.conditions ?? []).map((c): [PatternKind, string] => ["condition", c]),
    ...(e.bundling ?? []).map((b): [PatternKind, string] => ["bundling", b]),
  ];
}

const KIND_ORDER: PatternKind[] = ["purpose", "condition", "bundling"];

function widestFirst<T extends TargetSet & { findings: number }>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => b.count - a.count || b.findings - a.findings || key(a).localeCompare(key(b));
}

function patternCounts(tally: Tally, order: Map<string, number>): PatternCount[] {
  return tally
    .keys()
    .map((key) => {
      const [kind, value] = JSON.parse(key) as [PatternKind, string];
      return { kind, value, findings: tally.findings(key), ...tally.targets(key, order) };
    })
    .sort(widestFirst((p) => `${KIND_ORDER.indexOf(p.kind)}${p.value}`));
}

function toSet(targets: Iterable<string>, order: Map<string, number>): TargetSet {
  const list = [...new Set(targets)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { count: list.length, targets: list };
}

export function summarizeBatch(report: LintReport): BatchSummary {
  const order = new Map<string, number>();
  for (const r of report.results) if (!order.has(r.target)) order.set(r.target, order.size);

  const linted = new Set<string>();
  const withFindings = new Set<string>();
  const failedTargets = new Set<string>();
  const undecided = new Set<string>();
  const failedStates: FailedState[] = [];
  const ruleTally = new Tally();
  const ruleSeverity = new Map<string, { errors: number; warnings: number }>();
  const patternTallies = new Map<string, Tally>();
  const purposeTally = new Tally();
  const ruleIds = new Set(Object.keys(report.rules));

  for (const r of report.results) {
    if (r.error) {
      failedTargets.add(r.target);
      failedStates.push({ target: r.target, ...(r.step !== undefined ? { step: r.step } : {}), error: r.error });
    } else {
      linted.add(r.target);
    }
    if (r.incomplete.length) undecided.add(r.target);
    for (const f of r.findings) {
      withFindings.add(r.target);
      ruleIds.add(f.ruleId);
      ruleTally.add(f.ruleId, r.target);
      const sev = ruleSeverity.get(f.ruleId) ?? { errors: 0, warnings: 0 };
      if (f.severity === "error") sev.errors += 1;
      else sev.warnings += 1;
      ruleSeverity.set(f.ruleId, sev);
      const tally = patternTallies.get(f.ruleId) ?? new Tally();
      patternTallies.set(f.ruleId, tally);
      for (const [kind, value] of patternsOf(f)) {
        tally.add(JSON.stringify([kind, value]), r.target);
        if (kind === "purpose") purposeTally.add(JSON.stringify([kind, value]), r.target);
      }
    }
  }

  const rules: RuleCount[] = [...ruleIds]
    .map((ruleId) => ({
      ruleId,
      findings: ruleTally.findings(ruleId),
      ...(ruleSeverity.get(ruleId) ?? { errors: 0, warnings: 0 }),
      ...ruleTally.targets(ruleId, order),
      patterns: patternCounts(patternTallies.get(ruleId) ?? new Tally(), order),
    }))
    .sort(widestFirst((r) => r.ruleId));

  const clean = [...order.keys()].filter((t) => linted.has(t) && !withFindings.has(t) && !failedTargets.has(t));
  return {
    targets: order.size,
    linted: linted.size,
    withFindings: toSet(withFindings, order),
    clean: toSet(clean, order),
    failed: { ...toSet(failedTargets, order), states: failedStates },
    undecided: toSet(undecided, order),
    rules,
    purposes: patternCounts(purposeTally, order),
  };
}

export interface BatchSummaryTextOptions {
  /** Targets named per line before "… and N more" (default 10). */
  maxListed?: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function percent(count: number, of: number): string {
  return of > 0 ? ` (${Math.round((count / of) * 100)}%)` : "";
}

function listTargets(set: TargetSet, max: number): string {
  const shown = set.targets.slice(0, max).map((t) => terminalSafe(t, 200));
  const more = set.count - shown.length;
  return shown.join(", ") + (more > 0 ? `, … and ${more} more` : "");
}

/** The summary as plain text for a terminal or a CI log. */
export function formatBatchSummary(summary: BatchSummary, opts: BatchSummaryTextOptions = {}): string {
  const max = Math.max(1, opts.maxListed ?? 10);
  const base = summary.linted;
  const out: string[] = [];
  out.push(
    `${plural(summary.targets, "target")}: ${summary.linted} linted, ${summary.withFindings.count} with findings, ${summary.clean.count} clean` +
      (summary.failed.count ? `, ${summary.failed.count} could not be linted` : ""),
  );
  out.push("");
  const width = Math.max(0, ...summary.rules.map((r) => r.ruleId.length));
  for (const rule of summary.rules) {
    const severities = [rule.errors ? plural(rule.errors, "error") : "", rule.warnings ? plural(rule.warnings, "warning") : ""]
      .filter(Boolean)
      .join(", ");
    out.push(
      `${rule.ruleId.padEnd(width)}  ${rule.count} of ${plural(base, "target")}${percent(rule.count, base)}` +
        (rule.findings ? `, ${plural(rule.findings, "finding")}${severities ? ` (${severities})` : ""}` : ""),
    );
    if (rule.count) out.push(`    targets: ${listTargets(rule, max)}`);
    for (const p of rule.patterns) {
      out.push(`    ${p.kind} ${terminalSafe(p.value, 80)}: ${plural(p.count, "target")}${percent(p.count, base)}: ${listTargets(p, max)}`);
    }
  }
  if (summary.purposes.length) {
    out.push("", "Purposes across rules:");
    for (const p of summary.purposes)
      out.push(`  ${terminalSafe(p.value, 80)}: ${plural(p.count, "target")}${percent(p.count, base)}: ${listTargets(p, max)}`);
  }
  if (summary.undecided.count) {
    out.push("", `Undecided items on ${plural(summary.undecided.count, "target")}: ${listTargets(summary.undecided, max)}`);
  }
  if (summary.failed.count) {
    out.push("", `Could not be linted (${summary.failed.states.length}):`);
    for (const s of summary.failed.states.slice(0, max)) {
      out.push(`  ${terminalSafe(s.target, 200)}${s.step ? ` › ${terminalSafe(s.step, 100)}` : ""}: ${terminalSafe(s.error, 300)}`);
    }
    if (summary.failed.states.length > max) out.push(`  … and ${summary.failed.states.length - max} more`);
  }
  return out.join("\n") + "\n";
}
