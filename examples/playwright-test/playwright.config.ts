import { defineConfig } from "@playwright/test";
import { findBrowser } from "consentlint";

/**
 * The Chromium consentlint would use: CONSENTLINT_BROWSER, Playwright's own
 * managed Chromium, or a system Chromium/Chrome. Undefined lets Playwright
 * use its own.
 */
function chromiumPath(): string | undefined {
  try {
    return findBrowser({ install: false }).executablePath;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? "line" : "list",
  use: {
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath() },
  },
});
