/**
 * SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning,
 * Azure DevOps, SARIF viewers). Local pages point at the element's line in
 * the HTML file; remote pages point at their URL.
 */
import { pathToFileURL } from "node:url";
import type { ArtifactLocation, Location, Log, Notification, ReportingDescriptor, Result } from "sarif";
import type { Finding, LintReport, LintResult, RuleMeta } from "../types.js";
import { describeMeasures, describeState } from "./measures.js";
import { SourceLocator } from "./source-location.js";
import { terminalSafe } from "./terminal-text.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const DEFAULT_INFORMATION_URI = "https://github.com/consentlint/consentlint";
/** Key of the finding's fingerprint in `partialFingerprints`; bumped only if the fingerprint's recipe changes. */
export const FINGERPRINT_KEY = "consentlint/v1";
const SRCROOT = "%SRCROOT%";

export interface SarifOptions {
  /** Directory that file locations are made relative to (the repository root in CI). */
  cwd: string;
  /** Meta of the rules that ran, in the order the log lists them. */
  rules: RuleMeta[];
  informationUri?: string;
  /** Reads a local page's HTML; defaults to the file system. */
  readFile?: (file: string) => string;
}

/** "PreCheckedOptIn" for "pre-checked-opt-in": SARIF's name is an identifier-like label. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
}

function sentence(text: string): string {
  const t = text.trim();
  return t === "" || /[.!?。！？]$/.test(t) ? t : `${t}.`;
}

/** The finding in plain words: its message, the consent text, what was measured and the control's state. */
export function sarifMessageText(f: Finding): string {
  const parts = [sentence(terminalSafe(f.message, 500))];
  if (f.text) parts.push(`Consent text: "${terminalSafe(f.text, 500)}".`);
  const measures = describeMeasures(f.evidence);
  if (measures) parts.push(sentence(`Measured: ${terminalSafe(measures, 300)}`));
  const state = describeState(f.evidence);
  if (state) parts.push(sentence(`State: ${terminalSafe(state, 300)}`));
  return parts.join(" ");
}

function helpMarkdown(meta: RuleMeta): string {
  const esc = (s: string) => s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
  const legal = meta.legal.map((l) => `- ${l.url ? `[${esc(l.id)}](${l.url})` : esc(l.id)}: ${esc(l.title)}`);
  return [esc(meta.fullDescription), "", "Legal basis:", ...legal, "", `[Rule documentation](${meta.docsUrl})`].join("\n");
}

function helpText(meta: RuleMeta): string {
  const legal = meta.legal.map((l) => `- ${l.id}: ${l.title}${l.url ? ` (${l.url})` : ""}`);
  return [meta.fullDescription, "", "Legal basis:", ...legal, "", `Documentation: ${meta.docsUrl}`].join("\n");
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.fullDescription },
    helpUri: meta.docsUrl,
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    defaultConfiguration: { level: meta.severity === "error" ? "error" : "warning" },
    properties: {
      tags: ["privacy", "consent", "dark-pattern"],
      version: meta.version,
      legal: meta.legal.map((l) => ({ ...l })),
    },
  };
}

/** A relative URI reference for a "/"-separated path: each segment percent-encoded. */
function relativeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function stateLabel(r: LintResult): string {
  return `${r.target}${r.step ? ` › ${r.step}` : ""}`;
}

class SarifBuilder {
  private readonly locator: SourceLocator;
  private readonly descriptors: ReportingDescriptor[];
  private readonly ruleIndex = new Map<string, number>();

  constructor(private readonly opts: SarifOptions) {
    this.locator = new SourceLocator(opts.cwd, opts.readFile);
    this.descriptors = [];
    for (const meta of opts.rules) this.addRule(meta.id, descriptor(meta));
  }

  private addRule(id: string, d: ReportingDescriptor): number {
    const existing = this.ruleIndex.get(id);
    if (existing !== undefined) return existing;
    this.descriptors.push(d);
    this.ruleIndex.set(id, this.descriptors.length - 1);
    return this.descriptors.length - 1;
  }

  /** Index of a rule in the log's rule list; rules missing from the given meta get a bare entry. */
  indexOf(ruleId: string): number {
    return this.addRule(ruleId, { id: ruleId });
  }

  rules(): ReportingDescriptor[] {
    return this.descriptors;
  }

