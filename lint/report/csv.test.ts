import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { LintReport } from "../types.js";
import { CSV_COLUMNS, formatCsv, neutraliseCell, quoteField } from "./csv.js";

const DATA = fileURLToPath(new URL("../../test/data/", import.meta.url));

function loadReport(): LintReport {
  const raw = readFileSync(join(DATA, "report-with-hostile-text.json"), "utf8");
  return JSON.parse(raw.replaceAll("file:///__DATA__/", pathToFileURL(DATA).href.replace(/\/?$/, "/"))) as LintReport;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
}

function table(report: LintReport): Record<string, string>[] {
  const [header, ...rows] = parseCsv(formatCsv(report));
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(header.length);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

describe("cells", () => {
  it("quotes fields with commas, quotes and line breaks, doubling quotes", () => {
    expect(quoteField('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    expect(quoteField("plain text")).toBe("plain text");
  });

  it("neutralises cells a spreadsheet would read as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell("1+1")).toBe("1+1");
    expect(neutraliseCell("\u0000=SUM(A1)")).toBe("'=SUM(A1)");
    expect(neutraliseCell("ok\u0007\uFFFE\uD800 😀")).toBe("ok 😀");
  });
});

describe("formatCsv", () => {
  it("is RFC 4180 with a header row and CRLF line ends", () => {
    const out = formatCsv(loadReport());
    expect(out.startsWith(CSV_COLUMNS.join(",") + "\r\n")).toBe(true);
    expect(() => parseCsv(out)).not.toThrow();
  });

  it("has one row per finding and one per clean or failed state, so every target appears", () => {
    const report = loadReport();
    const rows = table(report);
    const expected = report.results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
    expect(rows).toHaveLength(expected);
    expect([...new Set(rows.map((r) => r.target))]).toEqual([...new Set(report.results.map((r) => r.target))]);
    expect(rows.filter((r) => r.fingerprint).map((r) => r.fingerprint)).toEqual(
      report.results.flatMap((r) => r.findings.map((f) => f.fingerprint)),
    );
    const clean = rows.find((r) => r.step === "after-pay")!;
    expect(clean).toMatchObject({ target: "https://shop.example/checkout", ruleId: "", error: "", locale: "de-DE", viewport: "" });
    const failed = rows.find((r) => r.target === "https://down.example/")!;
    expect(failed.error).toBe(report.results[3].error);
    expect(failed.ruleId).toBe("");
  });

  it("writes the evidence columns from the finding's evidence", () => {
    const rows = table(loadReport());
    const byFingerprint = new Map(rows.map((r) => [r.fingerprint, r]));
    expect(byFingerprint.get("fp-precheck-1")).toMatchObject({
      checked: "true",
      purposes: "third-party-sharing; credit-scoring",
      severity: "error",
      viewport: "1280x800",
    });
    expect(byFingerprint.get("fp-hidden-2")).toMatchObject({ fontPx: "8", contrast: "1.4", checked: "", severity: "warn" });
  });

  it("keeps page text intact through quoting, less junk characters, and defuses formulas", () => {
    const report = loadReport();
    const rows = table(report);
    const precheck = rows.find((r) => r.fingerprint === "fp-precheck-1")!;
    const original = report.results[0].findings[0].text;
    // eslint-disable-next-line no-control-regex -- the test removes control characters
    expect(precheck.text).toBe(original.replace(/[\u0000\u0007\u001b\uFFFE\uD800]/g, ""));
    expect(precheck.text).toContain("<script>alert(1)</script> ]]> \"double\" 'single', a, b\nsecond line\r\nthird 100% %0A ::error");
    expect(rows.find((r) => r.fingerprint === "fp-bundled-3")!.text).toBe("'=cmd|' /C calc'!A0");
    expect(rows.find((r) => r.fingerprint === "fp-bundled-5")!.text.startsWith("'=cmd|")).toBe(true);
    expect(rows.find((r) => r.fingerprint === "fp-bundled-4")!.text).toBe("'-1+1");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
