/**
 * The PageModel: everything the rules know about one linted state (a page, or
 * one step of a flow), as plain serializable data. It is built in the browser
 * by `lint/extract` (or from HTML by the static builder) and read by the rules,
 * which are pure functions of it.
 */

import type { Behaviour } from "./behaviour/types.js";

export const PAGE_MODEL_VERSION = 3;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
  deviceScaleFactor: number;
  isMobile: boolean;
}

/** An RGBA colour, channels 0-255, alpha 0-1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * Where an element can be seen. Every flag is a measured fact, not a verdict;
 * the rules decide what the facts mean.
 */
export interface Visibility {
  /** display:none on the element or an ancestor (other than a collapsed region, see `collapsed`). */
  displayNone: boolean;
  /** computed visibility is hidden or collapse. */
  visibilityHidden: boolean;
  /** Box has zero width or height (after transforms). */
  zeroSize: boolean;
  /** Box lies wholly outside the page's scrollable area (negative offsets, far off to the side). */
  offscreen: boolean;
  /** Box is wholly or almost wholly clipped by an overflow:hidden/clip ancestor, or by clip/clip-path. */
  clipped: boolean;
  /** Inside a collapsed region: closed <details>, content-visibility:hidden, a display:none accordion panel. */
  collapsed: boolean;
  /** Product of opacity of the element and all ancestors (across frames). */
  opacity: number;
  /** Smallest scale factor applied by transforms on the element or its ancestors (1 = none). */
  transformScale: number;
  /** Another element covers the centre of the box (hit-testing says so). */
  covered: boolean;
  /** Tag and text of the element covering it, when covered. */
  coveredBy?: string;
  /** Inside a scroll container whose content can be scrolled into view (overflow auto/scroll). */
  inScrollContainer: boolean;
  /** Screen-reader-only pattern: 1px clipped box or similar, used to give assistive tech a label. */
  srOnly: boolean;
}

/** One run of text with one computed style: the direct text of one element. */
export interface TextRun {
  text: string;
  /** Computed font size in CSS px (before transforms). */
  fontPx: number;
  /** fontPx multiplied by transformScale: the size a reader sees. */
  effectiveFontPx: number;
  fontWeight: number;
  color: Rgba;
  /** The effective background behind the text, composited through ancestors; null when unknown. */
  background: Rgba | null;
  /** Worst (lowest-contrast) background colour when a gradient is involved. */
  backgroundSource: "solid" | "gradient" | "image" | "canvas";
  /** WCAG 2.x contrast ratio of colour (with its alpha and opacity applied) on background; null when the background is unknown (image). */
  contrast: number | null;
  colorTransparent: boolean;
  box: Box;
  visibility: Visibility;
  selector: string;
}

/** A block of text as a reader groups it: the text of the nearest block-level container. */
export interface TextBlock {
  id: string;
  text: string;
  /** lang attribute in effect, if any. */
  lang: string | null;
  runs: TextRun[];
  selector: string;
  box: Box;
  visibility: Visibility;
  /** Ids of controls this block labels or describes, or sits beside as their sentence. */
  controlIds: string[];
  /** Id of the form (or visual group) the block belongs to. */
  groupId: string | null;
  /** Id of the region (page or dialog) the block belongs to. */
  regionId: string;
  /** Frame path from the top document ("" for the top frame). */
  framePath: string;
  /** The block is (inside) a heading: h1-h6 or role=heading. */
  heading: number | null;
  /** The block is, or is inside, a button or a link styled as one. */
  inButton: boolean;
  /** The block is, or is inside, a link; href when so. */
  linkHref: string | null;
}

export type ControlKind = "checkbox" | "radio" | "switch" | "menuitemcheckbox" | "toggle-button" | "select";

export type CheckedSource = "dom-property" | "aria-checked" | "aria-pressed" | "selected-option" | "radio-group";

export interface SelectOption {
  value: string;
  text: string;
  selected: boolean;
}

