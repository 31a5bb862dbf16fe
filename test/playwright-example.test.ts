/**
 * The Playwright Test example in examples/playwright-test runs as a user would
 * run it (`npx playwright test -c examples/playwright-test`, importing
 * `consentlint/playwright` through the package's exports) and passes; the
 * matcher's failure message it captures lists, per finding, the rule, the
 * message and the consent text.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const repoRoot = resolve(__dirname, "..");

interface JsonAttachment {
  name: string;
  contentType: string;
  body?: string;
}
interface JsonTest {
  results: { status: string; attachments: JsonAttachment[]; errors: { message?: string }[] }[];
}
interface JsonSpec {
  title: string;
  ok: boolean;
  tests: JsonTest[];
}
interface JsonSuite {
  specs: JsonSpec[];
  suites?: JsonSuite[];
}
interface JsonReport {
  suites: JsonSuite[];
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: { message?: string }[];
}

function allSpecs(suites: JsonSuite[]): JsonSpec[] {
  return suites.flatMap((s) => [...s.specs, ...allSpecs(s.suites ?? [])]);
}

describe("examples/playwright-test", () => {
  let run: { status: number | null; stdout: string; stderr: string };
  let report: JsonReport;

  beforeAll(() => {
    const r = spawnSync("npx", ["playwright", "test", "-c", "examples/playwright-test", "--reporter=json"], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      timeout: 400_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf("{"))) as JsonReport;
  }, 420_000);

  it("passes: every test of the example, none skipped or flaky", () => {
    const failures = allSpecs(report.suites)
      .filter((s) => !s.ok)
      .map((s) => `${s.title}: ${s.tests.flatMap((t) => t.results.flatMap((x) => x.errors.map((e) => e.message ?? ""))).join("\n")}`);
    expect(failures.join("\n\n") + report.errors.map((e) => e.message).join("\n"), run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(report.stats).toMatchObject({ unexpected: 0, flaky: 0, skipped: 0 });
    expect(report.stats.expected).toBeGreaterThanOrEqual(4);
  });

  it("uses the matcher both ways: a clean state passes and a pre-ticked one fails", () => {
    const titles = allSpecs(report.suites).map((s) => s.title);
    expect(titles).toContain("the signup's second part passes consentlint");
    expect(titles).toContain("variant B pre-ticks sharing with partners: consentlint fails");
  });

  it("captures a readable failure message: rule, message, element and consent text per finding", () => {
    const spec = allSpecs(report.suites).find((s) => s.title.startsWith("the failure message lists"));
    const attachment = spec?.tests[0]?.results[0]?.attachments.find((a) => a.name === "consentlint failure message");
    expect(attachment?.body, "the example attaches the matcher's message").toBeDefined();
    const message = Buffer.from(attachment!.body!, "base64").toString("utf8");
    const lines = message.split("\n");
    expect(lines[0]).toBe("expect(page).toPassConsentLint()");
    expect(message).toMatch(/^consentlint found 2 problems on file:\/\/\S+signup\.html\?variant=b:$/m);
    const blocks = message.split(/\n(?= {2}\d+\. )/).slice(1);
    expect(blocks.map((b) => /^ {2}\d+\. ([a-z-]+) \(error\): /.exec(b)?.[1])).toEqual(["pre-checked-opt-in", "bundled-consent"]);
    for (const block of blocks) {
      // A message a product person reads, the element, and the consent text quoted.
      expect(block).toMatch(/\(error\): [A-Z][^\n]{10,}/);
      expect(block).toContain('element:  checkbox "Share my profile with outdoor brands we partner with so they can send me offers"');
      expect(block).toContain('text:     "Share my profile with outdoor brands we partner with so they can send me offers"');
      expect(block).toMatch(/state: {4}checked/);
    }
    // No raw JSON or ANSI noise.
    // eslint-disable-next-line no-control-regex -- no terminal colour sequences may reach the message
    expect(message).not.toMatch(/[{}]\s*"|\u001b\[/);
  });
});
