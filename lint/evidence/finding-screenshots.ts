/**
 * Screenshots of findings in context: the area around the element (about
 * 60 px on each side, within the viewport) with an outline drawn around it,
 * so a reader sees the element where a person would meet it.
 *
 * The page is left as it was found. The outline is drawn onto the captured
 * image in an isolated world (an unattached canvas), never into the page's
 * DOM, so the page's scripts and styles cannot see, move or hide it. Only the
 * top window is scrolled, and only when the element lies outside the
 * viewport; inner scroll boxes keep their position (text hidden in a scroll
 * box stays hidden in the picture), and the window's scroll is restored
 * afterwards.
 */
import type { CDPSession, Locator, Page } from "playwright";
import { IsolatedWorld } from "../extract/isolated-world.js";
import type { Finding } from "../types.js";
import { locatorForSelector } from "../browser/locator.js";

export const PNG_DATA_URL_PREFIX = "data:image/png;base64,";

export interface ContextScreenshotOptions {
  /** CSS px of context around the element on each side (default 60). */
  padding?: number;
  /** Time allowed per element in ms (default 3000); a slower element is skipped. */
  timeoutMs?: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Scroll {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WORLD_NAME = "consentlint-screenshots";
const OUTLINE_COLOUR = "#e0006c";

class TimeBudgetExceeded extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeBudgetExceeded(`took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The part of `box` inside a `width` x `height` area at the origin; null when nothing of it is. */
function intersect(box: Box, width: number, height: number): Box | null {
  const x1 = Math.max(0, box.x);
  const y1 = Math.max(0, box.y);
  const x2 = Math.min(width, box.x + box.width);
  const y2 = Math.min(height, box.y + box.height);
  return x2 > x1 && y2 > y1 ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : null;
}

/** The element's box grown by `padding`, clamped to the viewport, in whole pixels. */
export function contextClip(box: Box, padding: number, viewport: { width: number; height: number }): Box | null {
  const x1 = Math.max(0, Math.floor(box.x - padding));
  const y1 = Math.max(0, Math.floor(box.y - padding));
  const x2 = Math.min(viewport.width, Math.ceil(box.x + box.width + padding));
  const y2 = Math.min(viewport.height, Math.ceil(box.y + box.height + padding));
  return x2 > x1 && y2 > y1 ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : null;
}

/** Code run in the isolated world: draws the outline onto a PNG (base64) and returns the new PNG as a data URL. */
function outlineExpression(png: string, box: Box, clipWidth: number): string {
  const args = JSON.stringify({ png, box, clipWidth, colour: OUTLINE_COLOUR });
  return `(async (a) => {
    const bytes = Uint8Array.from(atob(a.png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext("2d");
    g.drawImage(bitmap, 0, 0);
    // Image pixels per CSS px (1 with scale "css"; measured in case a browser does not honour it).
    const s = bitmap.width / a.clipWidth;
    const pad = 3 * s;
    const x = a.box.x * s - pad, y = a.box.y * s - pad, w = a.box.width * s + 2 * pad, h = a.box.height * s + 2 * pad;
    g.lineJoin = "round";
    g.strokeStyle = "rgba(255,255,255,0.95)";
    g.lineWidth = 6 * s;
    g.strokeRect(x, y, w, h);
    g.strokeStyle = a.colour;
    g.lineWidth = 3 * s;
    g.strokeRect(x, y, w, h);
    const blob = await canvas.convertToBlob({ type: "image/png" });
    const out = new Uint8Array(await blob.arrayBuffer());
    let binary = "";
    for (let i = 0; i < out.length; i += 0x8000) binary += String.fromCharCode.apply(null, Array.from(out.subarray(i, i + 0x8000)));
    return "${PNG_DATA_URL_PREFIX}" + btoa(binary);
  })(${args})`;
}

/** Reads and sets the top window's scroll and size from an isolated world. */
class TopWindow {
  private constructor(
    private readonly session: CDPSession,
    readonly world: IsolatedWorld,
  ) {}

  static async open(page: Page): Promise<TopWindow> {
    const session = await page.context().newCDPSession(page);
    try {
      const world = await IsolatedWorld.create(session, await IsolatedWorld.rootFrameId(session), WORLD_NAME);
      return new TopWindow(session, world);
    } catch (error) {
      await session.detach().catch(() => {});
      throw error;
    }
  }

  scroll(): Promise<Scroll> {
    return this.world.evaluate<Scroll>(
      "({ x: window.scrollX, y: window.scrollY, width: window.innerWidth, height: window.innerHeight })",
    );
  }

  async scrollTo(x: number, y: number): Promise<void> {
    await this.world.evaluate(`window.scrollTo({ left: ${Math.round(x)}, top: ${Math.round(y)}, behavior: "instant" })`);
  }

  async close(): Promise<void> {
    await this.session.detach().catch(() => {});
  }
}

function union(boxes: Box[]): Box {
  const x1 = Math.min(...boxes.map((b) => b.x));
  const y1 = Math.min(...boxes.map((b) => b.y));
  const x2 = Math.max(...boxes.map((b) => b.x + b.width));
  const y2 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** Labels further than this from the control, or larger than this, are left out of the picture. */
const LABEL_REACH = 300;
const LABEL_MAX = { width: 900, height: 400 };

/**
 * The element's box together with its labels' (wrapping <label>, <label for>,
 * aria-labelledby), so a checkbox is pictured with the words it grants.
 * Label boxes only widen the picture; the element's own box comes from Playwright.
 */
async function measure(locator: Locator, timeoutMs: number): Promise<{ box: Box; outline: Box } | null> {
  const box = await locator.boundingBox({ timeout: timeoutMs });
  if (!box || box.width <= 0 || box.height <= 0) return null;
  const rects = await locator
    .evaluate(
      (el) => {
        const rect = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        const related = new Set<Element>();
        const labels = (el as HTMLInputElement).labels;
        if (labels) for (const l of Array.from(labels)) related.add(l);
        const wrapping = el.closest("label");
        if (wrapping) related.add(wrapping);
        const root = el.getRootNode() as Document | ShadowRoot;
        for (const id of (el.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean)) {
          const l = root.getElementById?.(id) ?? null;
          if (l) related.add(l);
        }
        return { own: rect(el), related: Array.from(related, rect) };
      },
      undefined,
      { timeout: timeoutMs },
    )
    .catch(() => null);
  if (!rects) return { box, outline: box };
  const dx = box.x - rects.own.x;
  const dy = box.y - rects.own.y;
  const near = rects.related
    .map((r) => ({ x: r.x + dx, y: r.y + dy, width: r.width, height: r.height }))
    .filter((r) => r.width > 0 && r.height > 0 && r.width <= LABEL_MAX.width && r.height <= LABEL_MAX.height)
    .filter((r) => r.x < box.x + box.width + LABEL_REACH && r.x + r.width > box.x - LABEL_REACH && r.y < box.y + box.height + LABEL_REACH && r.y + r.height > box.y - LABEL_REACH);
  return { box, outline: union([box, ...near]) };
}

/** Set when an element's time is up, so its capture stops before touching the page again. */
interface Budget {
  expired: boolean;
}

class Expired extends Error {}

async function captureOne(page: Page, top: TopWindow, selector: string, padding: number, timeoutMs: number, budget: Budget): Promise<string | null> {
  const live = <T>(value: T): T => {
    if (budget.expired) throw new Expired();
    return value;
  };
  const locator = locatorForSelector(page, selector);
  // The state is settled and was just read: an element that is not there now is not waited for.
  if (live(await locator.count()) === 0) return null;
  let measured = live(await measure(locator, timeoutMs));
  if (!measured) return null;
  let view = live(await top.scroll());
  const { outline } = measured;
  if (!intersect(outline, view.width, view.height) || outline.y < 0 || outline.y + outline.height > view.height) {
    // Bring the element to the middle of the viewport by scrolling the top window only.
    const targetY = view.y + outline.y + outline.height / 2 - view.height / 2;
    const targetX = outline.x < 0 || outline.x + outline.width > view.width ? view.x + outline.x + outline.width / 2 - view.width / 2 : view.x;
    await top.scrollTo(Math.max(0, targetX), Math.max(0, targetY));
    measured = live(await measure(locator, timeoutMs));
    if (!measured) return null;
    view = live(await top.scroll());
  }
  // Nothing of the element itself on screen (off-screen text): no picture rather than a misleading one.
  if (!intersect(measured.box, view.width, view.height)) return null;
  const clip = contextClip(measured.outline, padding, view);
  if (!clip) return null;
  const png = live(await page.screenshot({ clip, scale: "css", type: "png", timeout: timeoutMs, caret: "initial" }));
  const o = measured.outline;
  const inClip: Box = { x: o.x - clip.x, y: o.y - clip.y, width: o.width, height: o.height };
  return top.world.evaluate<string>(outlineExpression(png.toString("base64"), inClip, clip.width));
}

/**
 * The element a selector names, in context and outlined, as a PNG data URL;
 * null when it has no box, lies wholly outside the page, or takes longer than
 * the time allowed.
 */
export async function captureElementInContext(page: Page, selector: string, opts: ContextScreenshotOptions = {}): Promise<string | null> {
  const shots = await captureMany(page, [selector], opts);
  return shots[0];
}

/** Time for opening the isolated world and for putting the scroll position back, apart from the per-element budget. */
const SETUP_MS = 5000;

async function captureMany(page: Page, selectors: string[], opts: ContextScreenshotOptions): Promise<(string | null)[]> {
  const padding = opts.padding ?? 60;
  const timeoutMs = opts.timeoutMs ?? 3000;
  const out: (string | null)[] = selectors.map(() => null);
  if (selectors.length === 0) return out;
  let top: TopWindow;
  try {
    top = await within(TopWindow.open(page), SETUP_MS);
  } catch {
    return out;
  }
  let start: Scroll | null = null;
  try {
    start = await within(top.scroll(), SETUP_MS);
    for (const [i, selector] of selectors.entries()) {
      const budget: Budget = { expired: false };
      try {
        const shot = await within(captureOne(page, top, selector, padding, timeoutMs, budget), timeoutMs);
        out[i] = shot && shot.startsWith(PNG_DATA_URL_PREFIX) ? shot : null;
      } catch {
        out[i] = null;
      } finally {
        budget.expired = true;
      }
    }
  } catch {
    // The page went away or refused the isolated world: nothing more to capture.
  } finally {
    if (start) {
      const now = await within(top.scroll(), SETUP_MS).catch(() => null);
      if (!now || now.x !== start.x || now.y !== start.y) await within(top.scrollTo(start.x, start.y), SETUP_MS).catch(() => {});
    }
    await top.close();
  }
  return out;
}

/**
 * Sets `finding.screenshot` on each finding whose element can be pictured:
 * the element in context with an outline, as a PNG data URL. Findings whose
 * element has no box, lies outside the page or takes over 3 s are left
 * without one. The page's scroll position is restored.
 */
export async function captureFindingScreenshots(page: Page, findings: Finding[], opts: ContextScreenshotOptions = {}): Promise<void> {
  const shots = await captureMany(
    page,
    findings.map((f) => f.selector),
    opts,
  );
  for (const [i, shot] of shots.entries()) {
    if (shot) findings[i].screenshot = shot;
  }
}

/** The PNG bytes of a `data:image/png;base64,` URL; null for anything else. */
export function pngFromDataUrl(url: string): Buffer | null {
  if (!url.startsWith(PNG_DATA_URL_PREFIX)) return null;
  const bytes = Buffer.from(url.slice(PNG_DATA_URL_PREFIX.length), "base64");
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length > 8 && signature.every((b, i) => bytes[i] === b) ? bytes : null;
}
