/**
 * Snapshots through real Chromium: two runs of an unchanged page or flow
 * leave byte-identical files, even when the page's layout jitters by
 * sub-pixels and it shows the time; with CI set nothing is written and a
 * missing snapshot is reported; a finding new against the baseline fails the
 * run even when the old ones are accepted; snapshots of states no longer
 * linted are reported as obsolete.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { lint, type LintOptions } from "../lint/index.js";
import { exitCodeFor } from "../lint/cli/cli.js";
import type { LintReport } from "../lint/types.js";

const repoRoot = resolve(__dirname, "..");
const bin = join(repoRoot, "bin/consentlint.js");
const flow = (version = "") => join(repoRoot, `corpus/flows/annual-bill-2017${version}/annual-bill-2017.flow.yaml`);

/**
 * A page that differs on every load in ways that are not its findings: the
 * consent box sits a random fraction of a pixel lower, the clock is shown,
 * and a counter animates. Its pre-ticked box is in 8px pale text.
 */
const JITTERY = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Your order</title>
<style>body{font:16px sans-serif;background:#fff;color:#222;margin:0;padding:20px}
.fine{font-size:8px;color:#ddd}</style></head><body>
<main><h1>Checkout</h1><p>Loaded at <span id="clock"></span>, <span id="count">0</span> items.</p>
<form><div id="pad"></div>
<label class="fine"><input type="checkbox" checked> Share my purchase history with our advertising partners for marketing</label>
<button type="submit">Pay now</button></form></main>
<script>
document.getElementById('pad').style.height = (Math.random() * 0.9).toFixed(4) + 'px';
document.querySelector('label').style.marginLeft = (Math.random() * 0.9).toFixed(4) + 'px';
document.getElementById('clock').textContent = new Date().toISOString();
var n = 0, t = setInterval(function () { document.getElementById('count').textContent = String(++n); if (n >= 5) clearInterval(t); }, 20);
</script></body></html>`;

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "consentlint-snap-e2e-"));
  writeFileSync(join(dir, "checkout.html"), JITTERY);
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (targets: string[], snapshotDir: string, updateSnapshots: LintOptions["updateSnapshots"]) =>
  lint(targets, { browser, cwd: dir, snapshotDir, updateSnapshots, concurrency: 2, timeout: 60_000 });

function filesOf(folder: string): Map<string, Buffer> {
  return new Map(
    readdirSync(folder)
      .sort()
      .map((n) => [n, readFileSync(join(folder, n))]),
  );
}

describe("snapshots in real Chromium", () => {
  it("two runs of an unchanged flow, and of a page that jitters, write byte-identical files", async () => {
    const snaps = join(dir, "stable");
    const first = await run([flow(), "checkout.html"], snaps, "missing");
    expect(first.results.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(first.results.map((r) => r.snapshot?.status)).toEqual(["written", "written", "written", "written"]);
    const written = filesOf(snaps);
    expect([...written.keys()]).toEqual([
      "annual-bill-2017__after-continue.390x844.zh-CN.a273ace609.json",
      "annual-bill-2017__landing.390x844.zh-CN.2b6b7fae31.json",
      "annual-bill-2017__report.390x844.zh-CN.71c0c9b0c0.json",
      expect.stringMatching(/^checkout\.html\.1280x800\.[0-9a-f]{10}\.json$/),
    ]);
    const checkout = JSON.parse(written.get([...written.keys()][3])!.toString());
    expect(checkout.content.findings.length).toBeGreaterThanOrEqual(2);
    // Even "all" leaves matching snapshots alone: the time of the run is not a change.
    const second = await run([flow(), "checkout.html"], snaps, "all");
    expect(second.results.map((r) => r.snapshot?.status)).toEqual(["match", "match", "match", "match"]);
    // The page did move: its measured box differs between the runs.
    const box = (r: LintReport) => JSON.stringify(r.results[3].findings.find((f) => f.ruleId === "hidden-consent-text")?.evidence.box);
    expect(box(second)).not.toBe(box(first));
    const rewritten = filesOf(snaps);
    for (const [name, bytes] of written) expect(rewritten.get(name)?.equals(bytes), name).toBe(true);
    expect(second.obsoleteSnapshots).toEqual([]);
    // The findings are accepted in the baseline: the run passes.
    expect(exitCodeFor(second, undefined)).toBe(0);
    expect(exitCodeFor(first, undefined)).toBe(1);
  });

  it("with CI set, nothing is written and each missing snapshot is reported", () => {
    const snaps = join(dir, "ci");
    const out = spawnSync(process.execPath, [bin, "lint", "checkout.html", "--snapshot-dir", snaps, "--format", "json"], {
      cwd: dir,
      env: { ...process.env, CI: "true", FORCE_COLOR: "0" },
      encoding: "utf8",
      timeout: 90_000,
    });
    expect(out.status, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as LintReport;
    expect(report.results.map((r) => r.snapshot?.status)).toEqual(["missing"]);
    expect(existsSync(snaps)).toBe(false);
  });

  it("a finding new against the baseline fails the run even though the old ones are accepted", async () => {
    const snaps = join(dir, "baseline");
    // The half-fixed flow is the accepted baseline: its unreadable, two-purpose box is known.
    const baseline = await run([flow("-partial")], snaps, "missing");
    const accepted = baseline.results.find((r) => r.step === "report")!.findings;
    expect(accepted.map((f) => f.ruleId).sort()).toEqual(["bundled-consent", "hidden-consent-text"]);
    const again = await run([flow("-partial")], snaps, "none");
    expect(exitCodeFor(again, undefined)).toBe(0);
    // The box is ticked again (the flow as shipped): a new error finding against the same baseline.
    const regressed = await run([flow()], snaps, "none");
    const report = regressed.results.find((r) => r.step === "report")!;
    const introduced = report.findings.filter((f) => f.ruleId === "pre-checked-opt-in").map((f) => f.fingerprint);
    expect(report.snapshot).toMatchObject({
      status: "changed",
      fixed: [],
      introduced,
      persisting: accepted.map((f) => f.fingerprint).sort(),
    });
    expect(introduced).toHaveLength(1);
    expect(exitCodeFor(regressed, undefined)).toBe(1);
    // Nothing was written: the baseline is as it was.
    const stored = JSON.parse(readFileSync(join(snaps, report.snapshot!.file), "utf8"));
    expect(stored.content.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(["bundled-consent", "hidden-consent-text"]);
  });

  it("reports snapshots of states no longer linted as obsolete", async () => {
    const snaps = join(dir, "stable");
    const only = await run(["checkout.html"], snaps, "none");
    expect(only.obsoleteSnapshots).toEqual([
      "annual-bill-2017__after-continue.390x844.zh-CN.a273ace609.json",
      "annual-bill-2017__landing.390x844.zh-CN.2b6b7fae31.json",
      "annual-bill-2017__report.390x844.zh-CN.71c0c9b0c0.json",
    ]);
  });
});
