/** control-text.ts in a real page: the sentence, group legend and radio question around a control. */
import type { Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, page as html } from "../__fixtures__/harness.js";
import { inPage, passArgs } from "../__fixtures__/in-page.js";

let h: Harness;
let p: Page;
beforeAll(async () => {
  h = await Harness.start();
  p = await h.newPage();
});
afterAll(async () => {
  await h?.stop();
});

describe("sentenceOf", () => {
  it("takes the nearest container with text and no other control", async () => {
    await p.setContent(
      html(`<div><p><span><input id="a" type="checkbox"></span> Send me offers from partners</p>
        <p><input id="b" type="checkbox"> Keep me signed in</p></div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.indexRadios(pass);
        const info = (id: string) => pass.infos.get(document.getElementById(id) as Element) as never;
        return ["a", "b"].map((id) => api.sentenceOf(pass, info(id)).text);
      },
      passArgs(),
    );
    expect(out).toEqual(["Send me offers from partners", "Keep me signed in"]);
  });

  it("takes the sibling text on the control's line, or on the side the list puts its labels", async () => {
    await p.setContent(
      html(`<div id="row"><span>Styling</span><span><input id="s" type="checkbox"></span><span>Analytics</span><span><input id="an" type="checkbox"></span></div>
        <div><div><input id="x" type="checkbox"></div><div>After x</div><div><input id="y" type="checkbox"></div><div>After y</div></div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.indexRadios(pass);
        const control = (id: string) => pass.infos.get(document.getElementById(id) as Element) as never;
        const wrapper = (id: string) => pass.infos.get((document.getElementById(id) as Element).parentElement as Element) as never;
        return {
          sentences: ["s", "an", "x", "y"].map((id) => api.sentenceOf(pass, control(id)).text),
          before: ["s", "an", "x", "y"].map((id) => api.labelBefore(pass, wrapper(id))),
          sameLine: api.sameLine(pass, document.getElementById("s") as Element, (document.getElementById("row") as Element).firstElementChild as Element),
        };
      },
      passArgs(),
    );
    expect(out.sentences).toEqual(["Styling", "Analytics", "After x", "After y"]);
    expect(out.before).toEqual([true, true, false, false]);
    expect(out.sameLine).toBe(true);
  });
});

describe("group texts", () => {
  it("takes a fieldset's legend, a radiogroup's label, and the question before a radio group", async () => {
    await p.setContent(
      html(`<fieldset><legend>Newsletter topics</legend><label><input id="f" type="checkbox"> Sales</label></fieldset>
        <div role="radiogroup" aria-label="Delivery speed"><div role="radio" id="g" aria-checked="true">Standard</div></div>
        <section><p>May we call you about offers?</p><div><label><input id="q1" type="radio" name="q"> Yes</label><label><input id="q2" type="radio" name="q"> No</label></div></section>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.indexRadios(pass);
        const info = (id: string) => pass.infos.get(document.getElementById(id) as Element) as never;
        const key = pass.radioKey.get(info("q1"));
        const members = key === undefined ? [] : pass.radioGroups.get(key) ?? [];
        return {
          legend: api.legendOf(pass, info("f"))?.text,
          aria: api.legendOf(pass, info("g"))?.text,
          none: api.legendOf(pass, info("q1")),
          members: members.length,
          question: api.questionOf(pass, members)?.text,
          otherItems: api.otherItems(pass, pass.infos.get(document.querySelector("section div") as Element) as never, info("q1")),
          holds: api.holdsItems(pass, pass.infos.get(document.querySelector("section") as Element) as never),
        };
      },
      passArgs(),
    );
    expect(out).toEqual({
      legend: "Newsletter topics",
      aria: "Delivery speed",
      none: null,
      members: 2,
      question: "May we call you about offers?",
      otherItems: false,
      holds: true,
    });
  });

  it("finds the items entered within a range of walk order", async () => {
    await p.setContent(html(`<div id="d"><input type="checkbox"><input type="text"></div><input type="checkbox">`));
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const d = pass.infos.get(document.getElementById("d") as Element);
        if (!d) throw new Error("d");
        return { inside: api.itemsBetween(pass, d.index - 1, d.exit).length, all: api.itemsBetween(pass, -1, Number.MAX_SAFE_INTEGER).length };
      },
      passArgs(),
    );
    expect(out).toEqual({ inside: 2, all: 3 });
  });
});
