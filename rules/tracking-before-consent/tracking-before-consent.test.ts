import { trackingBeforeConsent } from "./index.js";
import { ruleTester } from "../__fixtures__/rule-tester.js";
import { makeModel } from "../__fixtures__/model-builder.js";
import { behaviour, cookie, request, storage } from "../__fixtures__/behaviour-scenes.js";
import type { Behaviour } from "../../lint/behaviour/types.js";

const page = (b: Behaviour | null, flowActions: { action: string; targetText: string }[] = []) =>
  makeModel({ url: "https://news.example/", lang: "en", behaviour: b, flowActions });

ruleTester(trackingBeforeConsent, {
  invalid: [
    {
      name: "Google Analytics' _ga cookie, a hotjar storage key and a beacon to an analytics host before any choice",
      model: page(
        behaviour({
          cookies: [cookie("_ga"), cookie("session_id")],
          storage: [storage("_hjSessionUser_123")],
          requests: [
            request("https://news.example/app.js", { resourceType: "script" }),
            request("https://www.google-analytics.com/g/collect?v=2", { resourceType: "ping" }),
            request("https://www.google-analytics.com/g/collect?v=2&en=scroll", { resourceType: "ping", atMs: 900 }),
          ],
        }),
      ),
      errors: [
        {
          text: "_ga",
          message: /^cookie "_ga" \(Google.*\) before the person made any choice: set by a script/u,
          evidence: { kind: "cookie" },
        },
        { text: "_hjSessionUser_123", evidence: { kind: "storage" } },
        {
          text: "www.google-analytics.com",
          message: /^2 requests to www\.google-analytics\.com/u,
          evidence: { kind: "request", count: 2 },
        },
      ],
    },
    {
      name: "any third-party cookie, and a third-party request carrying an identifier cookie",
      model: page(
        behaviour({
          cookies: [
            cookie("uid", {
              domain: "tracker.test",
              site: "tracker.test",
              party: "third",
              setBy: { kind: "response", url: "https://tracker.test/px" },
            }),
          ],
          requests: [request("https://tracker.test/px", { cookiesSent: ["uid"] })],
        }),
      ),
      errors: [
        { text: "uid", message: /a third-party cookie/u },
        { text: "tracker.test", message: /carrying "uid"/u },
      ],
    },
    {
      name: "TCF purposes and Consent Mode signalled as granted before any choice",
      model: page(
        behaviour({
          signals: {
            tcf: {
              cmpId: 10,
              gdprApplies: true,
              eventStatus: "tcloaded",
              purposeConsents: { "1": true, "3": true, "4": true },
              vendorConsents: 120,
            },
            consentMode: { default: { ad_storage: "granted", analytics_storage: "denied" }, update: null },
            manager: null,
          },
        }),
      ),
      errors: [{ message: /TCF purposes 3, 4 and Consent Mode ad_storage/u, evidence: { kind: "signal" } }],
    },
  ],
  valid: [
    {
      name: "the site's own session, CSRF and language cookies and the consent manager's choice cookie are not tracking",
      model: page(
        behaviour({
          cookies: [cookie("session_id"), cookie("csrftoken"), cookie("lang"), cookie("cc_cookie")],
          requests: [request("https://news.example/api/articles", { resourceType: "fetch" })],
        }),
      ),
      passes: 1,
    },
    {
      name: "after a refusal the rule does not judge (choice-not-respected does)",
      model: page(behaviour({ cookies: [cookie("_ga")] }), [{ action: "click", targetText: "Reject all" }]),
      inapplicable: true,
    },
  ],
  incomplete: [{ name: "nothing recorded (static mode)", model: page(null), incomplete: [{ reason: "behaviour-not-recorded" }] }],
});
