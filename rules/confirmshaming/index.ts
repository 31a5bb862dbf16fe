/**
 * confirmshaming: the refuse option, or the text right next to it, shames or
 * guilts the person for refusing, where the accepting option grants optional
 * processing.
 */
import type { ActionElement, PageModel, TextBlock } from "../../lint/model.js";
import type { Purpose } from "../../lint/language/types.js";
import type { PassEntry, Rule, RuleContext, RuleFinding, RuleOutcome } from "../../lint/types.js";
import { choiceLayers, consentView, langHint, reportedText, shownText, visible, type ConsentView } from "../../lint/consent/index.js";
import { analyzeConsent, choiceAction, shamesRefusal } from "../../lint/language/index.js";
import { meaningKey, unreadLayer } from "../choice-evidence.js";
import { purposeKey } from "../evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { purposeWords } from "../message-words.js";
import { blindSpotIncompletes, finishOutcome } from "../outcome.js";

const ID = "confirmshaming";

/** Longest text beside a refuse option read as its wording ("I'd rather pay full price" under "No thanks"). */
const MAX_BESIDE_CHARS = 120;
/** How near (CSS px, edge to edge) text must be to a refuse option to be read as part of it. */
const BESIDE_PX = 24;

interface Wording {
  selector: string;
  role: string;
  text: string;
  box: ActionElement["box"];
  regionId: string;
  groupId: string | null;
  lang: string | undefined;
  /** The refuse option the text sits beside, when the shaming text is not the option itself. */
  beside: ActionElement | null;
}

function gap(a: ActionElement["box"], b: ActionElement["box"]): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.max(dx, dy);
}

/** Buttons and links a person sees, other than consent controls. */
function options(model: PageModel): ActionElement[] {
  const controls = new Set(model.controls.map((c) => c.selector));
  return [...model.actions, ...model.links].filter((a) => !controls.has(a.selector) && visible(a) && shownText(a).trim() !== "");
}

/** Wordings that shame refusing: a button or link's own text, or short text right beside an option that refuses or declines. */
function shamingWordings(model: PageModel, opts: readonly ActionElement[]): Wording[] {
  const out: Wording[] = [];
  for (const a of opts) {
    const lang = langHint(model);
    if (shamesRefusal(shownText(a), lang) !== true) continue;
    out.push({
      selector: a.selector,
      role: a.role,
      text: shownText(a),
      box: a.box,
      regionId: a.regionId,
      groupId: a.groupId,
      lang,
      beside: null,
    });
  }
  const declines = opts.filter((a) => choiceAction(shownText(a), langHint(model)) === "refuse");
  for (const b of model.texts) {
    if (b.inButton || b.text.length > MAX_BESIDE_CHARS || !visible(b)) continue;
    const lang = langHint(model, [b]);
    const option = declines.find((a) => a.regionId === b.regionId && gap(a.box, b.box) <= BESIDE_PX);
    if (!option || shamesRefusal(b.text, lang) !== true) continue;
    out.push({
      selector: b.selector,
      role: "text",
      text: b.text,
      box: b.box,
      regionId: b.regionId,
      groupId: b.groupId,
      lang,
      beside: option,
    });
  }
  return out;
}

/**
 * Optional purposes the offer the wording refuses grants: its region's text
 * and consent controls (for a dialog or banner), or, on the page itself,
 * those of its form or group, else of text near it.
 */
function offerPurposes(view: ConsentView, w: Wording): { purposes: Purpose[]; offer: TextBlock | null } {
  const model = view.model;
  const region = view.regionOf(w.regionId);
  const isPage = region.region.kind === "page";
  const near = (box: ActionElement["box"]) => Math.abs(box.y + box.height / 2 - (w.box.y + w.box.height / 2)) < 400;
  const inOffer = (item: { regionId: string; groupId: string | null; box: ActionElement["box"] }) =>
    item.regionId === w.regionId && (!isPage || (w.groupId !== null ? item.groupId === w.groupId : near(item.box)));
  const purposes = new Set<Purpose>(view.consentControls.filter((c) => inOffer(c.control)).flatMap((c) => c.analysis.purposes));
  let offer: TextBlock | null = null;
  const read = (inside: (b: TextBlock) => boolean) => {
    for (const b of model.texts) {
      if (!inside(b) || b.selector === w.selector || b.inButton || !visible(b)) continue;
      const found = analyzeConsent(b.text, { langHint: langHint(model, [b]), role: "statement" }).purposes;
      if (found.length > 0 && offer === null) offer = b;
      for (const p of found) purposes.add(p);
    }
  };
  read(inOffer);
  // Buttons in a bar of their own (a sheet's footer) answer the text above them, in whichever region it is.
  if (purposes.size === 0) read((b) => near(b.box));
  // A bar holding only the buttons answers the whole screen above it.
  if (purposes.size === 0 && !model.texts.some((b) => b.regionId === w.regionId && !b.inButton)) read(() => true);
  return { purposes: [...purposes], offer };
}

