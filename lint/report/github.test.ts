import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { LintReport } from "../types.js";
import { escapeData, escapeProperty, formatGithub } from "./github.js";

const DATA = fileURLToPath(new URL("../../test/data/", import.meta.url));
const SIGNUP = join(DATA, "pages", "signup.html");

function loadReport(): LintReport {
  const raw = readFileSync(join(DATA, "report-with-hostile-text.json"), "utf8");
  return JSON.parse(raw.replaceAll("file:///__DATA__/", pathToFileURL(DATA).href.replace(/\/?$/, "/"))) as LintReport;
}

interface Command {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** Reads one workflow command the way the Actions runner does: "::name k=v,k=v::data", then unescapes. */
function parseCommand(line: string): Command | null {
  if (!line.startsWith("::")) return null;
  const end = line.indexOf("::", 2);
  if (end < 0) return null;
  const info = line.slice(2, end);
  const space = info.indexOf(" ");
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(",")) {
      const eq = pair.indexOf("=");
      properties[pair.slice(0, eq)] = pair
        .slice(eq + 1)
        .replace(/%0D/g, "\r")
        .replace(/%0A/g, "\n")
        .replace(/%3A/g, ":")
        .replace(/%2C/g, ",")
        .replace(/%25/g, "%");
    }
  }
  const message = line
    .slice(end + 2)
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%25/g, "%");
  return { command, properties, message };
}

function positionInPage(marker: string): { line: string; col: string } {
  const text = readFileSync(SIGNUP, "utf8");
  const at = text.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  const before = text.slice(0, at);
  return { line: String(before.split("\n").length), col: String(at - (before.lastIndexOf("\n") + 1) + 1) };
}

function commands(report: LintReport, cwd = DATA): Command[] {
  return formatGithub(report, { cwd })
    .split("\n")
    .map(parseCommand)
    .filter((c): c is Command => c !== null);
}

describe("escaping", () => {
  it("escapes data and properties as the runner expects", () => {
    expect(escapeData("50%\r\nnext::x,y")).toBe("50%25%0D%0Anext::x,y");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    expect(escapeData("a\uFFFE\uD800b 😀")).toBe("ab 😀");
  });
});

describe("formatGithub", () => {
  it("writes one command per finding and per failed target, each on its own line, and nothing else starting with ::", () => {
    const report = loadReport();
    const out = formatGithub(report, { cwd: DATA });
    const lines = out.trimEnd().split("\n");
    const findings = report.results.reduce((n, r) => n + r.findings.length, 0);
    const failed = report.results.filter((r) => r.error).length;
    expect(lines.filter((l) => l.startsWith("::"))).toHaveLength(findings + failed);
    expect(lines).toHaveLength(findings + failed + 1);
    expect(lines.at(-1)).toMatch(/^consentlint: \d+ errors?, \d+ warnings? in \d+ targets?; 1 could not be linted$/);
    expect(out).not.toContain("\r");
  });

  it("annotates local pages at the element's file, line and column, relative to cwd", () => {
    const [precheck, hidden, frame, unknown] = commands(loadReport());
    expect(precheck.command).toBe("error");
    expect(precheck.properties).toEqual({
      file: "pages/signup.html",
      ...positionInPage('<input type="checkbox" name="partners"'),
      title: "pre-checked-opt-in",
    });
    expect(hidden.command).toBe("warning");
    expect(hidden.properties).toMatchObject({ file: "pages/signup.html", ...positionInPage('<p class="fine-print small"') });
    expect(frame.properties).toMatchObject(positionInPage('<iframe id="consent"'));
    expect(unknown.properties).toEqual({ file: "pages/signup.html", line: "1", title: "bundled-consent" });
  });

  it("gives remote pages and pages outside the workspace no file property", () => {
    const report = loadReport();
    const remote = commands(report).find((c) => c.properties.title === "bundled-consent" && c.message.includes("shop.example"))!;
    expect(remote.properties).toEqual({ title: "bundled-consent" });
    expect(remote.message).toContain("https://shop.example/checkout › pay @ 1280x800 de-DE (https://shop.example/checkout?x=1&y=2)");
    const outside = commands(report, join(DATA, "elsewhere"));
    expect(outside[0].properties).toEqual({ title: "pre-checked-opt-in" });
  });

  it("keeps hostile page text inside one command's message", () => {
    const report = loadReport();
    const [precheck] = commands(report);
    expect(precheck.message).toContain("<script>alert(1)</script> ]]> \"double\" 'single', a, b second line");
    expect(precheck.message).toContain("100% %0A ::error file=x::owned ,:");
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(precheck.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\ufffe\ud800]/);
    const lines = precheck.message.split("\n");
    expect(lines[0]).toMatch(/^Sharing with partners is pre-checked: <script>/);
    expect(lines[1]).toMatch(/^Consent text: "<script>alert\(1\)<\/script> \]\]>.* end"$/);
    expect(lines).toContain("State: checked (dom-property); purposes: third-party-sharing, credit-scoring; step: sign-up");
  });

  it("reports a page that could not be linted as an error without a file", () => {
    const report = loadReport();
    const failed = commands(report).find((c) => c.properties.title === "consentlint: page could not be linted")!;
    expect(failed.command).toBe("error");
    expect(failed.properties).toEqual({ title: "consentlint: page could not be linted" });
    expect(failed.message).toContain("https://down.example/: Could not load");
    expect(failed.message).not.toContain("\n");
  });
});
