/** Evidence, words and shared outcomes of the choice rules: what was measured of a consent request's buttons and links. */
import type { Evidence, IncompleteEntry, PassEntry } from "../lint/types.js";
import type { Rgba } from "../lint/model.js";
import type { Choice, ChoiceLayer } from "../lint/consent/index.js";
import { shownText, reportedText } from "../lint/consent/index.js";
import { fingerprintText } from "../lint/language/index.js";

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const hex = (c: Rgba | null) =>
  c === null
    ? null
    : `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}${
        c.a < 1
          ? Math.round(c.a * 255)
              .toString(16)
              .padStart(2, "0")
          : ""
      }`;

/** A choice's measures, as a regulator reads them: text, what it does, size, type, colours, contrast and style. */
export function choiceMeasures(c: Choice): Evidence {
  const e = c.element;
  return {
    text: reportedText(shownText(c.element), 120),
    ...(e.text !== shownText(e) ? { name: reportedText(e.text, 120) } : {}),
    action: c.action,
    selector: e.selector,
    drawnAs: c.drawnAs,
    buttonLike: e.buttonLike,
    fontPx: e.fontPx,
    fontWeight: e.fontWeight,
    width: e.box.width,
    height: e.box.height,
    area: Math.round(e.area),
    color: hex(e.color) ?? undefined,
    background: hex(e.background),
    textContrast: round(e.textContrast),
    fillContrast: round(e.fillContrast),
    borderContrast: round(e.borderContrast),
  };
}

/** How a person would name the layer: "cookie banner", "consent dialog". */
export function layerWord(layer: ChoiceLayer): string {
  switch (layer.region.region.kind) {
    case "banner":
      return "banner";
    case "dialog":
      return "dialog";
    case "frame":
      return "framed consent request";
    default:
      return "page";
  }
}

/** The meaning of a wording, for fingerprints: stable across cosmetic edits, changed by a change of meaning. */
export function meaningKey(text: string, lang: string | undefined): string {
  return fingerprintText(text, lang ?? null) || "empty";
}

export function layerPass(layer: ChoiceLayer): Omit<PassEntry, "ruleId"> {
  const text = layer.request?.text ?? layer.choices.map((c) => shownText(c.element)).join(" / ");
  return {
    selector: layer.region.region.selector,
    role: layer.region.region.kind,
    name: layer.region.region.label,
    text: reportedText(text),
  };
}

/** A consent request whose language was not read: judged by nobody, reported once per layer. */
export function unreadLayer(layer: ChoiceLayer): Omit<IncompleteEntry, "ruleId"> {
  return {
    reason: "unsupported-language",
    message: "The consent request's text or buttons are in a language that could not be read for its choices",
    selector: layer.region.region.selector,
    text: reportedText(layer.choices.map((c) => shownText(c.element)).join(" / ")),
  };
}

/** Accept or subscribe: whether that is lawful depends on the offer (EDPB Opinion 08/2024), so it is left to a person. */
export function consentOrPay(layer: ChoiceLayer): Omit<IncompleteEntry, "ruleId"> {
  const paid = layer.paidAlternative as Choice;
  return {
    reason: "consent-or-pay",
    message: `The ${layerWord(layer)} offers a paid alternative to consent ("${reportedText(shownText(paid.element), 80)}"): whether accepting or paying is a free choice depends on the offer`,
    selector: paid.element.selector,
    text: reportedText(shownText(paid.element)),
  };
}
