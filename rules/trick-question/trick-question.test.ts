import { expect } from "vitest";
import { trickQuestion } from "./index.js";
import { ruleTester, type InvalidCase, type ValidCase } from "../__fixtures__/rule-tester.js";
import { CHOICE_WORDS as W } from "../__fixtures__/choice-scenes.js";
import { LANGS, signupStep } from "../__fixtures__/scenes.js";

const valid: ValidCase[] = [];
const invalid: InvalidCase[] = [];

for (const lang of LANGS) {
  invalid.push(
    {
      name: `${lang}: a double negative`,
      model: signupStep(lang, { controls: [{ label: W.doubleNegative[lang], groupId: "prefs" }] }),
      errors: [{ message: /stacks negatives/u, text: W.doubleNegative[lang], evidence: { doubleNegative: true } }],
    },
    {
      name: `${lang}: polarity switches within a group (agree, refuse, agree): one finding, on the box that switches`,
      model: signupStep(lang, {
        controls: [
          { label: W.optIn[lang], groupId: "prefs" },
          { label: W.optOut[lang], groupId: "prefs" },
          { label: W.optIn2[lang], groupId: "prefs" },
        ],
      }),
      errors: [
        {
          message: /is ticked to refuse while the boxes beside it are ticked to agree/u,
          text: W.optOut[lang],
          evidence: { tickingRefuses: true, group: expect.arrayContaining([expect.objectContaining({ tickingRefuses: false })]) },
        },
      ],
    },
  );
  valid.push(
    {
      name: `${lang}: a single clearly worded opt-out box`,
      model: signupStep(lang, { controls: [{ label: W.optOut[lang], groupId: "prefs" }] }),
      passes: 1,
    },
    {
      name: `${lang}: two opt-in boxes`,
      model: signupStep(lang, {
        controls: [
          { label: W.optIn[lang], groupId: "prefs" },
          { label: W.optIn2[lang], groupId: "prefs" },
        ],
      }),
      passes: 2,
    },
    {
      name: `${lang}: an opt-in and an opt-out in different forms`,
      model: signupStep(lang, {
        controls: [
          { label: W.optIn[lang], groupId: "a" },
          { label: W.optOut[lang], groupId: "b" },
        ],
      }),
      passes: 2,
    },
  );
}

ruleTester(trickQuestion, { valid, invalid });
