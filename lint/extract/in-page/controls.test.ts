/** controls.ts in a real page: live control state, names and texts, and the blocks a control points at. */
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

describe("controlState", () => {
  it("reads native state from DOM properties and ARIA state from attributes", async () => {
    await p.setContent(
      html(`<input id="mixed" type="checkbox"><input id="sw" type="checkbox" role="switch" checked><input id="radio" type="radio">
        <select id="sel"><option value="a">A</option><option value="b" selected>B</option></select>
        <div id="aria" role="checkbox" aria-checked="MIXED"></div><button id="press" aria-pressed="true">Dark</button>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        (document.getElementById("mixed") as HTMLInputElement).indeterminate = true;
        (document.getElementById("sw") as HTMLInputElement).checked = false;
        const pass = api.createPass(a);
        api.walkDocument(pass);
        const state = (id: string) => api.controlState(pass, pass.infos.get(document.getElementById(id) as Element) as never);
        return Object.fromEntries(["mixed", "sw", "radio", "sel", "aria", "press"].map((id) => [id, state(id)]));
      },
      passArgs(),
    );
    expect(out.mixed).toMatchObject({ kind: "checkbox", checked: "mixed", checkedSource: "dom-property", computedRole: "checkbox" });
    expect(out.sw).toMatchObject({ kind: "switch", checked: false, defaultChecked: true, computedRole: "switch" });
    expect(out.radio).toMatchObject({ kind: "radio", checked: false });
    expect(out.sel).toEqual({
      kind: "select",
      options: [
        { value: "a", text: "A", selected: false },
        { value: "b", text: "B", selected: true },
      ],
      checked: true,
      checkedSource: "selected-option",
      defaultChecked: true,
      computedRole: "combobox",
    });
    expect(out.aria).toEqual({ kind: "checkbox", checked: "mixed", checkedSource: "aria-checked", defaultChecked: false, computedRole: "checkbox" });
    expect(out.press).toEqual({ kind: "toggle-button", checked: true, checkedSource: "aria-pressed", defaultChecked: true, computedRole: "button" });
  });
});

describe("control texts and records", () => {
  it("names a control by labelled-by, aria-label, label, content, title, in that order, and links it with its blocks", async () => {
    await p.setContent(
      html(`<p id="lb">Labelled name</p><p id="desc">Partners may contact you.</p>
        <label>Label name <input id="both" type="checkbox" aria-labelledby="lb" aria-describedby="desc"></label>
        <label>Only label <input id="label" type="checkbox"></label>
        <input id="title" type="checkbox" title="Title name">
        <div id="content" role="switch" aria-checked="false">Content name</div>
        <div aria-disabled="true"><input id="off" type="checkbox" aria-label="Off" required></div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        api.buildTextBlocks(pass);
        const controls = api.buildControls(pass);
        const byId = (id: string) => controls[pass.controlInfos.findIndex((i) => i.el.id === id)];
        const both = byId("both");
        return {
          names: ["both", "label", "title", "content", "off"].map((id) => byId(id).name),
          labelText: both.labelText,
          described: both.describedByText,
          blocks: both.textBlockIds.map((id) => pass.texts.find((t) => t.id === id)?.text),
          backLinks: pass.texts.filter((t) => t.controlIds.includes(both.id)).length,
          off: { disabled: byId("off").disabled, required: byId("off").required },
          contentLabel: byId("content").labelText,
          ids: controls.map((c) => c.id),
        };
      },
      passArgs(),
    );
    expect(out.names).toEqual(["Labelled name", "Only label", "Title name", "Content name", "Off"]);
    expect(out.labelText).toBe("Label name");
    expect(out.described).toBe("Partners may contact you.");
    expect(out.blocks).toEqual(["Label name", "Labelled name", "Partners may contact you."]);
    expect(out.backLinks).toBe(3);
    expect(out.off).toEqual({ disabled: true, required: true });
    expect(out.contentLabel).toBe("");
    expect(out.ids).toEqual(["c1", "c2", "c3", "c4", "c5"]);
  });

  it("gives a radio its group name and the group's question", async () => {
    await p.setContent(
      html(`<div role="radiogroup" id="speed" aria-label="Delivery speed"><div role="radio" aria-checked="true">Standard</div><div role="radio" aria-checked="false">Express</div></div>`),
    );
    const out = await inPage(
      p,
      (api, a) => {
        const pass = api.createPass(a);
        api.walkDocument(pass);
        api.chooseRegions(pass);
        api.buildTextBlocks(pass);
        return api.buildControls(pass).map((c) => ({ name: c.name, groupName: c.groupName, groupLabel: c.groupLabel, checked: c.checked }));
      },
      passArgs(),
    );
    expect(out).toEqual([
      { name: "Standard", groupName: "speed", groupLabel: "Delivery speed", checked: true },
      { name: "Express", groupName: "speed", groupLabel: "Delivery speed", checked: false },
    ]);
  });
});
