/**
 * Builds PageModel fixtures for rule tests from short specs. Everything not
 * given gets a sensible default: one page region, text that is visible and
 * readable (16px black on white), controls unchecked and untouched.
 */
import type { Behaviour } from "../../lint/behaviour/types.js";
import {
  PAGE_MODEL_VERSION,
  type ActionElement,
  type Blocking,
  type Box,
  type Control,
  type ControlKind,
  type FlowActionRecord,
  type FormField,
  type FrameInfo,
  type Group,
  type ModelNote,
  type PageModel,
  type Region,
  type Rgba,
  type TextBlock,
  type TextRun,
  type Visibility,
} from "../../lint/model.js";

export type Colour = string | Rgba;

/** Style of a run of text; colours as "#rgb", "#rrggbb" or Rgba. */
export interface RunStyle {
  fontPx?: number;
  fontWeight?: number;
  color?: Colour;
  /** null: unknown background (an image behind the text). */
  background?: Colour | null;
  backgroundSource?: TextRun["backgroundSource"];
  /** Computed from colour and background when not given. */
  contrast?: number | null;
  colorTransparent?: boolean;
  visibility?: Partial<Visibility>;
  box?: Box;
}

export interface RunSpec extends RunStyle {
  text: string;
  selector?: string;
}

export interface TextSpec {
  id?: string;
  text?: string;
  /** Runs of the block; by default one run with the whole text in `style`. */
  runs?: RunSpec[];
  style?: RunStyle;
  visibility?: Partial<Visibility>;
  lang?: string | null;
  controlIds?: string[];
  groupId?: string | null;
  regionId?: string;
  heading?: number | null;
  inButton?: boolean;
  linkHref?: string | null;
  framePath?: string;
  selector?: string;
  box?: Box;
}

export interface ControlSpec extends Partial<Omit<Control, "visibility">> {
  /** Visible label text: becomes the name, the label text and a label text block. */
  label?: string;
  /** Runs of the label block, when its text is styled in parts. */
  labelRuns?: RunSpec[];
  labelStyle?: RunStyle;
  labelVisibility?: Partial<Visibility>;
  labelLang?: string | null;
  visibility?: Partial<Visibility>;
}

export interface ActionSpec extends Partial<Omit<ActionElement, "visibility">> {
  text: string;
  visibility?: Partial<Visibility>;
}

export interface RegionSpec extends Partial<Region> {
  id: string;
}

export interface ModelSpec {
  url?: string;
  title?: string;
  lang?: string | null;
  locale?: string | null;
  viewport?: PageModel["viewport"];
  regions?: RegionSpec[];
  groups?: Group[];
  controls?: ControlSpec[];
  texts?: TextSpec[];
  actions?: ActionSpec[];
  /** Links drawn as text (defaults: not filled, not button-like). */
  links?: ActionSpec[];
  fields?: Partial<FormField>[];
  frames?: FrameInfo[];
  notes?: ModelNote[];
  /** What the state's layers block; null (the default) when not measured. */
  blocking?: Partial<Blocking> | null;
  flowActions?: FlowActionRecord[];
  /** What the state stored and sent; null (the default) when not recorded. */
  behaviour?: Behaviour | null;
}

export const VISIBLE: Visibility = {
  displayNone: false,
  visibilityHidden: false,
  zeroSize: false,
  offscreen: false,
  clipped: false,
  collapsed: false,
  opacity: 1,
  transformScale: 1,
  covered: false,
  inScrollContainer: false,
  srOnly: false,
};

const BOX: Box = { x: 40, y: 400, width: 400, height: 20 };

