/**
 * implicit-consent: continuing, scrolling, browsing, closing the notice or
 * using the service is said to count as consent to optional processing, or
 * a notice about optional processing offers only acknowledgement.
 */
import type { PageModel } from "../../lint/model.js";
import type { PassEntry, Rule, RuleContext, RuleFinding, RuleIncomplete, RuleOutcome } from "../../lint/types.js";
import {
  choiceLayers,
  consentView,
  isShown,
  normaliseSpace,
  reportedText,
  shownText,
  type ChoiceLayer,
  type StatementView,
} from "../../lint/consent/index.js";
import { isConduct } from "../../lint/language/index.js";
import { choiceMeasures, layerPass, layerWord, meaningKey, unreadLayer } from "../choice-evidence.js";
import { purposeKey, statementEvidence, statementPass } from "../evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { purposeWords } from "../message-words.js";
import { blindSpotIncompletes, finishOutcome, unreadIncompletes } from "../outcome.js";

const ID = "implicit-consent";

/** A word's stem for comparing a statement's action with a button ("continuing" and "Continue"). */
const stem = (word: string) => word.toLowerCase().replace(/(?:ing|e|s)$/u, "");

/** The statement's action is a button of the page ("By continuing" beside a "Continue" button, "点击继续" beside "继续"): a click, not silence. */
function namesAButton(action: string, buttons: readonly string[]): boolean {
  const said = normaliseSpace(action).toLowerCase();
  const first = stem(said.split(" ")[0] ?? "");
  return buttons.some((b) => {
    const label = normaliseSpace(b).toLowerCase();
    if (label === "" || label.length > 30) return false;
    return said.includes(label) || (first.length >= 3 && stem(label.split(" ")[0] ?? "") === first);
  });
}

/** A statement that takes conduct (continuing, browsing, scrolling, closing, using) as consent to optional processing, not a click on a button it names. */
export function takesConductAsConsent(s: StatementView, buttons: readonly string[] = []): boolean {
  const action = conductPhrase(s);
  return action !== null && isConduct(action, s.block.lang ?? s.analysis.language.language) === true && !namesAButton(action, buttons);
}

/**
 * What the statement says grants: the action it names, else the words of its
 * sentence before the grant ("By scrolling this page, clicking a link or
 * carrying on using the site, you agree ..."), where a list of conduct is not
 * one action.
 */
function conductPhrase(s: StatementView): string | null {
  if (s.analysis.statementAction !== null) return s.analysis.statementAction;
  const grant = s.analysis.grantWording;
  if (!grant) return null;
  const text = s.block.text;
  const at = text.toLowerCase().indexOf(grant.toLowerCase());
  if (at <= 0) return grant;
  const before = text.slice(0, at);
  const start = Math.max(...[".", "!", "?", "。", "！", "？", ";", "；"].map((mark) => before.lastIndexOf(mark))) + 1;
  return before.slice(start).trim() || grant;
}

function statementFinding(s: StatementView, model: PageModel): RuleFinding {
  return {
    messageId: "conduct",
    data: { conduct: reportedText(conductPhrase(s) ?? "", 60), purposes: purposeWords(s.analysis.purposes) },
    selector: s.block.selector,
    role: "text",
    name: "",
    text: reportedText(s.block.text),
    evidence: { ...statementEvidence(s), conduct: conductPhrase(s), region: s.region.region.kind, viewport: model.viewport },
    fingerprintParts: ["conduct", purposeKey(s.analysis.purposes)],
  };
}

function acknowledgeFinding(layer: ChoiceLayer): RuleFinding {
  const notice = layer.request ?? layer.blocks[0];
  const ok = layer.acknowledge[0];
  return {
    messageId: "acknowledgeOnly",
    data: { layer: layerWord(layer), purposes: purposeWords(layer.purposes), acknowledge: reportedText(shownText(ok.element), 40) },
    selector: notice?.selector ?? layer.region.region.selector,
    role: "text",
    name: "",
    text: reportedText(notice?.text ?? shownText(ok.element)),
    evidence: {
      layer: layerWord(layer),
      purposes: layer.purposes,
      acknowledge: layer.acknowledge.map(choiceMeasures),
      settings: layer.settings.map(choiceMeasures),
      language: layer.langHint,
    },
    fingerprintParts: ["acknowledge-only", purposeKey(layer.purposes), meaningKey(shownText(ok.element), layer.langHint)],
  };
}

