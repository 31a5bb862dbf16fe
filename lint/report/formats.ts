/** The names of the output formats, apart from the formatters so the command line can list them without loading any. */
export const REPORT_FORMATS = ["stylish", "json", "sarif", "junit", "github", "csv", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats meant for programs: written to stdout alone. */
export const MACHINE_FORMATS: ReadonlySet<ReportFormat> = new Set(["json", "sarif", "junit", "csv"]);

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
