/**
 * Comparing two runs by fingerprint: what was fixed, what was introduced,
 * what persists, and a verdict, per state and overall.
 *
 * The runs are JSON reports or snapshot folders. States are matched by
 * target, step, viewport and locale, in this order of trust:
 *   1. the target exactly as given;
 *   2. the target's identity: a flow's name (so the same flow matches
 *      wherever its file lives), a URL without its fragment and with scheme
 *      and host in lower case, a file path without `..` or doubled slashes;
 *   3. for page files, the path below the folder all of a run's pages share
 *      (`site-v1/a/b.html` matches `site-v2/a/b.html`);
 *   4. when what is left on each side is one target, those two.
 * A state found in one run only is listed, and never counted as fixed.
 */
import { readReport } from "../run/merge.js";
import { isDirectory, readSnapshotDir, stateIdentity, stateLabel, targetIdentity, type IdentifiedResult } from "./snapshot.js";
import type { Finding, LintReport, LintResult } from "../types.js";
import { UsageError } from "../errors.js";

export type Verdict = "fixed" | "partially-fixed" | "not-fixed" | "regressed" | "clean";

export interface DiffEntry extends Finding {
  target: string;
  step?: string;
  /** Rule version before and after, when it changed between the runs. */
  ruleVersionChanged?: { before: string; after: string };
  /** The rule did not run in the earlier run. */
  ruleNew?: true;
  /** One of the runs could not lint the state: the finding is counted as still present, since nothing shows it fixed. */
  unverified?: true;
}

export interface StateDiff {
  key: string;
  /** The target in the later run (the earlier one when the state is gone). */
  target: string;
  /** The target in the earlier run, when it was given differently. */
  beforeTarget?: string;
  /** The flow's name, for flows. */
  flow?: string;
  step?: string;
  fixed: DiffEntry[];
  introduced: DiffEntry[];
  persisting: DiffEntry[];
  verdict: Verdict;
  /** The state is only in one of the runs. */
  only?: "before" | "after";
  /** How the states were paired, when not by the target as given. */
  matchedBy?: "identity" | "relative-path" | "single-target";
  /** The state could not be linted in that run: its findings are not compared. */
  error?: { before?: string; after?: string };
}

export interface ReportDiff {
  fixed: DiffEntry[];
  introduced: DiffEntry[];
  persisting: DiffEntry[];
  verdict: Verdict;
  states: StateDiff[];
  /** Rules whose version differs between the runs: their findings may differ for that reason alone. */
  changedRules: { id: string; before: string; after: string }[];
  /** Per target (page or flow): its verdict over all its states. */
  targets: Omit<TargetDiff, "states">[];
  /** Rules that ran in only one of the runs. */
  addedRules?: string[];
  removedRules?: string[];
}

/** A result as the diff reads it: a report's result, or a state read from a snapshot folder (which names its flow). */
type DiffResult = LintResult & { flow?: string };
type DiffReport = Omit<LintReport, "results"> & { results: DiffResult[] };

function viewportKey(r: Pick<LintResult, "viewport">): string {
  return r.viewport ? `${r.viewport.width}x${r.viewport.height}` : "";
}

export function stateKey(r: Pick<LintResult, "target" | "step" | "viewport" | "locale">): string {
  return [r.target, r.step ?? "", viewportKey(r), r.locale ?? ""].join("\u241f");
}

function restKey(r: IdentifiedResult): string {
  return [r.step ?? "", viewportKey(r), r.locale ?? ""].join("\u241f");
}

export function verdictOf(fixed: number, introduced: number, persisting: number): Verdict {
  if (introduced > 0) return "regressed";
  if (persisting > 0) return fixed > 0 ? "partially-fixed" : "not-fixed";
  if (fixed > 0) return "fixed";
  return "clean";
}

interface RuleChanges {
  changed: Map<string, { before: string; after: string }>;
  added: Set<string>;
}

