/**
 * The one state pipeline, seen from each of its users: static mode records
 * and matches snapshots and writes an evidence bundle that verify-evidence
 * accepts, as browser mode does; and lintPage, on a page read in part,
 * carries the same run notes and incomplete verdicts as `lint`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { allRules, lint, lintPage } from "../lint/index.js";
import { snapshotFileName } from "../lint/snapshot/snapshot.js";
import type { LintResult } from "../lint/types.js";

const repoRoot = resolve(__dirname, "..");
const bin = join(repoRoot, "bin/consentlint.js");
const corpus = join(repoRoot, "corpus");
const PAGE = "pages/en/signup-markup-in-label";
const FLOW = "flows/annual-bill-2017/annual-bill-2017.flow.yaml";

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "consentlint-pipeline-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: corpus,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function filesOf(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesOf(join(dir, e.name), base)
      : [
          join(dir, e.name)
            .slice(base.length + 1)
            .split("\\")
            .join("/"),
        ],
  );
}

describe("static mode writes what browser mode writes", () => {
  it("--snapshot-dir: writes one snapshot per state it reads, then matches them byte for byte", async () => {
    const snaps = join(work, "snapshots");
    const config = join(corpus, "consentlint.config.json");
    const first = await lint([PAGE, FLOW], { cwd: corpus, config, static: true, snapshotDir: snaps, updateSnapshots: "missing" });
    // The page and the flow's three steps; the two reached by actions need a browser and are left alone.
    expect(first.results.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(first.results.map((r) => r.snapshot?.status)).toEqual(["written", "written", undefined, undefined]);
    expect(first.results[2].incomplete.map((i) => i.reason)).toContain("static-mode-flow-step");
    const page = first.results[0];
    expect(page.findings.length).toBeGreaterThanOrEqual(1);
    const stored = JSON.parse(readFileSync(join(snaps, page.snapshot!.file), "utf8"));
    expect(stored.content.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(
      page.findings.map((f) => f.fingerprint).sort(),
    );

    // A snapshot of a step static mode cannot reach (as a browser run writes it) is kept, and not called obsolete.
    const reportStep = snapshotFileName(first.results[2]);
    const browserSnapshot = readFileSync(join(snaps, first.results[1].snapshot!.file), "utf8").replace(
      '"step": "landing"',
      '"step": "report"',
    );
    writeFileSync(join(snaps, reportStep), browserSnapshot);
    const written = new Map(
      readdirSync(snaps)
        .sort()
        .map((n) => [n, readFileSync(join(snaps, n))]),
    );
    expect(written.size).toBe(3);

    const second = await lint([PAGE, FLOW], { cwd: corpus, config, static: true, snapshotDir: snaps, updateSnapshots: "all" });
    expect(second.results.map((r) => r.snapshot?.status)).toEqual(["match", "match", undefined, undefined]);
    expect(second.results[0].snapshot?.persisting).toEqual(page.findings.map((f) => f.fingerprint).sort());
    expect(second.obsoleteSnapshots).toEqual([]);
    expect(
      new Map(
        readdirSync(snaps)
          .sort()
          .map((n) => [n, readFileSync(join(snaps, n))]),
      ),
    ).toEqual(written);

    // A finding gone is a change, seen against the stored snapshot.
    const changed = join(work, "changed-page");
    cpSync(join(corpus, PAGE), changed, { recursive: true });
    const third = await lint([join(changed, "index.html")], {
      cwd: work,
      static: true,
      snapshotDir: join(work, "snapshots-changed"),
      updateSnapshots: "missing",
    });
    expect(third.results[0].snapshot?.status).toBe("written");
    const html = readFileSync(join(changed, "index.html"), "utf8");
    writeFileSync(join(changed, "index.html"), html.replace(/\schecked(?=[\s>/])/g, ""));
    const fourth = await lint([join(changed, "index.html")], {
      cwd: work,
      static: true,
      snapshotDir: join(work, "snapshots-changed"),
      updateSnapshots: "none",
    });
    expect(fourth.results[0].snapshot?.status).toBe("changed");
    expect(fourth.results[0].snapshot?.fixed.length).toBeGreaterThanOrEqual(1);
  });

  it("--evidence: the page's HTML, its model and the findings of each state, in a bundle verify-evidence accepts", () => {
    const bundle = join(work, "bundle");
    const run = cli(["lint", PAGE, "--static", "--evidence", bundle, "--format", "json"]);
    expect({ code: run.code, stderr: run.stderr.includes("evidence written to") }).toEqual({ code: 1, stderr: true });
    const report = JSON.parse(run.stdout);
    const manifest = JSON.parse(readFileSync(join(bundle, "manifest.json"), "utf8"));
    expect(manifest.browser).toBeNull();
    expect(manifest.states).toHaveLength(1);
    const dir = manifest.states[0].dir as string;
    expect(filesOf(bundle).sort()).toEqual(
      ["manifest.json", "manifest.json.sha256", "report.json", `${dir}/findings.json`, `${dir}/model.json`, `${dir}/page.html`].sort(),
    );
    // The page as it was read, byte for byte, and the model the rules ran on.
    expect(readFileSync(join(bundle, dir, "page.html")).equals(readFileSync(join(corpus, PAGE, "index.html")))).toBe(true);
    const model = JSON.parse(readFileSync(join(bundle, dir, "model.json"), "utf8"));
    expect(model.source).toBe("static");
    expect(model.url).toBe(pathToFileURL(join(corpus, PAGE, "index.html")).href);
    const findings = JSON.parse(readFileSync(join(bundle, dir, "findings.json"), "utf8"));
    expect(findings.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(
      report.results[0].findings.map((f: { fingerprint: string }) => f.fingerprint),
    );
    expect(findings.findings.length).toBeGreaterThanOrEqual(1);

    expect(cli(["verify-evidence", bundle])).toMatchObject({ code: 0 });
    const tampered = join(work, "bundle-tampered");
    cpSync(bundle, tampered, { recursive: true });
    writeFileSync(join(tampered, dir, "page.html"), readFileSync(join(bundle, dir, "page.html"), "utf8").replace("<form", "<form data-x"));
    const check = cli(["verify-evidence", tampered]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`changed  ${dir}/page.html`);
  });
});

describe("lintPage and lint agree on a page read in part", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a large page: the same large-page note, and every rule's verdict incomplete for it", async () => {
    const file = join(corpus, "hostile/large-dom/index.html");
    const report = await lint([file], { browser, cwd: work, timeout: 90_000, concurrency: 1 });
    const fromCli = report.results[0];
    expect(fromCli.error).toBeUndefined();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    let fromPage: LintResult;
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      fromPage = await lintPage(page, { cwd: work, timeout: 90_000 });
    } finally {
      await context.close();
    }
    const noted = (r: LintResult) => (r.notes ?? []).map((n) => n.kind);
    const partial = (r: LintResult) => r.incomplete.filter((i) => i.reason === "large-page").map((i) => [i.ruleId, i.message]);
    expect(noted(fromCli)).toContain("large-page");
    expect(noted(fromPage)).toEqual(noted(fromCli));
    expect(fromPage.notes).toEqual(fromCli.notes);
    expect(
      partial(fromCli)
        .map(([ruleId]) => ruleId)
        .sort(),
    ).toEqual(allRules.map((r) => r.meta.id).sort());
    expect(partial(fromPage)).toEqual(partial(fromCli));
  });
});