function check(model: PageModel, ctx: RuleContext): RuleOutcome {
  const view = consentView(model, ctx.languages);
  const findings: RuleFinding[] = [];
  const passes: Omit<PassEntry, "ruleId">[] = [];
  const incomplete: RuleIncomplete[] = [];
  const regionsWithStatement = new Set<string>();
  // The buttons of the statement's own step: a "Continue" elsewhere on the page is not the one it names.
  const shown = [...model.actions, ...model.links].filter((a) => isShown(a.visibility));
  const buttonsOf = (s: StatementView) => shown.filter((a) => a.regionId === s.block.regionId).map(shownText);
  for (const s of view.statements) {
    if (!takesConductAsConsent(s, buttonsOf(s))) continue;
    findings.push(statementFinding(s, model));
    regionsWithStatement.add(s.region.region.id);
  }
  for (const layer of choiceLayers(view, ctx.languages)) {
    if (regionsWithStatement.has(layer.region.region.id)) continue;
    if (layer.unread) {
      // Unread running text is reported once per region below; a layer whose only unread words are its buttons, here.
      if (!view.unread.some((u) => u.kind === "text" && u.regionId === layer.region.region.id)) incomplete.push(unreadLayer(layer));
      continue;
    }
    // A layer with consent controls is answered by them ("Continue" saves the boxes); only a notice without any offers no choice.
    const controls = view.controls.some((c) => c.control.regionId === layer.region.region.id);
    // A notice is a layer over the page; a page of settings whose only button is "Close" is answered by its controls.
    const notice = layer.region.region.kind !== "page";
    const acknowledgeOnly = notice && layer.acknowledge.length > 0 && layer.accept.length === 0 && layer.refuse.length === 0 && !controls;
    if (acknowledgeOnly && (layer.purposes.length > 0 || layer.unstatedPurposes)) findings.push(acknowledgeFinding(layer));
    else passes.push(layerPass(layer));
  }
  for (const s of view.statements)
    if (!takesConductAsConsent(s, buttonsOf(s)) && !regionsWithStatement.has(s.region.region.id)) passes.push(statementPass(s));
  incomplete.push(...unreadIncompletes(view.unread, new Set(["text"])), ...blindSpotIncompletes(model));
  return finishOutcome(findings, passes, incomplete);
}

export const implicitConsent: Rule = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "error",
    description: "Continuing, scrolling or closing a notice must not be taken as consent",
    title: "Consent taken from silence",
    explanation:
      'The page treats doing nothing in particular (carrying on, scrolling, closing the notice, or pressing "OK" on a notice that offers no choice) as agreeing to optional tracking, ads or data sharing. Consent has to be a clear, active yes, and people must be able to say no.',
    fullDescription:
      'Fires on text saying that continuing, browsing, scrolling, closing the notice or using the service counts as consent to optional processing ("By continuing to browse you agree to our use of cookies for analytics and advertising", "Wenn Sie die Website weiter nutzen, stimmen Sie ... zu", "继续使用即表示您同意..."), even beside a refuse control, and on a notice about optional processing that offers only acknowledgement ("OK", "Got it", "Verstanden", "知道了") and no refuse control. A notice about strictly necessary cookies only does not fire, nor does a statement tied to a named button ("By clicking Accept you agree ..."). Text in languages the linter cannot read is incomplete.',
    docsUrl: docsUrl(ID),
    legal: [LEGAL.gdprRecital32, LEGAL.gdprArt4_11, LEGAL.edpb052020Scrolling, LEGAL.planet49],
    messages: {
      conduct: "The page says that {{conduct}} counts as consent to {{purposes}}: silence or carrying on is not consent",
      acknowledgeOnly: 'The {{layer}} about {{purposes}} offers only "{{acknowledge}}": there is no way to refuse',
    },
    // A statement rests on its text being shown; an acknowledgement-only notice also on no refuse control being shown by script.
    restsOn: { findings: ["styles", "scripts"], passes: ["styles", "scripts"] },
  },
  check,
};
