/**
 * "Did you mean" for a locator that found nothing: the role/name pairs on the
 * page (from Playwright's aria snapshot) closest to what the locator asked for.
 */
import type { Locator, Page } from "playwright";
import { relativeDistance, closestMatches } from "../config/edit-distance.js";
import type { FlowLocator } from "./types.js";

export interface AriaCandidate {
  role: string;
  name: string;
}

const ARIA_LINE = /^\s*- ([a-z]+) ("(?:[^"\\]|\\.)*")/;

/** The named nodes of an aria snapshot (`- button "View bill"`), in page order, without repeats. */
export function parseAriaSnapshot(snapshot: string): AriaCandidate[] {
  const seen = new Set<string>();
  const out: AriaCandidate[] = [];
  for (const line of snapshot.split("\n")) {
    const match = ARIA_LINE.exec(line);
    if (!match) continue;
    let name: string;
    try {
      name = JSON.parse(match[2]) as string;
    } catch {
      continue;
    }
    name = name.trim();
    if (!name) continue;
    const key = `${match[1]}\u0000${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ role: match[1], name });
  }
  return out;
}

export function formatCandidate(candidate: AriaCandidate): string {
  return `${candidate.role} ${JSON.stringify(candidate.name)}`;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Share of words on both sides that have a near twin (a typo away) on the other side, as a distance. */
function wordDistance(query: string, name: string): number {
  const q = words(query);
  const n = words(name);
  if (q.length === 0 || n.length === 0) return 1;
  const near = (a: string, list: string[]) => list.some((b) => relativeDistance(a, b) <= 0.34);
  const matched = q.filter((w) => near(w, n)).length + n.filter((w) => near(w, q)).length;
  return 1 - matched / (q.length + n.length);
}

/** 0 (same) .. 1 (unrelated): the better of character edit distance (halved when one contains the other) and word overlap. */
function nameDistance(query: string, name: string): number {
  const q = query.toLowerCase().trim();
  const n = name.toLowerCase().trim();
  const chars = relativeDistance(q, n);
  const byChars = q && n && (n.includes(q) || q.includes(n)) ? chars / 2 : chars;
  return Math.min(byChars, wordDistance(q, n));
}

/** Beyond this distance a name is not a plausible typo or rewording of the query. */
const MAX_DISTANCE = 0.5;
/** Added when the role differs from the one asked for: a link of the right name still beats a button of another name. */
const OTHER_ROLE_PENALTY = 0.15;

/** The candidates closest to the locator's name/text/label, nearest first. */
export function rankCandidates(locator: FlowLocator, candidates: AriaCandidate[], max = 3): AriaCandidate[] {
  const query = locator.name ?? locator.text ?? locator.label;
  if (query === undefined) return [];
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      score: nameDistance(query, candidate.name) + (locator.role !== undefined && candidate.role !== locator.role ? OTHER_ROLE_PENALTY : 0),
    }))
    .filter((s) => s.score <= MAX_DISTANCE)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, max)
    .map((s) => s.candidate);
}

/** Suggestions for a locator that matched nothing (or nothing visible) on the page. */
export async function suggestionsFor(page: Page, locator: FlowLocator, timeoutMs = 2_000): Promise<string[]> {
  if (locator.testId !== undefined) {
    const ids = await page
      .evaluate(() => [...new Set(Array.from(document.querySelectorAll("[data-testid]"), (e) => e.getAttribute("data-testid") ?? ""))])
      .catch(() => [] as string[]);
    return closestMatches(locator.testId, ids.filter(Boolean), 3).map((id) => `testId ${JSON.stringify(id)}`);
  }
  const snapshot = await page
    .locator("body")
    .ariaSnapshot({ timeout: timeoutMs })
    .catch(() => "");
  return rankCandidates(locator, parseAriaSnapshot(snapshot)).map(formatCandidate);
}

/** The distinct role/name pairs of the elements a too-broad locator matched, to pick one from. */
export async function matchedCandidates(matches: Locator, max = 3, timeoutMs = 2_000): Promise<string[]> {
  const count = await matches.count().catch(() => 0);
  const out: string[] = [];
  for (let i = 0; i < count && out.length < max; i++) {
    const snapshot = await matches
      .nth(i)
      .ariaSnapshot({ timeout: timeoutMs })
      .catch(() => "");
    const first = parseAriaSnapshot(snapshot.split("\n")[0] ?? "")[0];
    if (!first) continue;
    const text = formatCandidate(first);
    if (!out.includes(text)) out.push(text);
  }
  return out;
}
