/**
 * Writing an evidence bundle (--evidence <dir>): per linted state the files
 * its mode can produce (in a browser: a full-page screenshot, each finding's
 * element in context, the rendered DOM, the aria snapshot and the request
 * log; without one: the page's HTML and its model) and the findings; then
 * report.json and manifest.json with the SHA-256 of every file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "../output-file.js";
import type { LintReport, LintResult } from "../types.js";
import { hashBundle, MANIFEST_HASH_NAME, MANIFEST_NAME, sha256File, type EvidenceManifest } from "./manifest.js";

/** One file of a state's evidence, by its path inside the state's folder. */
export interface EvidenceFile {
  path: string;
  content: string | Uint8Array;
}

/** What a state leaves in the bundle besides its findings. */
export interface StateEvidence {
  files: EvidenceFile[];
  /** Finding index -> the file (among `files`) picturing its element. */
  elementFiles?: Map<number, string>;
}

export function evidenceSlug(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "state"
  );
}

export class EvidenceWriter {
  private states: EvidenceManifest["states"] = [];
  private used = new Set<string>();

  constructor(readonly dir: string) {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new UsageError(`Evidence folder ${dir} is not empty. Give a new or empty folder so earlier evidence is not overwritten.`);
    }
    mkdirSync(dir, { recursive: true });
  }

  private stateDir(result: LintResult): string {
    const base = evidenceSlug(
      `${result.target}${result.step ? `-${result.step}` : ""}${result.viewport ? `-${result.viewport.width}x${result.viewport.height}` : ""}${result.locale ? `-${result.locale}` : ""}`,
    );
    const hash = createHash("sha256")
      .update(
        `${result.target}\u241f${result.step ?? ""}\u241f${result.viewport?.width}x${result.viewport?.height}\u241f${result.locale ?? ""}`,
      )
      .digest("hex")
      .slice(0, 8);
    let name = `${base}-${hash}`;
    for (let n = 2; this.used.has(name); n++) name = `${base}-${hash}-${n}`;
    this.used.add(name);
    return name;
  }

  /** Writes one state's files and its findings (which name their element pictures by file instead of carrying them inline). */
  addState(result: LintResult, evidence: StateEvidence, capturedAt: string): void {
    const name = this.stateDir(result);
    const dir = join(this.dir, "states", name);
    mkdirSync(dir, { recursive: true });
    for (const file of evidence.files) writeFileAtomic(join(dir, file.path), file.content);
    const elementFiles = evidence.elementFiles ?? new Map<number, string>();
    const findings = result.findings.map((f, i) => {
      const { screenshot: _inline, ...rest } = f;
      return elementFiles.has(i) ? { ...rest, screenshotFile: elementFiles.get(i) } : rest;
    });
    writeFileAtomic(join(dir, "findings.json"), JSON.stringify({ ...result, findings }, null, 2) + "\n");
    this.states.push({
      target: result.target,
      ...(result.step !== undefined ? { step: result.step } : {}),
      url: result.url,
      viewport: result.viewport,
      ...(result.locale ? { locale: result.locale } : {}),
      capturedAt,
      dir: `states/${name}`,
    });
  }

  /** Writes the report and the manifest; call once, after the run. */
  finish(report: LintReport, commandLine: string[]): void {
    writeFileAtomic(join(this.dir, "report.json"), JSON.stringify(report, null, 2) + "\n");
    const manifest: EvidenceManifest = {
      format: "consentlint-evidence/1",
      tool: report.tool,
      rules: report.rules,
      browser: report.browser ?? null,
      createdAt: report.startedAt,
      commandLine,
      workingDirectory: process.cwd(),
      states: this.states,
      files: hashBundle(this.dir),
    };
    const manifestPath = join(this.dir, MANIFEST_NAME);
    writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
    writeFileAtomic(join(this.dir, MANIFEST_HASH_NAME), `${sha256File(manifestPath)}  ${MANIFEST_NAME}\n`);
  }
}
