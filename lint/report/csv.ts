/**
 * CSV output (RFC 4180, header row, CRLF line ends) for spreadsheets: one row
 * per finding, and one row for each linted state without findings, so every
 * target appears.
 */
import type { Evidence, Finding, LintReport, LintResult } from "../types.js";

export const CSV_COLUMNS = [
  "target",
  "step",
  "viewport",
  "locale",
  "url",
  "ruleId",
  "severity",
  "message",
  "text",
  "selector",
  "fingerprint",
  "checked",
  "fontPx",
  "contrast",
  "purposes",
  "error",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** C0 controls other than tab and line ends, DEL, C1 controls and noncharacters, which spreadsheets show as garbage. */
const JUNK =
  // eslint-disable-next-line no-control-regex -- the pattern exists to find control characters
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A cell's text made safe to open in a spreadsheet: junk characters removed,
 * and a leading apostrophe when it would otherwise be read as a formula.
 */
export function neutraliseCell(value: string): string {
  const clean = value.replace(JUNK, "");
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** A field quoted when RFC 4180 requires it (comma, quote, CR or LF), with quotes doubled. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function num(n: number | null | undefined): string {
  return typeof n === "number" && Number.isFinite(n) ? String(n) : "";
}

function evidenceCells(e: Evidence): Pick<CsvRow, "checked" | "fontPx" | "contrast" | "purposes"> {
  return {
    checked: e.checked === undefined ? "" : String(e.checked),
    fontPx: num(e.effectiveFontPx ?? e.fontPx),
    contrast: num(e.contrast),
    purposes: (e.purposes ?? []).join("; "),
  };
}

function stateCells(r: LintResult): Pick<CsvRow, "target" | "step" | "viewport" | "locale" | "url" | "error"> {
  return {
    target: r.target,
    step: r.step ?? "",
    viewport: r.viewport ? `${r.viewport.width}x${r.viewport.height}` : "",
    locale: r.locale ?? "",
    url: r.url,
    error: r.error ?? "",
  };
}

function findingRow(r: LintResult, f: Finding): CsvRow {
  return {
    ...stateCells(r),
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    text: f.text,
    selector: f.selector,
    fingerprint: f.fingerprint,
    ...evidenceCells(f.evidence),
  };
}

function emptyRow(r: LintResult): CsvRow {
  return {
    ...stateCells(r),
    ruleId: "",
    severity: "",
    message: "",
    text: "",
    selector: "",
    fingerprint: "",
    checked: "",
    fontPx: "",
    contrast: "",
    purposes: "",
  };
}

/** The rows of the CSV, before quoting: one per finding, one per state that has none. */
export function csvRows(report: LintReport): CsvRow[] {
  return report.results.flatMap((r) => (r.findings.length ? r.findings.map((f) => findingRow(r, f)) : [emptyRow(r)]));
}

/** The report as CSV text. */
export function formatCsv(report: LintReport): string {
  const line = (cells: readonly string[]) => cells.map((c) => quoteField(neutraliseCell(c))).join(",");
  const lines = [line(CSV_COLUMNS), ...csvRows(report).map((row) => line(CSV_COLUMNS.map((c) => row[c])))];
  return lines.join("\r\n") + "\r\n";
}
