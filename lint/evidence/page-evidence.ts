/**
 * A browser state's evidence, taken while its page is still open: a
 * full-page screenshot, each finding's element in context (outlined), the
 * rendered DOM, the aria snapshot and the request log; and what the state
 * stored and sent (behaviour.json) with its requests as a HAR (state.har).
 */
import type { Page } from "playwright";
import { behaviourHar } from "../behaviour/har.js";
import { TOOL_VERSION } from "../package-info.js";
import type { LintResult } from "../types.js";
import { captureElementInContext, pngFromDataUrl } from "./finding-screenshots.js";
import type { RequestRecord } from "./request-log.js";
import { evidenceSlug, type EvidenceFile, type StateEvidence } from "./writer.js";

export async function capturePageEvidence(page: Page, result: LintResult, requests: RequestRecord[]): Promise<StateEvidence> {
  const files: EvidenceFile[] = [];
  const shot = await page.screenshot({ fullPage: true, animations: "disabled", timeout: 15_000 }).catch(() => null);
  if (shot) files.push({ path: "page.png", content: shot });
  // Each finding's element in context with an outline (the one already taken for the report when there is one).
  const elementFiles = new Map<number, string>();
  for (const [i, f] of result.findings.entries()) {
    // Evidence is worth waiting for: a longer bound per element than the HTML report's pictures.
    const picture = f.screenshot ?? (await captureElementInContext(page, f.selector, { timeoutMs: 10_000 }).catch(() => null));
    const png = picture ? pngFromDataUrl(picture) : null;
    if (!png) continue;
    const path = `elements/${String(i + 1).padStart(2, "0")}-${evidenceSlug(f.ruleId)}.png`;
    files.push({ path, content: png });
    elementFiles.set(i, path);
  }
  files.push({ path: "dom.html", content: await page.content().catch(() => "") });
  files.push({
    path: "aria-snapshot.yaml",
    content: await page
      .locator("body")
      .ariaSnapshot({ timeout: 5_000 })
      .catch(() => ""),
  });
  files.push({ path: "requests.json", content: JSON.stringify(requests, null, 2) + "\n" });
  if (result.behaviour) {
    files.push({ path: "behaviour.json", content: JSON.stringify(result.behaviour, null, 2) + "\n" });
    const har = behaviourHar(result.behaviour, { url: result.url, tool: "consentlint", version: TOOL_VERSION });
    files.push({ path: "state.har", content: JSON.stringify(har, null, 2) + "\n" });
  }
  return { files, elementFiles };
}
