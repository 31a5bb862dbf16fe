/**
 * Text under elements, as the walk recorded it: the text of a subtree
 * (hidden text included, without the text of actions nested in it), the
 * text of elements an ARIA id reference names, and the blocks each came
 * from, so controls can point at the blocks that say what they do.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other in-page functions by name), because the extractor sends
 * their source text into the page and runs them there.
 */
import type * as DomFns from "./dom.js";
import type { BlockAcc, Info, Pass, TextPick } from "./pass.js";

declare const norm: typeof DomFns.norm;

/** The range of the pass's text records that lie under an element. */
export function textRange(pass: Pass, info: Info): [number, number] {
  const recs = pass.textRecs;
  const lower = (order: number): number => {
    let lo = 0;
    let hi = recs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (recs[mid].order < order) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lower(info.index), lower(info.exit)];
}

/** Text under an element (hidden text included), without the text of actions nested in it. */
export function textIn(pass: Pass, info: Info, opts: { limit?: number; before?: number; skipLabels?: boolean } = {}): TextPick {
  const [from, to] = textRange(pass, info);
  const limit = opts.limit ?? 4000;
  const parts: string[] = [];
  const blocks: BlockAcc[] = [];
  let length = 0;
  for (let i = from; i < to; i++) {
    const rec = pass.textRecs[i];
    if (opts.before !== undefined && rec.order >= opts.before) break;
    if (rec.owner.inAction && rec.owner.inAction !== info.inAction) continue;
    if (opts.skipLabels && rec.owner.inLabel) continue;
    parts.push(rec.ws ? " " : rec.data);
    if (!rec.ws) {
      length += rec.data.length;
      const acc = pass.blockAccs.get(rec.owner.block);
      if (acc && acc.hasText && !blocks.includes(acc)) blocks.push(acc);
    }
    if (length > limit) break;
  }
  return { text: norm(parts.join("")), blocks, length };
}

/** The text of the elements an id-reference attribute (aria-labelledby, aria-describedby) names, in its order. */
export function idrefText(pass: Pass, el: Element, name: string): TextPick {
  const ids = (pass.dom.attr(el, name) ?? "").split(/\s+/).filter((s) => s.length > 0);
  const out: TextPick = { text: "", blocks: [], length: 0 };
  if (ids.length === 0) return out;
  const root = el.getRootNode() as Document | ShadowRoot;
  const texts: string[] = [];
  for (const id of ids) {
    const target = typeof root.getElementById === "function" ? root.getElementById(id) : null;
    if (!target) continue;
    const info = pass.infos.get(target);
    if (info) {
      const pick = textIn(pass, info);
      texts.push(pick.text);
      for (const b of pick.blocks) if (!out.blocks.includes(b)) out.blocks.push(b);
    } else texts.push(norm(target.textContent ?? ""));
  }
  out.text = norm(texts.join(" "));
  out.length = out.text.length;
  return out;
}

/** The last `max` characters of a pick, from a word start. */
export function tail(pick: TextPick, max: number): TextPick {
  return pick.text.length > max ? { ...pick, text: pick.text.slice(pick.text.length - max).replace(/^\S*\s/, "") } : pick;
}

/** Whether a pick reads as a label: real text, not a whole page of it. */
export function usable(pass: Pass, pick: TextPick): boolean {
  return pass.k.REAL_TEXT.test(pick.text) && pick.length <= pass.k.sentence.maxSentence;
}

/** A pick of the given text without blocks. */
export function plainPick(text: string): TextPick {
  return { text, blocks: [], length: text.length };
}