function finding(w: Wording, purposes: Purpose[], offer: TextBlock | null): RuleFinding {
  return {
    messageId: w.beside ? "shamingBeside" : "shaming",
    data: { wording: reportedText(w.text, 80), purposes: purposeWords(purposes) },
    selector: w.selector,
    role: w.role,
    name: w.beside ? "" : w.text,
    text: reportedText(w.text),
    evidence: {
      purposes,
      ...(offer ? { offer: reportedText(offer.text, 200) } : {}),
      ...(w.beside ? { refuseOption: { text: reportedText(w.beside.text, 80), selector: w.beside.selector } } : {}),
      language: w.lang,
    },
    fingerprintParts: ["shaming", purposeKey(purposes), meaningKey(w.text, w.lang)],
  };
}

function check(model: PageModel, ctx: RuleContext): RuleOutcome {
  const view = consentView(model, ctx.languages);
  const findings: RuleFinding[] = [];
  const passes: Omit<PassEntry, "ruleId">[] = [];
  const opts = options(model);
  for (const w of shamingWordings(model, opts)) {
    const { purposes, offer } = offerPurposes(view, w);
    if (purposes.length > 0) findings.push(finding(w, purposes, offer));
  }
  // Neutral refusals of a consent request are passes: they were read and do not shame.
  const shaming = new Set(findings.map((f) => f.selector));
  for (const a of opts) {
    if (shaming.has(a.selector) || choiceAction(shownText(a), langHint(model)) !== "refuse") continue;
    passes.push({ selector: a.selector, role: a.role, name: a.text, text: reportedText(shownText(a)) });
  }
  // A consent request whose wording is in a language not read may shame in words the lexicons do not know.
  const unread = choiceLayers(view, ctx.languages)
    .filter((l) => l.unread)
    .map(unreadLayer);
  return finishOutcome(findings, passes, [...unread, ...blindSpotIncompletes(model)]);
}

export const confirmshaming: Rule = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "warn",
    description: "Refusing consent must not be worded to shame or guilt the person",
    title: "Refusing is made to feel bad",
    explanation:
      'The option to say no is worded to make people feel foolish or guilty for refusing ("No thanks, I prefer paying full price", "残忍拒绝"), to push them into agreeing to marketing, sharing or tracking. A plain "No thanks" is fine.',
    fullDescription:
      'Fires when a refuse option, or short text right beside it, describes refusing as a loss, a flaw or a cruelty ("No, I don\'t care about my security", "Nein, ich verzichte auf Vorteile", "不了，我不想省钱", "残忍拒绝") and the offer it refuses grants optional processing (sharing, marketing, personalised ads, tracking). Neutral refusals ("No thanks", "Not now", "Ablehnen", "以后再说") never fire. The shaming wording is matched per language (en, de, zh); text in other languages is not judged.',
    docsUrl: docsUrl(ID),
    legal: [LEGAL.edpb032022Emotional, LEGAL.ftcDarkPatterns2022, LEGAL.dsaArt25, LEGAL.gdprArt4_11],
    messages: {
      shaming: 'Refusing is worded to shame the person ("{{wording}}"), to push consent to {{purposes}}',
      shamingBeside: 'The text beside the refuse option shames the person for refusing ("{{wording}}"), to push consent to {{purposes}}',
    },
    // Wording as served; whether it is shown rests on the styles.
    restsOn: { findings: ["styles"], passes: ["styles", "scripts"] },
  },
  check,
};
