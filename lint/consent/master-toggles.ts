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
import { ownLabel } from "./required-controls.js";

/** Longest own label (characters, spaces excluded) taken for a master toggle rather than a control of its own. */
const MAX_MASTER_LABEL = 40;

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

/** The consent controls a master toggle stands for: those of its form or group, or of its region when its group holds none (a dialog's "Allow all cookies" row). */
function siblingsOf(r: ToggleReading, all: readonly ToggleReading[]): ToggleReading[] {
  const others = all.filter((o) => o !== r && o.consent && o.control.framePath === r.control.framePath);
  const inGroup = others.filter((o) => sameGroup(r.control, o.control));
  return inGroup.length > 0 ? inGroup : others.filter((o) => o.control.regionId === r.control.regionId);
}

/**
 * The analysis a master toggle stands for (its siblings' purposes, granting
 * optional consent), or null when the control is not one: its text names a
 * purpose or a necessary use itself, its own label is long or does not say
 * "all" ("Enable or disable all services" does), or it has fewer than two
 * consent controls beside it (in its group, else in its region).
 */
export function masterToggleAnalysis(r: ToggleReading, all: readonly ToggleReading[]): ConsentAnalysis | null {
  const a = r.analysis;
  if (!TOGGLE_KINDS.has(r.control.kind) || r.status !== "understood" || r.consent) return null;
  if (a.purposes.length > 0 || a.necessaryOnly || a.requiredTerms || a.statement) return null;
  const label = ownLabel(r.control);
  if (label.replace(/\s+/gu, "").length > MAX_MASTER_LABEL || !ALL_WORDS.test(label)) return null;
  const siblings = siblingsOf(r, all);
  if (siblings.length < MIN_SIBLINGS) return null;
  const purposes = [...new Set(siblings.flatMap((s) => s.analysis.purposes))];
  return { ...a, purposes, optionalConsent: true };
}
