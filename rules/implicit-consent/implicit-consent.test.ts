import { expect } from "vitest";
import { implicitConsent } from "./index.js";
import { ruleTester, type IncompleteCase, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { CHOICE_WORDS as W, consentRequest, filledButton, outlinedButton, textLink } from "../__fixtures__/choice-scenes.js";
import { LANGS } from "../__fixtures__/scenes.js";
import { makeModel } from "../__fixtures__/model-builder.js";

const valid: ValidCase[] = [];
const invalid: InvalidCase[] = [];
const incomplete: IncompleteCase[] = [];

for (const lang of LANGS) {
  invalid.push(
    {
      name: `${lang}: continuing to browse is said to be consent, with only OK`,
      model: consentRequest(lang, { texts: [{ text: W.continuing[lang] }], actions: [filledButton(W.ok[lang])] }),
      errors: [
        {
          message: /counts as consent to .*analytics cookies/u,
          text: W.continuing[lang],
          evidence: { purposes: expect.arrayContaining(["analytics-cookies"]) },
        },
      ],
    },
    {
      name: `${lang}: continuing is said to be consent even beside equal accept and reject`,
      model: consentRequest(lang, {
        texts: [{ text: W.continuing[lang] }],
        actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang])],
      }),
      errors: [{ text: W.continuing[lang] }],
    },
    {
      name: `${lang}: a notice about advertising cookies with only "${W.ok[lang]}" and a settings link`,
      model: consentRequest(lang, { actions: [filledButton(W.ok[lang])], links: [textLink(W.settings[lang])] }),
      errors: [
        {
          message: new RegExp(`offers only "${W.ok[lang]}": there is no way to refuse$`, "u"),
          text: W.cookieText[lang],
          evidence: {
            purposes: expect.arrayContaining(["personalised-ads"]),
            acknowledge: [expect.objectContaining({ text: W.ok[lang] })],
          },
        },
      ],
    },
  );
  valid.push(
    {
      name: `${lang}: a strictly-necessary-only notice with OK`,
      model: consentRequest(lang, { texts: [{ text: W.necessaryText[lang] }], actions: [filledButton(W.ok[lang])] }),
    },
    {
      name: `${lang}: accept and reject on equal terms`,
      model: consentRequest(lang, { actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang])] }),
      passes: 1,
    },
    {
      name: `${lang}: a notice with OK and a refuse control`,
      model: consentRequest(lang, { actions: [filledButton(W.ok[lang]), outlinedButton(W.reject[lang])] }),
      passes: 1,
    },
    {
      name: `${lang}: a statement tied to a named button is no silence`,
      model: consentRequest(lang, {
        texts: [{ text: W.clickingAccept[lang] }],
        actions: [filledButton(W.accept[lang]), outlinedButton(W.reject[lang])],
      }),
    },
  );
}

incomplete.push({
  name: "a notice in a language the linter does not read",
  model: makeModel({
    lang: "fr",
    regions: [{ id: "page" }, { id: "b", kind: "banner" }],
    texts: [{ text: "En poursuivant votre navigation, vous acceptez l'utilisation de cookies publicitaires.", regionId: "b" }],
    actions: [{ text: "D'accord", regionId: "b" }],
  }),
  incomplete: [{ reason: "unsupported-language" }],
});

ruleTester(implicitConsent, { valid, invalid, incomplete });

ruleTester(implicitConsent, {
  invalid: [
    {
      name: "en: a grant that lists conduct before 'you agree that'",
      model: consentRequest("en", {
        texts: [
          {
            text: "This site is free thanks to advertising. By scrolling this page, clicking a link or carrying on using the site, you agree that we and our ad partners can store cookies to count visits and show you adverts tailored to your interests.",
          },
        ],
        actions: [filledButton("Accept & close"), outlinedButton("Manage choices")],
      }),
      errors: [{ evidence: { conduct: "By scrolling this page, clicking a link or carrying on using the site," } }],
    },
  ],
  valid: [
    {
      name: "en: 'By continuing you agree' beside a Continue button names the click, not silence",
      model: makeModel({
        lang: "en",
        regions: [{ id: "page", kind: "page", headings: ["Save this recipe"] }],
        texts: [{ text: "By continuing you agree that we share your saved recipes with advertising partners." }],
        actions: [{ text: "Continue" }],
      }),
    },
  ],
});
