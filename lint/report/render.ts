/** Every output format by name, for the CLI and for callers rendering a report they already have. */
import type { LintReport, RuleMeta, Thresholds } from "../types.js";
import { formatCsv } from "./csv.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import type { ReportFormat } from "./formats.js";

export { REPORT_FORMATS, MACHINE_FORMATS, isReportFormat, type ReportFormat } from "./formats.js";

export interface RenderOptions {
  /** Meta of the rules that ran (SARIF rule list, HTML names and legal references). */
  rules: RuleMeta[];
  /** Directory file locations are made relative to (SARIF, GitHub annotations). */
  cwd: string;
  color?: boolean;
  quiet?: boolean;
  thresholds?: Thresholds;
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
