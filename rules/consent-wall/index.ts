/**
 * consent-wall: the content or service is blocked until the person accepts,
 * with no way to refuse and still use it: a layer or blur covers most of the
 * viewport, scrolling is locked, and the consent request offers no refuse
 * control (or refusing leaves the wall in place).
 */
import type { Blocking, PageModel } from "../../lint/model.js";
import type { PassEntry, Rule, RuleContext, RuleFinding, RuleIncomplete, RuleOutcome } from "../../lint/types.js";
import { shownText, choiceLayers, consentView, langHint, reportedText, strongest, type ChoiceLayer } from "../../lint/consent/index.js";
import { choiceAction, refusalDeniesService } from "../../lint/language/index.js";
import { choiceMeasures, consentOrPay, layerPass, layerWord, meaningKey, unreadLayer } from "../choice-evidence.js";
import { purposeKey } from "../evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { blindSpotIncompletes, finishOutcome } from "../outcome.js";

const ID = "consent-wall";

/** Share of the viewport a layer must cover to block the page ("most of the viewport"). */
const MOST_OF_VIEWPORT = 0.5;

/** The page beneath is blocked: covered or blurred, and scrolling locked. */
export function blocked(b: Blocking): boolean {
  return (b.viewportCovered >= MOST_OF_VIEWPORT || b.blurred) && b.scrollLocked;
}

/** The consent request that makes the wall: the layer covering the page, else the only layer over it. */
function wallLayer(layers: readonly ChoiceLayer[], b: Blocking): ChoiceLayer | null {
  const over = layers.filter((l) => l.region.region.kind !== "page");
  return over.find((l) => l.region.region.id === b.coveringRegionId) ?? (over.length === 1 ? over[0] : null);
}

/** The layer's own sentence saying refusing leaves the service out of reach ("如您拒绝，将无法观看本站视频"), when it has one. */
function statedDenial(layer: ChoiceLayer): string | null {
  return layer.blocks.find((b) => refusalDeniesService(b.text, b.lang ?? layer.langHint) === true)?.text ?? null;
}

/** The flow's last action refused: the wall still up after it means refusing leaves it in place. */
function refusedJustBefore(model: PageModel): string | null {
  const last = model.flowActions[model.flowActions.length - 1];
  return last && last.targetText !== "" && choiceAction(last.targetText, langHint(model)) === "refuse" ? last.targetText : null;
}

function finding(model: PageModel, layer: ChoiceLayer, b: Blocking, refused: string | null, denial: string | null = null): RuleFinding {
  const accept = strongest(layer.accept);
  const request = layer.request?.text ?? (accept ? shownText(accept.element) : "");
  return {
    messageId: refused !== null ? "wallAfterRefusal" : denial !== null ? "refusalDenied" : "wall",
    data: {
      layer: layerWord(layer),
      refused: reportedText(refused ?? "", 40),
      denial: reportedText(denial ?? "", 100),
      covered: `${Math.round(b.viewportCovered * 100)}%`,
    },
    selector: layer.request?.selector ?? layer.region.region.selector,
    role: layer.region.region.kind,
    name: layer.region.region.label,
    text: reportedText(request),
    evidence: {
      layer: layerWord(layer),
      blocking: { ...b, viewportCovered: Math.round(b.viewportCovered * 100) / 100 },
      ...(accept ? { accept: choiceMeasures(accept) } : {}),
      refuse: layer.refuse.map(choiceMeasures),
      settings: layer.settings.map(choiceMeasures),
      ...(refused !== null ? { refusedBy: refused } : {}),
      ...(denial !== null ? { refusalDenied: reportedText(denial) } : {}),
      purposes: layer.purposes,
      language: layer.langHint,
      viewport: model.viewport,
    },
    fingerprintParts: [
      refused !== null ? "wall-after-refusal" : "wall",
      purposeKey(layer.purposes),
      meaningKey(accept ? shownText(accept.element) : "", layer.langHint),
    ],
  };
}

function check(model: PageModel, ctx: RuleContext): RuleOutcome {
  const layers = choiceLayers(consentView(model, ctx.languages), ctx.languages).filter((l) => l.accept.length > 0 || l.unread);
  const findings: RuleFinding[] = [];
  const passes: Omit<PassEntry, "ruleId">[] = [];
  const incomplete: RuleIncomplete[] = [...blindSpotIncompletes(model)];
  const b = model.blocking;
  if (layers.length === 0) return finishOutcome(findings, passes, incomplete);
  if (b === null) {
    incomplete.push({
      reason: "blocking-unknown",
      message: "Whether the consent request blocks the page was not measured (the page was not laid out)",
      selector: layers[0].region.region.selector,
    });
    return finishOutcome(findings, passes, incomplete);
  }
  const layer = blocked(b) ? wallLayer(layers, b) : null;
  if (layer === null) {
    passes.push(...layers.map(layerPass));
    return finishOutcome(findings, passes, incomplete);
  }
  if (layer.unread) incomplete.push(unreadLayer(layer));
  else if (layer.paidAlternative !== null) incomplete.push(consentOrPay(layer));
  else if (refusedJustBefore(model) !== null) findings.push(finding(model, layer, b, refusedJustBefore(model)));
  else if (statedDenial(layer) !== null) findings.push(finding(model, layer, b, null, statedDenial(layer)));
  else if (layer.refuse.length > 0 || layer.laterRefuse.length > 0) passes.push(layerPass(layer));
  else findings.push(finding(model, layer, b, null));
  return finishOutcome(findings, passes, incomplete);
}

export const consentWall: Rule = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "error",
    description: "Content must not be blocked until the person accepts optional processing",
    title: "Accept or you cannot get in",
    explanation:
      "The page is covered or blurred and cannot be scrolled until the person accepts tracking or data use, and there is no way to refuse and still use it. Consent that is the price of entry is not freely given.",
    fullDescription:
      'Fires when a consent request blocks the page (a layer or blur covering at least half the viewport, with scrolling locked, measured in Chromium) and offers an accept control but no refuse control, neither on the layer shown nor on a settings layer in the page, or when it offers refusal but says refusing leaves the service out of reach ("如您拒绝，将无法观看本站视频"), or when a flow refused and the wall stayed up. Does not fire on a blocking request that offers refusal on equal terms (asymmetric-choice judges how equal), nor on an age gate or a login wall (they ask for no consent). An accept-or-subscribe offer is incomplete (consent-or-pay): whether it is lawful depends on the offer (EDPB Opinion 08/2024). Static mode lays nothing out, so it reports consent requests as incomplete.',
    docsUrl: docsUrl(ID),
    legal: [LEGAL.gdprArt7_4, LEGAL.gdprRecitals42_43, LEGAL.edpb052020Walls, LEGAL.edpbOpinion082024],
    messages: {
      wall: "The {{layer}} blocks the page ({{covered}} of the view covered, scrolling locked) until the person accepts, with no way to refuse",
      wallAfterRefusal: 'The page stays blocked after refusing ("{{refused}}"): the {{layer}} still covers it',
      refusalDenied:
        'The {{layer}} blocks the page ({{covered}} of the view covered, scrolling locked) and says refusing leaves it out of reach ("{{denial}}")',
    },
    restsOn: { findings: ["layout", "styles", "scripts"], passes: ["layout", "styles", "scripts"] },
  },
  check,
};
