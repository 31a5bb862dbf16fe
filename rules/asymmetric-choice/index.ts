/**
 * asymmetric-choice: a consent request offers an accept control, and
 * refusing is harder or less visible: no refuse control on the same layer,
 * or one markedly weaker than the accept (smaller type, a much smaller box,
 * faint text beside readable text, plain text beside a button).
 */
import type { PageModel } from "../../lint/model.js";
import type { OptionsSchema, PassEntry, Rule, RuleContext, RuleFinding, RuleIncomplete, RuleOutcome } from "../../lint/types.js";
import { shownText, choiceLayers, consentView, reportedText, strongest, type Choice, type ChoiceLayer } from "../../lint/consent/index.js";
import { choiceMeasures, consentOrPay, layerWord, meaningKey, unreadLayer } from "../choice-evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { listWords } from "../message-words.js";
import { blindSpotIncompletes, finishOutcome } from "../outcome.js";

const ID = "asymmetric-choice";

export type AsymmetricChoiceOptions = {
  /** The refuse control's font size below this share of the accept's is weaker. */
  minFontRatio: number;
  /** The refuse control's box area below this share of the accept's is weaker. */
  minAreaRatio: number;
  /** The refuse control's text contrast below this, while the accept's is at least `readableContrast`, is weaker. */
  faintContrast: number;
  /** Text contrast of an accept control that counts as readable. */
  readableContrast: number;
};

const DEFAULT_OPTIONS: AsymmetricChoiceOptions = { minFontRatio: 0.8, minAreaRatio: 0.5, faintContrast: 3, readableContrast: 4.5 };

const OPTIONS_SCHEMA: OptionsSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    minFontRatio: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 1,
      description: "Refuse font size below this share of the accept's is weaker (default 0.8).",
    },
    minAreaRatio: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 1,
      description: "Refuse box area below this share of the accept's is weaker (default 0.5).",
    },
    faintContrast: {
      type: "number",
      minimum: 1,
      maximum: 21,
      description: "Refuse text contrast below this is faint when the accept's is readable (default 3).",
    },
    readableContrast: {
      type: "number",
      minimum: 1,
      maximum: 21,
      description: "Accept text contrast at or above this is readable (default 4.5).",
    },
  },
};

/** What makes the refuse control weaker than the accept, each with the measures that show it. */
export type Weakness = "font-size" | "area" | "contrast" | "style";

export function weaknesses(accept: Choice, refuse: Choice, o: AsymmetricChoiceOptions): Weakness[] {
  const a = accept.element;
  const r = refuse.element;
  const out: Weakness[] = [];
  if (a.fontPx > 0 && r.fontPx < o.minFontRatio * a.fontPx) out.push("font-size");
  if (a.area > 0 && r.area < o.minAreaRatio * a.area) out.push("area");
  if (r.textContrast !== null && a.textContrast !== null && r.textContrast < o.faintContrast && a.textContrast >= o.readableContrast) {
    out.push("contrast");
  }
  if (a.buttonLike && !r.buttonLike) out.push("style");
  return out;
}

const pct = (n: number) => `${Math.round(n * 100)}%`;
const ratio = (n: number | null) => (n === null ? "unknown" : `${n.toFixed(1)}:1`);

function weaknessWords(w: readonly Weakness[], accept: Choice, refuse: Choice): string {
  const a = accept.element;
  const r = refuse.element;
  return listWords(
    w.map((k) => {
      switch (k) {
        case "font-size":
          return `smaller type (${r.fontPx}px against ${a.fontPx}px)`;
        case "area":
          return `a much smaller box (${pct(r.area / a.area)} of its area)`;
        case "contrast":
          return `faint text (contrast ${ratio(r.textContrast)} against ${ratio(a.textContrast)})`;
        case "style":
          return "plain text beside a button";
      }
    }),
  );
}

function weakerFinding(layer: ChoiceLayer, accept: Choice, refuse: Choice, w: Weakness[]): RuleFinding {
  return {
    messageId: "weakerRefuse",
    data: {
      refuse: reportedText(shownText(refuse.element), 60),
      accept: reportedText(shownText(accept.element), 60),
      weaker: weaknessWords(w, accept, refuse),
    },
    selector: refuse.element.selector,
    role: refuse.element.role,
    name: refuse.element.text,
    text: reportedText(shownText(refuse.element)),
    evidence: {
      layer: layerWord(layer),
      weaker: w,
      accept: choiceMeasures(accept),
      refuse: choiceMeasures(refuse),
      language: layer.langHint,
    },
    fingerprintParts: [
      "weaker-refuse",
      layer.region.region.kind,
      meaningKey(shownText(accept.element), layer.langHint),
      meaningKey(shownText(refuse.element), layer.langHint),
    ],
  };
}

