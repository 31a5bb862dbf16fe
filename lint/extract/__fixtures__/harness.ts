/**
 * Browser harness for the extraction tests: one Chromium per test file, a
 * fresh context (with the settle tracker) per page, and a small loopback
 * HTTP server for pages that need real origins.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright";
import { launchBrowser } from "../../browser/launch.js";
import type { Control, PageModel, TextBlock, TextRun, Viewport } from "../../model.js";
import { installSettleTracker, waitForSettle } from "../../browser/settle.js";
import { extractPageModel } from "../index.js";

export const DESKTOP: Viewport = { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false };

export class Harness {
  private contexts: BrowserContext[] = [];

  private constructor(readonly browser: Browser) {}

  static async start(): Promise<Harness> {
    return new Harness(await launchBrowser({ install: false }));
  }

  async newPage(viewport: Viewport = DESKTOP): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    this.contexts.push(context);
    await installSettleTracker(context);
    return context.newPage();
  }

  /** The model of an HTML page given as a string, after it settles. */
  async model(html: string, viewport: Viewport = DESKTOP): Promise<PageModel> {
    const page = await this.newPage(viewport);
    await page.setContent(html, { waitUntil: "load" });
    await waitForSettle(page, { timeoutMs: 5000 });
    return extractPageModel(page, { viewport, locale: null, timeoutMs: 15_000 });
  }

  async modelOf(page: Page, viewport: Viewport = DESKTOP): Promise<PageModel> {
    return extractPageModel(page, { viewport, locale: null, timeoutMs: 15_000 });
  }

  /** Closes the contexts opened so far (the browser stays). */
  async closeContexts(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((c) => c.close().catch(() => {})));
  }

  async stop(): Promise<void> {
    await this.closeContexts();
    await this.browser.close();
  }
}

/** A loopback HTTP server answering each path with the HTML registered for it. */
export class PageServer {
  private readonly pages = new Map<string, string>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<PageServer> {
    let self: PageServer | null = null;
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      const body = self?.pages.get(path);
      if (body === undefined) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    self = new PageServer(server);
    return self;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The page's URL on the given loopback host name: "127.0.0.1" and "localhost" are two origins. */
  url(path: string, host: "127.0.0.1" | "localhost" = "127.0.0.1"): string {
    return `http://${host}:${this.port}${path}`;
  }

  set(path: string, html: string): void {
    this.pages.set(path, html);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The control whose accessible name or sentence contains `text`. */
export function controlBy(model: PageModel, text: string): Control {
  const found = model.controls.find((c) => c.name.includes(text) || c.sentenceText.includes(text) || c.labelText.includes(text));
  if (!found) throw new Error(`no control with "${text}" among: ${model.controls.map((c) => c.name || c.sentenceText).join(" | ")}`);
  return found;
}

/** The text block whose text contains `text`. */
export function blockWith(model: PageModel, text: string): TextBlock {
  const found = model.texts.find((b) => b.text.includes(text));
  if (!found) throw new Error(`no text block with "${text}" among: ${model.texts.map((b) => b.text).join(" | ")}`);
  return found;
}

/** The run whose own text contains `text`. */
export function runWith(model: PageModel, text: string): TextRun {
  for (const block of model.texts) for (const run of block.runs) if (run.text.includes(text)) return run;
  throw new Error(`no run with "${text}"`);
}

/** A minimal HTML document around a body. */
export function page(body: string, head = ""): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}
