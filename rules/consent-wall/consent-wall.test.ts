import { expect } from "vitest";
import { consentWall, blocked } from "./index.js";
import { ruleTester, type IncompleteCase, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { CHOICE_WORDS as W, consentRequest, filledButton, outlinedButton, textLink } from "../__fixtures__/choice-scenes.js";
import { LANGS } from "../__fixtures__/scenes.js";
import { describe, it } from "vitest";

const WALL = { viewportCovered: 1, coveringRegionId: "request", blurred: false, scrollLocked: true };
const valid: ValidCase[] = [];
const invalid: InvalidCase[] = [];
const incomplete: IncompleteCase[] = [];

for (const lang of LANGS) {
  invalid.push(
    {
      name: `${lang}: a full-screen layer with scroll lock and only accept`,
      model: consentRequest(lang, { kind: "dialog", blocking: WALL, actions: [filledButton(W.accept[lang])] }),
      errors: [
        {
          message: /blocks the page \(100% of the view covered, scrolling locked\) until the person accepts/u,
          text: W.cookieText[lang],
          evidence: {
            blocking: expect.objectContaining({ scrollLocked: true }),
            accept: expect.objectContaining({ text: W.accept[lang] }),
          },
        },
      ],
    },
    {
      name: `${lang}: blur and scroll lock under a small dialog with only accept`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: { ...WALL, viewportCovered: 0.3, blurred: true },
        actions: [filledButton(W.accept[lang])],
        links: [textLink("Privacy policy")],
      }),
      errors: 1,
    },
    {
      name: `${lang}: a wall with accept and a settings link, and no refuse control anywhere in the page`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: WALL,
        actions: [filledButton(W.accept[lang])],
        links: [textLink(W.settings[lang])],
      }),
      errors: 1,
    },
    {
      name: `${lang}: a wall offering refusal that says refusing leaves the service out of reach`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: WALL,
        texts: [{ text: W.cookieText[lang] }, { text: W.refusalDenied[lang] }],
        actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang])],
      }),
      errors: [
        { message: /says refusing leaves it out of reach/u, text: W.cookieText[lang], evidence: { refusalDenied: W.refusalDenied[lang] } },
      ],
    },
    {
      name: `${lang}: the wall stays after the flow refused`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: WALL,
        actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang])],
        flowActions: [{ action: "click", targetText: W.reject[lang] }],
      }),
      errors: [{ message: /stays blocked after refusing/u }],
    },
  );
  valid.push(
    {
      name: `${lang}: a blocking modal that offers reject on equal terms`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: WALL,
        actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang])],
      }),
      passes: 1,
    },
    {
      name: `${lang}: a wall whose settings layer (in the page, not shown yet) refuses`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: WALL,
        actions: [
          filledButton(W.accept[lang]),
          outlinedButton(W.settings[lang]),
          outlinedButton(W.reject[lang], { visibility: { displayNone: true } }),
        ],
      }),
      passes: 1,
    },
    {
      name: `${lang}: a bottom banner with only accept does not block the page`,
      model: consentRequest(lang, {
        blocking: { ...WALL, viewportCovered: 0.11, scrollLocked: false },
        actions: [filledButton(W.accept[lang])],
      }),
      passes: 1,
    },
    {
      name: `${lang}: an age gate blocks but asks for no consent`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: WALL,
        texts: [{ text: W.ageGate[lang] }],
        actions: [filledButton(W.yesAge[lang])],
      }),
      inapplicable: true,
    },
  );
  incomplete.push(
    {
      name: `${lang}: accept or subscribe`,
      model: consentRequest(lang, {
        kind: "dialog",
        blocking: WALL,
        actions: [filledButton(W.accept[lang]), outlinedButton(W.subscribe[lang])],
      }),
      incomplete: [{ reason: "consent-or-pay" }],
    },
    {
      name: `${lang}: blocking not measured (static mode)`,
      model: consentRequest(lang, { kind: "dialog", blocking: null, actions: [filledButton(W.accept[lang])] }),
      incomplete: [{ reason: "blocking-unknown" }],
    },
  );
}

ruleTester(consentWall, { valid, invalid, incomplete });

describe("blocked", () => {
  const b = { viewportCovered: 0, coveringRegionId: null, blurred: false, scrollLocked: false, contentInert: false };
  it("needs most of the view covered or blurred, and scrolling locked", () => {
    expect(blocked({ ...b, viewportCovered: 0.5, scrollLocked: true })).toBe(true);
    expect(blocked({ ...b, viewportCovered: 0.49, scrollLocked: true })).toBe(false);
    expect(blocked({ ...b, blurred: true, scrollLocked: true })).toBe(true);
    expect(blocked({ ...b, viewportCovered: 1 })).toBe(false);
  });
});