export interface Control {
  id: string;
  kind: ControlKind;
  /** ARIA role as computed (checkbox, radio, switch, combobox, button ...). */
  role: string;
  tag: string;
  /** Accessible name (aria-labelledby, aria-label, <label>, title, ...). */
  name: string;
  /** Text of the associated <label>(s), if any. */
  labelText: string;
  /** The sentence or paragraph the control sits in, as a reader would take it as its label. */
  sentenceText: string;
  /** Text referenced by aria-describedby. */
  describedByText: string;
  /** For radios: the group label (fieldset legend, radiogroup name, question text). */
  groupLabel: string;
  /** For radios: the radio group name. */
  groupName: string | null;
  /** Live checked state: true, false, or "mixed". For selects, whether the selected option is a granting one is decided by the rules. */
  checked: boolean | "mixed";
  checkedSource: CheckedSource;
  /** HTML default (the checked attribute / selected attribute), for evidence. */
  defaultChecked: boolean;
  options?: SelectOption[];
  required: boolean;
  disabled: boolean;
  /** Ids of text blocks making up its label text (label, sentence, describedby). */
  textBlockIds: string[];
  selector: string;
  framePath: string;
  /** Shadow host selectors from the frame's document down to the control. */
  shadowPath: string[];
  box: Box;
  visibility: Visibility;
  /** Id of the form or visual group the control belongs to. */
  groupId: string | null;
  regionId: string;
  /** The flow's own actions changed this control (the user acted). */
  touchedByFlow: boolean;
}

/** A button, submit input, or link styled as a button: candidates for the step's primary action. */
export interface ActionElement {
  id: string;
  /** Its accessible name (aria-labelledby, aria-label, content, value, title). */
  text: string;
  /** The text it shows on screen (its rendered content, or an input button's value); may differ from `text` ("Decline" named "deny cookies"). */
  visibleText: string;
  tag: string;
  role: string;
  type: string | null;
  disabled: boolean;
  /** Area of the box in CSS px^2, for ranking prominence. */
  area: number;
  fontPx: number;
  /** Background is a filled, non-transparent colour. */
  filled: boolean;
  /** Computed font weight (400 normal, 700 bold). */
  fontWeight: number;
  /** Text colour, with its alpha. */
  color: Rgba;
  /** What is painted behind the text (its own fill over what is behind it); null when unknown (an image). */
  background: Rgba | null;
  /** WCAG 2.x contrast of the text on `background` (worst case over gradient stops); null when unknown. */
  textContrast: number | null;
  /** WCAG contrast of its own solid fill (its own opacity applied) against what is behind it; null when it paints no fill (or a gradient or image), or what is behind is unknown (an image). */
  fillContrast: number | null;
  /**
   * WCAG contrast of its border against what is behind it (the worst side),
   * when every side has a border at least 1px wide, of a style other than
   * none or hidden, in a colour not wholly transparent; null otherwise, or
   * when what is behind is unknown.
   */
  borderContrast: number | null;
  /**
   * Drawn as a button: a fill or a border on every side that stands out from
   * what is behind it (contrast at least 1.5:1), or a gradient or image fill.
   * Over an image, where contrast is unknown, a fill or a border all round at
   * least half opaque counts.
   */
  buttonLike: boolean;
  box: Box;
  visibility: Visibility;
  selector: string;
  groupId: string | null;
  regionId: string;
  framePath: string;
}

/**
 * How much of the page a layer blocks while the state is shown: the facts a
 * consent wall is judged on. Measured in the top document's viewport at the
 * end of the state's read (after the page has settled).
 */
