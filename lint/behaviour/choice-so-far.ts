/**
 * What the person has chosen about optional processing by a state of a
 * flow, for the behaviour rules: refused, accepted, or nothing yet. A flow
 * step that declares it (`expect: refused`) says so; otherwise the controls
 * the flow clicked do ("Reject all", "Nur notwendige", "拒绝" refuse;
 * "Accept all", "Zustimmen", "同意" accept), the last one deciding. A reload
 * keeps the choice: whether the page kept it is what choice-not-respected
 * checks.
 */
import type { FlowActionRecord } from "../model.js";
import { choiceAction } from "../language/index.js";

export type ChoiceSoFar = "none" | "refused" | "accepted";

/**
 * The choice made by the actions so far (oldest first), or the one the step
 * declares. `langHint` is the page's language, for reading the buttons.
 */
export function choiceSoFar(
  actions: readonly FlowActionRecord[],
  declared?: "refused" | "accepted",
  langHint?: string | null,
): ChoiceSoFar {
  if (declared !== undefined) return declared;
  let choice: ChoiceSoFar = "none";
  for (const a of actions) {
    // A consent run's own choice (`--consent`): made through the consent manager or the page's button.
    if (a.action === "reject" || a.action === "accept") {
      choice = a.action === "reject" ? "refused" : "accepted";
      continue;
    }
    if (a.action !== "click" && a.action !== "press") continue;
    if (a.targetText.trim() === "") continue;
    const action = choiceAction(a.targetText, langHint);
    if (action === "refuse") choice = "refused";
    else if (action === "accept") choice = "accepted";
  }
  return choice;
}
