/**
 * bundled-consent: consent to optional processing is tied to an action or
 * control whose primary purpose is something else, so the person cannot do
 * what they came for without also granting it, or grants it without a
 * separate choice.
 */
import type { ActionElement, PageModel } from "../../lint/model.js";
import type { ConsentAnalysis } from "../../lint/language/types.js";
import type { Evidence, PassEntry, Rule, RuleContext, RuleFinding, RuleOutcome } from "../../lint/types.js";
import { analyzeConsent } from "../../lint/language/index.js";
import {
  consentView,
  langHint,
  reportedText,
  type ConsentView,
  type ControlView,
  type RegionView,
  type StatementView,
} from "../../lint/consent/index.js";
import { controlEvidence, controlPass, purposeKey, statementEvidence, statementPass } from "../evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { controlNoun, purposeWords, stepWords } from "../message-words.js";
import { blindSpotIncompletes, finishOutcome, unreadIncompletes } from "../outcome.js";
import { isPreChecked } from "../pre-checked-opt-in/index.js";
import { namesAction } from "./action-names.js";
import { familyCount, separateGrants } from "./purpose-families.js";

const ID = "bundled-consent";

/** How consent is tied to the step's purpose (Evidence.bundling). */
type Bundling = "pre-checked" | "opt-out-unticked" | "required" | "blocks-submit" | "statement" | "multi-purpose" | "terms-and-optional";

/** What the wording itself bundles: required terms with optional processing, or unrelated optional purposes. */
function wordingBundles(analysis: ConsentAnalysis): Bundling[] {
  const out: Bundling[] = [];
  if (analysis.optionalConsent && analysis.requiredTerms) out.push("terms-and-optional");
  if (familyCount(analysis.purposes) >= 2 || separateGrants(analysis.purposeClauses)) out.push("multi-purpose");
  return out;
}

/** Radios and selects always offer another option, so `required` alone does not force the granting one. */
function isSingleChoice(c: ControlView): boolean {
  return c.control.kind !== "radio" && c.control.kind !== "select";
}

function controlBundling(c: ControlView, view: ConsentView): Bundling[] {
  const out: Bundling[] = [];
  if (isPreChecked(c)) out.push(c.tickingRefuses ? "opt-out-unticked" : "pre-checked");
  if (isSingleChoice(c)) {
    if (c.control.required) out.push("required");
    const groupAction = view.primaryActionOfGroup(c.control.groupId);
    if (c.control.checked !== true && groupAction?.disabled) out.push("blocks-submit");
  }
  if (c.polarity !== "refuse") out.push(...wordingBundles(c.analysis));
  return out;
}

/** A statement is attached to the primary action when it sits in the button's form or group, or names the button. */
function statementAttached(s: StatementView): boolean {
  const primary = s.region.primaryAction;
  if (!primary) return false;
  if (s.block.groupId !== null && s.block.groupId === primary.groupId) return true;
  return s.analysis.statementAction !== null && namesAction(s.analysis.statementAction, primary.text);
}

/** How the consent is tied, in the message's parenthesis. */
const HOW: Partial<Record<Bundling, string>> = {
  "pre-checked": "ticked in advance",
  "opt-out-unticked": "an opt-out box left unticked",
  required: "required to continue",
  "blocks-submit": "the button stays disabled until it is ticked",
  statement: "stated in the page text",
};

/** The step's action in words: the button in quotes, or what the step is for. */
function actionWords(region: RegionView, actionFor: ActionElement | null): string {
  const action = actionFor ?? region.primaryAction;
  return action ? `"${reportedText(action.text, 60)}"` : stepWords(region.purpose.purpose);
}

/** The finding's message by id, with its words: how the consent is tied, in a parenthesis after the message. */
function message(
  bundling: readonly Bundling[],
  analysis: ConsentAnalysis,
  region: RegionView,
  noun: string,
  groupAction: ActionElement | null,
): Pick<RuleFinding, "messageId" | "data"> {
  const how = bundling.flatMap((b) => HOW[b] ?? []);
  const data = { noun, purposes: purposeWords(analysis.purposes), how: how.length > 0 ? ` (${how.join("; ")})` : "" };
  if (bundling.includes("terms-and-optional")) return { messageId: "termsAndOptional", data };
  if (bundling.includes("multi-purpose")) return { messageId: "multiPurpose", data };
  return { messageId: "tiedToAction", data: { ...data, action: actionWords(region, groupAction) } };
}

function bundledEvidence(
  base: Evidence,
  bundling: readonly Bundling[],
  region: RegionView,
  action: ActionElement | null,
  model: PageModel,
): Evidence {
  const primary = action ?? region.primaryAction;
  return {
    ...base,
    primaryPurpose: region.purpose.purpose,
    bundling: [...bundling],
    ...(primary ? { primaryAction: reportedText(primary.text, 120) } : {}),
    viewport: model.viewport,
  };
}

