/**
 * Finding, installing and launching Chromium.
 *
 * Order: a configured path (option, config or CONSENTLINT_BROWSER), Playwright's
 * managed browser, a system Chromium or Chrome, and only then an install
 * (apt-get, when running as root on Debian or Ubuntu). Otherwise a clear error
 * that says how to get one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright";
import type { Viewport } from "../model.js";

export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-quic",
  // Consent libraries hide banners from browsers that announce automation (vanilla-cookieconsent's
  // hideFromBots reads navigator.webdriver). This keeps navigator.webdriver false even beside the
  // --enable-automation Playwright adds; dropping that flag instead would not: headless sets it too.
  "--disable-blink-features=AutomationControlled",
];

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BrowserNotFoundError";
  }
}

export interface BrowserLocation {
  /** undefined means Playwright's own managed browser. */
  executablePath: string | undefined;
  source: "configured" | "playwright" | "system" | "installed";
}

export interface FindBrowserOptions {
  executablePath?: string;
  /** Install one when none is found (apt-get as root). Default true. */
  install?: boolean;
  log?: (line: string) => void;
}

function playwrightManagedPath(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function hasCommand(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function cjkFontsInstalled(): boolean {
  if (!hasCommand("fc-list")) return false;
  const out = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  return out.status === 0 && out.stdout.trim().length > 0;
}

function aptInstall(packages: string[], log: (line: string) => void): void {
  log(`consentlint: installing ${packages.join(", ")} with apt-get (one time)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"], env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: ["ignore", "ignore", "inherit"], env });
}

/** Installs CJK fonts when they are missing and we can (root with apt-get). Without them Chinese text renders as empty boxes. */
export function ensureCjkFonts(log: (line: string) => void = () => {}): boolean {
  if (process.platform !== "linux") return true;
  if (cjkFontsInstalled()) return true;
  if (isRoot() && hasCommand("apt-get")) {
    aptInstall(["fonts-noto-cjk"], log);
    return cjkFontsInstalled();
  }
  log("consentlint: no CJK fonts found; Chinese pages may render as empty boxes. Install fonts-noto-cjk (Debian/Ubuntu).");
  return false;
}

export function findBrowser(opts: FindBrowserOptions = {}): BrowserLocation {
  const log = opts.log ?? (() => {});
  const configured = opts.executablePath ?? process.env.CONSENTLINT_BROWSER;
  if (configured) {
    if (!existsSync(configured)) {
      throw new BrowserNotFoundError(
        `The configured browser "${configured}" does not exist. Fix the path (--browser, config "browser" or CONSENTLINT_BROWSER) or remove it to let consentlint find one.`,
      );
    }
    return { executablePath: configured, source: "configured" };
  }
  const managed = playwrightManagedPath();
  if (managed) return { executablePath: undefined, source: "playwright" };
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return { executablePath: system, source: "system" };
  if (opts.install !== false && process.platform === "linux" && isRoot() && hasCommand("apt-get")) {
    aptInstall(["chromium", "fonts-noto-cjk"], log);
    if (existsSync("/usr/bin/chromium")) return { executablePath: "/usr/bin/chromium", source: "installed" };
  }
  throw new BrowserNotFoundError(
    "No Chromium found. Install one with `npx playwright install chromium`, or your system's package (Debian/Ubuntu: `apt-get install chromium fonts-noto-cjk`), or point consentlint at a Chrome/Chromium binary with --browser <path> or CONSENTLINT_BROWSER.",
  );
}

export interface LaunchOptions extends FindBrowserOptions {
  headless?: boolean;
}

export async function launchBrowser(opts: LaunchOptions = {}): Promise<Browser> {
  const location = findBrowser(opts);
  return chromium.launch({
    executablePath: location.executablePath,
    headless: opts.headless ?? true,
    args: BROWSER_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

export const VIEWPORTS: Record<string, Viewport> = {
  desktop: { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false },
  mobile: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true },
  tablet: { width: 820, height: 1180, deviceScaleFactor: 2, isMobile: true },
};

export interface ContextOptions {
  viewport: Viewport;
  locale: string | null;
  userAgent?: string;
}

/** A user agent without the "HeadlessChrome" token, so pages treat the linter like a person's browser. */
export function personUserAgent(browser: Browser, mobile: boolean): string {
  const version = browser.version();
  return mobile
    ? `Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Mobile Safari/537.36`
    : `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Safari/537.36`;
}

/** A fresh profile per target: no cookies or storage, so it is always the first visit. */
export async function newLintContext(browser: Browser, opts: ContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: opts.viewport.width, height: opts.viewport.height },
    deviceScaleFactor: opts.viewport.deviceScaleFactor,
    isMobile: opts.viewport.isMobile,
    hasTouch: opts.viewport.isMobile,
    locale: opts.locale ?? undefined,
    userAgent: opts.userAgent ?? personUserAgent(browser, opts.viewport.isMobile),
    acceptDownloads: false,
    permissions: [],
    serviceWorkers: "block",
    bypassCSP: false,
    javaScriptEnabled: true,
  });
  return context;
}
