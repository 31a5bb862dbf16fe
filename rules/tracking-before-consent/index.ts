/**
 * tracking-before-consent: before the person has made any choice, the page
 * sets tracking cookies or storage, sends requests to third-party trackers,
 * or signals consent as granted.
 */
import type { PageModel } from "../../lint/model.js";
import type { PassEntry, Rule, RuleIncomplete, RuleOutcome } from "../../lint/types.js";
import { choiceSoFar } from "../../lint/behaviour/choice-so-far.js";
import { langHint } from "../../lint/consent/index.js";
import { behaviourFindings } from "../behaviour-findings.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { finishOutcome } from "../outcome.js";

const ID = "tracking-before-consent";

/** A state whose behaviour was not recorded (static mode, or a page that could not be watched). */
export function notRecorded(): RuleIncomplete[] {
  return [{ reason: "behaviour-not-recorded", message: "What the page stored and sent was not recorded (static mode records nothing)" }];
}

function check(model: PageModel): RuleOutcome {
  if (choiceSoFar(model.flowActions, undefined, langHint(model)) !== "none") return finishOutcome([], [], []);
  const b = model.behaviour;
  if (b === null) return finishOutcome([], [], notRecorded());
  const findings = behaviourFindings(b, "all", "beforeConsent");
  const passes: Omit<PassEntry, "ruleId">[] =
    findings.length === 0
      ? [{ selector: "html", role: "page", name: "", text: "No tracking data, tracker request or granted signal before any choice" }]
      : [];
  const incomplete: RuleIncomplete[] = b.truncated
    ? [{ reason: "requests-truncated", message: "The page sent more requests than were recorded; later ones were not judged" }]
    : [];
  return finishOutcome(findings, passes, incomplete);
}

export const trackingBeforeConsent: Rule = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "error",
    description: "Nothing may track the person before they have made a choice",
    title: "Tracking before any choice",
    explanation:
      "Before the person said yes or no, the page already stored tracking cookies, sent data to advertising or analytics companies, or told them consent was given. Consent has to come first: what the page does before the choice is what regulators check in their cookie sweeps.",
    fullDescription:
      "On the first visit (a fresh profile, the page settled) and on every flow step before the person refuses or accepts, fires on each tracking cookie (known analytics and advertising names such as _ga, _fbp, IDE, and any third-party cookie), each tracking storage key, each third-party host a tracker list names or that receives an identifier cookie, and on consent signalled as granted (IAB TCF purposes 2-10, Google Consent Mode, the consent manager's own state). The evidence names each cookie, key, request or signal, who set or sent it and when. The site's session, CSRF, load-balancer and language cookies and the consent manager's own choice cookie are not tracking. Static mode records nothing: incomplete.",
    docsUrl: docsUrl(ID),
    legal: [LEGAL.ePrivacyArt5_3, LEGAL.gdprArt7, LEGAL.planet49, LEGAL.gdprArt4_11],
    messages: {
      beforeConsent: "{{what}} ({{who}}) before the person made any choice: {{how}}",
    },
    restsOn: { findings: ["scripts"], passes: ["scripts"] },
  },
  check,
};
