/**
 * Snapshots: one file per linted state (target, flow step, viewport, locale)
 * holding its findings by fingerprint with their evidence and the aria
 * snapshot of the consent region. Sorted and stable, written atomically, and
 * only when the compared content changed, so two runs of an unchanged page
 * leave byte-identical files.
 *
 * What is compared (`content`) holds only what a person would call the
 * state's findings: measured numbers are rounded, and values that move
 * between runs of an unchanged page (boxes, durations, times) are kept
 * beside it in `measured`, with the run's facts in `meta`, out of the
 * comparison.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { compactBehaviour, type CompactBehaviour } from "../behaviour/compact.js";
import { UsageError } from "../errors.js";
import { ATOMIC_TEMP_FILE, writeFileAtomic } from "../output-file.js";
import { flowNameFromFile, isFlowFile } from "../flow/flow-file.js";
import type { Viewport } from "../model.js";
import type { Finding, LintResult } from "../types.js";

export type UpdateMode = "none" | "missing" | "changed" | "all";

export const SNAPSHOT_FORMAT = "consentlint-snapshot/1";

export interface SnapshotFinding {
  fingerprint: string;
  ruleId: string;
  severity: string;
  message: string;
  role: string;
  name: string;
  text: string;
  evidence: Finding["evidence"];
}

export interface SnapshotContent {
  findings: SnapshotFinding[];
  aria: string;
  /** What the state stored and sent, in a compact stable form (browser mode). */
  behaviour?: CompactBehaviour;
}

/** Which state a snapshot is of. */
export interface SnapshotState {
  /** The target as given on the command line when the snapshot was written. */
  target: string;
  /** For flows: the flow's name, which identifies its states wherever the flow file lives. */
  flow?: string;
  step?: string;
  /** Position of the step in its flow (0 first), for showing states in flow order. */
  stepIndex?: number;
  /** WIDTHxHEIGHT, or "" when not known. */
  viewport: string;
  locale: string;
}

export interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT;
  state: SnapshotState;
  /** Facts of the run that wrote the file. Kept out of the comparison. */
  meta: { tool: string; rules: Record<string, string>; url: string; viewport?: Viewport; recordedAt: string };
  content: SnapshotContent;
  /** Values that vary between runs of an unchanged page (boxes, durations), by fingerprint. Kept out of the comparison. */
  measured?: Record<string, Record<string, unknown>>;
}

export interface SnapshotStatus {
  status: "match" | "changed" | "written" | "missing";
  fixed: string[];
  introduced: string[];
  persisting: string[];
  file: string;
}

export function parseUpdateMode(value: string | undefined, ci: boolean): UpdateMode {
  if (value === undefined) return ci ? "none" : "missing";
  if (value === "none" || value === "missing" || value === "changed" || value === "all") return value;
  throw new UsageError(`--update-snapshots expects none, missing, changed or all, got "${value}".`);
}

function viewportKey(r: Pick<LintResult, "viewport">): string {
  return r.viewport ? `${r.viewport.width}x${r.viewport.height}` : "";
}

// ---------------------------------------------------------------------------
// Which state is which: identities that survive a different path or URL spelling

const flowNames = new Map<string, string>();

/**
 * The name of the flow a flow-file target runs: the flow's `name`, or its
 * file name without `.flow.json`/`.flow.yaml` when the file has none or
 * cannot be read (as when a report is compared on another machine).
 */
export function flowNameOfTarget(target: string): string {
  const known = flowNames.get(target);
  if (known !== undefined) return known;
  let name = flowNameFromFile(target);
  try {
    const data = parseYaml(readFileSync(resolve(target), "utf8")) as { name?: unknown } | null;
    if (data && typeof data.name === "string" && data.name.trim() !== "") name = data.name;
  } catch {
    // The file name stands in.
  }
  flowNames.set(target, name);
  return name;
}

/** A result as compared: the flow name may be carried by the result (reports read from snapshots carry it). */
export type IdentifiedResult = Pick<LintResult, "target" | "step" | "viewport" | "locale"> & { flow?: string };

/** The flow a result belongs to, or null for a single page. */
export function flowOf(r: IdentifiedResult): string | null {
  if (typeof r.flow === "string" && r.flow !== "") return r.flow;
  return isFlowFile(r.target) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(r.target) ? flowNameOfTarget(r.target) : null;
}

/**
 * What a target is, whatever way it was written: `flow:<name>` for flows;
 * for http(s) URLs the URL without its fragment (scheme and host in lower
 * case, default port dropped); for files the path with `..`, doubled and
 * back slashes tidied (file: URLs become paths).
 */
export function targetIdentity(r: IdentifiedResult): string {
  const flow = flowOf(r);
  if (flow !== null) return `flow:${flow}`;
  const t = r.target.trim();
  if (/^https?:\/\//i.test(t)) {
    try {
      const u = new URL(t);
      u.hash = "";
      return `url:${u.href}`;
    } catch {
      return `url:${t}`;
    }
  }
  let path = t;
  if (/^file:/i.test(t)) {
    try {
      path = fileURLToPath(t);
    } catch {
      path = t;
    }
  }
  path = path
    .replace(/\\/g, "/")
    .replace(/\/{2,}/g, "/")
    .replace(/(^|\/)(\.\/)+/g, "$1")
    .replace(/\/\.$/, "");
  return `file:${path}`;
}

