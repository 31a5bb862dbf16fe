import { expect as base, test, type Page } from "@playwright/test";
import { consentlintMatchers } from "consentlint/playwright";

const expect = base.extend(consentlintMatchers);

const signup = new URL("./pages/signup.html", import.meta.url).href;

/** Opens the signup and reaches its second part, where the consent boxes are. */
async function reachDetails(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("textbox", { name: "Email" }).fill("sam@example.com");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
}

test("the signup's second part passes consentlint", async ({ page }) => {
  await reachDetails(page, signup);
  await expect(page).toPassConsentLint();
});

test("a box the test ticked itself is the user's choice, not a finding", async ({ page }) => {
  await reachDetails(page, signup);
  const offers = page.getByLabel("Email me route ideas and offers");
  await offers.check();
  // Without `touched`, the ticked box would look pre-checked: the matcher sees the state, not who set it.
  await expect(page).not.toPassConsentLint();
  await expect(page).toPassConsentLint({ touched: [offers] });
});

test("variant B pre-ticks sharing with partners: consentlint fails", async ({ page }) => {
  await reachDetails(page, `${signup}?variant=b`);
  await expect(page).not.toPassConsentLint();
});

test("the failure message lists rule, message and consent text for each finding", async ({ page }, testInfo) => {
  await reachDetails(page, `${signup}?variant=b`);
  const error = await expect(page)
    .toPassConsentLint()
    .then(() => null, (e: Error) => e);
  expect(error, "variant B should fail consentlint").not.toBeNull();
  const message = error!.message;
  await testInfo.attach("consentlint failure message", { body: message, contentType: "text/plain" });
  expect(message).toContain("consentlint found 2 problems");
  expect(message).toMatch(/1\. pre-checked-opt-in \(error\): .+/);
  expect(message).toMatch(/2\. bundled-consent \(error\): .+/);
  expect(message).toContain('text:     "Share my profile with outdoor brands we partner with so they can send me offers"');
  expect(message).toContain('element:  checkbox "Share my profile with outdoor brands');
});
