/**
 * The states of a consent run (`--consent reject|accept|both`) on a page
 * without a flow file: the first visit with its consent request (`banner`),
 * the page after refusing or accepting through the page's own consent
 * manager (`after-reject`, `after-accept`), and the same page loaded again
 * in the same profile (`after-reject-reload`, `after-accept-reload`). The
 * choice is made by autoconsent; where it recognises no consent manager, by
 * clicking the refuse (or accept) button the page shows, and the state's
 * record says which.
 */
import type { Page } from "playwright";
import type { FlowActionRecord } from "../model.js";
import { choiceAction } from "../language/index.js";
import { driveConsent, type AutoAction } from "./autoconsent.js";

export type ConsentMode = "reject" | "accept" | "both";
export type ConsentChoice = "reject" | "accept";

/** A state of a consent run: its name and what is done before it is linted. */
export interface ConsentStep {
  name: string;
  act?: (page: Page, timeoutMs: number) => Promise<FlowActionRecord[]>;
}

/** What a person can press to answer a consent request. */
const PRESSABLE = "button, a[href], [role=button], input[type=button], input[type=submit]";

/** Buttons and links a person could press, with the text they show, in page order (top document). */
async function pageChoices(page: Page): Promise<{ index: number; text: string }[]> {
  const texts = await page
    .locator(PRESSABLE)
    .evaluateAll((els) =>
      els.map((el) => {
        const box = (el as HTMLElement).getBoundingClientRect();
        const shown = box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
        const text = ((el as HTMLInputElement).value || (el as HTMLElement).innerText || el.getAttribute("aria-label") || "").trim();
        return shown ? text.replace(/\s+/g, " ").slice(0, 80) : "";
      }),
    )
    .catch(() => [] as string[]);
  return texts.map((text, index) => ({ index, text })).filter((c) => c.text !== "");
}

/**
 * Refuses or accepts on the page: through autoconsent, else by clicking the
 * first shown control whose words refuse (or accept). The record's action is
 * the choice ("reject" / "accept"); its text names how it was made.
 */
export async function makeChoice(page: Page, choice: ConsentChoice, timeoutMs: number): Promise<FlowActionRecord[]> {
  const action: AutoAction = choice === "reject" ? "optOut" : "optIn";
  const outcome = await driveConsent(page, action, { timeoutMs: Math.max(1000, Math.floor(timeoutMs * 0.8)) });
  if (outcome.cmp !== null && outcome.result === true) return [{ action: choice, targetText: `${outcome.cmp} (autoconsent)` }];
  const lang = await page.evaluate(() => document.documentElement.lang || null).catch(() => null);
  const wanted = choice === "reject" ? "refuse" : "accept";
  const control = (await pageChoices(page)).find((c) => choiceAction(c.text, lang) === wanted);
  if (!control) {
    const why = outcome.cmp === null ? "no consent manager recognised" : `${outcome.cmp} recognised, but autoconsent could not ${choice}`;
    throw new Error(`could not ${choice} on this page: ${why}, and no ${wanted} button was found among the page's own controls`);
  }
  await page
    .locator(PRESSABLE)
    .nth(control.index)
    .click({ timeout: Math.max(1000, Math.floor(timeoutMs * 0.2)) });
  const how = outcome.cmp === null ? "no consent manager recognised" : `autoconsent could not ${choice} on ${outcome.cmp}`;
  return [{ action: choice, targetText: `“${control.text}” clicked on the page (${how})` }];
}

async function reload(page: Page, timeoutMs: number): Promise<FlowActionRecord[]> {
  await page.reload({ waitUntil: "load", timeout: timeoutMs });
  return [{ action: "reload", targetText: "" }];
}

/**
 * The states of one consent run in one profile: the first visit (when it
 * starts the run), the page after the choice, and after a reload.
 */
export function consentSteps(choice: ConsentChoice, withBanner: boolean): ConsentStep[] {
  return [
    ...(withBanner ? [{ name: "banner" }] : []),
    { name: `after-${choice}`, act: (page: Page, timeoutMs: number) => makeChoice(page, choice, timeoutMs) },
    { name: `after-${choice}-reload`, act: reload },
  ];
}

/** The runs a mode asks for, each in a fresh profile: refusing, accepting, or both (the first visit linted once). */
export function consentRuns(mode: ConsentMode): ConsentStep[][] {
  if (mode === "both") return [consentSteps("reject", true), consentSteps("accept", false)];
  return [consentSteps(mode, true)];
}
