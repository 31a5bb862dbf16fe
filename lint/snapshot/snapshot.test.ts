import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  parseUpdateMode,
  snapshotFileName,
  SnapshotStore,
  SNAPSHOT_FORMAT,
  stableNumber,
  stateIdentity,
  targetIdentity,
} from "./snapshot.js";
import type { Finding, LintResult } from "../types.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-snap-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const finding = (fp: string, fontPx = 8): Finding => ({
  ruleId: "hidden-consent-text",
  severity: "error",
  message: "Consent text is too small",
  selector: "#x",
  role: "checkbox",
  name: "n",
  text: "share with partners",
  evidence: { fontPx, contrast: 1.4321, box: { x: 1.004, y: 2, width: 3, height: 4 } },
  legal: [],
  fingerprint: fp,
});
const result = (findings: Finding[], target = "bill.html"): LintResult => ({
  target,
  step: "report",
  url: "file:///bill.html",
  viewport: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true },
  locale: "zh-CN",
  findings,
  passes: [],
  incomplete: [],
  inapplicable: [],
});
const meta = { tool: "0.1.0", rules: { "hidden-consent-text": "1.0.0" } };

describe("SnapshotStore", () => {
  it("writes a missing snapshot, then matches it byte for byte on an unchanged second run", () => {
    const first = new SnapshotStore(dir, "missing", meta).record(result([finding("b"), finding("a")]), "- checkbox");
    expect(first.status).toBe("written");
    const path = join(dir, first.file);
    const bytes = readFileSync(path);
    const parsed = JSON.parse(bytes.toString());
    expect(parsed.format).toBe(SNAPSHOT_FORMAT);
    expect(parsed.content.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(["a", "b"]);
    const second = new SnapshotStore(dir, "all", meta).record(result([finding("a"), finding("b")]), "- checkbox");
    expect(second.status).toBe("match");
    expect(second.persisting).toEqual(["a", "b"]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("in none mode (CI) reports a missing snapshot and never writes", () => {
    const store = new SnapshotStore(join(dir, "snaps"), "none", meta);
    expect(store.record(result([finding("a")]), "").status).toBe("missing");
    expect(() => readdirSync(join(dir, "snaps"))).toThrow();
  });

  it("reports fixed, introduced and persisting against the stored snapshot; rewrites only in changed/all", () => {
    new SnapshotStore(dir, "missing", meta).record(result([finding("a"), finding("b")]), "");
    const name = snapshotFileName(result([]));
    const before = readFileSync(join(dir, name), "utf8");
    const kept = new SnapshotStore(dir, "missing", meta).record(result([finding("b"), finding("c")]), "");
    expect(kept).toMatchObject({ status: "changed", fixed: ["a"], introduced: ["c"], persisting: ["b"] });
    expect(readFileSync(join(dir, name), "utf8")).toBe(before);
    new SnapshotStore(dir, "changed", meta).record(result([finding("b"), finding("c")]), "");
    expect(readFileSync(join(dir, name), "utf8")).not.toBe(before);
  });

  it("lists snapshots whose state was not linted as obsolete", () => {
    new SnapshotStore(dir, "missing", meta).record(result([], "gone.html"), "");
    const store = new SnapshotStore(dir, "missing", meta);
    store.record(result([], "kept.html"), "");
    expect(store.obsolete()).toEqual([snapshotFileName(result([], "gone.html"))]);
  });

  it("parses --update-snapshots with CI defaulting to none", () => {
    expect(parseUpdateMode(undefined, true)).toBe("none");
    expect(parseUpdateMode(undefined, false)).toBe("missing");
    expect(() => parseUpdateMode("sometimes", false)).toThrow(/none, missing, changed or all/);
  });

  it("a process killed while writing snapshots leaves every file whole: the old one or the new one", async () => {
    const count = 40;
    const old = Array.from({ length: count }, (_, i) => result([finding(`old-${i}`)], `page-${i}.html`));
    const store = new SnapshotStore(dir, "all", meta);
    for (const r of old) store.record(r, "old");
    const oldTexts = new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), "utf8")]));
    // A child rewrites every snapshot with large content over and over; it is killed mid-way.
    const script = join(dir, "..", `writer-${process.pid}.mjs`);
    writeFileSync(
      script,
      `const { SnapshotStore } = await import(${JSON.stringify(resolve(__dirname, "../../dist/lint/snapshot/snapshot.js"))});
       const big = "x".repeat(200000);
       process.stdout.write("ready\\n");
       for (let round = 0; ; round++) {
         const store = new SnapshotStore(${JSON.stringify(dir)}, "all", { tool: "0.1.0", rules: {} });
         for (let i = 0; i < ${count}; i++) store.record({ target: "page-" + i + ".html", step: "report", url: "file:///x", viewport: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true }, locale: "zh-CN", findings: [], passes: [], incomplete: [], inapplicable: [] }, big + round);
       }`,
    );
    const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((done) => child.stdout!.once("data", () => done()));
    await new Promise((r) => setTimeout(r, 700));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    rmSync(script, { force: true });
    const names = readdirSync(dir).filter((n) => n.endsWith(".json"));
    expect(names.sort()).toEqual([...oldTexts.keys()].sort());
    let rewritten = 0;
    for (const n of names) {
      const text = readFileSync(join(dir, n), "utf8");
      const parsed = JSON.parse(text);
      expect(parsed.format).toBe(SNAPSHOT_FORMAT);
      if (text !== oldTexts.get(n)) {
        rewritten += 1;
        expect(parsed.content.aria).toMatch(/^x{200000}\d+$/);
      }
    }
    expect(rewritten).toBeGreaterThan(0);
  });
});

