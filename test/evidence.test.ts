/**
 * Evidence: element screenshots in context, taken from a real page in
 * Chromium, and the evidence bundle written by `lint --evidence`, whose
 * manifest catches any file changed, removed or added.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync, cpSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright";
import { launchBrowser } from "../lint/browser/launch.js";
import { captureFindingScreenshots, contextClip, pngFromDataUrl, PNG_DATA_URL_PREFIX } from "../lint/evidence/finding-screenshots.js";
import type { Finding } from "../lint/types.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function finding(selector: string): Finding {
  return {
    ruleId: "pre-checked-opt-in",
    severity: "error",
    message: "",
    selector,
    role: "checkbox",
    name: "",
    text: "",
    evidence: {},
    legal: [],
    fingerprint: "x",
  };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** RGBA of image pixels, read by drawing the data URL onto a canvas in a blank page. */
async function pixels(page: Page, dataUrl: string, points: [number, number][]): Promise<number[][]> {
  return page.evaluate(
    async ({ url, pts }) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext("2d")!;
      g.drawImage(img, 0, 0);
      return pts.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data));
    },
    { url: dataUrl, pts: points },
  );
}

const PAGE = `<!doctype html><html><head><style>
  body { margin: 0; font: 16px sans-serif; background: #fff; }
  .spacer { height: 1600px; background: linear-gradient(#eef, #fee); }
  #share { margin: 20px 200px; width: 20px; height: 20px; }
  .box { height: 60px; overflow: auto; margin: 20px; border: 1px solid #999; }
  .box p { margin: 0; height: 200px; }
  #off { position: absolute; left: -9999px; }
  #none { display: none; }
</style></head><body>
<div class="spacer">top of a long page</div>
<label><input type="checkbox" id="share" checked> Share my data with partners</label>
<div class="box" id="box"><p>filler</p><span id="buried">Hidden at the bottom of a scroll box</span></div>
<span id="off">Off-screen consent text</span>
<span id="none">Not displayed</span>
<div class="spacer"></div>
<script>
  window.mutations = 0;
  new MutationObserver((list) => { window.mutations += list.length; }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
</script>
</body></html>`;

describe("captureFindingScreenshots", () => {
  it("pictures the element in context with an outline, skips elements without a visible box, and leaves the page as it was", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await context.newPage();
      await page.setContent(PAGE);
      await page.evaluate(() => {
        window.scrollTo(0, 100);
        (window as unknown as { mutations: number }).mutations = 0;
      });
      const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
      const boxScrollBefore = await page.evaluate(() => document.getElementById("box")!.scrollTop);

      // The control is pictured with its label: the box around both, plus the context.
      const union = await page.evaluate(() => {
        const a = document.getElementById("share")!.getBoundingClientRect();
        const b = document.getElementById("share")!.closest("label")!.getBoundingClientRect();
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        return { x, y, width: Math.max(a.right, b.right) - x, height: Math.max(a.bottom, b.bottom) - y, inputX: a.x - x, inputY: a.y - y };
      });
      expect(union.width).toBeGreaterThan(100);
      const findings = [finding("#share"), finding("#off"), finding("#none"), finding("#box > span#buried"), finding("#does-not-exist")];
      // A generous budget: the machine running the tests may be busy; the 3 s default is tested below.
      await captureFindingScreenshots(page, findings, { timeoutMs: 20_000 });

      // The page: same DOM, no mutation seen by its own observer, same scroll positions.
      expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
      expect(await page.evaluate(() => (window as unknown as { mutations: number }).mutations)).toBe(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(100);
      expect(await page.evaluate(() => document.getElementById("box")!.scrollTop)).toBe(boxScrollBefore);

      const [share, off, none, buried, missing] = findings;
      expect(off.screenshot).toBeUndefined();
      expect(none.screenshot).toBeUndefined();
      expect(missing.screenshot).toBeUndefined();
      // The buried text lies outside its scroll box: pictured where it is, without scrolling the box.
      expect(buried.screenshot === undefined || buried.screenshot.startsWith(PNG_DATA_URL_PREFIX)).toBe(true);

      expect(share.screenshot?.startsWith(PNG_DATA_URL_PREFIX)).toBe(true);
      const png = pngFromDataUrl(share.screenshot!);
      expect(png).not.toBeNull();
      // The checkbox and its label with 60 px of context on each side.
      const size = pngSize(png!);
      // Context reaches past the page's left edge here, so the picture starts at x = 0.
      const left = Math.max(0, union.x - 60);
      expect(Math.abs(size.width - (Math.min(800, union.x + union.width + 60) - left))).toBeLessThanOrEqual(2);
      expect(Math.abs(size.height - (union.height + 120))).toBeLessThanOrEqual(2);
      const blank = await context.newPage();
      // The outline (magenta, 3 px) about 4 px outside the box; the checkbox itself is not magenta.
      const inputCentre: [number, number] = [Math.round(union.x - left + union.inputX + 10), Math.round(60 + union.inputY + 10)];
      const [outline, middle] = await pixels(blank, share.screenshot!, [[Math.round(size.width / 2), 60 - 4], inputCentre]);
      expect(outline[0]).toBeGreaterThan(180);
      expect(outline[1]).toBeLessThan(80);
      expect(outline[2]).toBeGreaterThan(60);
      expect(middle[0] > 180 && middle[1] < 80).toBe(false);
    } finally {
      await context.close();
    }
  });

  it("skips an element that takes longer than the time allowed, and still restores the page", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await context.newPage();
      await page.setContent(PAGE);
      await page.evaluate(() => window.scrollTo(0, 100));
      const findings = [finding("#share")];
      const started = Date.now();
      await captureFindingScreenshots(page, findings, { timeoutMs: 1 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(findings[0].screenshot).toBeUndefined();
      expect(await page.evaluate(() => window.scrollY)).toBe(100);
    } finally {
      await context.close();
    }
  });

  it("clamps the context to the viewport", () => {
    expect(contextClip({ x: 10, y: 20, width: 30, height: 10 }, 60, { width: 390, height: 844 })).toEqual({
      x: 0,
      y: 0,
      width: 100,
      height: 90,
    });
    expect(contextClip({ x: 370, y: 830, width: 50, height: 40 }, 60, { width: 390, height: 844 })).toEqual({
      x: 310,
      y: 770,
      width: 80,
      height: 74,
    });
    expect(contextClip({ x: -500, y: 10, width: 50, height: 40 }, 60, { width: 390, height: 844 })).toBeNull();
  });
});

