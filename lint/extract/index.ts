/**
 * Extraction: the PageModel of the state a Playwright page shows now,
 * measured in the browser through an isolated world, one pass per document.
 */
import type { Page } from "playwright";
import type { FlowActionRecord, PageModel, Viewport } from "../model.js";
import { FrameReader } from "./frame-reader.js";
export { LARGE_PAGE_ELEMENTS, SKIP_SUBTREE_ELEMENTS } from "./frame-reader.js";
import { assembleModel } from "./model-assembly.js";

export interface ExtractOptions {
  viewport: Viewport;
  locale: string | null;
  flowActions?: FlowActionRecord[];
  timeoutMs: number;
  /** Called when the in-page pass has been read, before the model is assembled from it (for per-phase timings). */
  onRead?: () => void;
}

/** Past this many text blocks a page's model is cut short (with a "truncated" note). */
export const MAX_TEXT_BLOCKS = 20_000;
/** Past this many elements the walk stops (with a "truncated" note). */
export const MAX_ELEMENTS = 80_000;

export class ExtractTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Reading the page model took longer than ${timeoutMs} ms. Raise --timeout, or lint a smaller page.`);
    this.name = "ExtractTimeoutError";
  }
}

export async function extractPageModel(page: Page, opts: ExtractOptions): Promise<PageModel> {
  const started = Date.now();
  const timeoutMs = Math.max(1000, opts.timeoutMs);
  const reader = new FrameReader(page, {
    maxTextBlocks: MAX_TEXT_BLOCKS,
    maxElements: MAX_ELEMENTS,
    budgetMs: Math.max(500, Math.floor(timeoutMs * 0.5)),
    deadline: started + Math.floor(timeoutMs * 0.8),
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    const read = await Promise.race([reader.read(), timedOut]);
    opts.onRead?.();
    return assembleModel(read.parts, read.unread, {
      url: page.url(),
      viewport: opts.viewport,
      locale: opts.locale,
      flowActions: opts.flowActions ?? [],
      capturedAt: new Date().toISOString(),
    });
  } finally {
    clearTimeout(timer);
    await reader.close();
  }
}