function entries(result: DiffResult, findings: Finding[], rules: RuleChanges): DiffEntry[] {
  return findings.map((f) => ({
    ...f,
    target: result.target,
    ...(result.step !== undefined ? { step: result.step } : {}),
    ...(rules.changed.has(f.ruleId) ? { ruleVersionChanged: rules.changed.get(f.ruleId)! } : {}),
    ...(rules.added.has(f.ruleId) ? { ruleNew: true as const } : {}),
  }));
}

// ---------------------------------------------------------------------------
// Pairing states

type Pair = { before?: DiffResult; after?: DiffResult; matchedBy?: StateDiff["matchedBy"] };

/** Folder of a path ("" when none). */
function folderOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** The deepest folder all the given paths are in. */
function commonFolder(paths: string[]): string {
  if (paths.length === 0) return "";
  let prefix = folderOf(paths[0]);
  for (const p of paths) while (prefix !== "" && !p.startsWith(prefix)) prefix = folderOf(prefix.slice(0, -1));
  return prefix;
}

function filePath(r: DiffResult): string | null {
  const id = targetIdentity(r);
  return id.startsWith("file:") ? id.slice(5) : null;
}

/** Pairs what is left on both sides by one key; keys that are not unique on a side are left alone. */
function pairBy(
  left: DiffResult[],
  right: DiffResult[],
  keys: { before: (r: DiffResult) => string | null; after: (r: DiffResult) => string | null },
  how: Pair["matchedBy"],
  pairs: Pair[],
): [DiffResult[], DiffResult[]] {
  const group = (list: DiffResult[], key: (r: DiffResult) => string | null) => {
    const m = new Map<string, DiffResult[]>();
    for (const r of list) {
      const k = key(r);
      if (k !== null) m.set(k, [...(m.get(k) ?? []), r]);
    }
    return m;
  };
  const lm = group(left, keys.before);
  const rm = group(right, keys.after);
  const used = new Set<DiffResult>();
  for (const [k, ls] of lm) {
    const rs = rm.get(k);
    if (!rs || ls.length !== 1 || rs.length !== 1) continue;
    pairs.push({ before: ls[0], after: rs[0], ...(how ? { matchedBy: how } : {}) });
    used.add(ls[0]).add(rs[0]);
  }
  return [left.filter((r) => !used.has(r)), right.filter((r) => !used.has(r))];
}

export function pairStates(before: DiffResult[], after: DiffResult[]): Pair[] {
  const pairs: Pair[] = [];
  const both = (key: (r: DiffResult) => string | null) => ({ before: key, after: key });
  let [b, a] = pairBy(before, after, both(stateKey), undefined, pairs);
  [b, a] = pairBy(b, a, both(stateIdentity), "identity", pairs);
  // Page files below the folder each run's pages share.
  const below = (run: DiffResult[]) => {
    const paths = [...new Set(run.map(filePath).filter((p): p is string => p !== null))];
    const root = paths.length > 1 ? commonFolder(paths) : null;
    return (r: DiffResult) => {
      const p = filePath(r);
      return p === null || root === null ? null : [p.slice(root.length), restKey(r)].join("\u241f");
    };
  };
  [b, a] = pairBy(b, a, { before: below(before), after: below(after) }, "relative-path", pairs);
  const targets = (list: DiffResult[]) => new Set(list.map(targetIdentity));
  if (targets(b).size === 1 && targets(a).size === 1) [b, a] = pairBy(b, a, both(restKey), "single-target", pairs);
  for (const r of b) pairs.push({ before: r });
  for (const r of a) pairs.push({ after: r });
  // In the later run's order; states gone from it last, in the earlier run's order.
  const position = (p: Pair) => (p.after ? after.indexOf(p.after) : after.length + before.indexOf(p.before!));
  return pairs.sort((x, y) => position(x) - position(y));
}

// ---------------------------------------------------------------------------
// The diff