function noRefuseFinding(layer: ChoiceLayer, accept: Choice): RuleFinding {
  const later = layer.laterRefuse.length > 0;
  return {
    messageId: later ? "refuseOnLaterLayer" : "noRefuse",
    data: { layer: layerWord(layer), accept: reportedText(shownText(accept.element), 60) },
    selector: accept.element.selector,
    role: accept.element.role,
    name: accept.element.text,
    text: reportedText(shownText(accept.element)),
    evidence: {
      layer: layerWord(layer),
      accept: choiceMeasures(accept),
      settings: layer.settings.map(choiceMeasures),
      ...(later
        ? { laterRefuse: layer.laterRefuse.map((c) => ({ text: reportedText(shownText(c.element), 80), selector: c.element.selector })) }
        : {}),
      language: layer.langHint,
    },
    fingerprintParts: ["no-refuse", layer.region.region.kind, meaningKey(shownText(accept.element), layer.langHint)],
  };
}

/** A refuse control judged as strong as the accept: the pass names it, as a finding would. */
function choicePass(refuse: Choice): Omit<PassEntry, "ruleId"> {
  const e = refuse.element;
  return { selector: e.selector, role: e.role, name: e.text, text: reportedText(shownText(e)) };
}

function check(model: PageModel, ctx: RuleContext<AsymmetricChoiceOptions>): RuleOutcome {
  const layers = choiceLayers(consentView(model, ctx.languages), ctx.languages);
  const findings: RuleFinding[] = [];
  const passes: Omit<PassEntry, "ruleId">[] = [];
  const incomplete: RuleIncomplete[] = [];
  for (const layer of layers) {
    const accept = strongest(layer.accept);
    // A notice about strictly necessary cookies only asks for no consent: its "Accept" only closes it.
    if (layer.necessaryOnly) continue;
    if (accept === null) {
      if (layer.unread) incomplete.push(unreadLayer(layer));
      continue;
    }
    if (layer.paidAlternative !== null) {
      incomplete.push(consentOrPay(layer));
      continue;
    }
    const refuse = strongest(layer.refuse);
    if (refuse === null) {
      findings.push(noRefuseFinding(layer, accept));
      continue;
    }
    const w = weaknesses(accept, refuse, ctx.options);
    if (w.length > 0) findings.push(weakerFinding(layer, accept, refuse, w));
    else passes.push(choicePass(refuse));
  }
  return finishOutcome(findings, passes, [...incomplete, ...blindSpotIncompletes(model)]);
}

export const asymmetricChoice: Rule<AsymmetricChoiceOptions> = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "error",
    description: "Refusing consent must be as easy and as visible as accepting it",
    title: "Refusing is harder than accepting",
    explanation:
      "The consent request makes accepting easy and refusing hard: there is no way to refuse next to the accept button, or the refuse option is much smaller, fainter or drawn as plain text beside a button. Refusing has to be as easy as accepting, on the same screen.",
    fullDescription:
      'For each consent request a person sees (a cookie banner, a consent dialog, an app\'s permission sheet, a privacy-settings step), finds its accept control ("Accept all", "Zustimmen", "同意") and its refuse control ("Reject all", "Nur notwendige", "拒绝", "Not now"), and fires when there is no refuse control on that layer (refusing needs a second layer, or is not offered), or when the refuse control is markedly weaker: font size below 0.8 of the accept\'s, box area below half of it, text contrast below 3:1 while the accept\'s is at least 4.5:1, or the accept drawn as a button (fill or border at least 1.5:1 against what is behind it) and the refuse as plain text. A filled accept beside an outlined refuse of similar size is fine, and so is a third, weaker "Settings" link. Notices offering only "OK" are implicit-consent; accept-or-subscribe offers are reported as incomplete (consent-or-pay).',
    docsUrl: docsUrl(ID),
    legal: [
      LEGAL.gdprArt7_3,
      LEGAL.gdprArt4_11,
      LEGAL.edpbCookieBannerTaskforce2023,
      LEGAL.edpb032022Skipping,
      LEGAL.cnilGoogleFacebook2021,
      LEGAL.piplArt14,
    ],
    messages: {
      noRefuse: 'The {{layer}} offers "{{accept}}" but no control that refuses',
      refuseOnLaterLayer: 'The {{layer}} offers "{{accept}}" but refusing needs a second layer: no refuse control is shown beside it',
      weakerRefuse: 'Refusing ("{{refuse}}") is drawn weaker than accepting ("{{accept}}"): {{weaker}}',
    },
    // Sizes, colours and what is shown need the page laid out with its styles and scripts.
    restsOn: { findings: ["layout", "styles", "scripts"], passes: ["layout", "styles", "scripts"] },
    schema: OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_OPTIONS,
  },
  check,
};
