import { expect } from "vitest";
import { confirmshaming } from "./index.js";
import { ruleTester, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { CHOICE_WORDS as W, consentRequest, filledButton, frenchBanner, outlinedButton, textLink } from "../__fixtures__/choice-scenes.js";
import { LANGS } from "../__fixtures__/scenes.js";
import { makeModel } from "../__fixtures__/model-builder.js";

const valid: ValidCase[] = [];
const invalid: InvalidCase[] = [];

for (const lang of LANGS) {
  invalid.push(
    {
      name: `${lang}: a discount popup whose refuse link shames the person`,
      model: consentRequest(lang, {
        kind: "dialog",
        texts: [{ text: W.offer[lang] }],
        actions: [filledButton(W.getDiscount[lang])],
        links: [textLink(W.shaming[lang])],
      }),
      errors: [
        {
          message: /^Refusing is worded to shame the person .*to push consent to .*marketing/u,
          text: W.shaming[lang],
          evidence: { purposes: expect.arrayContaining(["marketing"]), offer: W.offer[lang] },
        },
      ],
    },
    {
      name: `${lang}: shaming text right beside a neutral refuse button`,
      model: consentRequest(lang, {
        kind: "dialog",
        texts: [{ text: W.offer[lang] }, { id: "beside", text: W.shaming[lang], box: { x: 680, y: 748, width: 240, height: 16 } }],
        actions: [filledButton(W.getDiscount[lang]), outlinedButton(W.neutral[lang])],
      }),
      errors: [
        {
          message: /^The text beside the refuse option shames/u,
          text: W.shaming[lang],
          evidence: { refuseOption: expect.objectContaining({ text: W.neutral[lang] }) },
        },
      ],
    },
  );
  valid.push(
    {
      name: `${lang}: a neutral "${W.neutral[lang]}"`,
      model: consentRequest(lang, {
        kind: "dialog",
        texts: [{ text: W.offer[lang] }],
        actions: [filledButton(W.getDiscount[lang]), outlinedButton(W.neutral[lang])],
      }),
      passes: 1,
    },
    {
      name: `${lang}: "${W.notNow[lang]}" beside an accept of optional processing`,
      model: consentRequest(lang, { actions: [filledButton(W.accept[lang]), outlinedButton(W.notNow[lang])] }),
      passes: 1,
    },
  );
}

valid.push({
  name: "shaming wording on an offer that asks for no optional processing (a plain discount code)",
  model: makeModel({
    lang: "en",
    regions: [{ id: "page" }, { id: "d", kind: "dialog" }],
    texts: [{ text: "Here is 10% off your first order: use code WELCOME10 at checkout.", regionId: "d" }],
    actions: [{ text: "Copy code", regionId: "d" }],
    links: [{ text: W.shaming.en, regionId: "d" }],
  }),
  inapplicable: true,
});

ruleTester(confirmshaming, {
  valid,
  invalid,
  incomplete: [
    {
      name: "a consent request in a language the linter does not read",
      model: frenchBanner(["Accepter"], ["Non merci, je préfère payer plein tarif"]),
      incomplete: [{ reason: "unsupported-language" }],
    },
  ],
});
