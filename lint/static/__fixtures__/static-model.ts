/** Helpers for static-mode tests: build a model from a snippet and find its parts by text. */
import type { Control, PageModel, TextBlock, TextRun, Viewport } from "../../model.js";
import { buildStaticModel } from "../index.js";

export const DESKTOP: Viewport = { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false };
export const MOBILE: Viewport = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true };

export interface SnippetOptions {
  viewport?: Viewport;
  url?: string;
  baseDir?: string;
  /** Extra CSS for a <style> element in the head. */
  css?: string;
}

/** The static model of a page whose body is `body` (or a whole document when it starts with <!doctype or <html). */
export function staticModel(body: string, opts: SnippetOptions = {}): PageModel {
  const whole = /^\s*<(?:!doctype|html)/iu.test(body);
  const html = whole
    ? body
    : `<!DOCTYPE html><html lang="en"><head><title>Test</title>${opts.css ? `<style>${opts.css}</style>` : ""}</head><body>${body}</body></html>`;
  return buildStaticModel(html, {
    url: opts.url ?? "https://example.test/page",
    viewport: opts.viewport ?? DESKTOP,
    locale: null,
    baseDir: opts.baseDir,
  });
}

/** The one run whose text is exactly `text`. */
export function run(model: PageModel, text: string): TextRun {
  const runs = model.texts.flatMap((b) => b.runs).filter((r) => r.text === text);
  if (runs.length !== 1)
    throw new Error(
      `expected one run "${text}", found ${runs.length}: ${JSON.stringify(model.texts.map((b) => b.runs.map((r) => r.text)))}`,
    );
  return runs[0];
}

/** The one block whose text is exactly `text`. */
export function block(model: PageModel, text: string): TextBlock {
  const blocks = model.texts.filter((b) => b.text === text);
  if (blocks.length !== 1)
    throw new Error(`expected one block "${text}", found ${blocks.length}: ${JSON.stringify(model.texts.map((b) => b.text))}`);
  return blocks[0];
}

/** The selector names the element: the same path, or "#id" for a path that ends at that id ("input#id"). */
export function names(path: string, selector: string): boolean {
  if (path === selector) return true;
  return (
    selector.startsWith("#") && new RegExp(`(?:^|[ >])[a-z][\\w-]*${selector.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}$`, "u").test(path)
  );
}

/** The one control with this selector (or "#id"). */
export function control(model: PageModel, selector: string): Control {
  const found = model.controls.filter((c) => names(c.selector, selector));
  if (found.length !== 1)
    throw new Error(`expected one control at ${selector}, found ${found.length}: ${JSON.stringify(model.controls.map((c) => c.selector))}`);
  return found[0];
}
