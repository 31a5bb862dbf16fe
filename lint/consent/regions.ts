/** The primary purpose and primary action of each region (the page, each dialog or banner). */
import type { ActionElement, PageModel, Region } from "../model.js";
import type { PrimaryPurpose, PurposeAnalysis, PurposeSignals } from "../language/types.js";
import { analyzeConsent, choiceAction, classifyPrimaryPurpose, shamesRefusal } from "../language/index.js";
import { langHint } from "./languages.js";
import { rankByProminence } from "./prominence.js";

export interface RegionView {
  region: Region;
  purpose: PurposeAnalysis;
  /** The region is a consent dialog, cookie banner or privacy-settings step. */
  consentStep: boolean;
  /** Shown actions of the region, most prominent first. */
  actions: ActionElement[];
  /** The region's main button: its most prominent action, or null when it has none. */
  primaryAction: ActionElement | null;
}

/** Purposes that make a step a consent step of its own. */
const CONSENT_PURPOSES: ReadonlySet<PrimaryPurpose> = new Set(["consent", "settings"]);

/** Number of a region's controls, and how many of them are consent controls. */
export interface RegionControlCounts {
  controls: number;
  consent: number;
}

/** The page region a model without one is given, so every control has a step to belong to. */
export function fallbackPageRegion(model: PageModel): Region {
  return {
    id: "",
    kind: "page",
    selector: "html",
    headings: model.texts.filter((t) => t.heading !== null).map((t) => t.text),
    label: "",
    visible: true,
    box: { x: 0, y: 0, width: model.viewport.width, height: model.viewport.height },
  };
}

/**
 * The buttons a person presses to do what the step is for: actions that are
 * not themselves controls (a `<button role="switch">` is a consent control,
 * not the step's button).
 */
export function stepActions(model: PageModel): ActionElement[] {
  const controls = new Set(model.controls.map((c) => c.selector));
  return model.actions.filter((a) => !controls.has(a.selector));
}

/**
 * A layer over the page that asks for optional processing, offers an accept
 * ("Allow", "同意并领取", "Akzeptieren und weiterlesen") and no form to fill
 * is a consent prompt, whatever its heading promises (a reward, reading on):
 * the prompt is the step.
 */
function asConsentPrompt(classified: PurposeAnalysis, signals: PurposeSignals, hint: string | undefined): PurposeAnalysis {
  if (signals.fields.length > 0 || signals.controlCount > 0) return classified;
  const actions = signals.buttons.map((b) => (shamesRefusal(b, hint) === true ? "refuse" : choiceAction(b, hint)));
  if (!actions.includes("accept")) return classified;
  const asks = (signals.texts ?? []).some((t) => analyzeConsent(t, { langHint: hint, role: "statement" }).purposes.length > 0);
  return asks ? { ...classified, purpose: "consent", decidedBy: "choices" } : classified;
}

/**
 * What a region is for, from its own title or label, headings, main buttons,
 * form fields, consent-control counts and, for the page, the flow actions
 * that led to it. A dialog or banner is judged on its own: the page's title
 * and flow actions describe the page beneath it.
 */
export function describeRegion(
  model: PageModel,
  region: Region,
  stepActions: readonly ActionElement[],
  counts: RegionControlCounts,
): RegionView {
  const actions = rankByProminence(stepActions.filter((a) => a.regionId === region.id));
  const isPage = region.kind === "page";
  const signals: PurposeSignals = {
    title: isPage ? model.title : region.label,
    headings: isPage || region.label === "" ? region.headings : [region.label, ...region.headings],
    buttons: actions.map((a) => a.text),
    fields: model.fields.filter((f) => f.regionId === region.id).map((f) => f.label || f.name),
    flowActions: isPage ? model.flowActions.map((a) => a.targetText).filter((t) => t.length > 0) : [],
    consentControlCount: counts.consent,
    controlCount: counts.controls,
    texts: isPage ? [] : model.texts.filter((t) => t.regionId === region.id && t.heading === null && !t.inButton).map((t) => t.text),
  };
  const hint = langHint(model);
  const classified = classifyPrimaryPurpose(signals, hint);
  const purpose = isPage || CONSENT_PURPOSES.has(classified.purpose) ? classified : asConsentPrompt(classified, signals, hint);
  return {
    region,
    purpose,
    consentStep: CONSENT_PURPOSES.has(purpose.purpose),
    actions,
    primaryAction: actions[0] ?? null,
  };
}
