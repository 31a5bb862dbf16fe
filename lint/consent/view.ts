/**
 * The rules' shared reading of a PageModel: which controls are consent
 * controls and whether they grant, which text blocks are consent statements,
 * what each region is for and what could not be read. Built once per model
 * (and language list): every rule asks for the same view.
 */
import type { ActionElement, Control, PageModel, TextBlock } from "../model.js";
import type { ConsentAnalysis, OptionPolarity } from "../language/types.js";
import { analyzeConsent, controlWording, optionPolarity } from "../language/index.js";
import { consentText, optionText } from "./control-text.js";
import { langHint, languagesKey, statusIn } from "./languages.js";
import { masterToggleAnalysis } from "./master-toggles.js";
import { noticeContext } from "./notice-context.js";
import { requiredReason, type RequiredReason } from "./required-controls.js";
import { governorIndexes } from "./layers.js";
import { describeRegion, fallbackPageRegion, stepActions, type RegionControlCounts, type RegionView } from "./regions.js";
import { rankByProminence } from "./prominence.js";

export type { RegionView } from "./regions.js";

export interface ControlView {
  control: Control;
  /** The consent text: name, label, sentence, description and group question, without repeats. */
  text: string;
  /** A radio's own label or a select's selected option; null for other kinds. */
  optionText: string | null;
  /** Analysis of `text` as a control label. */
  analysis: ConsentAnalysis;
  /** Status after the language filter: "unsupported" also for languages the user did not ask for. */
  status: ConsentAnalysis["status"];
  /** Polarity of the option's own text (radios, selects) or of a toggle button's name ("Allow" / "Deny"); null for other kinds. */
  polarity: OptionPolarity | null;
  /** A consent control: understood, and it asks consent to optional processing. */
  consent: boolean;
  /** Why the control is a required one (checked and disabled, or labelled always on), which is never a consent control; null when it is not. */
  required: RequiredReason | null;
  /**
   * A consent control that is an opt-out box or switch: its wording says ticking it refuses ("Tick here
   * if you do NOT want us to share ..."), so it grants when left unticked.
   */
  tickingRefuses: boolean;
  /** The control is in the granting state (checked, pressed, or a granting option chosen; an opt-out box left unticked). */
  granting: boolean;
  /** Text blocks that make up its label, sentence and description, in model order. */
  blocks: TextBlock[];
  langHint: string | undefined;
  region: RegionView;
  /**
   * The shown consent toggle a control in a collapsed list hangs under and
   * repeats in more detail (a service under its purpose): the nearest shown
   * control before it in its region, a consent control by its own text that
   * names every purpose this one does. Null for other controls.
   */
  governor: ControlView | null;
}

export interface StatementView {
  block: TextBlock;
  analysis: ConsentAnalysis;
  region: RegionView;
}

/** Text the linter could not read: the rules report it as incomplete instead of guessing. */
export interface UnreadText {
  kind: "control" | "text";
  language: string;
  selector: string;
  text: string;
  regionId: string;
}

export interface ConsentView {
  model: PageModel;
  regions: RegionView[];
  /** Every control of the model, analysed. */
  controls: ControlView[];
  /** Controls that ask consent to optional processing. */
  consentControls: ControlView[];
  /** Text blocks that grant optional consent without a control, other than a consent control's own text. */
  statements: StatementView[];
  unread: UnreadText[];
  regionOf(regionId: string): RegionView;
  /** The most prominent shown action of a form or visual group. */
  primaryActionOfGroup(groupId: string | null): ActionElement | null;
}

/** The blocks the control names as its text, and those that name the control, in model order. */
function blocksOf(control: Control, model: PageModel): TextBlock[] {
  const ids = new Set(control.textBlockIds);
  return model.texts.filter((b) => ids.has(b.id) || b.controlIds.includes(control.id));
}

/** An option grants when it says so ("Yes", "Allow", "同意"), or when its own text names an optional purpose. */
function optionGrants(text: string, polarity: OptionPolarity, langHint: string | undefined): boolean {
  if (polarity !== "neutral") return polarity === "grant";
  return analyzeConsent(text, { langHint, role: "control" }).optionalConsent;
}