function controlFinding(c: ControlView, bundling: Bundling[], view: ConsentView, model: PageModel): RuleFinding {
  const groupAction = view.primaryActionOfGroup(c.control.groupId);
  return {
    ...message(bundling, c.analysis, c.region, controlNoun(c.control.kind), groupAction),
    selector: c.control.selector,
    role: c.control.role,
    name: c.control.name,
    text: reportedText(c.text),
    evidence: bundledEvidence(controlEvidence(c), bundling, c.region, groupAction, model),
    fingerprintParts: ["control", c.control.kind, purposeKey(c.analysis.purposes)],
  };
}

function statementFinding(s: StatementView, model: PageModel): RuleFinding {
  const bundling: Bundling[] = ["statement"];
  return {
    ...message(bundling, s.analysis, s.region, "statement", null),
    selector: s.block.selector,
    role: "text",
    name: "",
    text: reportedText(s.block.text),
    evidence: bundledEvidence(statementEvidence(s), bundling, s.region, null, model),
    fingerprintParts: ["statement", "text", purposeKey(s.analysis.purposes)],
  };
}

/** Buttons of non-consent steps whose own label accepts terms with optional processing, or unrelated purposes at once. */
function buttonFindings(view: ConsentView, model: PageModel): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const region of view.regions) {
    if (region.consentStep) continue;
    for (const action of region.actions) {
      const analysis = analyzeConsent(action.text, { langHint: langHint(model), role: "control" });
      if (analysis.status !== "understood" || !analysis.optionalConsent) continue;
      const bundling = wordingBundles(analysis);
      if (bundling.length === 0) continue;
      out.push({
        ...message(bundling, analysis, region, "button", action),
        selector: action.selector,
        role: action.role,
        name: action.text,
        text: reportedText(action.text),
        evidence: bundledEvidence(
          { purposes: analysis.purposes, language: analysis.language.language, disabled: action.disabled },
          bundling,
          region,
          action,
          model,
        ),
        fingerprintParts: ["button", action.role, purposeKey(analysis.purposes)],
      });
    }
  }
  return out;
}

function check(model: PageModel, ctx: RuleContext): RuleOutcome {
  const view = consentView(model, ctx.languages);
  const findings: RuleFinding[] = [];
  const passes: Omit<PassEntry, "ruleId">[] = [];
  for (const c of view.consentControls) {
    const bundling = c.region.consentStep ? [] : controlBundling(c, view);
    if (bundling.length > 0) findings.push(controlFinding(c, bundling, view, model));
    else passes.push(controlPass(c));
  }
  for (const s of view.statements) {
    if (!s.region.consentStep && statementAttached(s)) findings.push(statementFinding(s, model));
    else passes.push(statementPass(s));
  }
  findings.push(...buttonFindings(view, model));
  const incomplete = [...unreadIncompletes(view.unread, new Set(["control", "text"])), ...blindSpotIncompletes(model)];
  return finishOutcome(findings, passes, incomplete);
}

export const bundledConsent: Rule = {
  meta: {
    id: ID,
    version: "1.1.0",
    severity: "error",
    description: "Consent to optional processing must not be tied to what the user came to do",
    title: "Consent tied to something else",
    explanation:
      "Agreeing to an optional use of personal data is tied to what the person came to do, such as viewing a report, paying or signing up. Consent has to be separate from the service and free to refuse.",
    fullDescription:
      'Finds consent to optional processing tied to a step whose primary purpose is something else (viewing a report, entering a lottery, signing up, paying, installing, booking, playing): a consent control already granting (pre-ticked), required, or blocking the main button until ticked; a consent statement attached to the main button ("by clicking Pay you agree to share ..."); and one checkbox or button that accepts required terms together with optional processing, or several unrelated optional purposes at once. Dedicated consent dialogs and privacy-settings steps are not bundling.',
    docsUrl: docsUrl(ID),
    legal: [
      LEGAL.gdprArt7_2,
      LEGAL.gdprArt7_4,
      LEGAL.gdprRecital43,
      LEGAL.edpb052020Granularity,
      LEGAL.piplArt14,
      LEGAL.piplArt23,
      LEGAL.cacNecessaryScope2021,
    ],
    messages: {
      termsAndOptional: "Accepting the terms with this {{noun}} also grants consent to {{purposes}}{{how}}",
      multiPurpose: "One {{noun}} grants consent to unrelated purposes at once: {{purposes}}{{how}}",
      tiedToAction: "Consent to {{purposes}} is tied to {{action}}{{how}}",
    },
    // Findings and passes rest on each step's purpose and main button; a pass also on no script ticking or requiring a box later.
    restsOn: { findings: ["button-ranking"], passes: ["button-ranking", "scripts"] },
  },
  check,
};
