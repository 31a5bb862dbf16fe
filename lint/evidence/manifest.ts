/**
 * Evidence bundles: a manifest.json with the SHA-256 of every file, and its
 * verification. Changing, removing or adding any file makes verification fail
 * and names the file.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { UsageError } from "../errors.js";

export const MANIFEST_NAME = "manifest.json";
/** The manifest's own hash, so that a change to the manifest is caught too. */
export const MANIFEST_HASH_NAME = "manifest.json.sha256";

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface EvidenceManifest {
  format: "consentlint-evidence/1";
  tool: { name: "consentlint"; version: string };
  rules: Record<string, string>;
  browser: string | null;
  /** When the run started, UTC. */
  createdAt: string;
  commandLine: string[];
  /** The folder the command ran in, which relative paths in the command line and targets are relative to. */
  workingDirectory?: string;
  states: { target: string; step?: string; url: string; viewport?: unknown; locale?: string; capturedAt?: string; dir: string }[];
  files: ManifestFile[];
}

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Every file under dir except the manifest itself, as sorted POSIX paths. */
export function listBundleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.filter((p) => p !== MANIFEST_NAME && p !== MANIFEST_HASH_NAME).sort();
}

export function hashBundle(dir: string): ManifestFile[] {
  return listBundleFiles(dir).map((path) => ({ path, sha256: sha256File(join(dir, path)), bytes: statSync(join(dir, path)).size }));
}

export interface VerifyOutcome {
  ok: boolean;
  changed: string[];
  missing: string[];
  added: string[];
  checked: number;
  /** manifest.json no longer has the hash manifest.json.sha256 records (either may have been changed). */
  manifestMismatch?: boolean;
}

/**
 * Checks every file of a bundle against its manifest, and the manifest
 * against its recorded hash; with `expectedManifestSha256` (the value printed
 * when the bundle was written, kept elsewhere) also against that, so a
 * bundle whose manifest and hash were both rewritten is caught.
 */
export function verifyEvidence(dir: string, expectedManifestSha256?: string): VerifyOutcome {
  const manifestPath = join(dir, MANIFEST_NAME);
  if (!existsSync(manifestPath)) throw new UsageError(`${dir} has no ${MANIFEST_NAME}: not an evidence bundle written by --evidence.`);
  if (expectedManifestSha256 !== undefined) {
    if (!/^[0-9a-f]{64}$/i.test(expectedManifestSha256))
      throw new UsageError(
        `--manifest-sha256 expects the 64 hex digits printed when the bundle was written, got "${expectedManifestSha256}".`,
      );
    if (sha256File(manifestPath) !== expectedManifestSha256.toLowerCase())
      return { ok: false, changed: [MANIFEST_NAME], missing: [], added: [], checked: 0 };
  }
  const hashPath = join(dir, MANIFEST_HASH_NAME);
  if (!existsSync(hashPath)) return { ok: false, changed: [], missing: [MANIFEST_HASH_NAME], added: [], checked: 0 };
  const line = /^([0-9a-f]{64}) {2}manifest\.json\n?$/.exec(readFileSync(hashPath, "utf8"));
  // A hash file that is not "<sha256>  manifest.json" was changed itself.
  if (!line) return { ok: false, changed: [MANIFEST_HASH_NAME], missing: [], added: [], checked: 0 };
  if (line[1] !== sha256File(manifestPath)) {
    // The manifest and its recorded hash disagree: one of the two was changed, and nothing tells which.
    return { ok: false, changed: [MANIFEST_NAME, MANIFEST_HASH_NAME], missing: [], added: [], checked: 0, manifestMismatch: true };
  }
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as EvidenceManifest;
  } catch {
    return { ok: false, changed: [MANIFEST_NAME], missing: [], added: [], checked: 0 };
  }
  if (manifest.format !== "consentlint-evidence/1" || !Array.isArray(manifest.files)) {
    return { ok: false, changed: [MANIFEST_NAME], missing: [], added: [], checked: 0 };
  }
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const present = new Set(listBundleFiles(dir));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, file] of listed) {
    if (!present.has(path)) missing.push(path);
    else if (sha256File(join(dir, path)) !== file.sha256) changed.push(path);
  }
  const added = [...present].filter((p) => !listed.has(p));
  return { ok: changed.length + missing.length + added.length === 0, changed, missing, added, checked: listed.size };
}

export function formatVerify(dir: string, v: VerifyOutcome): string {
  if (v.ok) return `✔ ${dir}: all ${v.checked} files match manifest.json\n`;
  const lines = [`✖ ${dir}: the bundle does not match its manifest`];
  if (v.manifestMismatch) {
    lines.push(`  changed  ${MANIFEST_NAME} or ${MANIFEST_HASH_NAME}: the manifest no longer has the hash recorded for it`);
    return lines.join("\n") + "\n";
  }
  for (const p of v.changed) lines.push(`  changed  ${p}`);
  for (const p of v.missing) lines.push(`  missing  ${p}`);
  for (const p of v.added) lines.push(`  added    ${p}`);
  return lines.join("\n") + "\n";
}