function ruleChanges(
  before: DiffReport,
  after: DiffReport,
): { list: ReportDiff["changedRules"]; added: string[]; removed: string[]; changes: RuleChanges } {
  const b = before.rules ?? {};
  const a = after.rules ?? {};
  const list = Object.keys({ ...b, ...a })
    .filter((id) => b[id] && a[id] && b[id] !== a[id])
    .sort()
    .map((id) => ({ id, before: b[id], after: a[id] }));
  // Only when both runs say which rules ran can a rule be called new or gone.
  const known = Object.keys(b).length > 0 && Object.keys(a).length > 0;
  const added = known
    ? Object.keys(a)
        .filter((id) => !b[id])
        .sort()
    : [];
  const removed = known
    ? Object.keys(b)
        .filter((id) => !a[id])
        .sort()
    : [];
  return {
    list,
    added,
    removed,
    changes: { changed: new Map(list.map((c) => [c.id, { before: c.before, after: c.after }])), added: new Set(added) },
  };
}

export function diffReports(before: DiffReport, after: DiffReport): ReportDiff {
  const rules = ruleChanges(before, after);
  const states: StateDiff[] = [];
  for (const { before: b, after: a, matchedBy } of pairStates(before.results, after.results)) {
    const ref = (a ?? b)!;
    const comparable = Boolean(b && a && !b.error && !a.error);
    const afterPrints = new Set((a?.findings ?? []).map((f) => f.fingerprint));
    const beforePrints = new Set((b?.findings ?? []).map((f) => f.fingerprint));
    // A state missing from the later run cannot show a fix: its findings are not compared.
    // A state one run could not lint cannot either: the findings the other run saw count as still present, unverified.
    const failedSide = b && a && !comparable ? (a.error ? b : a) : null;
    const fixed = comparable
      ? entries(
          b!,
          b!.findings.filter((f) => !afterPrints.has(f.fingerprint)),
          rules.changes,
        )
      : [];
    const persisting = comparable
      ? entries(
          a!,
          a!.findings.filter((f) => beforePrints.has(f.fingerprint)),
          rules.changes,
        )
      : failedSide && !failedSide.error
        ? entries(failedSide, failedSide.findings, rules.changes).map((e) => ({ ...e, unverified: true as const }))
        : [];
    const introduced =
      a && !a.error && (comparable || !b)
        ? entries(
            a,
            a.findings.filter((f) => !beforePrints.has(f.fingerprint)),
            rules.changes,
          )
        : [];
    const flow = targetIdentity(ref).startsWith("flow:") ? stateLabel(ref) : undefined;
    const error = { ...(b?.error ? { before: b.error } : {}), ...(a?.error ? { after: a.error } : {}) };
    states.push({
      key: stateIdentity(ref),
      target: ref.target,
      ...(b && a && b.target !== a.target ? { beforeTarget: b.target } : {}),
      ...(flow !== undefined ? { flow } : {}),
      ...(ref.step !== undefined ? { step: ref.step } : {}),
      fixed,
      introduced,
      persisting,
      verdict: verdictOf(fixed.length, introduced.length, persisting.length),
      ...(!a ? { only: "before" as const } : !b ? { only: "after" as const } : {}),
      ...(matchedBy ? { matchedBy } : {}),
      ...(Object.keys(error).length > 0 ? { error } : {}),
    });
  }
  const fixed = states.flatMap((s) => s.fixed);
  const introduced = states.flatMap((s) => s.introduced);
  const persisting = states.flatMap((s) => s.persisting);
  const diff: ReportDiff = {
    fixed,
    introduced,
    persisting,
    verdict: verdictOf(fixed.length, introduced.length, persisting.length),
    states,
    targets: [],
    changedRules: rules.list,
    ...(rules.added.length > 0 ? { addedRules: rules.added } : {}),
    ...(rules.removed.length > 0 ? { removedRules: rules.removed } : {}),
  };
  diff.targets = targetsOf(diff).map(({ states: _states, ...t }) => t);
  return diff;
}

// ---------------------------------------------------------------------------
// Reading the two sides

