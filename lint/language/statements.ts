/**
 * Consent statements: text saying that an action, or continuing, grants
 * agreement ("by clicking Pay you agree ...", "安装即表示您授权 ..."), and
 * first-person grants without a control ("I agree that ...", "本人同意").
 * Explanations ("we would like to use cookies") match neither.
 */
import type { Lexicon } from "./lexicon/types.js";

export interface Grant {
  /** Offsets of the grant wording in the text. */
  start: number;
  end: number;
  /** The action named, cleaned ("Pay", "install", "立即支付"); null for first-person grants. */
  action: string | null;
  wording: string;
}

const withIndices = new WeakMap<RegExp, RegExp>();

/** A global copy of the pattern with match indices, made once. */
function scanner(re: RegExp): RegExp {
  let s = withIndices.get(re);
  if (!s) {
    const flags = new Set([...re.flags, "g", "d"]);
    s = new RegExp(re.source, [...flags].join(""));
    withIndices.set(re, s);
  }
  return s;
}

const QUOTES = /^[\s"'“”„‟«»‹›「」『』【】《》〈〉‘’‚]+|[\s"'“”„‟«»‹›「」『』【】《》〈〉‘’‚]+$/gu;

const PARTICLES = new Set(["up", "in", "out", "on"]);

function foldOf(lexicon: Lexicon): (text: string) => string {
  const tools = lexicon.tools;
  return tools.unit === "char" ? tools.fold : (text) => text;
}

/** The text without what `re` matches at its start (or end), matched on the folded text so Chinese keeps its own characters. */
function strip(text: string, re: RegExp, fold: (t: string) => string, at: "start" | "end"): { text: string; stripped: boolean } {
  const m = re.exec(fold(text));
  if (!m || m[0].length === 0) return { text, stripped: false };
  const rest = at === "start" ? text.slice(m[0].length) : text.slice(0, text.length - m[0].length);
  return { text: rest, stripped: true };
}

/** The action as a button would name it: the quoted button, or the base verb of "placing your order". */
export function cleanAction(raw: string, lexicon: Lexicon): string | null {
  const fold = foldOf(lexicon);
  const lead = strip(raw.replace(QUOTES, "").trim(), lexicon.actionLead, fold, "start");
  const clicked = lead.stripped;
  let action = strip(lead.text.trim(), lexicon.actionTail, fold, "end").text.replace(QUOTES, "").trim();
  if (!clicked && lexicon.actionVerbs) {
    const words = action.split(/\s+/u);
    const base = lexicon.actionVerbs[words[0].toLowerCase()];
    if (base) action = words[1] !== undefined && PARTICLES.has(words[1].toLowerCase()) ? `${base} ${words[1].toLowerCase()}` : base;
  }
  return action.length > 0 ? action : null;
}

/**
 * Grants in the text. `source` is what the patterns read (folded for
 * Chinese); `original` is the same-length text the action is cut from, so
 * a Chinese action keeps its own characters ("購票", not "购票").
 */
export function findGrants(source: string, original: string, lexicon: Lexicon): Grant[] {
  const out: Grant[] = [];
  for (const re of lexicon.grants) {
    for (const m of source.matchAll(scanner(re))) {
      const start = m.index ?? 0;
      const span = m.indices?.groups?.action;
      const action = span ? cleanAction(original.slice(span[0], span[1]), lexicon) : null;
      out.push({ start, end: start + m[0].length, action, wording: original.slice(start, start + m[0].length).trim() });
    }
  }
  for (const re of lexicon.firstPersonGrants) {
    for (const m of source.matchAll(scanner(re))) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, action: null, wording: original.slice(start, start + m[0].length).trim() });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
