/**
 * Cookie dialogs as real consent managers draw them, in English, German and
 * Chinese: a required category beside an optional one, and a purpose toggle
 * with its services in a collapsed list (klaro's purposes, a category and
 * its vendors). Each returns a PageModel whose controls sit in the dialog in
 * document order.
 */
import type { PageModel } from "../../lint/model.js";
import type { ControlSpec, RunStyle } from "./model-builder.js";
import { cookieDialog, type Lang } from "./scenes.js";

export const CMP_WORDS = {
  styling: { en: "Styling", de: "Darstellung", zh: "样式" },
  alwaysRequired: { en: "(always required)", de: "(immer erforderlich)", zh: "（始终启用）" },
  analyticsAndAds: { en: "Analytics & Ads", de: "Statistik & Werbung", zh: "统计与广告" },
  analytics: { en: "Analytics", de: "Statistik", zh: "统计分析" },
  alwaysOn: { en: "(always on)", de: "(immer aktiv)", zh: "（始终开启）" },
  services: {
    en: ["Google Analytics", "Matomo (analytics)", "Hotjar (analytics)"],
    de: ["Google Analytics (Statistik)", "Matomo (Statistik)", "Hotjar (Statistik)"],
    zh: ["百度统计（统计分析）", "友盟（统计分析）", "神策（统计分析）"],
  },
  adService: { en: "Google Ads (personalised ads)", de: "Google Ads (personalisierte Werbung)", zh: "广点通（个性化广告）" },
} as const;

/** A faint, small note beside a label, as libraries style "(always required)". */
export const FAINT: RunStyle = { color: "#c4c4c4", fontPx: 11 };

/**
 * A "Styling (always required)" switch, checked and disabled, whose note is
 * faint and whose sentence, as a lone control's sibling text, came from the
 * next item ("Analytics & Ads"), beside that unchecked item's switch.
 */
export function requiredBesideOptional(lang: Lang, required: Partial<ControlSpec> = {}): PageModel {
  const w = CMP_WORDS;
  return cookieDialog(lang, {
    controls: [
      {
        id: "styling",
        kind: "switch",
        checked: true,
        disabled: true,
        labelRuns: [{ text: `${w.styling[lang]} ` }, { text: w.alwaysRequired[lang], ...FAINT }],
        sentenceText: w.analyticsAndAds[lang],
        ...required,
      },
      { id: "analytics-ads", kind: "switch", label: w.analyticsAndAds[lang] },
    ],
  });
}

export interface LayeredOptions {
  /** Which of the three services are ticked. */
  ticked?: readonly boolean[];
  /** Style of the purpose toggle's label (e.g. faint). */
  purposeStyle?: RunStyle;
  /** The purpose toggle is in the collapsed list too. */
  purposeHidden?: boolean;
  /** The purpose toggle is ticked. */
  purposeTicked?: boolean;
  /** A fourth, ticked service in the list that adds personalised ads. */
  withAdService?: boolean;
}

/** An "Analytics" purpose toggle, shown, and its three services in a closed <details> below it. */
export function purposeWithServices(lang: Lang, o: LayeredOptions = {}): PageModel {
  const w = CMP_WORDS;
  const hidden = { collapsed: true };
  const services: ControlSpec[] = w.services[lang].map((name, i) => ({
    id: `service-${i + 1}`,
    kind: "checkbox",
    label: name,
    checked: o.ticked?.[i] ?? false,
    visibility: hidden,
    labelVisibility: hidden,
    box: { x: 0, y: 0, width: 0, height: 0 },
  }));
  if (o.withAdService) {
    services.push({
      id: "ad-service",
      kind: "checkbox",
      label: w.adService[lang],
      checked: true,
      visibility: hidden,
      labelVisibility: hidden,
    });
  }
  return cookieDialog(lang, {
    controls: [
      {
        id: "purpose",
        kind: "switch",
        label: w.analytics[lang],
        checked: o.purposeTicked ?? false,
        labelStyle: o.purposeStyle,
        ...(o.purposeHidden ? { visibility: hidden, labelVisibility: hidden } : {}),
      },
      ...services,
    ],
  });
}
