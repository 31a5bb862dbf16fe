/**
 * Master "select all" toggles: a short box that names no purpose itself, says
 * it stands for all ("Alle auswählen", "Select all", "全选") and sits among
 * several consent controls of its form or group grants everything they
 * grant, so it is a consent control with their purposes. A short label that
 * does not say "all" ("Styling", "Comments") is a category of its own, not a
 * master of its neighbours.
 */
import type { Control } from "../model.js";
import type { ConsentAnalysis } from "../language/types.js";

/** Longest label (characters, spaces excluded) taken for a master toggle rather than a control of its own. */
const MAX_MASTER_LABEL = 24;

/** Consent controls a master toggle has to sit among. */
const MIN_SIBLINGS = 2;

/** Words that make a label stand for every choice beside it, in English, German and Chinese. */
const ALL_WORDS = /(?<![\p{L}])(?:all|every(?:thing)?|alle[nms]?|sämtliche[nms]?)(?![\p{L}])|全部|全选|全選|所有|一键|一鍵/iu;

const TOGGLE_KINDS: ReadonlySet<Control["kind"]> = new Set(["checkbox", "switch", "menuitemcheckbox", "toggle-button"]);

export interface ToggleReading {
  control: Control;
  text: string;
  analysis: ConsentAnalysis;
  status: ConsentAnalysis["status"];
  consent: boolean;
}

function sameGroup(a: Control, b: Control): boolean {
  return a.groupId !== null ? a.groupId === b.groupId : a.regionId === b.regionId;
}

/**
 * The analysis a master toggle stands for (its siblings' purposes, granting
 * optional consent), or null when the control is not one: it names a purpose
 * or a necessary use itself, has a long label or one that does not say
 * "all", or has fewer than two consent controls beside it.
 */
export function masterToggleAnalysis(r: ToggleReading, all: readonly ToggleReading[]): ConsentAnalysis | null {
  const a = r.analysis;
  if (!TOGGLE_KINDS.has(r.control.kind) || r.status !== "understood" || r.consent) return null;
  if (a.purposes.length > 0 || a.necessaryOnly || a.requiredTerms || a.statement) return null;
  if (r.text.replace(/\s+/gu, "").length > MAX_MASTER_LABEL || !ALL_WORDS.test(r.text)) return null;
  const siblings = all.filter((o) => o !== r && o.consent && sameGroup(r.control, o.control));
  if (siblings.length < MIN_SIBLINGS) return null;
  const purposes = [...new Set(siblings.flatMap((s) => s.analysis.purposes))];
  return { ...a, purposes, optionalConsent: true };
}
