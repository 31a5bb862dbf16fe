/**
 * pre-checked-opt-in: a consent control for optional processing is in the
 * granting state before the user has acted on it.
 */
import type { PageModel } from "../../lint/model.js";
import type { PassEntry, Rule, RuleContext, RuleFinding, RuleOutcome } from "../../lint/types.js";
import { consentView, reportedText, type ControlView } from "../../lint/consent/index.js";
import { controlEvidence, controlPass, purposeKey } from "../evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { grantedWord, leftWord, purposeWords } from "../message-words.js";
import { blindSpotIncompletes, finishOutcome, unreadIncompletes } from "../outcome.js";

const ID = "pre-checked-opt-in";

/** A control the user has not touched that already grants optional processing. */
export function isPreChecked(c: ControlView): boolean {
  return c.consent && c.granting && !c.control.touchedByFlow;
}

function finding(c: ControlView, model: PageModel): RuleFinding {
  const control = c.control;
  return {
    ...(c.tickingRefuses
      ? { messageId: "optOutLeft", data: { purposes: purposeWords(c.analysis.purposes), left: leftWord(control.kind) } }
      : { messageId: "preChecked", data: { purposes: purposeWords(c.analysis.purposes), granted: grantedWord(control.kind) } }),
    selector: control.selector,
    role: control.role,
    name: control.name,
    text: reportedText(c.text),
    evidence: { ...controlEvidence(c), primaryPurpose: c.region.purpose.purpose, viewport: model.viewport },
    fingerprintParts: ["control", control.kind, purposeKey(c.analysis.purposes)],
  };
}

function check(model: PageModel, ctx: RuleContext): RuleOutcome {
  const view = consentView(model, ctx.languages);
  const findings: RuleFinding[] = [];
  const passes: Omit<PassEntry, "ruleId">[] = [];
  for (const c of view.consentControls) {
    if (isPreChecked(c)) findings.push(finding(c, model));
    else passes.push(controlPass(c));
  }
  const incomplete = [...unreadIncompletes(view.unread, new Set(["control"])), ...blindSpotIncompletes(model)];
  return finishOutcome(findings, passes, incomplete);
}

export const preCheckedOptIn: Rule = {
  meta: {
    id: ID,
    version: "1.1.0",
    severity: "error",
    description: "Consent to optional processing must not be granted before the user acts",
    title: "Consent ticked in advance",
    explanation:
      "The box (or switch, or choice) that gives consent was already on when the page opened. Consent has to be an active choice by the person: a box they must notice and untick is not consent.",
    fullDescription:
      "Finds checkboxes, switches, radios and selects that grant consent to optional processing (sharing with third parties, credit scoring, marketing, personalised ads, analytics cookies, location, contacts, biometrics, model training) and are already in the granting state when the page is shown, before the user has touched them. The state is read from the live DOM, so boxes ticked by script, inside iframes, shadow roots or collapsed sections count too. Remember-me boxes, interface preferences, boxes that only accept required terms and strictly necessary categories are not consent to optional processing.",
    docsUrl: docsUrl(ID),
    legal: [
      LEGAL.gdprArt4_11,
      LEGAL.gdprArt7,
      LEGAL.gdprRecital32,
      LEGAL.planet49,
      LEGAL.ePrivacyArt5_3,
      LEGAL.edpb052020,
      LEGAL.edpb032022Snugness,
      LEGAL.piplArt14,
      LEGAL.gbt35273,
      LEGAL.ftcAct5,
      LEGAL.ftcDarkPatterns2022,
    ],
    messages: {
      preChecked: "Opt-in to {{purposes}} is {{granted}} before the user acts",
      optOutLeft: "Consent to {{purposes}} is given by an opt-out box {{left}} before the user acts: only ticking it refuses",
    },
    // A finding rests on the control's state in the HTML as served (a `checked` attribute); a pass on no script ticking it later.
    restsOn: { findings: [], passes: ["scripts"] },
  },
  check,
};