/** The key a state is stored and matched under: target identity, step, viewport and locale. */
export function stateIdentity(r: IdentifiedResult): string {
  return [targetIdentity(r), r.step ?? "", viewportKey(r), r.locale ?? ""].join("\u241f");
}

/** The name people read for a state's target: the flow name, or the target as given. */
export function stateLabel(r: IdentifiedResult): string {
  return flowOf(r) ?? r.target;
}

export function snapshotFileName(r: IdentifiedResult): string {
  const hash = createHash("sha256").update(stateIdentity(r)).digest("hex").slice(0, 10);
  const flow = flowOf(r);
  const base = flow ?? r.target.replace(/^[a-z]+:\/\//i, "");
  const readable = `${base}${r.step ? `__${r.step}` : ""}`
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(-80);
  return `${readable || "state"}.${viewportKey(r) || "default"}${r.locale ? `.${r.locale}` : ""}.${hash}.json`;
}

// ---------------------------------------------------------------------------
// Stable content

/** Evidence keys whose values move between runs of an unchanged page: layout boxes, durations, times. */
export function isVolatileEvidenceKey(key: string): boolean {
  return (
    key === "box" ||
    key === "boxes" ||
    key === "screenshot" ||
    /(?:Ms|At|Time|Timestamp)$/.test(key) ||
    /^(?:duration|elapsed|time)/i.test(key)
  );
}

/** Rounds to two decimals after removing floating-point noise, so 8.124999999 and 8.125000001 agree. */
export function stableNumber(v: number): number {
  if (!Number.isFinite(v)) return v;
  const denoised = Math.round(v * 1e6) / 1e6;
  const rounded = Math.round(denoised * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function stableValue(v: unknown): unknown {
  if (typeof v === "number") return stableNumber(v);
  if (Array.isArray(v)) return v.map(stableValue);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const value = (v as Record<string, unknown>)[k];
      if (value !== undefined) out[k] = stableValue(value);
    }
    return out;
  }
  return v;
}

/** Evidence as compared: volatile keys out, numbers rounded, keys sorted. */
export function stableEvidence(evidence: Finding["evidence"]): Finding["evidence"] {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(evidence)) if (!isVolatileEvidenceKey(k)) kept[k] = v;
  return stableValue(kept) as Finding["evidence"];
}

function volatileEvidence(evidence: Finding["evidence"]): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(evidence).sort())
    if (isVolatileEvidenceKey(k) && evidence[k] !== undefined && k !== "screenshot") out[k] = evidence[k];
  return Object.keys(out).length > 0 ? out : null;
}

const byFingerprint = <T extends { fingerprint: string }>(a: T, b: T) =>
  a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;

/** Line endings and trailing spaces of the aria snapshot never make a difference. */
function stableAria(aria: string): string {
  return aria
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n+$/, "");
}

export function snapshotContent(result: Pick<LintResult, "findings" | "behaviour">, aria: string): SnapshotContent {
  const findings = result.findings
    .map((f) => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      role: f.role,
      name: f.name,
      text: f.text,
      evidence: stableEvidence(f.evidence),
    }))
    .sort(byFingerprint);
  return { findings, aria: stableAria(aria), ...(result.behaviour ? { behaviour: compactBehaviour(result.behaviour) } : {}) };
}

