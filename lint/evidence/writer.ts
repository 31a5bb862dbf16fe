/**
 * Writing an evidence bundle (--evidence <dir>): per linted state a full-page
 * screenshot, a screenshot of each finding's element in context (outlined),
 * the rendered DOM, the aria snapshot, the findings and the request log; then
 * manifest.json with the SHA-256 of every file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page, Request } from "playwright";
import { partEndsAtFrame, selectorPathParts } from "../heuristics/selectors.js";
import { UsageError } from "../errors.js";
import type { LintReport, LintResult } from "../types.js";
import { hashBundle, MANIFEST_HASH_NAME, MANIFEST_NAME, sha256File, type EvidenceManifest } from "./manifest.js";
import { captureElementInContext, pngFromDataUrl } from "./finding-screenshots.js";

export interface RequestRecord {
  url: string;
  method: string;
  status: number | null;
  resourceType: string;
  thirdParty: boolean;
  failure?: string;
}

/** Records every request of a page, marking those to another site than the page's own. */
export class RequestLog {
  readonly records: RequestRecord[] = [];
  private pending = new Map<Request, RequestRecord>();

  constructor(page: Page) {
    page.on("request", (request) => {
      const record: RequestRecord = { url: request.url(), method: request.method(), status: null, resourceType: request.resourceType(), thirdParty: false };
      this.pending.set(request, record);
      this.records.push(record);
    });
    page.on("requestfinished", (request) => {
      const record = this.pending.get(request);
      this.pending.delete(request);
      if (record) void request.response().then((r) => (record.status = r?.status() ?? null)).catch(() => {});
    });
    page.on("requestfailed", (request) => {
      const record = this.pending.get(request);
      this.pending.delete(request);
      if (record) record.failure = request.failure()?.errorText ?? "failed";
    });
  }

  /** Marks third-party requests against the page's final URL (by registrable host suffix). */
  snapshot(pageUrl: string): RequestRecord[] {
    let host = "";
    try {
      host = new URL(pageUrl).hostname;
    } catch {
      host = "";
    }
    const site = host.split(".").slice(-2).join(".");
    return this.records.map((r) => {
      let h = "";
      try {
        h = new URL(r.url).hostname;
      } catch {
        h = "";
      }
      return { ...r, thirdParty: /^(https?|wss?):/.test(r.url) && site !== "" && !(h === site || h.endsWith("." + site)) };
    });
  }
}

/** A locator for a finding's selector, entering frames ("iframe#x >>> ...") and open shadow roots, which Playwright's CSS pierces. */
export function locatorForSelector(page: Page, selector: string): Locator {
  const segments = selectorPathParts(selector);
  let scope: { locator(s: string): Locator; frameLocator(s: string): ReturnType<Page["frameLocator"]> } = page;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i];
    if (partEndsAtFrame(seg)) scope = scope.frameLocator(seg);
    else scope = scope.locator(seg) as unknown as typeof scope;
  }
  return scope.locator(segments[segments.length - 1]).first();
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "state";
}

export class EvidenceWriter {
  private states: EvidenceManifest["states"] = [];
  private used = new Set<string>();

  constructor(readonly dir: string) {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new UsageError(`Evidence folder ${dir} is not empty. Give a new or empty folder so earlier evidence is not overwritten.`);
    }
    mkdirSync(dir, { recursive: true });
  }

  private stateDir(result: LintResult): string {
    const base = slug(`${result.target}${result.step ? `-${result.step}` : ""}${result.viewport ? `-${result.viewport.width}x${result.viewport.height}` : ""}${result.locale ? `-${result.locale}` : ""}`);
    const hash = createHash("sha256").update(`${result.target}\u241f${result.step ?? ""}\u241f${result.viewport?.width}x${result.viewport?.height}\u241f${result.locale ?? ""}`).digest("hex").slice(0, 8);
    let name = `${base}-${hash}`;
    for (let n = 2; this.used.has(name); n++) name = `${base}-${hash}-${n}`;
    this.used.add(name);
    return name;
  }

  /** Captures one state while its page is still open. */
  async capture(page: Page, result: LintResult, requests: RequestRecord[], capturedAt: string): Promise<void> {
    const name = this.stateDir(result);
    const dir = join(this.dir, "states", name);
    mkdirSync(join(dir, "elements"), { recursive: true });
    await page.screenshot({ path: join(dir, "page.png"), fullPage: true, animations: "disabled", timeout: 15_000 }).catch(() => {});
    // Each finding's element in context with an outline (the one already taken for the report when there is one).
    const elementFiles = new Map<number, string>();
    for (const [i, f] of result.findings.entries()) {
      // Evidence is worth waiting for: a longer bound per element than the HTML report's pictures.
      const shot = f.screenshot ?? (await captureElementInContext(page, f.selector, { timeoutMs: 10_000 }).catch(() => null));
      const png = shot ? pngFromDataUrl(shot) : null;
      if (!png) continue;
      const file = `elements/${String(i + 1).padStart(2, "0")}-${slug(f.ruleId)}.png`;
      writeFileSync(join(dir, file), png);
      elementFiles.set(i, file);
    }
    writeFileSync(join(dir, "dom.html"), await page.content().catch(() => ""));
    writeFileSync(join(dir, "aria-snapshot.yaml"), await page.locator("body").ariaSnapshot({ timeout: 5_000 }).catch(() => ""));
    // The findings name their element screenshot by file instead of carrying it inline.
    const findings = result.findings.map((f, i) => {
      const { screenshot: _inline, ...rest } = f;
      return elementFiles.has(i) ? { ...rest, screenshotFile: elementFiles.get(i) } : rest;
    });
    writeFileSync(join(dir, "findings.json"), JSON.stringify({ ...result, findings }, null, 2) + "\n");
    writeFileSync(join(dir, "requests.json"), JSON.stringify(requests, null, 2) + "\n");
    this.states.push({
      target: result.target,
      ...(result.step !== undefined ? { step: result.step } : {}),
      url: result.url,
      viewport: result.viewport,
      ...(result.locale ? { locale: result.locale } : {}),
      capturedAt,
      dir: `states/${name}`,
    });
  }

  /** Writes the report and the manifest; call once, after the run. */
  finish(report: LintReport, commandLine: string[]): void {
    writeFileSync(join(this.dir, "report.json"), JSON.stringify(report, null, 2) + "\n");
    const manifest: EvidenceManifest = {
      format: "consentlint-evidence/1",
      tool: report.tool,
      rules: report.rules,
      browser: report.browser ?? null,
      createdAt: report.startedAt,
      commandLine,
      workingDirectory: process.cwd(),
      states: this.states,
      files: hashBundle(this.dir),
    };
    const manifestPath = join(this.dir, MANIFEST_NAME);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
    writeFileSync(join(this.dir, MANIFEST_HASH_NAME), `${sha256File(manifestPath)}  ${MANIFEST_NAME}\n`);
  }
}
