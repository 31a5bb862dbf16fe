/**
 * Fingerprints of the choice rules' findings: stable across cosmetic edits
 * (ids and classes, sizes, colours, positions, a light rewording that keeps
 * the meaning), changed by the control or the wording's meaning.
 */
import { describe, expect, it } from "vitest";
import type { PageModel } from "../lint/model.js";
import type { Rule } from "../lint/types.js";
import { fingerprintsOf } from "../lint/run/engine.js";
import { resolveRuleOptions } from "../lint/run/rule-options.js";
import { asymmetricChoice, confirmshaming, consentWall, implicitConsent, trickQuestion } from "./index.js";
import { CHOICE_WORDS as W, consentRequest, filledButton, outlinedButton, textLink } from "./__fixtures__/choice-scenes.js";
import { signupStep } from "./__fixtures__/scenes.js";
import type { TextSpec } from "./__fixtures__/model-builder.js";

function fingerprints(rule: Rule, model: PageModel): string[] {
  const outcome = rule.check(model, { options: resolveRuleOptions(rule, []), languages: [] });
  expect(outcome.findings.length, `${rule.meta.id} finds something`).toBeGreaterThan(0);
  return fingerprintsOf(rule.meta.id, outcome.findings);
}

const WALL = { viewportCovered: 1, coveringRegionId: "request", blurred: false, scrollLocked: true };

describe("choice-rule fingerprints", () => {
  it("asymmetric-choice: kept when the link is restyled, resized and renamed in markup; changed when the refusal means something else", () => {
    const base = fingerprints(
      asymmetricChoice,
      consentRequest("en", { actions: [filledButton("Accept all")], links: [textLink("Reject all")] }),
    );
    const cosmetic = fingerprints(
      asymmetricChoice,
      consentRequest("en", {
        actions: [filledButton("Accept all", { selector: "#cmp-accept-v2", box: { x: 40, y: 20, width: 220, height: 48 } })],
        links: [textLink("Reject all", { selector: "a.reject-link", fontPx: 11, textContrast: 2.5 })],
      }),
    );
    expect(cosmetic).toEqual(base);
    const otherMeaning = fingerprints(
      asymmetricChoice,
      consentRequest("en", { actions: [filledButton("Accept all")], links: [textLink("Only necessary")] }),
    );
    expect(otherMeaning).not.toEqual(base);
    const noRefuse = fingerprints(asymmetricChoice, consentRequest("en", { actions: [filledButton("Accept all")] }));
    expect(noRefuse).not.toEqual(base);
  });

  it("implicit-consent: kept across a moved, restyled statement; changed when other purposes are taken", () => {
    const base = fingerprints(
      implicitConsent,
      consentRequest("en", { texts: [{ text: W.continuing.en }], actions: [filledButton(W.ok.en)] }),
    );
    const moved = fingerprints(
      implicitConsent,
      consentRequest("en", {
        texts: [{ text: W.continuing.en, selector: "#notice > p.small" }],
        actions: [filledButton(W.ok.en, { selector: "#ok2" })],
      }),
    );
    expect(moved).toEqual(base);
    const location = fingerprints(
      implicitConsent,
      consentRequest("en", {
        texts: [{ text: "By continuing to use the app you agree that we use your precise location." }],
        actions: [filledButton(W.ok.en)],
      }),
    );
    expect(location).not.toEqual(base);
  });

  it("confirmshaming: kept when the shaming link moves; changed when it shames in other words", () => {
    const model = (shaming: string, selector: string) =>
      consentRequest("en", {
        kind: "dialog",
        texts: [{ text: W.offer.en }],
        actions: [filledButton(W.getDiscount.en)],
        links: [textLink(shaming, { selector })],
      });
    const base = fingerprints(confirmshaming, model(W.shaming.en, "#no"));
    expect(fingerprints(confirmshaming, model(W.shaming.en, "footer a.decline"))).toEqual(base);
    expect(fingerprints(confirmshaming, model("No, I don't care about my security", "#no"))).not.toEqual(base);
  });

  it("trick-question: kept when the group is reordered; changed from a double negative to a polarity switch", () => {
    const group = (labels: string[]) =>
      signupStep("en", { controls: labels.map((label, i) => ({ label, groupId: "prefs", id: `c${i + 1}` })) });
    const base = fingerprints(trickQuestion, group([W.optIn.en, W.optOut.en, W.optIn2.en]));
    expect(fingerprints(trickQuestion, group([W.optIn2.en, W.optOut.en, W.optIn.en]))).toEqual(base);
    expect(fingerprints(trickQuestion, group([W.doubleNegative.en]))).not.toEqual(base);
  });

  it("consent-wall: kept when the wall's cover changes, and when refusal is offered but said to keep the service out of reach (the same wall); changed with what it asks for", () => {
    const wall = (blocking: object, texts: TextSpec[] = [{ text: W.cookieText.en }], actions = [filledButton(W.accept.en)]) =>
      consentRequest("en", { kind: "dialog", blocking, texts, actions });
    const base = fingerprints(consentWall, wall(WALL));
    expect(fingerprints(consentWall, wall({ ...WALL, viewportCovered: 0.7, blurred: true }))).toEqual(base);
    const denied = fingerprints(
      consentWall,
      wall(WALL, [{ text: W.cookieText.en }, { text: W.refusalDenied.en }], [filledButton(W.accept.en), outlinedButton(W.reject.en)]),
    );
    expect(denied).toEqual(base);
    const location = fingerprints(
      consentWall,
      wall(WALL, [{ text: "To use the map, allow us to share your precise location with partners." }]),
    );
    expect(location).not.toEqual(base);
  });
});
