/** Putting the parts read from a page's documents together into one PageModel. */
import { PAGE_MODEL_VERSION, type FlowActionRecord, type ModelNote, type PageModel, type Viewport } from "../model.js";
import type { FramePart } from "./in-page/frame-part.js";
import type { UnreadFrame } from "./frame-reader.js";

export interface AssemblyInfo {
  url: string;
  viewport: Viewport;
  locale: string | null;
  flowActions: FlowActionRecord[];
  capturedAt: string;
}

/**
 * One model from the top document's part (first) and the parts of frames
 * read on their own: lists joined in reading order, region headings given to
 * their regions, what the layers block as the top document measured it,
 * unreadable frames noted.
 */
export function assembleModel(parts: readonly FramePart[], unread: readonly UnreadFrame[], info: AssemblyInfo): PageModel {
  const top = parts[0];
  const model: PageModel = {
    version: PAGE_MODEL_VERSION,
    url: info.url || top.url,
    title: top.title,
    lang: top.lang,
    viewport: info.viewport,
    locale: info.locale,
    source: "browser",
    regions: parts.flatMap((p) => p.regions),
    groups: parts.flatMap((p) => p.groups),
    controls: parts.flatMap((p) => p.controls),
    texts: parts.flatMap((p) => p.texts),
    actions: parts.flatMap((p) => p.actions),
    links: parts.flatMap((p) => p.links),
    fields: parts.flatMap((p) => p.fields),
    frames: parts.flatMap((p) => p.frames),
    notes: [],
    blocking: top.blocking ?? null,
    flowActions: [...info.flowActions],
    capturedAt: info.capturedAt,
    behaviour: null,
  };
  const byId = new Map(model.regions.map((r) => [r.id, r]));
  for (const heading of parts.flatMap((p) => p.headings)) {
    const region = byId.get(heading.regionId);
    if (region && !region.headings.includes(heading.text)) region.headings.push(heading.text);
  }
  const seen = new Set<string>();
  const note = (n: ModelNote): void => {
    const key = `${n.kind}\u241f${n.selector ?? n.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    model.notes.push(n);
  };
  for (const part of parts) for (const n of part.notes) note(n);
  for (const { frame, reason } of unread) {
    note({
      kind: "cross-origin-frame",
      message: `Frame ${frame.url} (${frame.origin}) could not be read: ${reason}. Consent controls inside it were not checked.`,
      selector: frame.selector,
    });
  }
  return model;
}
