/**
 * Frames in static mode: `srcdoc` frames are parsed into the model; `src`
 * frames are read from disk when they are relative paths inside the base
 * directory, and otherwise recorded as not reachable, with a note.
 */
import { pathToFileURL } from "node:url";
import type { FrameInfo, ModelNote } from "../../model.js";
import { attr } from "./dom-nodes.js";
import type { LocalFiles } from "../local-files.js";
import { isRelativeReference } from "../local-files.js";
import type { ElementInfo } from "./styled-tree.js";
import { ZERO_BOX } from "./text-runs.js";
import { FRAME_NOT_READ } from "../outcome/static-notes.js";
import { isShownBox } from "./visibility.js";

export interface FrameSource {
  html: string;
  url: string;
  files: LocalFiles | null;
}

export interface FrameReading {
  info: FrameInfo;
  /** The frame's document, when it can be read. */
  source: FrameSource | null;
  notes: ModelNote[];
}

/** The origin of a URL ("null" for opaque origins: file:, data:, about:). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "null";
  }
}

function resolveUrl(src: string, base: string): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}

/** What a frame element is and, when it can be read, its document. */
export function readFrame(frame: ElementInfo, parentUrl: string, files: LocalFiles | null): FrameReading {
  const parentOrigin = originOf(parentUrl);
  const base = { path: frame.selector, selector: frame.selector, box: { ...ZERO_BOX }, visible: isShownBox(frame.visibility) };
  const srcdoc = attr(frame.el, "srcdoc");
  if (srcdoc !== null) {
    return {
      info: { ...base, url: "about:srcdoc", origin: parentOrigin, reachable: true, crossOrigin: false },
      source: { html: srcdoc, url: "about:srcdoc", files },
      notes: [],
    };
  }
  const src = (attr(frame.el, "src") ?? "").trim();
  if (src === "" || /^about:blank$/iu.test(src) || /^javascript:/iu.test(src)) {
    return { info: { ...base, url: "about:blank", origin: parentOrigin, reachable: true, crossOrigin: false }, source: null, notes: [] };
  }
  const url = resolveUrl(src, parentUrl);
  if (isRelativeReference(src) && files) {
    const file = files.read(src, null, "document");
    if (file) {
      const fileUrl = pathToFileURL(file.path).href;
      return {
        info: { ...base, url: fileUrl, origin: originOf(fileUrl), reachable: true, crossOrigin: false },
        source: { html: file.text, url: fileUrl, files: files.forDocument(file.dir) },
        notes: [],
      };
    }
  }
  const origin = originOf(url);
  const sameOrigin = isRelativeReference(src) || (origin !== "null" && origin === parentOrigin);
  if (!sameOrigin) {
    const reason = `cross-origin frame ${url} is not read in static mode`;
    return {
      info: { ...base, url, origin, reachable: false, crossOrigin: true, reason },
      source: null,
      notes: [{ kind: "cross-origin-frame", message: `Cross-origin frame ${url} could not be read`, selector: frame.selector }],
    };
  }
  const reason = `frame source ${src} is not loaded in static mode`;
  return {
    info: { ...base, url, origin, reachable: false, crossOrigin: false, reason },
    source: null,
    notes: [
      {
        kind: FRAME_NOT_READ,
        message: `frame ${src} not loaded: static mode reads only srcdoc frames and local files under the base directory`,
        selector: frame.selector,
      },
    ],
  };
}
