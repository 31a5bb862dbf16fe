/**
 * Where a state's signalled consent is filled in (rules.md, "Signalled
 * consent": the IAB TCF API, Google Consent Mode in `dataLayer`, the consent
 * manager's own state). Not read yet: every signal is null until the reader
 * of signals replaces `readConsentSignals`.
 */
import type { Page } from "playwright";
import type { ConsentSignals } from "./types.js";

export function noSignals(): ConsentSignals {
  return { tcf: null, consentMode: null, manager: null };
}

/** The consent the page signals at the end of a state. Hook for the signal reader: returns no signals for now. */
export function readConsentSignals(page: Page): Promise<ConsentSignals> {
  void page;
  return Promise.resolve(noSignals());
}
