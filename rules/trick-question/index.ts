/**
 * trick-question: a consent control's wording makes the meaning of its state
 * hard to tell: a double negative, or polarity that switches within one
 * group of consent controls (one box is ticked to agree, the next to refuse).
 */
import type { PageModel } from "../../lint/model.js";
import type { PassEntry, Rule, RuleContext, RuleFinding, RuleOutcome } from "../../lint/types.js";
import { consentView, reportedText, type ControlView } from "../../lint/consent/index.js";
import { controlWording } from "../../lint/language/index.js";
import { controlEvidence, controlPass, purposeKey } from "../evidence.js";
import { LEGAL, docsUrl } from "../legal-references.js";
import { purposeWords } from "../message-words.js";
import { blindSpotIncompletes, finishOutcome, unreadIncompletes } from "../outcome.js";

const ID = "trick-question";

/** Boxes and switches: the controls whose wording says what ticking them means. */
function isTickBox(c: ControlView): boolean {
  const kind = c.control.kind;
  return kind === "checkbox" || kind === "switch" || kind === "menuitemcheckbox";
}

function doubleNegative(c: ControlView): boolean {
  return controlWording(c.text, c.langHint)?.doubleNegative === true;
}

function finding(c: ControlView, messageId: "doubleNegative" | "polaritySwitch", others: readonly ControlView[]): RuleFinding {
  return {
    messageId,
    data: { purposes: purposeWords(c.analysis.purposes) },
    selector: c.control.selector,
    role: c.control.role,
    name: c.control.name,
    text: reportedText(c.text),
    evidence: {
      ...controlEvidence(c),
      ...(messageId === "polaritySwitch"
        ? {
            group: others.map((o) => ({ text: reportedText(o.text, 120), tickingRefuses: o.tickingRefuses, selector: o.control.selector })),
          }
        : { doubleNegative: true }),
    },
    fingerprintParts: [
      messageId === "doubleNegative" ? "double-negative" : "polarity-switch",
      c.control.kind,
      purposeKey(c.analysis.purposes),
    ],
  };
}

/** The consent tick boxes of the page by group (form or visual group; the region where there is none), in page order. */
function groups(controls: readonly ControlView[]): ControlView[][] {
  const out = new Map<string, ControlView[]>();
  for (const c of controls) {
    const key = `${c.control.framePath}\u0000${c.control.groupId ?? `region:${c.control.regionId}`}`;
    out.set(key, [...(out.get(key) ?? []), c]);
  }
  return [...out.values()];
}

function check(model: PageModel, ctx: RuleContext): RuleOutcome {
  const view = consentView(model, ctx.languages);
  const findings: RuleFinding[] = [];
  const flagged = new Set<ControlView>();
  // A service repeated under its purpose toggle is the toggle's detail, not a question of its own.
  const boxes = view.consentControls.filter((c) => isTickBox(c) && c.governor === null);
  // A double negative may hide which way the box grants, so any understood box naming an optional purpose is read.
  const asking = view.controls.filter(
    (c) =>
      isTickBox(c) &&
      c.governor === null &&
      c.required === null &&
      c.status === "understood" &&
      (c.consent || c.analysis.purposes.length > 0),
  );
  for (const c of asking) {
    if (!doubleNegative(c)) continue;
    findings.push(finding(c, "doubleNegative", []));
    flagged.add(c);
  }
  for (const group of groups(boxes.filter((c) => !flagged.has(c)))) {
    if (group.length < 2) continue;
    const switched = group.find((c) => c.tickingRefuses !== group[0].tickingRefuses);
    if (!switched) continue;
    findings.push(finding(switched, "polaritySwitch", group));
    flagged.add(switched);
  }
  const passes: Omit<PassEntry, "ruleId">[] = boxes.filter((c) => !flagged.has(c)).map(controlPass);
  const incomplete = [...unreadIncompletes(view.unread, new Set(["control"])), ...blindSpotIncompletes(model)];
  return finishOutcome(findings, passes, incomplete);
}

export const trickQuestion: Rule = {
  meta: {
    id: ID,
    version: "1.0.0",
    severity: "error",
    description: "A consent box's wording must make clear what ticking it means",
    title: "Confusing consent wording",
    explanation:
      'The wording next to a consent box makes it hard to tell whether ticking it agrees or refuses: a double negative ("Untick if you do not want to not receive offers"), or a list where one box is ticked to agree and the next is ticked to refuse. People end up agreeing to what they meant to refuse.',
    fullDescription:
      'Reads each consent checkbox and switch clause by clause (en, de, zh) and fires on a double negative (two or more negations in one clause: "Tick this box if you do not want to not receive offers", "Kreuzen Sie dieses Feld nicht an, wenn Sie keine ... möchten", "如您并非不愿意接收推荐，请勿勾选"), and, once per group of consent controls, on the box whose polarity differs from the group\'s first (one box ticked to agree, the next ticked to refuse). A single, clearly worded opt-out box ("Tick here if you do NOT want us to share ...") is not a trick question; the core rules read it as granting when left unticked (pre-checked-opt-in, bundled-consent).',
    docsUrl: docsUrl(ID),
    legal: [LEGAL.edpb032022Ambiguous, LEGAL.ftcDarkPatterns2022, LEGAL.gdprArt4_11],
    messages: {
      doubleNegative:
        "The wording of this consent box to {{purposes}} stacks negatives: it is hard to tell whether ticking it agrees or refuses",
      polaritySwitch: "This consent box to {{purposes}} is ticked to refuse while the boxes beside it are ticked to agree (or the reverse)",
    },
    // Wording and grouping in the HTML as served; a pass also rests on no script adding boxes.
    restsOn: { findings: [], passes: ["scripts"] },
  },
  check,
};
