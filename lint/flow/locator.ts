/** Flow locators as Playwright locators, and as people wrote them (for messages). */
import type { Locator, Page } from "playwright";
import type { FlowLocator } from "./types.js";

type AriaRole = Parameters<Page["getByRole"]>[0];

/** role+name -> getByRole, text -> getByText, label -> getByLabel, testId -> getByTestId, css -> locator(css). */
export function toPlaywrightLocator(page: Page, locator: FlowLocator): Locator {
  const exact = locator.exact;
  if (locator.role !== undefined) {
    return page.getByRole(locator.role as AriaRole, {
      ...(locator.name !== undefined ? { name: locator.name } : {}),
      ...(exact !== undefined ? { exact } : {}),
    });
  }
  if (locator.text !== undefined) return page.getByText(locator.text, exact !== undefined ? { exact } : {});
  if (locator.label !== undefined) return page.getByLabel(locator.label, exact !== undefined ? { exact } : {});
  if (locator.testId !== undefined) return page.getByTestId(locator.testId);
  if (locator.css !== undefined) return page.locator(locator.css);
  throw new Error("A locator needs one of role, text, label, testId or css.");
}

const LOCATOR_KEYS = ["role", "name", "exact", "text", "label", "testId", "css"] as const;

function yamlScalar(value: string | boolean): string {
  if (typeof value === "boolean") return String(value);
  return /^[A-Za-z][\w-]*$/.test(value) && !/^(true|false|null|yes|no)$/i.test(value) ? value : JSON.stringify(value);
}

/** The locator as written in a flow file: `{ role: button, name: "View my annual bill" }`. */
export function describeLocator(locator: FlowLocator): string {
  const parts = LOCATOR_KEYS.filter((k) => locator[k] !== undefined).map((k) => `${k}: ${yamlScalar(locator[k] as string | boolean)}`);
  return `{ ${parts.join(", ")} }`;
}

/** The string a locator looks for by name (name, text, label or test id), if any. */
export function locatorQuery(locator: FlowLocator): string | undefined {
  return locator.name ?? locator.text ?? locator.label ?? locator.testId;
}
