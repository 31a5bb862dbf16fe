/**
 * Snapshots: one file per linted state (target, flow step, viewport, locale)
 * holding its findings by fingerprint with their evidence and the aria
 * snapshot of the consent region. Sorted and stable, written atomically, and
 * only when the compared content changed, so two runs of an unchanged page
 * leave byte-identical files.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "./errors.js";
import type { Finding, LintResult } from "./types.js";

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
}

export interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT;
  /** Which state this is: compared by these keys. */
  state: { target: string; step?: string; viewport: string; locale: string };
  /** Kept out of the comparison. */
  meta: { tool: string; rules: Record<string, string>; url: string; recordedAt: string };
  content: SnapshotContent;
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

function viewportKey(r: LintResult): string {
  return r.viewport ? `${r.viewport.width}x${r.viewport.height}` : "";
}

export function snapshotFileName(r: LintResult): string {
  const key = [r.target, r.step ?? "", viewportKey(r), r.locale ?? ""].join("\u241f");
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 10);
  const readable = `${r.target}${r.step ? `__${r.step}` : ""}`.replace(/^[a-z]+:\/\//i, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(-80);
  return `${readable || "state"}.${viewportKey(r) || "default"}${r.locale ? `.${r.locale}` : ""}.${hash}.json`;
}

/** Rounds measured numbers so sub-pixel layout noise does not churn snapshots. */
function stableEvidence(evidence: Finding["evidence"]): Finding["evidence"] {
  const round = (v: unknown): unknown => {
    if (typeof v === "number") return Math.round(v * 100) / 100;
    if (Array.isArray(v)) return v.map(round);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = round((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return round(evidence) as Finding["evidence"];
}

export function snapshotContent(result: LintResult, aria: string): SnapshotContent {
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
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return { findings, aria };
}

function serialise(file: SnapshotFile): string {
  return JSON.stringify(file, null, 2) + "\n";
}

export function writeAtomic(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function readSnapshot(path: string): SnapshotFile | null {
  if (!existsSync(path)) return null;
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as SnapshotFile;
    return data.format === SNAPSHOT_FORMAT ? data : null;
  } catch {
    return null;
  }
}

export class SnapshotStore {
  private seen = new Set<string>();

  constructor(
    readonly dir: string,
    readonly mode: UpdateMode,
    private readonly meta: { tool: string; rules: Record<string, string> },
  ) {
    if (mode !== "none") {
      mkdirSync(dir, { recursive: true });
      // Temp files of an interrupted run never became snapshots: clear them.
      for (const n of readdirSync(dir)) if (/\.json\.\d+\.[a-z0-9]+\.tmp$/.test(n)) rmSync(join(dir, n), { force: true });
    }
  }

  /** Compares a state with its stored snapshot and writes it as the mode says. */
  record(result: LintResult, aria: string): SnapshotStatus {
    const name = snapshotFileName(result);
    this.seen.add(name);
    const path = join(this.dir, name);
    const stored = readSnapshot(path);
    const content = snapshotContent(result, aria);
    const now = new Set(content.findings.map((f) => f.fingerprint));
    const before = new Set((stored?.content.findings ?? []).map((f) => f.fingerprint));
    const fixed = stored ? [...before].filter((f) => !now.has(f)) : [];
    const introduced = stored ? [...now].filter((f) => !before.has(f)) : [];
    const persisting = stored ? [...now].filter((f) => before.has(f)) : [];
    const same = stored !== null && JSON.stringify(stored.content) === JSON.stringify(content);
    const file: SnapshotFile = {
      format: SNAPSHOT_FORMAT,
      state: { target: result.target, ...(result.step !== undefined ? { step: result.step } : {}), viewport: viewportKey(result), locale: result.locale ?? "" },
      meta: { tool: this.meta.tool, rules: this.meta.rules, url: result.url, recordedAt: new Date().toISOString() },
      content,
    };
    let status: SnapshotStatus["status"];
    if (!stored) {
      status = this.mode === "none" ? "missing" : "written";
      if (this.mode !== "none") writeAtomic(path, serialise(file));
    } else if (same) {
      status = "match";
    } else {
      status = "changed";
      if (this.mode === "changed" || this.mode === "all") {
        writeAtomic(path, serialise(file));
      }
    }
    return { status, fixed, introduced, persisting, file: name };
  }

  /** Stored snapshots no state of this run matched. */
  obsolete(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((n) => n.endsWith(".json") && !this.seen.has(n))
      .sort();
  }
}
