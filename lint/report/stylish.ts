/** Terminal output a person can read: per target its findings with the consent text and measured values, then a summary. */
import { styleText } from "node:util";
import type { LintReport, LintResult } from "../types.js";
import { describeMeasures, describeState } from "./measures.js";
import { terminalSafe } from "./terminal-text.js";

type Style = Parameters<typeof styleText>[0];

export interface StylishOptions {
  color: boolean;
  /** Only error-severity findings (--quiet). */
  quiet: boolean;
}

function viewportLabel(r: LintResult): string {
  const parts: string[] = [];
  if (r.viewport) parts.push(`${r.viewport.width}x${r.viewport.height}${r.viewport.isMobile ? " mobile" : ""}`);
  if (r.locale) parts.push(r.locale);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

export function formatStylish(report: LintReport, opts: StylishOptions): string {
  const paint = (style: Style, text: string) => (opts.color ? styleText(style, text) : text);
  const out: string[] = [];
  let targetsWithFindings = 0;
  let failed = 0;
  let incompleteCount = 0;
  for (const r of report.results) {
    const findings = opts.quiet ? r.findings.filter((f) => f.severity === "error") : r.findings;
    incompleteCount += r.incomplete.length;
    if (!r.error && findings.length === 0) continue;
    const title = `${terminalSafe(r.target, 400)}${r.step ? ` › ${terminalSafe(r.step)}` : ""}${viewportLabel(r)}`;
    out.push(paint("underline", title));
    if (r.error) {
      failed += 1;
      out.push(`  ${paint("red", "fatal")}  ${terminalSafe(r.error, 600)}`);
    }
    if (findings.length) targetsWithFindings += 1;
    // What the page did that a person would have met (dialogs, pop-ups, downloads), beside what it is judged on.
    for (const n of r.notes ?? []) out.push(`  ${paint("dim", "note ")}  ${paint("dim", terminalSafe(n.message, 300))}`);
    for (const f of findings) {
      const sev = f.severity === "error" ? paint("red", "error") : paint("yellow", "warn ");
      out.push(`  ${sev}  ${paint("bold", f.ruleId.padEnd(20))} ${terminalSafe(f.message, 300)}`);
      const who = [f.role, f.name ? `"${terminalSafe(f.name, 80)}"` : ""].filter(Boolean).join(" ");
      out.push(`         ${paint("dim", `${who}${who ? "  " : ""}${terminalSafe(f.selector, 160)}`)}`);
      if (f.text) out.push(`         ${paint("cyan", `“${terminalSafe(f.text, 160)}”`)}`);
      const measures = describeMeasures(f.evidence);
      const state = describeState(f.evidence);
      if (measures) out.push(`         ${measures}`);
      if (state) out.push(`         ${paint("dim", state)}`);
    }
    out.push("");
  }
  const { errors, warnings, targets } = report.summary;
  const problems = errors + (opts.quiet ? 0 : warnings);
  const seconds = (report.summary.durationMs / 1000).toFixed(1);
  const extra = [
    failed ? `${failed} target${failed === 1 ? "" : "s"} could not be linted` : "",
    incompleteCount ? `${incompleteCount} undecided (incomplete)` : "",
  ]
    .filter(Boolean)
    .join(", ");
  if (problems === 0 && failed === 0) {
    out.push(
      paint("green", `✔ ${targets} target${targets === 1 ? "" : "s"} linted, no problems`) + `${extra ? ` (${extra})` : ""} in ${seconds}s`,
    );
  } else {
    const line = `✖ ${problems} problem${problems === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${opts.quiet ? 0 : warnings} warning${warnings === 1 ? "" : "s"}) in ${targetsWithFindings} of ${targets} targets${extra ? `; ${extra}` : ""} in ${seconds}s`;
    out.push(paint(errors > 0 || failed > 0 ? "red" : "yellow", line));
  }
  const snapshots = snapshotLine(report);
  if (snapshots) out.push(paint("dim", snapshots));
  return out.join("\n") + "\n";
}

/** With --snapshot-dir: how the states compared with their stored snapshots, and which snapshots no state matched. */
function snapshotLine(report: LintReport): string {
  const counts = new Map<string, number>();
  let fixed = 0;
  let introduced = 0;
  for (const r of report.results) {
    if (!r.snapshot) continue;
    counts.set(r.snapshot.status, (counts.get(r.snapshot.status) ?? 0) + 1);
    fixed += r.snapshot.fixed.length;
    introduced += r.snapshot.introduced.length;
  }
  const obsolete = report.obsoleteSnapshots ?? [];
  if (counts.size === 0 && obsolete.length === 0) return "";
  const statuses = ["match", "changed", "written", "missing"].filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  const parts = [`snapshots: ${statuses.join(", ") || "none compared"}`];
  if (fixed || introduced) parts.push(`${fixed} fixed, ${introduced} new against the baseline`);
  if (obsolete.length)
    parts.push(
      `${obsolete.length} obsolete (no state matched): ${obsolete
        .slice(0, 3)
        .map((o) => terminalSafe(o, 120))
        .join(", ")}${obsolete.length > 3 ? ", …" : ""}`,
    );
  return parts.join("; ");
}
