/**
 * The choices a consent request offers, layer by layer (rules.md, "Choice
 * rules"): each dialog, banner or frame that asks for consent to optional
 * processing, and the page itself when it is a privacy-settings step, with
 * its shown buttons and links read as accept, refuse, settings or
 * acknowledge, what its text asks for, and whether it offers a paid
 * alternative. Built once per consent view; the choice rules read it.
 */
import type { ActionElement, PageModel, TextBlock } from "../model.js";
import type { ChoiceAction, Purpose } from "../language/types.js";
import { analyzeConsent, choiceAction, deniedPurposes, offersPaidAlternative, shamesRefusal } from "../language/index.js";
import { isShown } from "./prominence.js";
import { langHint, languagesKey, statusIn } from "./languages.js";
import type { ConsentView, RegionView } from "./view.js";

/** A button or link of a consent request, and what it does. */
export interface Choice {
  element: ActionElement;
  /** "button": a button or a link drawn as one; "link": a link drawn as text. */
  drawnAs: "button" | "link";
  /** What it does, by its text; "accept" also for an acknowledgement the layer's text ties granting to ("By clicking OK you agree ..."). */
  action: ChoiceAction | "unknown-language";
  /** Laid out where a person can see it. */
  shown: boolean;
}

export interface ChoiceLayer {
  region: RegionView;
  /** Shown choices, in page order. */
  choices: Choice[];
  accept: Choice[];
  refuse: Choice[];
  settings: Choice[];
  acknowledge: Choice[];
  /** Refuse controls of the region that are not shown: on a layer behind a settings control. */
  laterRefuse: Choice[];
  /** A shown choice that offers a paid alternative to consent (accept or subscribe). */
  paidAlternative: Choice | null;
  /** Shown text of the layer, other than its buttons. */
  blocks: TextBlock[];
  /** Optional purposes the layer's text or its accept controls name. */
  purposes: Purpose[];
  /** The block that states the request: the first naming an optional purpose, else the first. */
  request: TextBlock | null;
  /** The layer's text speaks of strictly necessary processing only. */
  necessaryOnly: boolean;
  /**
   * A cookie or consent notice that names no purpose and does not say its
   * cookies are strictly necessary ("This website uses cookies to ensure you
   * get the best experience"): cookies beyond the necessary ones need consent.
   */
  unstatedPurposes: boolean;
  /** Text of the layer in a language the linter does not read (or the user did not ask for): the layer is not judged. */
  unread: boolean;
  langHint: string | undefined;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Shown and not faded out entirely. */
export function visible(element: { visibility: ActionElement["visibility"] }): boolean {
  return isShown(element.visibility) && element.visibility.opacity > 0.01;
}

/** The text a person sees on a button or link: what it shows, else its accessible name. */
export function shownText(element: ActionElement): string {
  return element.visibleText || element.text;
}

/**
 * What a button or link does, by the words a person sees on it ("I
 * understand", even when named "Accept cookies"), else by its accessible name
 * (an icon button named "Reject all").
 */
function actionOf(element: ActionElement, hint: string | undefined): Choice["action"] {
  const seen = choiceAction(shownText(element), hint);
  if ((seen !== "other" && seen !== "unknown-language") || element.text === shownText(element)) return seen;
  const named = choiceAction(element.text, hint);
  return named === "other" || named === "unknown-language" ? seen : named;
}

function choicesOf(model: PageModel, regionId: string, controlSelectors: ReadonlySet<string>, hint: string | undefined): Choice[] {
  const read = (element: ActionElement, drawnAs: Choice["drawnAs"]): Choice => {
    const action = actionOf(element, hint);
    // A refusal worded to shame ("残忍拒绝", "No, I don't care about my security") still refuses.
    const shaming = action === "other" && shamesRefusal(shownText(element), hint) === true;
    return { element, drawnAs, action: shaming ? "refuse" : action, shown: visible(element) };
  };
  const ofRegion = (e: ActionElement) => e.regionId === regionId && !controlSelectors.has(e.selector) && shownText(e).trim() !== "";
  return [
    ...model.actions.filter(ofRegion).map((a) => read(a, a.buttonLike || a.filled ? "button" : "link")),
    ...model.links.filter(ofRegion).map((l) => read(l, l.buttonLike ? "button" : "link")),
  ].sort((a, b) => a.element.box.y - b.element.box.y || a.element.box.x - b.element.box.x);
}

/** Text the user reads in the layer: shown blocks that are not buttons. */
function layerBlocks(model: PageModel, regionId: string): TextBlock[] {
  return model.texts.filter((b) => b.regionId === regionId && !b.inButton && visible(b) && b.text.trim() !== "");
}

/**
 * An acknowledgement the layer's own text ties granting to ("By clicking OK
 * you agree to ...") accepts: the statement names it as the granting action.
 */
function tiedToGrant(choice: Choice, statementActions: readonly string[]): boolean {
  const name = shownText(choice.element).trim().toLowerCase();
  return name !== "" && statementActions.some((a) => a.toLowerCase().includes(name));
}

function buildLayer(
  view: ConsentView,
  region: RegionView,
  controlSelectors: ReadonlySet<string>,
  languages: readonly string[],
): ChoiceLayer | null {
  const model = view.model;
  const id = region.region.id;
  const blocks = layerBlocks(model, id);
  const hint = langHint(model, blocks);
  const all = choicesOf(model, id, controlSelectors, hint);
  const analyses = blocks.map((b) => analyzeConsent(b.text, { langHint: langHint(model, [b]), role: "statement" }));
  const unread = analyses.some((a) => statusIn(a, languages) === "unsupported") || all.some((c) => c.action === "unknown-language");
  const statementActions = analyses
    .filter((a) => a.statement && a.optionalConsent && a.statementAction)
    .map((a) => a.statementAction as string);
  const choices = all
    .filter((c) => c.shown)
    .map((c) => (c.action === "acknowledge" && tiedToGrant(c, statementActions) ? { ...c, action: "accept" as const } : c));
  const of = (action: ChoiceAction) => choices.filter((c) => c.action === action);
  const accept = of("accept");
  // A purpose the notice names only to deny it ("we do not use advertising cookies") is not asked for.
  const asked = analyses.map((a, i) => {
    const denied = a.purposes.length > 0 ? (deniedPurposes(blocks[i].text, langHint(model, [blocks[i]])) ?? []) : [];
    return a.purposes.filter((p) => !denied.includes(p));
  });
  const purposes = unique([
    ...asked.flat(),
    ...accept.flatMap((c) => analyzeConsent(shownText(c.element), { langHint: hint, role: "control" }).purposes),
    ...view.consentControls.filter((c) => c.control.regionId === id).flatMap((c) => c.analysis.purposes),
  ]);
  const isPage = region.region.kind === "page";
  const asks = region.consentStep || (!isPage && purposes.length > 0);
  const offers = choices.some((c) => c.action === "accept" || c.action === "refuse" || c.action === "acknowledge");
  // A layer over the page in a language not read may be a consent request: it is kept, marked unread, for the rules to report.
  const unreadRequest = unread && !isPage && choices.length > 0;
  if (!region.region.visible || !((asks && offers) || unreadRequest)) return null;
  const requestIndex = asked.findIndex((p) => p.length > 0);
  const mentionsNecessary = analyses.some((a) => a.necessaryMentioned);
  return {
    region,
    choices,
    accept,
    refuse: of("refuse"),
    settings: of("settings"),
    acknowledge: of("acknowledge"),
    laterRefuse: all.filter((c) => !c.shown && c.action === "refuse"),
    paidAlternative:
      choices.find((c) => c.action !== "accept" && c.action !== "refuse" && offersPaidAlternative(shownText(c.element), hint) === true) ??
      null,
    blocks,
    purposes,
    request: blocks[requestIndex >= 0 ? requestIndex : 0] ?? null,
    necessaryOnly: purposes.length === 0 && mentionsNecessary,
    unstatedPurposes: purposes.length === 0 && region.consentStep && !mentionsNecessary,
    unread,
    langHint: hint,
  };
}

const layersOf = new WeakMap<ConsentView, Map<string, ChoiceLayer[]>>();

/**
 * The consent requests of a view, one layer per region that asks for
 * consent and offers a choice (accept, refuse or acknowledge) a person can
 * see: a dialog, banner or frame whose text or accept button names an
 * optional purpose, or any region read as a consent or privacy-settings step.
 */
export function choiceLayers(view: ConsentView, languages: readonly string[] = []): ChoiceLayer[] {
  const cached = layersOf.get(view) ?? new Map<string, ChoiceLayer[]>();
  const key = languagesKey(languages);
  const hit = cached.get(key);
  if (hit) return hit;
  const controlSelectors = new Set(view.model.controls.map((c) => c.selector));
  const layers = view.regions
    .map((region) => buildLayer(view, region, controlSelectors, languages))
    .filter((l): l is ChoiceLayer => l !== null);
  layersOf.set(view, cached.set(key, layers));
  return layers;
}

/** The most prominent of some choices: drawn as a button first, then the larger box, then the larger type. */
export function strongest(choices: readonly Choice[]): Choice | null {
  let best: Choice | null = null;
  for (const c of choices) {
    if (best === null) {
      best = c;
      continue;
    }
    const a = c.element;
    const b = best.element;
    if (a.buttonLike !== b.buttonLike ? a.buttonLike : a.area !== b.area ? a.area > b.area : a.fontPx > b.fontPx) best = c;
  }
  return best;
}
