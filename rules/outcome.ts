/** Shared pieces of a rule's outcome: incomplete entries for what could not be read, and the inapplicable flag. */
import type { PageModel } from "../lint/model.js";
import type { IncompleteEntry, PassEntry, RuleFinding, RuleIncomplete, RuleOutcome } from "../lint/types.js";
import type { UnreadText } from "../lint/consent/index.js";
import { reportedText } from "../lint/consent/index.js";

type Incomplete = Omit<IncompleteEntry, "ruleId">;
type Pass = Omit<PassEntry, "ruleId">;

/** Model notes every consent rule is blind to: content it could not look into. */
const BLIND_SPOTS: ReadonlySet<string> = new Set(["cross-origin-frame", "closed-shadow-root"]);

/** Frames and shadow roots the extractor could not read: consent controls may be inside. */
export function blindSpotIncompletes(model: PageModel): Incomplete[] {
  return model.notes
    .filter((n) => BLIND_SPOTS.has(n.kind))
    .map((n) => ({ reason: n.kind, message: n.message, ...(n.selector !== undefined ? { selector: n.selector } : {}) }));
}

function languageName(code: string): string {
  if (code === "und" || code === "") return "an unrecognised language";
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Incomplete entries for text in languages the linter cannot read: one per
 * control, and for other text one per region and language (pointing at the
 * first block), so a page in an unread language is one entry, not hundreds.
 */
export function unreadIncompletes(unread: readonly UnreadText[], kinds: ReadonlySet<UnreadText["kind"]>): Incomplete[] {
  const entries: Incomplete[] = [];
  const texts = new Map<string, UnreadText[]>();
  for (const u of unread) {
    if (!kinds.has(u.kind)) continue;
    if (u.kind === "control") {
      entries.push({
        reason: "unsupported-language",
        message: `Control label in ${languageName(u.language)} could not be read for consent`,
        selector: u.selector,
        text: reportedText(u.text),
      });
      continue;
    }
    const key = `${u.regionId}\u241f${u.language}`;
    const list = texts.get(key) ?? [];
    list.push(u);
    texts.set(key, list);
  }
  for (const list of texts.values()) {
    const first = list[0];
    const count = list.length === 1 ? "Text" : `${list.length} text blocks`;
    entries.push({
      reason: "unsupported-language",
      message: `${count} in ${languageName(first.language)} could not be read for consent statements`,
      selector: first.selector,
      text: reportedText(first.text),
    });
  }
  return entries;
}

/** A rule's outcome; the rule is inapplicable when it found, passed and left undecided nothing. */
export function finishOutcome(findings: RuleFinding[], passes: Pass[], incomplete: RuleIncomplete[]): RuleOutcome {
  return { findings, passes, incomplete, inapplicable: findings.length === 0 && passes.length === 0 && incomplete.length === 0 };
}
