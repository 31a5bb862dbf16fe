import type { LintReport } from "../types.js";

/** The JSON report of interfaces.md; models kept for debugging are left out. */
export function formatJson(report: LintReport): string {
  const results = report.results.map((r) => {
    const { model: _model, ...rest } = r as typeof r & { model?: unknown };
    return rest;
  });
  return JSON.stringify({ ...report, results }, null, 2) + "\n";
}