function parseViewport(key: string): LintResult["viewport"] {
  const m = /^(\d+)x(\d+)$/.exec(key);
  if (!m) return undefined;
  return { width: Number(m[1]), height: Number(m[2]), deviceScaleFactor: 1, isMobile: false };
}

/** A snapshot folder read as a report: one result per stored state, findings with their evidence. */
export function reportFromSnapshotDir(dir: string): DiffReport {
  // States of one target together, a flow's steps in flow order.
  const snaps = readSnapshotDir(dir).sort((a, b) => {
    const ka = [a.snapshot.state.flow ?? a.snapshot.state.target, a.snapshot.state.viewport, a.snapshot.state.locale].join("\u241f");
    const kb = [b.snapshot.state.flow ?? b.snapshot.state.target, b.snapshot.state.viewport, b.snapshot.state.locale].join("\u241f");
    return ka < kb ? -1 : ka > kb ? 1 : (a.snapshot.state.stepIndex ?? 0) - (b.snapshot.state.stepIndex ?? 0) || (a.file < b.file ? -1 : 1);
  });
  const rules: Record<string, string> = {};
  let tool = "";
  let startedAt = "";
  const results: DiffResult[] = snaps.map(({ snapshot: s }) => {
    for (const [id, v] of Object.entries(s.meta.rules ?? {})) rules[id] ??= v;
    tool ||= s.meta.tool;
    if (!startedAt || s.meta.recordedAt < startedAt) startedAt = s.meta.recordedAt;
    const viewport = s.meta.viewport ?? parseViewport(s.state.viewport);
    return {
      target: s.state.target,
      ...(s.state.flow ? { flow: s.state.flow } : {}),
      ...(s.state.step !== undefined ? { step: s.state.step } : {}),
      url: s.meta.url,
      ...(viewport ? { viewport } : {}),
      ...(s.state.locale ? { locale: s.state.locale } : {}),
      findings: s.content.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity === "warn" ? ("warn" as const) : ("error" as const),
        message: f.message,
        selector: "",
        role: f.role,
        name: f.name,
        text: f.text,
        evidence: f.evidence,
        legal: [],
        fingerprint: f.fingerprint,
      })),
      passes: [],
      incomplete: [],
      inapplicable: [],
    };
  });
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warn").length, 0);
  return {
    tool: { name: "consentlint", version: tool },
    results,
    summary: { targets: results.length, errors, warnings, durationMs: 0 },
    rules,
    startedAt,
  };
}

/** One side of `consentlint diff`: a JSON report file, or a snapshot folder. */
export function readDiffInput(path: string): DiffReport {
  if (isDirectory(path)) {
    const report = reportFromSnapshotDir(path);
    if (report.results.length === 0)
      throw new UsageError(`${path} holds no consentlint snapshots (*.json written by lint --snapshot-dir).`);
    return report;
  }
  return readReport(path);
}

// ---------------------------------------------------------------------------
// Output

/** One target (a page or a flow) across the two runs, with the verdict of its states together. */
export interface TargetDiff {
  /** The flow name, or the target as given in the later run (the earlier one when gone). */
  label: string;
  target: string;
  beforeTarget?: string;
  matchedBy?: StateDiff["matchedBy"];
  verdict: Verdict;
  fixed: number;
  introduced: number;
  persisting: number;
  states: StateDiff[];
}

function labelOf(s: StateDiff): string {
  return s.flow ?? s.target;
}