export interface Blocking {
  /**
   * Share (0-1) of the points of a 10x10 grid over the viewport (cell
   * centres) whose topmost element (hit-testing, into open shadow roots) is a
   * layer over the page: inside a dialog, banner or frame region, or inside
   * an element other than html and body with position fixed (a backdrop).
   * Elements with pointer-events: none are not hit.
   */
  viewportCovered: number;
  /**
   * Id of the dialog, banner or frame region the covered points belong to
   * most; a fixed backdrop outside any region counts for the visible dialog,
   * banner or frame region of the top document last in document order (the
   * one it sits beside). Null when no point is covered.
   */
  coveringRegionId: string | null;
  /**
   * A `filter` with blur() of more than 0 on an element holding at least half
   * of the page's visible text, or a `backdrop-filter` blur() on an element
   * covering at least half of the viewport. The page's visible text: the
   * characters (whitespace left out) of shown text in the top document outside
   * dialog, banner and frame regions (tentative ones count as page).
   */
  blurred: boolean;
  /**
   * The computed overflow-y (which `overflow` sets) of the root element or the
   * body is hidden or clip, or the body is position: fixed. A CSS fact: the
   * content's height is not considered.
   */
  scrollLocked: boolean;
  /** `inert`, or aria-hidden="true", on an element holding at least half of the page's visible text (as for `blurred`). */
  contentInert: boolean;
}

export interface FormField {
  type: string;
  name: string;
  label: string;
  required: boolean;
  groupId: string | null;
  regionId: string;
}

/**
 * The page itself, and every dialog or banner laid over it, is a region. A
 * consent dialog over a page is judged as a consent step of its own; the page
 * beneath keeps its purpose.
 */
export interface Region {
  id: string;
  /** "frame": the document of an iframe, laid over or embedded in the page. */
  kind: "page" | "dialog" | "banner" | "frame";
  selector: string;
  /** Heading text(s) in the region, outermost first. */
  headings: string[];
  /** aria-label / aria-labelledby of the region, if any. */
  label: string;
  visible: boolean;
  box: Box;
  /**
   * Set on a region that is a step of its own only if its content asks for
   * consent (a frame, or a layer holding most of the page's text): the id of
   * the region its content belongs to otherwise.
   */
  tentativeOf?: string;
}

export interface Group {
  id: string;
  kind: "form" | "fieldset" | "section";
  selector: string;
  regionId: string;
}

export interface FrameInfo {
  path: string;
  url: string;
  origin: string;
  /** srcdoc or same-origin frames are read into the model; others are linted on their own if reachable. */
  reachable: boolean;
  crossOrigin: boolean;
  selector: string;
  box: Box;
  visible: boolean;
  /** Why it could not be read, when it could not. */
  reason?: string;
}

export interface ModelNote {
  /** What could not be decided, for the incomplete bucket: "cross-origin-frame", "background-image", "closed-shadow-root", ... */
  kind: string;
  message: string;
  selector?: string;
}

/** A flow action that led to this state, for the primary-purpose decision. */
export interface FlowActionRecord {
  action: string;
  /** Text of the element acted on (button name, link text), when known. */
  targetText: string;
}

export interface PageModel {
  version: typeof PAGE_MODEL_VERSION;
  url: string;
  title: string;
  /** lang of the <html> element, if any. */
  lang: string | null;
  viewport: Viewport;
  locale: string | null;
  /** "browser" (measured in Chromium) or "static" (approximated from HTML). */
  source: "browser" | "static";
  regions: Region[];
  groups: Group[];
  controls: Control[];
  texts: TextBlock[];
  actions: ActionElement[];
  /**
   * Links (`a[href]`, role=link) drawn as text, not as buttons, with short
   * text (1 to 60 characters after whitespace is collapsed), rendered (not
   * display:none) and not inside an action: where a consent request puts a
   * "Reject" or "Settings" link. Buttons and links drawn as buttons are in
   * `actions`. Ids `l1`, `l2`... (with a frame's prefix); at most 400 per
   * document read, the first in document order, with a "links-capped" note.
   */
  links: ActionElement[];
  fields: FormField[];
  frames: FrameInfo[];
  /** What the extractor could not see or decide. */
  notes: ModelNote[];
  /** What the state's layers block (null when not measured: static mode lays nothing out). */
  blocking: Blocking | null;
  /** Actions of the flow so far that led to this state (empty for single pages). */
  flowActions: FlowActionRecord[];
  /** Time the state was captured (ISO 8601 UTC). */
  capturedAt: string;
  /** What the state stored and sent from its start (browser mode); null where nothing was recorded (static mode, a page the caller owns). */
  behaviour: Behaviour | null;
}