  location(r: LintResult, selector: string | undefined): Location | undefined {
    if (!r.url) return undefined;
    const logicalLocations = selector ? [{ fullyQualifiedName: selector, kind: "element" }] : undefined;
    const source = this.locator.locate(r.url, selector ?? "");
    if (source === null) {
      return { physicalLocation: { artifactLocation: { uri: r.url } }, ...(logicalLocations ? { logicalLocations } : {}) };
    }
    const artifactLocation: ArtifactLocation =
      source.relativePath !== null
        ? { uri: relativeUri(source.relativePath), uriBaseId: SRCROOT }
        : { uri: pathToFileURL(source.file).href };
    const region = source.found ? { startLine: source.line, startColumn: source.column } : { startLine: 1 };
    return { physicalLocation: { artifactLocation, region }, ...(logicalLocations ? { logicalLocations } : {}) };
  }

  result(r: LintResult, f: Finding): Result {
    const location = this.location(r, f.selector);
    const viewport = r.viewport ?? f.evidence.viewport;
    return {
      ruleId: f.ruleId,
      ruleIndex: this.indexOf(f.ruleId),
      kind: "fail",
      level: f.severity === "error" ? "error" : "warning",
      message: { text: sarifMessageText(f) },
      ...(location ? { locations: [location] } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: {
        target: r.target,
        ...(r.step !== undefined ? { step: r.step } : {}),
        url: r.url,
        ...(viewport ? { viewport } : {}),
        ...(r.locale !== undefined ? { locale: r.locale } : {}),
        selector: f.selector,
        role: f.role,
        name: f.name,
        text: f.text,
        evidence: f.evidence,
        legal: f.legal,
      },
    };
  }

  notifications(r: LintResult): Notification[] {
    const out: Notification[] = [];
    const where = { target: r.target, ...(r.step !== undefined ? { step: r.step } : {}) };
    if (r.error) {
      const location = this.location(r, undefined);
      out.push({
        level: "error",
        message: { text: `${terminalSafe(stateLabel(r), 400)}: ${terminalSafe(r.error, 1000)}` },
        ...(location ? { locations: [location] } : {}),
        properties: { ...where, error: r.error },
      });
    }
    for (const i of r.incomplete) {
      const location = this.location(r, i.selector);
      out.push({
        level: "note",
        message: {
          text: `${terminalSafe(stateLabel(r), 400)}: undecided (${terminalSafe(i.reason, 100)}): ${terminalSafe(i.message, 500)}`,
        },
        associatedRule: { id: i.ruleId, index: this.indexOf(i.ruleId) },
        ...(location ? { locations: [location] } : {}),
        properties: {
          ...where,
          reason: i.reason,
          ...(i.selector !== undefined ? { selector: i.selector } : {}),
          ...(i.text !== undefined ? { text: i.text } : {}),
        },
      });
    }
    return out;
  }
}

function isoTime(ms: number): string | undefined {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** The report as a SARIF 2.1.0 log (one run), serialised with a trailing newline. */
export function formatSarif(report: LintReport, opts: SarifOptions): string {
  return JSON.stringify(buildSarif(report, opts), null, 2) + "\n";
}

/** The report as a SARIF 2.1.0 log object. */
export function buildSarif(report: LintReport, opts: SarifOptions): Log {
  const builder = new SarifBuilder(opts);
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const r of report.results) {
    for (const f of r.findings) results.push(builder.result(r, f));
    notifications.push(...builder.notifications(r));
  }
  const started = Date.parse(report.startedAt);
  const startTimeUtc = isoTime(started);
  const endTimeUtc = isoTime(started + report.summary.durationMs);
  const cwdUri = pathToFileURL(opts.cwd).href;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: opts.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: builder.rules(),
          },
        },
        invocations: [
          {
            executionSuccessful: !report.results.some((r) => r.error),
            ...(startTimeUtc ? { startTimeUtc } : {}),
            ...(endTimeUtc ? { endTimeUtc } : {}),
            toolExecutionNotifications: notifications,
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri.endsWith("/") ? cwdUri : `${cwdUri}/` } },
        columnKind: "utf16CodeUnits",
        results,
        properties: {
          ruleVersions: report.rules,
          targets: report.summary.targets,
          ...(report.browser ? { browser: report.browser } : {}),
          ...(report.shard ? { shard: report.shard } : {}),
        },
      },
    ],
  };
}