export function parseColour(c: Colour): Rgba {
  if (typeof c !== "string") return c;
  const hex = c.replace(/^#/u, "");
  const full = hex.length === 3 ? [...hex].map((h) => h + h).join("") : hex;
  const n = (i: number): number => parseInt(full.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
}

function luminance(c: Rgba): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG 2.x contrast of a (possibly translucent) colour over an opaque background. */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  const mix = (f: number, b: number): number => f * fg.a + b * (1 - fg.a);
  const shown = { r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b), a: 1 };
  const [hi, lo] = [luminance(shown), luminance(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function makeRun(spec: RunSpec, style: RunStyle, blockVisibility: Visibility, selector: string): TextRun {
  const s = { ...style, ...spec };
  const visibility = { ...blockVisibility, ...style.visibility, ...spec.visibility };
  const fontPx = s.fontPx ?? 16;
  const color = parseColour(s.color ?? "#000000");
  const background = s.background === null ? null : parseColour(s.background ?? "#ffffff");
  const contrast = s.contrast !== undefined ? s.contrast : background === null ? null : contrastRatio(color, background);
  return {
    text: spec.text,
    fontPx,
    effectiveFontPx: fontPx * visibility.transformScale,
    fontWeight: s.fontWeight ?? 400,
    color,
    background,
    backgroundSource: s.backgroundSource ?? (background === null ? "image" : "solid"),
    contrast,
    colorTransparent: s.colorTransparent ?? false,
    box: s.box ?? BOX,
    visibility,
    selector: spec.selector ?? selector,
  };
}

function makeBlock(spec: TextSpec, id: string, regionId: string): TextBlock {
  const visibility = { ...VISIBLE, ...spec.visibility };
  const selector = spec.selector ?? `#${id}`;
  const runSpecs = spec.runs ?? [{ text: spec.text ?? "" }];
  const text = spec.text ?? runSpecs.map((r) => r.text).join("");
  return {
    id,
    text,
    lang: spec.lang ?? null,
    runs: runSpecs.map((r, i) =>
      makeRun(r, spec.style ?? {}, visibility, runSpecs.length === 1 ? selector : `${selector} > :nth-child(${i + 1})`),
    ),
    selector,
    box: spec.box ?? BOX,
    visibility,
    controlIds: spec.controlIds ?? [],
    groupId: spec.groupId ?? null,
    regionId: spec.regionId ?? regionId,
    framePath: spec.framePath ?? "",
    heading: spec.heading ?? null,
    inButton: spec.inButton ?? false,
    linkHref: spec.linkHref ?? null,
  };
}

const ROLE: Record<ControlKind, string> = {
  checkbox: "checkbox",
  radio: "radio",
  switch: "switch",
  menuitemcheckbox: "menuitemcheckbox",
  "toggle-button": "button",
  select: "combobox",
};

const SOURCE: Record<ControlKind, Control["checkedSource"]> = {
  checkbox: "dom-property",
  radio: "dom-property",
  switch: "aria-checked",
  menuitemcheckbox: "aria-checked",
  "toggle-button": "aria-pressed",
  select: "selected-option",
};

function makeControl(spec: ControlSpec, index: number, regionId: string, texts: TextBlock[]): Control {
  const id = spec.id ?? `c${index + 1}`;
  const kind = spec.kind ?? "checkbox";
  const label = spec.label ?? spec.labelRuns?.map((r) => r.text).join("");
  const blockIds = [...(spec.textBlockIds ?? [])];
  const region = spec.regionId ?? regionId;
  if (label !== undefined) {
    const block = makeBlock(
      {
        text: label,
        runs: spec.labelRuns,
        style: spec.labelStyle,
        visibility: spec.labelVisibility,
        lang: spec.labelLang ?? null,
        controlIds: [id],
        groupId: spec.groupId ?? null,
        framePath: spec.framePath,
      },
      `${id}-label`,
      region,
    );
    texts.push(block);
    blockIds.unshift(block.id);
  }
  return {
    id,
    kind,
    role: spec.role ?? ROLE[kind],
    tag:
      spec.tag ??
      (kind === "select" ? "select" : kind === "toggle-button" ? "button" : kind === "checkbox" || kind === "radio" ? "input" : "div"),
    name: spec.name ?? label ?? "",
    labelText: spec.labelText ?? label ?? "",
    sentenceText: spec.sentenceText ?? "",
    describedByText: spec.describedByText ?? "",
    groupLabel: spec.groupLabel ?? "",
    groupName: spec.groupName ?? null,
    checked: spec.checked ?? false,
    checkedSource: spec.checkedSource ?? SOURCE[kind],
    defaultChecked: spec.defaultChecked ?? spec.checked === true,
    ...(spec.options ? { options: spec.options } : {}),
    required: spec.required ?? false,
    disabled: spec.disabled ?? false,
    textBlockIds: blockIds,
    selector: spec.selector ?? `#${id}`,
    framePath: spec.framePath ?? "",
    shadowPath: spec.shadowPath ?? [],
    box: spec.box ?? { x: 20, y: 400, width: 16, height: 16 },
    visibility: { ...VISIBLE, ...spec.visibility },
    groupId: spec.groupId ?? null,
    regionId: region,
    touchedByFlow: spec.touchedByFlow ?? false,
  };
}

function makeAction(spec: ActionSpec, index: number, regionId: string, link = false): ActionElement {
  const id = spec.id ?? `${link ? "l" : "a"}${index + 1}`;
  const filled = spec.filled ?? !link;
  const box = spec.box ?? { x: 40, y: 300, width: 240, height: 44 };
  return {
    id,
    text: spec.text,
    visibleText: spec.visibleText ?? spec.text,
    tag: spec.tag ?? (link ? "a" : "button"),
    role: spec.role ?? (link ? "link" : "button"),
    type: spec.type === undefined ? (link ? null : "submit") : spec.type,
    disabled: spec.disabled ?? false,
    area: spec.area ?? box.width * box.height,
    fontPx: spec.fontPx ?? 16,
    filled,
    fontWeight: spec.fontWeight ?? 400,
    color: spec.color ?? (filled ? { r: 255, g: 255, b: 255, a: 1 } : { r: 17, g: 17, b: 17, a: 1 }),
    background:
      spec.background === undefined ? (filled ? { r: 29, g: 78, b: 216, a: 1 } : { r: 255, g: 255, b: 255, a: 1 }) : spec.background,
    textContrast: spec.textContrast === undefined ? (filled ? 6.7 : 18.9) : spec.textContrast,
    fillContrast: spec.fillContrast === undefined ? (filled ? 6.7 : null) : spec.fillContrast,
    borderContrast: spec.borderContrast ?? null,
    buttonLike: spec.buttonLike ?? (filled || (spec.borderContrast ?? 0) >= 1.5),
    box,
    visibility: { ...VISIBLE, ...spec.visibility },
    selector: spec.selector ?? `#${id}`,
    groupId: spec.groupId ?? null,
    regionId: spec.regionId ?? regionId,
    framePath: spec.framePath ?? "",
  };
}

const NOT_BLOCKED: Blocking = { viewportCovered: 0, coveringRegionId: null, blurred: false, scrollLocked: false, contentInert: false };

function makeRegion(spec: RegionSpec): Region {
  return {
    id: spec.id,
    kind: spec.kind ?? "page",
    selector: spec.selector ?? (spec.kind === undefined || spec.kind === "page" ? "html" : `#${spec.id}`),
    headings: spec.headings ?? [],
    label: spec.label ?? "",
    visible: spec.visible ?? true,
    box: spec.box ?? { x: 0, y: 0, width: 1280, height: 800 },
  };
}

/** A PageModel from a short spec; see the interfaces above for what each part defaults to. */
export function makeModel(spec: ModelSpec = {}): PageModel {
  const regions = (spec.regions ?? [{ id: "page" }]).map(makeRegion);
  const defaultRegion = regions[0].id;
  const texts: TextBlock[] = [];
  const controls = (spec.controls ?? []).map((c, i) => makeControl(c, i, defaultRegion, texts));
  (spec.texts ?? []).forEach((t, i) => texts.push(makeBlock(t, t.id ?? `t${i + 1}`, defaultRegion)));
  return {
    version: PAGE_MODEL_VERSION,
    url: spec.url ?? "https://example.test/",
    title: spec.title ?? "",
    lang: spec.lang === undefined ? "en" : spec.lang,
    viewport: spec.viewport ?? { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false },
    locale: spec.locale ?? null,
    source: "browser",
    regions,
    groups: spec.groups ?? [],
    controls,
    texts,
    actions: (spec.actions ?? []).map((a, i) => makeAction(a, i, defaultRegion)),
    links: (spec.links ?? []).map((a, i) => makeAction(a, i, defaultRegion, true)),
    fields: (spec.fields ?? []).map((f) => ({
      type: f.type ?? "text",
      name: f.name ?? "",
      label: f.label ?? "",
      required: f.required ?? false,
      groupId: f.groupId ?? null,
      regionId: f.regionId ?? defaultRegion,
    })),
    frames: spec.frames ?? [],
    notes: spec.notes ?? [],
    blocking: spec.blocking ? { ...NOT_BLOCKED, ...spec.blocking } : null,
    flowActions: spec.flowActions ?? [],
    capturedAt: "2024-01-01T00:00:00.000Z",
    behaviour: spec.behaviour ?? null,
  };
}