/** States grouped by target, in the order they first appear. */
export function targetsOf(diff: ReportDiff): TargetDiff[] {
  const groups = new Map<string, StateDiff[]>();
  for (const s of diff.states) {
    const key = `${labelOf(s)}\u241f${s.beforeTarget ?? ""}\u241f${s.target}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((states) => {
    const first = states[0];
    const fixed = states.reduce((n, s) => n + s.fixed.length, 0);
    const introduced = states.reduce((n, s) => n + s.introduced.length, 0);
    const persisting = states.reduce((n, s) => n + s.persisting.length, 0);
    return {
      label: labelOf(first),
      target: first.target,
      ...(first.beforeTarget !== undefined ? { beforeTarget: first.beforeTarget } : {}),
      ...(first.matchedBy ? { matchedBy: first.matchedBy } : {}),
      verdict: verdictOf(fixed, introduced, persisting),
      fixed,
      introduced,
      persisting,
      states,
    };
  });
}

function where(s: StateDiff): string {
  return `${labelOf(s)}${s.step ? ` / ${s.step}` : ""}`;
}

/** The start of a consent text, at most 56 columns wide (CJK characters count two). */
function snippet(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  let width = 0;
  let out = "";
  for (const ch of t) {
    const w = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
    if (width + w > 55) return `${out}…`;
    out += ch;
    width += w;
  }
  return out;
}

function pairedBy(t: TargetDiff): string {
  if (!t.matchedBy) return "";
  if (t.matchedBy === "identity") return t.label !== t.target ? ", paired by flow name" : ", paired by normalised target";
  return t.matchedBy === "relative-path" ? ", paired by path below each run's folder" : ", paired as the only target of each run";
}

/** The change log a person reads: FIXED / STILL PRESENT / NEW, per target and state, then the verdict. */
export function formatDiffText(diff: ReportDiff): string {
  const lines: string[] = [];
  const note = (e: DiffEntry) =>
    e.unverified
      ? " (one run could not lint this state, so nothing shows it fixed)"
      : e.ruleVersionChanged
        ? ` (rule changed ${e.ruleVersionChanged.before} -> ${e.ruleVersionChanged.after} between the runs: this may explain it)`
        : e.ruleNew
          ? " (rule did not run in the earlier run: this may explain it)"
          : "";
  const line = (tag: string, e: DiffEntry, s: StateDiff) => {
    const text = e.text ? ` “${snippet(e.text)}”` : "";
    return `${tag.padEnd(14)} ${e.ruleId} on ${where(s)}: ${e.message}${text}${note(e)}`;
  };
  const targets = targetsOf(diff);
  for (const t of targets) {
    if (t.beforeTarget !== undefined) lines.push(`${t.label}: ${t.beforeTarget} -> ${t.target}${pairedBy(t)}`);
    for (const s of t.states) {
      for (const e of s.fixed) lines.push(line("FIXED", e, s));
      for (const e of s.persisting) lines.push(line(e.unverified ? "UNVERIFIED" : "STILL PRESENT", e, s));
      for (const e of s.introduced) lines.push(line("NEW", e, s));
      if (s.error?.after) lines.push(`${"NOT LINTED".padEnd(14)} ${where(s)} in the later run: ${s.error.after}`);
      if (s.error?.before && !s.error.after) lines.push(`${"NOT LINTED".padEnd(14)} ${where(s)} in the earlier run: ${s.error.before}`);
      if (s.only === "before") lines.push(`${"GONE".padEnd(14)} ${where(s)}: not linted in the later run`);
      if (s.only === "after" && s.introduced.length === 0) lines.push(`${"ADDED".padEnd(14)} ${where(s)}: not linted in the earlier run`);
    }
  }
  for (const c of diff.changedRules) lines.push(`note: rule ${c.id} changed from ${c.before} to ${c.after} between the runs`);
  for (const id of diff.addedRules ?? []) lines.push(`note: rule ${id} did not run in the earlier run`);
  for (const id of diff.removedRules ?? []) lines.push(`note: rule ${id} did not run in the later run`);
  if (targets.length > 1) for (const t of targets) lines.push(`${t.label}: ${t.verdict}`);
  lines.push(
    `verdict: ${diff.verdict} (${diff.fixed.length} fixed, ${diff.persisting.length} still present, ${diff.introduced.length} new)`,
  );
  return lines.join("\n") + "\n";
}

/** Exit code of `diff`: 0 when nothing persists and nothing was introduced. */
export function diffExitCode(diff: ReportDiff): number {
  return diff.persisting.length === 0 && diff.introduced.length === 0 ? 0 : 1;
}
