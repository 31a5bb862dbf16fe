import { describe, expect, it } from "vitest";
import type { LintReport, LintResult } from "../types.js";
import { formatStylish } from "./stylish.js";

function result(over: Partial<LintResult>): LintResult {
  return { target: "pages/a.html", url: "http://127.0.0.1/a.html", findings: [], passes: [], incomplete: [], inapplicable: [], ...over };
}

function report(results: LintResult[]): LintReport {
  return {
    tool: { name: "consentlint", version: "0.0.0" },
    results,
    summary: { targets: results.length, errors: 0, warnings: 0, durationMs: 1200 },
    rules: {},
    startedAt: "2026-01-01T00:00:00.000Z",
  };
}

describe("stylish notes", () => {
  it("lists what the page did under a target it shows, with control characters made safe", () => {
    const out = formatStylish(
      report([
        result({
          error: "Timed out after 10000 ms",
          notes: [{ kind: "dialog", message: "Dismissed 3 dialogs: \u001b[31mWin a prize\u001b[0m" }],
        }),
      ]),
      { color: false, quiet: false },
    );
    const line = out.split("\n").find((l) => l.includes("Dismissed 3 dialogs"));
    expect(line).toBeDefined();
    expect(line).toMatch(/^ {2}note {3}/);
    expect(line).not.toContain("\u001b");
  });

  it("stays quiet about notes on a clean target", () => {
    const out = formatStylish(report([result({ notes: [{ kind: "popup", message: "Closed 1 pop-up" }] })]), { color: false, quiet: false });
    expect(out).not.toContain("Closed 1 pop-up");
    expect(out).toContain("no problems");
  });
});
