/**
 * What goes into the in-page pass and what comes back: plain, serializable
 * data. One pass reads one document (with its same-origin and srcdoc frames
 * and open shadow roots); frames it cannot enter come back as pending, to be
 * read by a pass of their own with the context of their frame element.
 */
import type {
  ActionElement,
  Blocking,
  Box,
  Control,
  FormField,
  FrameInfo,
  Group,
  ModelNote,
  Region,
  Rgba,
  TextBlock,
} from "../../model.js";

/** The background behind content, as known so far: candidate opaque colours and where they come from. */
export interface BackgroundState {
  source: "solid" | "gradient" | "image" | "canvas";
  /** Opaque candidates; several for gradients (each stop), none when an image or canvas is behind. */
  colours: Rgba[];
}

/** What a document inherits from the frame element that shows it. */
export interface FrameContext {
  /** Prefix of every id made in this pass ("" for the top document). */
  idPrefix: string;
  /** Frame path from the top document ("" for the top frame). */
  framePath: string;
  /** Selector of the frame element followed by " >>> ", or "" for the top frame. */
  selectorPrefix: string;
  /** Top-level coordinates of this document's viewport origin, and its scale. */
  offsetX: number;
  offsetY: number;
  scale: number;
  opacity: number;
  scaleX: number;
  scaleY: number;
  displayNone: boolean;
  collapsed: boolean;
  srOnly: boolean;
  offscreen: boolean;
  clipEmpty: boolean;
  /** Clip rectangle of the frame element (top-level coordinates), null when unclipped. */
  clip: Box | null;
  /** Scrollable area that holds the frame element, when it sits in a scroll container. */
  scroll: Box | null;
  background: BackgroundState;
  /** Region and group of the frame element; null in the top document. */
  regionId: string | null;
  groupId: string | null;
  lang: string | null;
  heading: number | null;
  linkHref: string | null;
  inButton: boolean;
}

export interface CollectArgs {
  context: FrameContext;
  maxTextBlocks: number;
  maxElements: number;
  /** Time the pass may take before it stops walking and says so. */
  budgetMs: number;
  /** A document with more elements than this is read around its controls (big subtrees without any are skipped). */
  largePageElements: number;
  /** On a large page, subtrees with at least this many elements and no control are skipped. */
  skipSubtreeElements: number;
  /** Name of the isolated world's global that keeps frame elements it could not enter. */
  pendingKey: string;
}

/** A frame element whose document the pass could not enter (cross-origin, out of process). */
export interface PendingFrame {
  /** Index into the pending global of the isolated world that read the parent. */
  index: number;
  /** Index of its entry in the part's `frames`. */
  frameIndex: number;
  /** Context for reading its document in a pass of its own. */
  context: FrameContext;
}

/** A heading found in a region, for the region's headings. */
export interface RegionHeading {
  regionId: string;
  text: string;
}

export interface FramePart {
  url: string;
  title: string;
  lang: string | null;
  regions: Region[];
  headings: RegionHeading[];
  groups: Group[];
  controls: Control[];
  texts: TextBlock[];
  actions: ActionElement[];
  /** Links drawn as text, with short text. */
  links: ActionElement[];
  fields: FormField[];
  frames: FrameInfo[];
  notes: ModelNote[];
  /** What the document's layers block: measured in the top document only, null elsewhere or when it could not be. */
  blocking: Blocking | null;
  pending: PendingFrame[];
  /** Elements visited, for the caller's bookkeeping. */
  elementCount: number;
  elapsedMs: number;
}