function measuredOf(result: Pick<LintResult, "findings">): Record<string, Record<string, unknown>> | null {
  const out: Record<string, Record<string, unknown>> = {};
  for (const f of [...result.findings].sort(byFingerprint)) {
    const v = volatileEvidence(f.evidence);
    if (v) out[f.fingerprint] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The compared part of a snapshot, as one string: equal strings, equal snapshots. */
export function comparedText(content: SnapshotContent): string {
  return JSON.stringify(content);
}

function serialise(file: SnapshotFile): string {
  return JSON.stringify(file, null, 2) + "\n";
}

// ---------------------------------------------------------------------------
// Files

export function readSnapshot(path: string): SnapshotFile | null {
  if (!existsSync(path)) return null;
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as SnapshotFile;
    return data.format === SNAPSHOT_FORMAT ? data : null;
  } catch {
    return null;
  }
}

const SNAPSHOT_FILE = /\.json$/;
/** A snapshot's temp file left by an interrupted write. */
const SNAPSHOT_TEMP_FILE = new RegExp(`\\.json${ATOMIC_TEMP_FILE.source}`);

/** Every snapshot in a folder (not below it), sorted by file name. */
export function readSnapshotDir(dir: string): { file: string; snapshot: SnapshotFile }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `Snapshot folder not found: ${dir}.` : `Cannot read the snapshot folder ${dir}: ${(error as Error).message}`,
    );
  }
  const out: { file: string; snapshot: SnapshotFile }[] = [];
  for (const name of names.filter((n) => SNAPSHOT_FILE.test(n)).sort()) {
    const snapshot = readSnapshot(join(dir, name));
    if (snapshot) out.push({ file: name, snapshot });
  }
  return out;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export class SnapshotStore {
  /** File name -> the target that recorded it in this run. */
  private seen = new Map<string, string>();
  /** Steps recorded so far per flow target (a flow's steps are recorded in order). */
  private steps = new Map<string, number>();

  constructor(
    readonly dir: string,
    readonly mode: UpdateMode,
    private readonly meta: { tool: string; rules: Record<string, string> },
  ) {
    if (mode !== "none") {
      mkdirSync(dir, { recursive: true });
      // Temp files of an interrupted run never became snapshots: clear them.
      for (const n of readdirSync(dir)) if (SNAPSHOT_TEMP_FILE.test(n)) rmSync(join(dir, n), { force: true });
    }
  }

  /**
   * Compares a state with its stored snapshot and writes it as the mode says:
   * `none` never writes (a missing snapshot is reported as missing);
   * `missing` writes only snapshots that do not exist; `changed` also
   * rewrites those whose compared content differs; `all` also refreshes the
   * tool and rule versions recorded in matching snapshots when they are out
   * of date. A state whose compared content is unchanged is never
   * rewritten for its time alone.
   */
  record(result: LintResult & { flow?: string }, aria: string): SnapshotStatus {
    const { name, stepIndex } = this.claim(result);
    const path = join(this.dir, name);
    const stored = readSnapshot(path);
    const content = snapshotContent(result, aria);
    const now = new Set(content.findings.map((f) => f.fingerprint));
    const before = new Set((stored?.content.findings ?? []).map((f) => f.fingerprint));
    const fixed = stored ? [...before].filter((f) => !now.has(f)).sort() : [];
    const introduced = stored ? [...now].filter((f) => !before.has(f)).sort() : [];
    const persisting = stored ? [...now].filter((f) => before.has(f)).sort() : [];
    const same = stored !== null && comparedText(stored.content) === comparedText(content);
    const flow = flowOf(result);
    const measured = measuredOf(result);
    const file: SnapshotFile = {
      format: SNAPSHOT_FORMAT,
      state: {
        target: result.target,
        ...(flow !== null ? { flow } : {}),
        ...(result.step !== undefined ? { step: result.step, stepIndex } : {}),
        viewport: viewportKey(result),
        locale: result.locale ?? "",
      },
      meta: {
        tool: this.meta.tool,
        rules: this.meta.rules,
        url: result.url,
        ...(result.viewport ? { viewport: result.viewport } : {}),
        recordedAt: new Date().toISOString(),
      },
      content,
      ...(measured ? { measured } : {}),
    };
    let status: SnapshotStatus["status"];
    if (!stored) {
      status = this.mode === "none" ? "missing" : "written";
      if (this.mode !== "none") writeFileAtomic(path, serialise(file));
    } else if (same) {
      status = "match";
      if (this.mode === "all" && metaOutOfDate(stored, file)) writeFileAtomic(path, serialise(file));
    } else {
      status = "changed";
      if (this.mode === "changed" || this.mode === "all") writeFileAtomic(path, serialise(file));
    }
    return { status, fixed, introduced, persisting, file: name };
  }

  /**
   * A state this run could not read (a flow step static mode cannot reach):
   * its stored snapshot, if any, is left as it is and not reported obsolete.
   */
  keep(result: LintResult & { flow?: string }): void {
    this.claim(result);
  }

  /** The state's snapshot file, taken for this state in this run; its position among its flow's steps. */
  private claim(result: LintResult & { flow?: string }): { name: string; stepIndex: number | undefined } {
    const name = snapshotFileName(result);
    const earlier = this.seen.get(name);
    if (earlier !== undefined && earlier !== result.target) {
      throw new UsageError(
        `${result.target} and ${earlier} have the same snapshot ${name} (${stateLabel(result)}${result.step ? `, step ${result.step}` : ""}): ` +
          `states are stored by flow name, step, viewport and locale, so two flows of one name cannot share a --snapshot-dir. Rename one flow or lint them into different folders.`,
      );
    }
    this.seen.set(name, result.target);
    const stateKey = `${result.target}\u241f${result.viewport ? `${result.viewport.width}x${result.viewport.height}` : ""}\u241f${result.locale ?? ""}`;
    const stepIndex = result.step !== undefined ? (this.steps.get(stateKey) ?? 0) : undefined;
    if (stepIndex !== undefined) this.steps.set(stateKey, stepIndex + 1);
    return { name, stepIndex };
  }

  /** Stored snapshots no state of this run matched. */
  obsolete(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((n) => SNAPSHOT_FILE.test(n) && !this.seen.has(n))
      .sort();
  }
}

/** The tool or rule versions recorded are not the ones of this run (paths and URLs, which differ between machines, do not count). */
function metaOutOfDate(stored: SnapshotFile, next: SnapshotFile): boolean {
  const facts = (f: SnapshotFile) => JSON.stringify([f.meta.tool, stableValue(f.meta.rules)]);
  return facts(stored) !== facts(next);
}
