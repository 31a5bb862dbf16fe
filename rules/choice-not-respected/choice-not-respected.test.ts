import { choiceNotRespected } from "./index.js";
import { ruleTester } from "../__fixtures__/rule-tester.js";
import { makeModel } from "../__fixtures__/model-builder.js";
import { behaviour, cookie, request } from "../__fixtures__/behaviour-scenes.js";
import type { Behaviour } from "../../lint/behaviour/types.js";

const refused = [{ action: "click", targetText: "Reject all" }];
const state = (b: Behaviour | null, flowActions = refused, extra: Parameters<typeof makeModel>[0] = {}) =>
  makeModel({ url: "https://news.example/", lang: "en", behaviour: b, flowActions, ...extra });

ruleTester(choiceNotRespected, {
  invalid: [
    {
      name: "a new _ga cookie and an analytics beacon after the person refused",
      model: state(
        behaviour({
          cookies: [cookie("_ga")],
          requests: [request("https://www.google-analytics.com/g/collect", { resourceType: "ping" })],
        }),
      ),
      errors: [
        { text: "_ga", message: /after the person refused/u },
        { text: "www.google-analytics.com", message: /after the person refused/u },
      ],
    },
    {
      name: "a --consent reject run: Consent Mode updated to granted after refusing",
      model: state(
        behaviour({
          signals: { tcf: null, consentMode: { default: { ad_storage: "denied" }, update: { ad_storage: "granted" } }, manager: null },
        }),
        [{ action: "reject", targetText: "Klaro (autoconsent)" }],
      ),
      errors: [{ message: /Consent Mode ad_storage/u }],
    },
    {
      name: "after reloading, the consent request asks again",
      model: state(behaviour(), [...refused, { action: "reload", targetText: "" }], {
        regions: [{ id: "page" }, { id: "b", kind: "banner" }],
        texts: [{ text: "We use cookies for analytics and personalised advertising.", regionId: "b" }],
        actions: [
          { text: "Accept all", regionId: "b" },
          { text: "Reject all", regionId: "b", filled: false },
        ],
      }),
      errors: [{ message: /shown again after reloading: the refusal was not kept/u, evidence: { kind: "refusal-forgotten" } }],
    },
  ],
  valid: [
    {
      name: "a _ga cookie set before the refusal (not new in this state) is tracking-before-consent's, not this rule's",
      model: state(behaviour({ cookies: [cookie("_ga", { new: false })] })),
      passes: 1,
    },
    { name: "before any choice the rule does not judge", model: state(behaviour({ cookies: [cookie("_ga")] }), []), inapplicable: true },
    {
      name: "after accepting the rule does not judge",
      model: state(behaviour({ cookies: [cookie("_ga")] }), [{ action: "click", targetText: "Accept all" }]),
      inapplicable: true,
    },
  ],
  incomplete: [{ name: "nothing recorded (static mode)", model: state(null), incomplete: [{ reason: "behaviour-not-recorded" }] }],
});
