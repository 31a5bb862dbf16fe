/**
 * `consentlint merge`: JSON reports of shards (or of separate runs) joined
 * into one report that any formatter renders.
 */
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";
import type { LintReport } from "../types.js";

export function readReport(path: string): LintReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `Report not found: ${path}.` : `${path} is not a JSON report: ${(error as Error).message}`);
  }
  const report = data as Partial<LintReport>;
  if (!report || typeof report !== "object" || report.tool?.name !== "consentlint" || !Array.isArray(report.results)) {
    throw new UsageError(`${path} is not a consentlint JSON report (run lint with --format json).`);
  }
  return report as LintReport;
}

export function mergeReports(reports: LintReport[]): LintReport {
  if (reports.length === 0) throw new UsageError("merge needs at least one report.");
  const ordered = [...reports].sort((a, b) => (a.shard?.current ?? 0) - (b.shard?.current ?? 0));
  const totals = new Set(ordered.map((r) => r.shard?.total).filter((t) => t !== undefined));
  if (totals.size > 1) throw new UsageError(`The reports come from different shard splits (${[...totals].join(", ")} shards).`);
  const seen = new Set<number>();
  for (const r of ordered) {
    if (r.shard && seen.has(r.shard.current)) throw new UsageError(`Shard ${r.shard.current}/${r.shard.total} is given twice.`);
    if (r.shard) seen.add(r.shard.current);
  }
  const results = ordered.flatMap((r) => r.results);
  const rules: Record<string, string> = {};
  for (const r of ordered) Object.assign(rules, r.rules ?? {});
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warn").length, 0);
  const startedAt =
    ordered
      .map((r) => r.startedAt)
      .filter(Boolean)
      .sort()[0] ?? new Date().toISOString();
  const browser = ordered.find((r) => r.browser)?.browser;
  return {
    tool: ordered[0].tool,
    results,
    summary: { targets: results.length, errors, warnings, durationMs: Math.max(...ordered.map((r) => r.summary?.durationMs ?? 0)) },
    rules,
    ...(browser ? { browser } : {}),
    startedAt,
  };
}
