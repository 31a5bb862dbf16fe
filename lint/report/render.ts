/** Every output format by name, for the CLI and for callers rendering a report they already have. */
import type { LintReport, RuleMeta, Thresholds } from "../types.js";
import { formatCsv } from "./csv.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export const REPORT_FORMATS = ["stylish", "json", "sarif", "junit", "github", "csv", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats meant for programs: written to stdout alone, never with a progress bar or summary beside them. */
export const MACHINE_FORMATS: ReadonlySet<ReportFormat> = new Set(["json", "sarif", "junit", "csv"]);

export interface RenderOptions {
  /** Meta of the rules that ran (SARIF rule list, HTML names and legal references). */
  rules: RuleMeta[];
  /** Directory file locations are made relative to (SARIF, GitHub annotations). */
  cwd: string;
  color?: boolean;
  quiet?: boolean;
  thresholds?: Thresholds;
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderReport(report: LintReport, format: ReportFormat, opts: RenderOptions): string {
  switch (format) {
    case "json":
      return formatJson(report);
    case "sarif":
      return formatSarif(report, { cwd: opts.cwd, rules: opts.rules });
    case "junit":
      return formatJunit(report);
    case "github":
      return formatGithub(report, { cwd: opts.cwd });
    case "csv":
      return formatCsv(report);
    case "html":
      return formatHtml(report, { rules: opts.rules, thresholds: opts.thresholds });
    case "stylish":
      return formatStylish(report, { color: opts.color ?? false, quiet: opts.quiet ?? false });
  }
}