function isGranting(
  control: Control,
  option: string | null,
  polarity: OptionPolarity | null,
  tickingRefuses: boolean,
  langHint: string | undefined,
): boolean {
  switch (control.kind) {
    case "radio":
      return control.checked === true && option !== null && polarity !== null && optionGrants(option, polarity, langHint);
    case "select":
      return option !== null && option !== "" && polarity !== null && optionGrants(option, polarity, langHint);
    case "toggle-button":
      // A pressed "Deny" or "Ablehnen" refuses: only a button that grants or says neither grants when pressed.
      return control.checked === true && polarity !== "refuse";
    default:
      return tickingRefuses ? control.checked === false : control.checked === true;
  }
}

type ControlReading = Omit<ControlView, "region" | "governor">;

/** Boxes and switches: the controls whose wording can make ticking refuse. */
function isTickBox(control: Control): boolean {
  return control.kind === "checkbox" || control.kind === "switch" || control.kind === "menuitemcheckbox";
}

/**
 * What pressing a toggle button does, from its name or, when the name says
 * neither (tarteaucitron's "Cookies : Deny all cookies"), the text it shows.
 */
function pressPolarity(control: Control, blocks: readonly TextBlock[], langHint: string | undefined): OptionPolarity {
  for (const text of [control.name, ...blocks.map((b) => b.text)]) {
    const polarity = text === "" ? "neutral" : optionPolarity(text, langHint);
    if (polarity !== "neutral") return polarity;
  }
  return "neutral";
}

/**
 * Choices a region asks for, and how many ask for consent: a radio group is
 * one choice ("Share my records? Yes / No" is one question, not two consent
 * controls), every other control is one.
 */
function choiceCounts(readings: readonly ControlReading[]): RegionControlCounts {
  const choices = new Map<string, boolean>();
  for (const r of readings) {
    const c = r.control;
    const key = c.kind === "radio" && c.groupName !== null ? `radio\u0000${c.groupName}` : `control\u0000${c.id}`;
    choices.set(key, (choices.get(key) ?? false) || r.consent);
  }
  return { controls: choices.size, consent: [...choices.values()].filter((consent) => consent).length };
}

function readControl(model: PageModel, control: Control, languages: readonly string[]): ControlReading {
  const blocks = blocksOf(control, model);
  const hint = langHint(model, blocks);
  const text = consentText(control);
  const analysis = analyzeConsent(text, { langHint: hint, role: "control" });
  const status = statusIn(analysis, languages);
  const option = optionText(control);
  const polarity =
    control.kind === "toggle-button"
      ? pressPolarity(control, blocks, hint)
      : option === null || option === ""
        ? null
        : optionPolarity(option, hint);
  const required = requiredReason(control, hint);
  const consent = status === "understood" && analysis.optionalConsent && required === null;
  const tickingRefuses = consent && isTickBox(control) && (controlWording(text, hint)?.tickingRefuses ?? false);
  return {
    control,
    text,
    optionText: option,
    analysis,
    status,
    polarity,
    consent,
    required,
    tickingRefuses,
    granting: consent && isGranting(control, option, polarity, tickingRefuses, hint),
    blocks,
    langHint: hint,
  };
}

/**
 * The model with each tentative region that does not ask for consent folded
 * into the region around it: a frame or a page-wide layer is a step of its
 * own only when it is a consent request. Returns the model itself when
 * nothing is folded.
 */
function foldTentativeRegions(model: PageModel, languages: readonly string[]): PageModel {
  const tentative = model.regions.filter((r) => r.tentativeOf !== undefined);
  if (tentative.length === 0) return model;
  const readings = model.controls.map((c) => readControl(model, c, languages));
  const actions = stepActions(model);
  const into = new Map<string, string>();
  for (const region of tentative) {
    const own = readings.filter((r) => r.control.regionId === region.id);
    if (!describeRegion(model, region, actions, choiceCounts(own)).consentStep) into.set(region.id, region.tentativeOf!);
  }
  if (into.size === 0) return model;
  const target = (id: string): string => {
    let current = id;
    for (let hops = 0; into.has(current) && hops < 64; hops++) current = into.get(current)!;
    return current;
  };
  const moved = <T extends { regionId: string }>(items: readonly T[]): T[] =>
    items.map((item) => (into.has(item.regionId) ? { ...item, regionId: target(item.regionId) } : item));
  const headingsOf = new Map<string, string[]>();
  for (const region of model.regions) {
    if (!into.has(region.id)) continue;
    const host = target(region.id);
    headingsOf.set(host, [...(headingsOf.get(host) ?? []), ...region.headings]);
  }
  return {
    ...model,
    regions: model.regions
      .filter((r) => !into.has(r.id))
      .map((r) => (headingsOf.has(r.id) ? { ...r, headings: [...r.headings, ...headingsOf.get(r.id)!] } : r)),
    controls: moved(model.controls),
    texts: moved(model.texts),
    actions: moved(model.actions),
    fields: moved(model.fields),
    groups: moved(model.groups),
  };
}

