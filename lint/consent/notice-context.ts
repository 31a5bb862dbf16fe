/**
 * The earlier text of the notice a text block belongs to. A cookie banner
 * often names its purposes in one paragraph and states the grant in the
 * next ("We use cookies for analytics and advertising." / "By continuing to
 * browse you agree to the use of these cookies."): the language module reads
 * the grant with this text as its context.
 *
 * Only text a reader takes as the same notice counts: the shown blocks before
 * the statement in the same banner, dialog or consent frame. Never a
 * control's label or description (that is the control's own consent), a
 * button's text, or text that is not rendered where a person can see it. The
 * page itself is no notice: its earlier text is whatever the page says.
 */
import type { PageModel, TextBlock } from "../model.js";
import { isShown } from "./prominence.js";

/** Region kinds whose text is one notice. */
const NOTICE_KINDS: ReadonlySet<string> = new Set(["dialog", "banner", "frame"]);

/** The texts of the notice before a block, in reading order; empty outside a notice. */
export type NoticeContext = (block: TextBlock) => string[];

/** A block a reader takes as part of the notice's running text. */
function readsAsNotice(block: TextBlock, controlBlockIds: ReadonlySet<string>): boolean {
  if (block.inButton || block.controlIds.length > 0 || controlBlockIds.has(block.id)) return false;
  const v = block.visibility;
  return isShown(v) && !v.clipped && !v.srOnly && block.text.trim().length > 0;
}

/**
 * Earlier notice text for each block of the model. `controlBlockIds` are the
 * blocks of every control (label, sentence, description); `regionKind` gives
 * the kind of the region a block belongs to as the consent view sees it.
 */
export function noticeContext(
  model: PageModel,
  controlBlockIds: ReadonlySet<string>,
  regionKind: (regionId: string) => string,
): NoticeContext {
  const order = new Map<string, number>();
  const byRegion = new Map<string, { index: number; text: string }[]>();
  model.texts.forEach((block, index) => {
    order.set(block.id, index);
    if (!NOTICE_KINDS.has(regionKind(block.regionId)) || !readsAsNotice(block, controlBlockIds)) return;
    const list = byRegion.get(block.regionId) ?? [];
    list.push({ index, text: block.text });
    byRegion.set(block.regionId, list);
  });
  return (block) => {
    const at = order.get(block.id) ?? -1;
    return (byRegion.get(block.regionId) ?? []).filter((e) => e.index < at).map((e) => e.text);
  };
}
