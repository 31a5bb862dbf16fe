/**
 * GitHub Actions workflow commands: each finding becomes an `::error` or
 * `::warning` annotation, on the element's line for local pages.
 */
import type { Finding, LintReport, LintResult } from "../types.js";
import { describeMeasures, describeState } from "./measures.js";
import { SourceLocator } from "./source-location.js";
import { terminalSafe } from "./terminal-text.js";

export interface GithubOptions {
  /** The workspace root that annotation paths are relative to. */
  cwd: string;
  /** Reads a local page's HTML; defaults to the file system. */
  readFile?: (file: string) => string;
}

/** Noncharacters and unpaired surrogates, which cannot be written to the log as UTF-8. */
const UNWRITABLE = /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes a command's message as the Actions runner expects. */
export function escapeData(text: string): string {
  return text.replace(UNWRITABLE, "").replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a command property value as the Actions runner expects. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(kind: "error" | "warning", properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${kind}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

function stateLabel(r: LintResult): string {
  let label = terminalSafe(r.target, 400);
  if (r.step) label += ` › ${terminalSafe(r.step, 200)}`;
  if (r.viewport) label += ` @ ${r.viewport.width}x${r.viewport.height}`;
  if (r.locale) label += ` ${terminalSafe(r.locale, 40)}`;
  return label;
}

function findingMessage(r: LintResult, f: Finding): string {
  const lines = [terminalSafe(f.message, 500)];
  if (f.text) lines.push(`Consent text: "${terminalSafe(f.text, 500)}"`);
  const measures = describeMeasures(f.evidence);
  if (measures) lines.push(`Measured: ${terminalSafe(measures, 300)}`);
  const state = describeState(f.evidence);
  if (state) lines.push(`State: ${terminalSafe(state, 300)}`);
  const who = [f.role, f.name ? `"${terminalSafe(f.name, 120)}"` : ""].filter(Boolean).join(" ");
  lines.push(`Element: ${who ? `${who} ` : ""}${terminalSafe(f.selector, 400)}`);
  lines.push(`Page: ${stateLabel(r)}${r.url && r.url !== r.target ? ` (${terminalSafe(r.url, 400)})` : ""}`);
  return lines.join("\n");
}

/** The report as workflow commands, one line per finding and per target that could not be linted, then a plain summary line. */
export function formatGithub(report: LintReport, opts: GithubOptions): string {
  const locator = new SourceLocator(opts.cwd, opts.readFile);
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.error) {
      const where = r.url ? locator.locate(r.url, "") : null;
      lines.push(
        command(
          "error",
          { file: where?.relativePath ?? undefined, title: "consentlint: page could not be linted" },
          `${stateLabel(r)}: ${terminalSafe(r.error, 1000)}`,
        ),
      );
    }
    for (const f of r.findings) {
      const where = r.url ? locator.locate(r.url, f.selector) : null;
      const file = where?.relativePath ?? undefined;
      const position = file !== undefined && where ? { line: where.line, col: where.found ? where.column : undefined } : {};
      lines.push(command(f.severity === "error" ? "error" : "warning", { file, ...position, title: f.ruleId }, findingMessage(r, f)));
    }
  }
  const { errors, warnings, targets } = report.summary;
  const failed = report.results.filter((r) => r.error).length;
  lines.push(
    `consentlint: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${targets} target${targets === 1 ? "" : "s"}${failed ? `; ${failed} could not be linted` : ""}`,
  );
  return lines.join("\n") + "\n";
}
