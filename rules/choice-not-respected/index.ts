/**
 * choice-not-respected: after the person refuses, the page still sets new
 * tracking data, sends tracker requests or signals consent as granted, on
 * that step, on later steps or after a reload; or the refusal is not kept
 * (the consent request is back after a reload).
 */
import type { PageModel } from "../../lint/model.js";
import type { PassEntry, Rule, RuleContext, RuleFinding, RuleIncomplete, RuleOutcome } from "../../lint/types.js";
import { choiceSoFar } from "../../lint/behaviour/choice-so-far.js";
import { choiceLayers, consentView, langHint, reportedText, shownText, strongest } from "../../lint/consent/index.js";
import { behaviourFindings } from "../behaviour-findings.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { finishOutcome } from "../outcome.js";
import { notRecorded } from "../tracking-before-consent/index.js";

const ID = "choice-not-respected";

/** After a reload, the consent request asks again: the refusal was not kept. */
function requestBack(model: PageModel, languages: readonly string[]): RuleFinding | null {
  const last = model.flowActions[model.flowActions.length - 1];
  if (last?.action !== "reload") return null;
  const layer = choiceLayers(consentView(model, languages), languages).find((l) => l.accept.length > 0 && l.region.region.kind !== "page");
  const accept = layer ? strongest(layer.accept) : null;
  if (!layer || !accept) return null;
  return {
    messageId: "refusalForgotten",
    data: { accept: reportedText(shownText(accept.element), 60) },
    selector: layer.region.region.selector,
    role: layer.region.region.kind,
    name: layer.region.region.label,
    text: reportedText(layer.request?.text ?? shownText(accept.element)),
    evidence: { kind: "refusal-forgotten", accept: shownText(accept.element), afterAction: "reload" },
    fingerprintParts: ["refusal-forgotten"],
  };
}

function check(model: PageModel, ctx: RuleContext): RuleOutcome {
  if (choiceSoFar(model.flowActions, undefined, langHint(model)) !== "refused") return finishOutcome([], [], []);
  const b = model.behaviour;
  if (b === null) return finishOutcome([], [], notRecorded());
  const findings = behaviourFindings(b, "new", "afterRefusal");
  const forgotten = requestBack(model, ctx.languages);
  if (forgotten) findings.push(forgotten);
  const passes: Omit<PassEntry, "ruleId">[] =
    findings.length === 0
      ? [{ selector: "html", role: "page", name: "", text: "No new tracking data, tracker request or granted signal after refusing" }]
      : [];
  const incomplete: RuleIncomplete[] = b.truncated
    ? [{ reason: "requests-truncated", message: "The page sent more requests than were recorded; later ones were not judged" }]
    : [];
  return finishOutcome(findings, passes, incomplete);
}

export const choiceNotRespected: Rule = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "error",
    description: "After the person refuses, the page must stop tracking them",
    title: "Refusal ignored",
    explanation:
      "The person said no, and the page went on storing tracking cookies, sending data to advertising or analytics companies, or telling them consent was given; or it forgot the refusal and asked again on the next visit. A refusal has to be respected and kept.",
    fullDescription:
      "On every state after the person refused (a flow's click on a refuse control, a step declaring `expect: refused`, or the refusal of a `--consent reject` run), fires on each tracking cookie or storage key set during that state, each tracker host it sent requests to, and consent signalled as granted; and, after a reload, on the consent request shown again (the refusal was not kept). Evidence names each cookie, key, request or signal, who set or sent it and when. Static mode records nothing: incomplete.",
    docsUrl: docsUrl(ID),
    legal: [LEGAL.gdprArt7_3, LEGAL.ePrivacyArt5_3, LEGAL.gdprArt7, LEGAL.gdprArt4_11],
    messages: {
      afterRefusal: "{{what}} ({{who}}) after the person refused: {{how}}",
      refusalForgotten: 'The consent request ("{{accept}}") is shown again after reloading: the refusal was not kept',
    },
    restsOn: { findings: ["scripts"], passes: ["scripts"] },
  },
  check,
};
