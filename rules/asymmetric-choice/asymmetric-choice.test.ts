import { asymmetricChoice, weaknesses } from "./index.js";
import { ruleTester, type IncompleteCase, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { CHOICE_WORDS as W, consentRequest, filledButton, frenchBanner, outlinedButton, textLink } from "../__fixtures__/choice-scenes.js";
import { LANGS } from "../__fixtures__/scenes.js";
import { describe, expect, it } from "vitest";
import type { Choice } from "../../lint/consent/index.js";

const valid: ValidCase[] = [];
const invalid: InvalidCase[] = [];
const incomplete: IncompleteCase[] = [];

for (const lang of LANGS) {
  valid.push(
    {
      name: `${lang}: filled accept beside an outlined reject of the same size`,
      model: consentRequest(lang, { actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang])] }),
      passes: 1,
    },
    {
      name: `${lang}: equal accept and reject, and a faint third settings link`,
      model: consentRequest(lang, {
        actions: [filledButton(W.accept[lang]), filledButton(W.reject[lang], { box: { x: 680, y: 700, width: 200, height: 44 } })],
        links: [textLink(W.settings[lang], { fontPx: 11, textContrast: 2.1 })],
      }),
      passes: 1,
    },
    {
      name: `${lang}: "${W.notNow[lang]}" refuses on equal terms`,
      model: consentRequest(lang, { actions: [filledButton(W.accept[lang]), outlinedButton(W.notNow[lang])] }),
      passes: 1,
    },
    {
      name: `${lang}: refuse at 0.85 of the accept's font size is not markedly weaker`,
      model: consentRequest(lang, { actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang], { fontPx: 13.6 })] }),
      passes: 1,
    },
    {
      name: `${lang}: an acknowledgement-only notice is implicit-consent's, not this rule's`,
      model: consentRequest(lang, { actions: [filledButton(W.ok[lang])] }),
    },
    {
      name: `${lang}: a strictly-necessary-only notice with OK`,
      model: consentRequest(lang, { texts: [{ text: W.necessaryText[lang] }], actions: [filledButton(W.ok[lang])] }),
      inapplicable: true,
    },
    {
      name: `${lang}: a strictly-necessary-only notice with an accept button`,
      model: consentRequest(lang, { texts: [{ text: W.necessaryText[lang] }], actions: [filledButton(W.accept[lang])] }),
    },
    {
      name: `${lang}: an age gate with a yes button asks for no consent`,
      model: consentRequest(lang, { kind: "dialog", texts: [{ text: W.ageGate[lang] }], actions: [filledButton(W.yesAge[lang])] }),
      inapplicable: true,
    },
  );
  invalid.push(
    {
      name: `${lang}: filled accept beside a small grey text link that rejects`,
      model: consentRequest(lang, { actions: [filledButton(W.accept[lang])], links: [textLink(W.reject[lang])] }),
      errors: [
        {
          message: /is drawn weaker than accepting.*smaller type \(12px against 16px\).*plain text beside a button/u,
          text: W.reject[lang],
          evidence: {
            weaker: ["font-size", "area", "style"],
            accept: expect.objectContaining({ fontPx: 16, buttonLike: true, width: 200, height: 44 }),
            refuse: expect.objectContaining({ fontPx: 12, buttonLike: false, drawnAs: "link" }),
          },
        },
      ],
    },
    {
      name: `${lang}: accept and settings, reject only on the hidden second layer`,
      model: consentRequest(lang, {
        actions: [
          filledButton(W.accept[lang]),
          outlinedButton(W.settings[lang]),
          outlinedButton(W.reject[lang], { visibility: { displayNone: true } }),
        ],
      }),
      errors: [
        {
          message: /refusing needs a second layer/u,
          text: W.accept[lang],
          evidence: { laterRefuse: [expect.objectContaining({ text: W.reject[lang] })] },
        },
      ],
    },
    {
      name: `${lang}: accept only`,
      model: consentRequest(lang, { kind: "dialog", actions: [filledButton(W.accept[lang])] }),
      errors: [{ message: /but no control that refuses$/u, text: W.accept[lang] }],
    },
    {
      name: `${lang}: a reject button with a seventh of the accept's area`,
      model: consentRequest(lang, {
        actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang], { box: { x: 680, y: 700, width: 60, height: 20 } })],
      }),
      errors: [{ evidence: { weaker: ["area"] }, message: /a much smaller box \(14% of its area\)/u }],
    },
    {
      name: `${lang}: a faint reject (2.3:1) beside a readable accept`,
      model: consentRequest(lang, { actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang], { textContrast: 2.3 })] }),
      errors: [{ evidence: { weaker: ["contrast"] }, message: /faint text \(contrast 2\.3:1 against 6\.7:1\)/u }],
    },
  );
  incomplete.push({
    name: `${lang}: accept or subscribe`,
    model: consentRequest(lang, { kind: "dialog", actions: [filledButton(W.accept[lang]), outlinedButton(W.subscribe[lang])] }),
    incomplete: [{ reason: "consent-or-pay", text: W.subscribe[lang] }],
  });
}

invalid.push({
  name: "options: a stricter font ratio makes 0.85 weaker",
  model: consentRequest("en", { actions: [filledButton(W.accept.en), outlinedButton(W.reject.en, { fontPx: 13.6 })] }),
  options: { minFontRatio: 0.9 },
  errors: [{ evidence: { weaker: ["font-size"] } }],
});
incomplete.push({
  name: "a consent request in a language the linter does not read",
  model: frenchBanner(["Tout accepter", "Tout refuser"]),
  incomplete: [{ reason: "unsupported-language", text: "Tout accepter / Tout refuser" }],
});

ruleTester(asymmetricChoice, { valid, invalid, incomplete });

describe("weaknesses", () => {
  const choice = (spec: Partial<Choice["element"]>): Choice =>
    ({
      element: { fontPx: 16, area: 8800, textContrast: 7, buttonLike: true, ...spec },
      drawnAs: "button",
      action: "refuse",
      shown: true,
    }) as Choice;
  const o = { minFontRatio: 0.8, minAreaRatio: 0.5, faintContrast: 3, readableContrast: 4.5 };
  it("measures each threshold at its edge", () => {
    expect(weaknesses(choice({}), choice({ fontPx: 12.8 }), o)).toEqual([]);
    expect(weaknesses(choice({}), choice({ fontPx: 12.7 }), o)).toEqual(["font-size"]);
    expect(weaknesses(choice({}), choice({ area: 4400 }), o)).toEqual([]);
    expect(weaknesses(choice({}), choice({ area: 4399 }), o)).toEqual(["area"]);
    expect(weaknesses(choice({ textContrast: 4.4 }), choice({ textContrast: 2 }), o)).toEqual([]);
    expect(weaknesses(choice({ textContrast: 4.5 }), choice({ textContrast: 2.99 }), o)).toEqual(["contrast"]);
    expect(weaknesses(choice({}), choice({ textContrast: null }), o)).toEqual([]);
    expect(weaknesses(choice({ buttonLike: false }), choice({ buttonLike: false }), o)).toEqual([]);
    expect(weaknesses(choice({}), choice({ buttonLike: false }), o)).toEqual(["style"]);
  });
});
