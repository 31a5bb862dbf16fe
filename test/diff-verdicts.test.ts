/**
 * Did the fix really ship? The four versions of the 2017 annual-bill flow,
 * linted once in real Chromium, compared with the original by `diff`: the
 * real fix is fixed, the cosmetic change not-fixed, the half fix
 * partially-fixed. The same holds for their snapshot folders, for the CLI,
 * and for the baselines committed under snapshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { lint } from "../lint/index.js";
import { diffReports, formatDiffText, readDiffInput, type ReportDiff, type Verdict } from "../lint/snapshot/diff.js";
import type { LintReport } from "../lint/types.js";

const repoRoot = resolve(__dirname, "..");
const bin = join(repoRoot, "bin/consentlint.js");
const VERSIONS = ["", "-fixed", "-cosmetic", "-partial"] as const;
type Version = (typeof VERSIONS)[number];
const EXPECTED: Record<Exclude<Version, "">, { verdict: Verdict; fixed: string[]; persisting: string[] }> = {
  "-fixed": { verdict: "fixed", fixed: ["bundled-consent", "hidden-consent-text", "pre-checked-opt-in"], persisting: [] },
  "-cosmetic": { verdict: "not-fixed", fixed: [], persisting: ["bundled-consent", "hidden-consent-text", "pre-checked-opt-in"] },
  // Unticked, the box still asks for two purposes at once on the report: bundled-consent stays with the unreadable text.
  "-partial": { verdict: "partially-fixed", fixed: ["pre-checked-opt-in"], persisting: ["bundled-consent", "hidden-consent-text"] },
};
const changed = VERSIONS.filter((v): v is Exclude<Version, ""> => v !== "");

let browser: Browser;
let dir: string;
const reports = new Map<Version, LintReport>();
const snapshotDir = (v: Version) => join(dir, `annual-bill-2017${v}`);

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "consentlint-verdicts-"));
  // Each version into its own snapshot folder (they are one flow by name), one after the other: two shared cores.
  for (const v of VERSIONS) {
    reports.set(
      v,
      await lint([`corpus/flows/annual-bill-2017${v}/annual-bill-2017.flow.yaml`], {
        browser,
        cwd: repoRoot,
        snapshotDir: snapshotDir(v),
        updateSnapshots: "all",
        timeout: 60_000,
      }),
    );
  }
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function check(d: ReportDiff, v: Exclude<Version, "">): void {
  const want = EXPECTED[v];
  expect(d.verdict, v).toBe(want.verdict);
  expect(d.fixed.map((f) => f.ruleId).sort(), v).toEqual(want.fixed);
  expect(d.persisting.map((f) => f.ruleId).sort(), v).toEqual(want.persisting);
  expect(d.introduced, v).toEqual([]);
  // Every step paired with its own step, by flow name, though the files live in different folders.
  expect(d.states.map((s) => [s.step, s.flow, s.matchedBy, s.only])).toEqual([
    ["landing", "annual-bill-2017", "identity", undefined],
    ["report", "annual-bill-2017", "identity", undefined],
    ["after-continue", "annual-bill-2017", "identity", undefined],
  ]);
  for (const s of d.states) if (s.step !== "report") expect(s.verdict, `${v} ${s.step}`).toBe("clean");
}

describe("diff of the annual-bill-2017 versions", () => {
  it("every version was linted, step by step", () => {
    for (const v of VERSIONS) {
      const r = reports.get(v)!;
      expect(
        r.results.map((x) => [x.step, x.error]),
        `annual-bill-2017${v}`,
      ).toEqual([
        ["landing", undefined],
        ["report", undefined],
        ["after-continue", undefined],
      ]);
    }
  });

  it.each(changed)("JSON reports: annual-bill-2017%s against the original", (v) => {
    check(diffReports(reports.get("")!, reports.get(v)!), v);
  });

  it.each(changed)("snapshot folders: annual-bill-2017%s against the original", (v) => {
    check(diffReports(readDiffInput(snapshotDir("")), readDiffInput(snapshotDir(v))), v);
  });

  it("the cosmetic version keeps every fingerprint though its box moved, was renamed, reworded and restyled", () => {
    const report = (v: Version) => reports.get(v)!.results.find((r) => r.step === "report")!;
    const before = report("");
    const after = report("-cosmetic");
    expect(after.findings.map((f) => f.fingerprint).sort()).toEqual(before.findings.map((f) => f.fingerprint).sort());
    expect(after.findings[0].selector).not.toBe(before.findings[0].selector);
    expect(after.findings[0].text).not.toBe(before.findings[0].text);
  });

  it("writes the change log, and the CLI reads snapshot folders", () => {
    const log = (v: Version) => formatDiffText(diffReports(readDiffInput(snapshotDir("")), readDiffInput(snapshotDir(v))));
    expect(log("-fixed")).toMatch(/^FIXED +pre-checked-opt-in on annual-bill-2017 \/ report: Opt-in to .*“我同意《芝麻服务协议》/m);
    expect(log("-fixed")).toMatch(/^verdict: fixed \(3 fixed, 0 still present, 0 new\)$/m);
    expect(log("-cosmetic")).toMatch(
      /^STILL PRESENT +pre-checked-opt-in on annual-bill-2017 \/ report: .*“我已阅读并同意《芝麻服务协议》/m,
    );
    expect(log("-cosmetic")).not.toMatch(/^(FIXED|NEW)/m);
    const partial = spawnSync(process.execPath, [bin, "diff", snapshotDir(""), snapshotDir("-partial")], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    expect(partial.status, partial.stderr).toBe(1);
    expect(partial.stdout).toMatch(
      /^annual-bill-2017: .*annual-bill-2017\/annual-bill-2017\.flow\.yaml -> .*annual-bill-2017-partial\/annual-bill-2017\.flow\.yaml, paired by flow name$/m,
    );
    expect(partial.stdout).toMatch(/^FIXED pre-checked-opt-in on annual-bill-2017 \/ report: /m);
    expect(partial.stdout).toMatch(/^STILL PRESENT hidden-consent-text on annual-bill-2017 \/ report: Consent text is 8 px/m);
    expect(partial.stdout).toMatch(/^verdict: partially-fixed \(1 fixed, 2 still present, 0 new\)$/m);
  });

  it("the committed baselines hold the fingerprints of today's run and give the same verdicts", () => {
    const committed = (v: Version) => readDiffInput(join(repoRoot, "snapshots", `annual-bill-2017${v}`));
    for (const v of VERSIONS) {
      const d = diffReports(committed(v), reports.get(v)!);
      expect(
        d.introduced.map((f) => `${f.step} ${f.ruleId}`),
        `snapshots/annual-bill-2017${v} is out of date: see snapshots/README.md`,
      ).toEqual([]);
      expect(
        d.fixed.map((f) => `${f.step} ${f.ruleId}`),
        `snapshots/annual-bill-2017${v} is out of date: see snapshots/README.md`,
      ).toEqual([]);
    }
    for (const v of changed) check(diffReports(committed(""), committed(v)), v);
  });
});
