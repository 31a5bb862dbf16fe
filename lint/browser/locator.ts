/** Finding elements again by the selectors the model reports. */
import type { Locator, Page } from "playwright";
import { partEndsAtFrame, selectorPathParts } from "../heuristics/selectors.js";

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