describe("lint --evidence and verify-evidence", () => {
  const bin = resolve(__dirname, "../bin/consentlint.js");
  const corpus = resolve(__dirname, "../corpus");
  let work: string;
  let bundle: string;
  let lintRun: { code: number | null; stdout: string; stderr: string };

  function cli(args: string[]) {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd: corpus,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CI: "true" },
      timeout: 240_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  function files(dir: string, base = dir): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name), base)
        : [
            join(dir, e.name)
              .slice(base.length + 1)
              .split("\\")
              .join("/"),
          ],
    );
  }

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "consentlint-evidence-"));
    bundle = join(work, "bundle");
    lintRun = cli(["lint", "pages/en/signup-markup-in-label", "--evidence", bundle, "--format", "json"]);
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("writes every piece of evidence, hashed in a manifest with the versions, time, page and command line", () => {
    expect(lintRun.code).toBe(1);
    const report = JSON.parse(lintRun.stdout);
    expect(report.results[0].findings.length).toBeGreaterThanOrEqual(1);
    const manifest = JSON.parse(readFileSync(join(bundle, "manifest.json"), "utf8"));
    // The manifest's hash is printed, to be kept apart from the bundle.
    const manifestHash = createHash("sha256")
      .update(readFileSync(join(bundle, "manifest.json")))
      .digest("hex");
    expect(lintRun.stderr).toContain(manifestHash);
    expect(readFileSync(join(bundle, "manifest.json.sha256"), "utf8")).toBe(`${manifestHash}  manifest.json\n`);

    expect(manifest.tool).toEqual({ name: "consentlint", version: report.tool.version });
    expect(manifest.rules).toEqual(report.rules);
    expect(manifest.browser).toMatch(/chrom/i);
    expect(manifest.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(manifest.commandLine).toEqual(expect.arrayContaining(["lint", "pages/en/signup-markup-in-label", "--evidence", bundle]));
    expect(manifest.workingDirectory).toBe(corpus);
    expect(manifest.states).toHaveLength(1);
    const state = manifest.states[0];
    expect(state.url).toMatch(/^file:.*signup-markup-in-label\/index\.html$/);
    expect(state.viewport).toMatchObject({ width: 1280, height: 800 });
    expect(state.locale).toBe("en-US");
    expect(state.capturedAt).toMatch(/Z$/);

    const inBundle = files(bundle);
    const dir = state.dir as string;
    for (const name of ["page.png", "dom.html", "aria-snapshot.yaml", "findings.json", "requests.json"])
      expect(inBundle).toContain(`${dir}/${name}`);
    const elements = inBundle.filter((f) => f.startsWith(`${dir}/elements/`) && f.endsWith(".png"));
    expect(elements).toHaveLength(report.results[0].findings.length);
    for (const f of [...elements, `${dir}/page.png`]) expect(readFileSync(join(bundle, f)).subarray(1, 4).toString()).toBe("PNG");
    const findings = JSON.parse(readFileSync(join(bundle, dir, "findings.json"), "utf8"));
    expect(findings.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(
      report.results[0].findings.map((f: { fingerprint: string }) => f.fingerprint),
    );
    expect(findings.findings.map((f: { screenshotFile: string }) => `${dir}/${f.screenshotFile}`)).toEqual(elements);
    expect(readFileSync(join(bundle, dir, "dom.html"), "utf8")).toContain("join-form");
    expect(readFileSync(join(bundle, dir, "aria-snapshot.yaml"), "utf8")).toMatch(/checkbox/);
    const requests = JSON.parse(readFileSync(join(bundle, dir, "requests.json"), "utf8"));
    expect(requests.some((r: { url: string }) => r.url.endsWith("/index.html"))).toBe(true);

    // Every file but the manifest and its hash is listed with its SHA-256.
    const listed = manifest.files.map((f: { path: string }) => f.path).sort();
    expect(listed).toEqual(inBundle.filter((f) => f !== "manifest.json" && f !== "manifest.json.sha256").sort());
    for (const f of manifest.files)
      expect(
        createHash("sha256")
          .update(readFileSync(join(bundle, f.path)))
          .digest("hex"),
      ).toBe(f.sha256);
    expect(cli(["verify-evidence", bundle])).toMatchObject({ code: 0 });
    expect(cli(["verify-evidence", bundle, "--manifest-sha256", manifestHash])).toMatchObject({ code: 0 });
  });

  it("names any file changed by one byte, removed or added, and a manifest rewritten with its hash", () => {
    const names = files(bundle);
    expect(names.length).toBeGreaterThanOrEqual(10);
    const copy = (label: string) => {
      const dir = join(work, label);
      cpSync(bundle, dir, { recursive: true });
      return dir;
    };
    for (const [i, name] of names.entries()) {
      const dir = copy(`flip-${i}`);
      const path = join(dir, name);
      const bytes = readFileSync(path);
      const at = Math.floor(bytes.length / 2);
      bytes[at] ^= 0x01;
      writeFileSync(path, bytes);
      const r = cli(["verify-evidence", dir]);
      expect({ name, code: r.code }).toEqual({ name, code: 1 });
      // A changed manifest or manifest hash names both: they disagree, and nothing tells which one was changed.
      const named = new RegExp(`changed  (manifest\\.json or )?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
      expect(r.stdout).toMatch(named);
    }

    const removed = copy("removed");
    const gone = names.find((n) => n.endsWith("dom.html"))!;
    unlinkSync(join(removed, gone));
    const r1 = cli(["verify-evidence", removed]);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toContain(`missing  ${gone}`);

    const added = copy("added");
    writeFileSync(join(added, "states", "note.txt"), "added later\n");
    const r2 = cli(["verify-evidence", added]);
    expect({ code: r2.code, stderr: r2.stderr }).toEqual({ code: 1, stderr: "" });
    expect(r2.stdout).toContain("added    states/note.txt");

    // A forger who rewrites a file, the manifest and its hash is caught by the hash printed at the time.
    const rewritten = copy("rewritten");
    const original = createHash("sha256")
      .update(readFileSync(join(bundle, "manifest.json")))
      .digest("hex");
    const target = names.find((n) => n.endsWith("findings.json"))!;
    appendFileSync(join(rewritten, target), " ");
    const manifest = JSON.parse(readFileSync(join(rewritten, "manifest.json"), "utf8"));
    for (const f of manifest.files)
      if (f.path === target)
        f.sha256 = createHash("sha256")
          .update(readFileSync(join(rewritten, target)))
          .digest("hex");
    writeFileSync(join(rewritten, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    writeFileSync(
      join(rewritten, "manifest.json.sha256"),
      `${createHash("sha256")
        .update(readFileSync(join(rewritten, "manifest.json")))
        .digest("hex")}  manifest.json\n`,
    );
    expect(cli(["verify-evidence", rewritten]).code).toBe(0);
    const r3 = cli(["verify-evidence", rewritten, "--manifest-sha256", original]);
    expect(r3.code).toBe(1);
    expect(r3.stdout).toContain("changed  manifest.json");
    expect(existsSync(join(rewritten, "manifest.json"))).toBe(true);
  });
});
