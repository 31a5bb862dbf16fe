/**
 * Driving a page's consent manager without a flow file: DuckDuckGo's
 * autoconsent (MPL-2.0) detects several hundred consent managers and knows
 * how to refuse (opt out) or accept (opt in) on each. Its content script is
 * run in every frame of the page, as its own Playwright runner does; it asks
 * for its configuration and rules through a binding, asks the page to run
 * small checks, and reports the manager it found, whether the pop-up was
 * shown and whether the choice was made.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Frame, Page } from "playwright";

export type AutoAction = "optOut" | "optIn";

export interface AutoconsentOutcome {
  /** The consent manager autoconsent recognised (its rule name), or null when none. */
  cmp: string | null;
  /** Its pop-up was found open. */
  popupFound: boolean;
  /** Whether the choice was made: true, false (it tried and failed), or null (it did not get that far in time). */
  result: boolean | null;
  /** autoconsent said it was done. */
  done: boolean;
  /** What autoconsent reported as errors, and checks that failed to run. */
  errors: string[];
}

interface Assets {
  script: string;
  rules: unknown;
}

let assets: Assets | null = null;

/** The content script and the full rule set, read once from the installed package. */
function loadAssets(): Assets {
  if (assets) return assets;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@duckduckgo/autoconsent/rules/rules.json"));
  const pkg = dirname(root);
  assets = {
    script: readFileSync(join(pkg, "dist", "autoconsent.playwright.js"), "utf8"),
    rules: (JSON.parse(readFileSync(join(root, "rules.json"), "utf8")) as { autoconsent: unknown }).autoconsent,
  };
  return assets;
}

/** A message from the content script (lib/messages.ts of autoconsent), as far as the driver reads it. */
interface ContentMessage {
  type: string;
  id?: string;
  code?: string;
  cmp?: string;
  result?: boolean;
  details?: unknown;
  mainFrame?: boolean;
  state?: { lifecycle?: string };
}

const BINDING = "autoconsentSendMessage";

/** Sends the content script in a frame its answer. */
async function reply(frame: Frame, message: object): Promise<void> {
  await frame.evaluate(`autoconsentReceiveMessage(${JSON.stringify(message)})`).catch(() => undefined);
}

export interface DriveOptions {
  /** Time for the whole drive, in ms. */
  timeoutMs: number;
  /**
   * Time to find a consent manager, in ms: with none found by then the drive
   * stops (autoconsent keeps looking for as long as the page changes, and a
   * page without one may never say so).
   */
  detectMs?: number;
}

/**
 * Runs autoconsent on an open page until it is done, the choice failed, no
 * consent manager was found in time, or the time is up, and reports what it
 * found and did. The page must not have run autoconsent before (one binding
 * per page).
 */
export async function driveConsent(page: Page, action: AutoAction, opts: DriveOptions): Promise<AutoconsentOutcome> {
  const timeoutMs = opts.timeoutMs;
  const detectMs = Math.min(opts.detectMs ?? 10_000, timeoutMs);
  const { script, rules } = loadAssets();
  const outcome: AutoconsentOutcome = { cmp: null, popupFound: false, result: null, done: false, errors: [] };
  // The top document gave up looking for a consent manager (frames may still find one).
  let nothingInPage = false;
  const config = {
    enabled: true,
    autoAction: action,
    disabledCmps: [],
    enablePrehide: false,
    detectRetries: 10,
    enableCosmeticRules: false,
    enableFilterList: false,
  };
  await page.exposeBinding(BINDING, async ({ frame }: { frame: Frame }, message: ContentMessage) => {
    switch (message.type) {
      case "init":
        await reply(frame, { type: "initResp", config, rules: { autoconsent: rules } });
        break;
      case "eval": {
        let result: unknown = false;
        try {
          result = await frame.evaluate(message.code ?? "false");
        } catch (error) {
          outcome.errors.push(`a check failed to run: ${(error as Error).message.split("\n")[0]}`);
        }
        await reply(frame, { id: message.id, type: "evalResp", result });
        break;
      }
      case "cmpDetected":
        outcome.cmp = message.cmp ?? outcome.cmp;
        break;
      case "popupFound":
        outcome.cmp = message.cmp ?? outcome.cmp;
        outcome.popupFound = true;
        break;
      case "optOutResult":
      case "optInResult":
        outcome.result = message.result ?? null;
        break;
      case "autoconsentDone":
        outcome.cmp = message.cmp ?? outcome.cmp;
        outcome.done = true;
        break;
      case "report":
        if (message.mainFrame === true && message.state?.lifecycle === "nothingDetected") nothingInPage = true;
        break;
      case "autoconsentError":
        outcome.errors.push(JSON.stringify(message.details ?? null).slice(0, 300));
        break;
    }
  });
  const inject = (frame: Frame) => frame.evaluate(script).catch(() => undefined);
  const onNavigated = (frame: Frame) => void inject(frame);
  page.on("framenavigated", onNavigated);
  try {
    await Promise.all(page.frames().map(inject));
    const started = Date.now();
    const deadline = started + timeoutMs;
    const nothingFound = () => outcome.cmp === null && !outcome.popupFound && (nothingInPage || Date.now() - started >= detectMs);
    const settled = () => outcome.done || outcome.result === false || nothingFound();
    while (Date.now() < deadline && !settled()) await page.waitForTimeout(100);
  } finally {
    page.off("framenavigated", onNavigated);
  }
  return outcome;
}
