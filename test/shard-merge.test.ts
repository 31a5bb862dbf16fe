/**
 * --shard i/n splits the targets deterministically so that every target is
 * linted exactly once, and `merge` of the shards' reports equals the
 * unsharded report, timings aside.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { lint } from "../lint/index.js";
import { mergeReports } from "../lint/run/merge.js";
import { parseShard, shardSlice } from "../lint/run/shard.js";
import type { LintReport } from "../lint/types.js";

let dir: string;
let browser: Browser;

const page = (i: number, checked: boolean) => `<!doctype html><html lang="en"><head><title>Enter draw ${i}</title></head><body>
<h1>Enter our prize draw ${i}</h1><form><label>Email <input type="email"></label>
<label><input type="checkbox" ${checked ? "checked" : ""}> Send me offers from our partners</label>
<button>Enter the draw</button></form></body></html>`;

function withoutTimings(report: LintReport) {
  return {
    ...report,
    startedAt: "",
    shard: undefined,
    summary: { ...report.summary, durationMs: 0 },
    results: report.results.map((r) => ({
      ...r,
      durationMs: 0,
      // When each request and cookie was seen differs from run to run; what was stored and sent does not.
      ...(r.behaviour
        ? {
            behaviour: {
              ...r.behaviour,
              startedAt: "",
              requests: r.behaviour.requests.map((q) => ({ ...q, atMs: 0 })),
              cookies: r.behaviour.cookies.map((c) => ({ ...c, atMs: 0 })),
            },
          }
        : {}),
    })),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-shard-"));
  for (let i = 0; i < 7; i++) writeFileSync(join(dir, `page-${i}.html`), page(i, i % 2 === 0));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("sharding", () => {
  it("parses i/n and rejects nonsense", () => {
    expect(parseShard("2/3")).toEqual({ current: 2, total: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1-3"]) expect(() => parseShard(bad)).toThrow(/--shard expects i\/n/);
  });

  it("covers every item exactly once, in order, for any count", () => {
    for (let n = 0; n < 12; n++) {
      const items = Array.from({ length: n }, (_, i) => i);
      for (const total of [1, 2, 3, 5]) {
        const joined = Array.from({ length: total }, (_, k) => shardSlice(items, { current: k + 1, total })).flat();
        expect(joined).toEqual(items);
      }
    }
  });

  it("three shards linted separately and merged equal the unsharded report", async () => {
    const whole = await lint([dir], { cwd: dir, browser, concurrency: 2 });
    const shards = [];
    for (let k = 1; k <= 3; k++) shards.push(await lint([dir], { cwd: dir, browser, concurrency: 2, shard: { current: k, total: 3 } }));
    const targets = shards.flatMap((s) => s.results.map((r) => r.target));
    expect(new Set(targets).size).toBe(7);
    expect(targets).toEqual(whole.results.map((r) => r.target));
    // merge does not depend on the order the reports are given in
    const merged = mergeReports([shards[2], shards[0], shards[1]]);
    expect(withoutTimings(merged)).toEqual(withoutTimings(whole));
    expect(merged.summary.errors).toBeGreaterThan(0);
  });

  it("refuses a shard given twice", async () => {
    const one = await lint([join(dir, "page-0.html")], { cwd: dir, browser, shard: { current: 1, total: 2 } });
    expect(() => mergeReports([one, one])).toThrow(/given twice/);
  });
});