function buildView(original: PageModel, languages: readonly string[]): ConsentView {
  const model = foldTentativeRegions(original, languages);
  const own = model.controls.map((c) => readControl(model, c, languages));
  const readings = own.map((r): ControlReading => {
    const master = r.required === null ? masterToggleAnalysis(r, own) : null;
    return master ? { ...r, analysis: master, consent: true, granting: r.control.checked === true && r.polarity !== "refuse" } : r;
  });

  const regionList = model.regions.length > 0 ? model.regions : [fallbackPageRegion(model)];
  const actions = stepActions(model);
  const regions = regionList.map((region) =>
    describeRegion(model, region, actions, choiceCounts(readings.filter((r) => r.control.regionId === region.id))),
  );
  const byId = new Map(regions.map((r) => [r.region.id, r]));
  const pageRegion = regions.find((r) => r.region.kind === "page") ?? regions[0];
  const regionOf = (regionId: string): RegionView => byId.get(regionId) ?? pageRegion;

  const controls: ControlView[] = readings.map((r) => ({ ...r, region: regionOf(r.control.regionId), governor: null }));
  governorIndexes(controls, own).forEach((g, i) => (controls[i].governor = g < 0 ? null : controls[g]));
  const consentControls = controls.filter((c) => c.consent);

  const consentBlockIds = new Set(consentControls.flatMap((c) => c.blocks.map((b) => b.id)));
  const statements: StatementView[] = [];
  const unread: UnreadText[] = [];
  for (const c of controls) {
    if (c.status !== "unsupported") continue;
    unread.push({
      kind: "control",
      language: c.analysis.language.language,
      selector: c.control.selector,
      text: c.text,
      regionId: c.control.regionId,
    });
  }
  const earlierNotice = noticeContext(model, new Set(controls.flatMap((c) => c.blocks.map((b) => b.id))), (id) => regionOf(id).region.kind);
  for (const block of model.texts) {
    if (consentBlockIds.has(block.id) || block.inButton) continue;
    const hint = langHint(model, [block]);
    const alone = analyzeConsent(block.text, { langHint: hint, role: "statement" });
    // A grant that refers back to purposes its block does not name reads the earlier text of its banner or dialog.
    const analysis = alone.refersBack
      ? analyzeConsent(block.text, { langHint: hint, role: "statement", context: earlierNotice(block) })
      : alone;
    const status = statusIn(analysis, languages);
    if (status === "unsupported") {
      // Text too short to tell its language ("und") is a brand name or a label, not a statement left unread.
      const telling = analysis.language.language !== "und";
      if (telling && block.heading === null && block.linkHref === null && block.controlIds.length === 0) {
        unread.push({
          kind: "text",
          language: analysis.language.language,
          selector: block.selector,
          text: block.text,
          regionId: block.regionId,
        });
      }
      continue;
    }
    if (status === "understood" && analysis.statement && analysis.optionalConsent && !analysis.policyLinkOnly) {
      statements.push({ block, analysis, region: regionOf(block.regionId) });
    }
  }

  const groupActions = new Map<string, ActionElement | null>();
  const primaryActionOfGroup = (groupId: string | null): ActionElement | null => {
    if (groupId === null) return null;
    if (!groupActions.has(groupId)) {
      groupActions.set(groupId, rankByProminence(actions.filter((a) => a.groupId === groupId))[0] ?? null);
    }
    return groupActions.get(groupId) ?? null;
  };

  return { model, regions, controls, consentControls, statements, unread, regionOf, primaryActionOfGroup };
}

const views = new WeakMap<PageModel, Map<string, ConsentView>>();

/**
 * The consent view of a model, computed once per model and language list.
 * `languages` is the config's `languages` (empty: every supported language).
 */
export function consentView(model: PageModel, languages: readonly string[] = []): ConsentView {
  let byLanguages = views.get(model);
  if (!byLanguages) {
    byLanguages = new Map();
    views.set(model, byLanguages);
  }
  const key = languagesKey(languages);
  let view = byLanguages.get(key);
  if (!view) {
    view = buildView(model, languages);
    byLanguages.set(key, view);
  }
  return view;
}