describe("stable snapshot content", () => {
  const jittered = (dx: number, contrast: number, durationMs: number): Finding => ({
    ...finding("a"),
    evidence: {
      fontPx: 8,
      contrast,
      box: { x: 144.5 + dx, y: 941.5625 - dx, width: 340.0000001, height: 22.19 },
      settledAfterMs: durationMs,
    },
  });

  it("sub-pixel boxes, float noise and durations leave an unchanged page's snapshot byte-identical", () => {
    const first = new SnapshotStore(dir, "missing", meta).record(result([jittered(0, 1.505, 120)]), "- checkbox [checked]\n");
    const bytes = readFileSync(join(dir, first.file));
    for (const [dx, contrast, ms] of [
      [0.0004, 1.5050000001, 95],
      [-0.37, 1.50499999999, 400],
      [3.25, 1.505, 12],
    ] as const) {
      const again = new SnapshotStore(dir, "all", meta).record(result([jittered(dx, contrast, ms)]), "- checkbox [checked]\r\n");
      expect(again.status).toBe("match");
      expect(readFileSync(join(dir, first.file)).equals(bytes)).toBe(true);
    }
    const parsed = JSON.parse(bytes.toString());
    // Boxes and durations are kept beside the compared content, not in it.
    expect(parsed.content.findings[0].evidence).toEqual({ contrast: 1.51, fontPx: 8 });
    expect(parsed.measured.a).toEqual({ box: { x: 144.5, y: 941.5625, width: 340.0000001, height: 22.19 }, settledAfterMs: 120 });
  });

  it("the time of a run never rewrites a file; new tool or rule versions do only in all mode", () => {
    const first = new SnapshotStore(dir, "missing", meta).record(result([finding("a")]), "");
    const path = join(dir, first.file);
    const bytes = readFileSync(path);
    const newer = { tool: "0.2.0", rules: { "hidden-consent-text": "1.1.0" } };
    expect(new SnapshotStore(dir, "changed", newer).record(result([finding("a")]), "").status).toBe("match");
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(new SnapshotStore(dir, "all", newer).record(result([finding("a")]), "").status).toBe("match");
    expect(JSON.parse(readFileSync(path, "utf8")).meta.tool).toBe("0.2.0");
  });

  it("rounds to two decimals after removing float noise", () => {
    expect(stableNumber(8.124999999999)).toBe(8.13);
    expect(stableNumber(8.125000000001)).toBe(8.13);
    expect(stableNumber(1.50999)).toBe(1.51);
    expect(stableNumber(-0.001)).toBe(0);
  });
});

describe("state identity", () => {
  const vp = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true };
  it("a flow is its name, wherever its file lives", () => {
    const a = { target: "corpus/flows/annual-bill-2017/annual-bill-2017.flow.yaml", step: "report", viewport: vp, locale: "zh-CN" };
    const b = { target: "/elsewhere/v2/annual-bill-2017.flow.yaml", step: "report", viewport: vp, locale: "zh-CN" };
    expect(targetIdentity(a)).toBe("flow:annual-bill-2017");
    expect(stateIdentity(a)).toBe(stateIdentity(b));
    expect(snapshotFileName(a)).toBe(snapshotFileName(b));
    expect(snapshotFileName(a)).toMatch(/^annual-bill-2017__report\.390x844\.zh-CN\.[0-9a-f]{10}\.json$/);
    expect(stateIdentity(a)).not.toBe(stateIdentity({ ...a, step: "landing" }));
    expect(stateIdentity(a)).not.toBe(stateIdentity({ ...a, locale: "zh-TW" }));
    expect(stateIdentity(a)).not.toBe(stateIdentity({ ...a, viewport: { ...vp, width: 1280, height: 800 } }));
  });

  it("URLs and paths written differently are the same target", () => {
    expect(targetIdentity({ target: "HTTPS://Example.COM:443/bill?y=2017#top" })).toBe(
      targetIdentity({ target: "https://example.com/bill?y=2017" }),
    );
    expect(targetIdentity({ target: "https://example.com/bill?y=2017" })).not.toBe(
      targetIdentity({ target: "https://example.com/bill?y=2018" }),
    );
    expect(targetIdentity({ target: "./pages//bill.html" })).toBe(targetIdentity({ target: "pages/bill.html" }));
  });

  it("two flows of one name in one run cannot share a snapshot folder", () => {
    const store = new SnapshotStore(dir, "missing", meta);
    const a = { ...result([]), target: "v1/annual-bill-2017.flow.yaml" };
    store.record(a, "");
    expect(() => store.record({ ...a, target: "v2/annual-bill-2017.flow.yaml" }, "")).toThrow(
      /same snapshot .*Rename one flow or lint them into different folders/,
    );
  });
});
