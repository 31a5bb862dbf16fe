import { describe, expect, it } from "vitest";
import { block, control, names, staticModel } from "../__fixtures__/static-model.js";

describe("static controls: kinds and states", () => {
  it("reads a native checkbox's state from its checked attribute", () => {
    const m = staticModel(
      `<input type="checkbox" id="a" checked><label for="a">Ticked</label><input type="checkbox" id="b"><label for="b">Unticked</label>`,
    );
    expect(control(m, "#a")).toMatchObject({
      kind: "checkbox",
      role: "checkbox",
      tag: "input",
      checked: true,
      defaultChecked: true,
      checkedSource: "dom-property",
    });
    expect(control(m, "#b")).toMatchObject({ checked: false, defaultChecked: false });
  });

  it("keeps only the last checked radio of a group checked, as a browser does", () => {
    const m = staticModel(
      `<form><input type="radio" name="s" id="y" checked><label for="y">Yes</label><input type="radio" name="s" id="n" checked><label for="n">No</label></form><input type="radio" name="s" id="other" checked>`,
    );
    expect(control(m, "#y")).toMatchObject({ kind: "radio", checked: false, defaultChecked: true, groupName: "s" });
    expect(control(m, "#n")).toMatchObject({ checked: true });
    expect(control(m, "#other")).toMatchObject({ checked: true });
  });

  it("reads ARIA switches, checkboxes and pressed buttons from their ARIA state", () => {
    const m = staticModel(
      `<div role="switch" id="sw" aria-checked="true" aria-label="Ads"></div><span role="checkbox" id="mx" aria-checked="mixed">All</span><button id="tb" aria-pressed="true">Share</button><input type="checkbox" role="switch" id="native" checked aria-label="Native switch"><div role="checkbox" id="nostate">No state</div>`,
    );
    expect(control(m, "#sw")).toMatchObject({ kind: "switch", role: "switch", tag: "div", checked: true, checkedSource: "aria-checked" });
    expect(control(m, "#mx")).toMatchObject({ kind: "checkbox", checked: "mixed" });
    expect(control(m, "#tb")).toMatchObject({ kind: "toggle-button", role: "button", checked: true, checkedSource: "aria-pressed" });
    expect(control(m, "#native")).toMatchObject({ kind: "switch", role: "switch", checked: true, checkedSource: "dom-property" });
    expect(m.controls.some((c) => names(c.selector, "#nostate"))).toBe(false);
    expect(m.actions.some((a) => names(a.selector, "#tb"))).toBe(false);
  });

  it("lists a select's options with the selected one, defaulting to the first", () => {
    const m = staticModel(
      `<label for="s1">Share?</label><select id="s1"><option value="no">No</option><option value="yes" selected>Yes, share</option></select><select id="s2" aria-label="Default"><option value="a">A</option><option value="b">B</option></select>`,
    );
    expect(control(m, "#s1")).toMatchObject({
      kind: "select",
      role: "combobox",
      checked: true,
      checkedSource: "selected-option",
      defaultChecked: true,
      name: "Share?",
      options: [
        { value: "no", text: "No", selected: false },
        { value: "yes", text: "Yes, share", selected: true },
      ],
    });
    expect(control(m, "#s2").options?.map((o) => o.selected)).toEqual([true, false]);
    expect(control(m, "#s2").defaultChecked).toBe(false);
  });

  it("reads required and disabled, including a disabled fieldset", () => {
    const m = staticModel(
      `<input type="checkbox" id="r" required aria-label="r"><div role="checkbox" id="ar" aria-checked="false" aria-required="true" aria-disabled="true">x</div><fieldset disabled><legend><input type="checkbox" id="inlegend" aria-label="l"></legend><input type="checkbox" id="infs" aria-label="f"></fieldset>`,
    );
    expect(control(m, "#r")).toMatchObject({ required: true, disabled: false });
    expect(control(m, "#ar")).toMatchObject({ required: true, disabled: true });
    expect(control(m, "#infs").disabled).toBe(true);
    expect(control(m, "#inlegend").disabled).toBe(false);
  });

  it("records the control's own visibility and leaves it untouched by a flow", () => {
    const m = staticModel(`<div style="display:none"><input type="checkbox" id="h" checked aria-label="Hidden box"></div>`);
    expect(control(m, "#h").visibility.displayNone).toBe(true);
    expect(control(m, "#h").touchedByFlow).toBe(false);
    expect(control(m, "#h").box).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe("static controls: names and label text", () => {
  it("prefers aria-labelledby, then aria-label, then labels, then title", () => {
    const m = staticModel(
      `<span id="l1">Referenced</span><span id="l2">label</span>
       <input type="checkbox" id="a" aria-labelledby="l1 l2" aria-label="Ignored">
       <input type="checkbox" id="b" aria-label="Aria label"><label for="b">Label text</label>
       <label>Wrapping <input type="checkbox" id="c"> label</label>
       <input type="checkbox" id="d" title="Title only">`,
    );
    expect(control(m, "#a").name).toBe("Referenced label");
    expect(control(m, "#b")).toMatchObject({ name: "Aria label", labelText: "Label text" });
    expect(control(m, "#c")).toMatchObject({ name: "Wrapping label", labelText: "Wrapping label" });
    expect(control(m, "#d")).toMatchObject({ name: "Title only", labelText: "" });
  });

  it("joins a label[for] and a wrapping label, and leaves hidden text out of the name but not the label text", () => {
    const m = staticModel(
      `<label for="x">First</label><label>Second <input type="checkbox" id="x"><span style="display:none"> and share with partners</span></label>`,
    );
    expect(control(m, "#x").name).toBe("First Second");
    expect(control(m, "#x").labelText).toBe("First Second and share with partners");
  });

  it("names ARIA widgets from their content", () => {
    const m = staticModel(`<div role="switch" id="s" aria-checked="false"><span>Personalised</span> ads</div>`);
    expect(control(m, "#s").name).toBe("Personalised ads");
  });

  it("reads aria-describedby text", () => {
    const m = staticModel(
      `<input type="checkbox" id="x" aria-label="Partners" aria-describedby="d1 d2"><p id="d1">We share your email</p><p id="d2" hidden>with 40 partners</p>`,
    );
    expect(control(m, "#x").describedByText).toBe("We share your email with 40 partners");
  });
});

describe("static controls: sentence and group text", () => {
  it("takes the sentence the control sits in", () => {
    const m = staticModel(`<p>By ticking <input type="checkbox" id="x"> you let us share your data with partners.</p>`);
    expect(control(m, "#x").sentenceText).toBe("By ticking you let us share your data with partners.");
  });

  it("cuts the sentence at other controls in the same block", () => {
    const m = staticModel(`<div><input type="checkbox" id="a"> Marketing emails<br><input type="checkbox" id="b"> Analytics cookies</div>`);
    expect(control(m, "#a").sentenceText).toBe("Marketing emails");
    expect(control(m, "#b").sentenceText).toBe("Analytics cookies");
    const labelsFirst = staticModel(`<p>Email offers <input type="checkbox" id="e"> SMS offers <input type="checkbox" id="s"></p>`);
    expect(control(labelsFirst, "#e").sentenceText).toBe("Email offers");
    expect(control(labelsFirst, "#s").sentenceText).toBe("SMS offers");
  });

  it("takes the neighbouring paragraph when the control sits alone in its wrapper", () => {
    const m = staticModel(
      `<div class="row"><div class="toggle"><input type="checkbox" role="switch" id="ads" checked></div><p>Show me personalised ads</p></div><div class="row"><div class="toggle"><input type="checkbox" role="switch" id="loc"></div><p>Use my location</p></div>`,
    );
    expect(control(m, "#ads").sentenceText).toBe("Show me personalised ads");
    expect(control(m, "#loc").sentenceText).toBe("Use my location");
  });

  it("takes the text beside a control in a flex label", () => {
    const m = staticModel(`<label class="agree"><input type="checkbox" id="x" checked><span>I agree to the credit terms</span></label>`, {
      css: ".agree { display: flex }",
    });
    expect(control(m, "#x")).toMatchObject({ name: "I agree to the credit terms", sentenceText: "I agree to the credit terms" });
    const b = block(m, "I agree to the credit terms");
    expect(b.controlIds).toEqual([control(m, "#x").id]);
    expect(control(m, "#x").textBlockIds).toEqual([b.id]);
  });

  it("reads a radio group's question from the fieldset legend, the radiogroup label, or the text before it", () => {
    const m = staticModel(
      `<fieldset><legend>Share with partners?</legend><label><input type="radio" name="a" id="a1">Yes</label><label><input type="radio" name="a" id="a2">No</label></fieldset>
       <div role="radiogroup" aria-label="Send offers?"><label><input type="radio" name="b" id="b1">Yes</label></div>
       <section><h3>Personalised ads?</h3><div><label><input type="radio" name="c" id="c1">Yes</label><label><input type="radio" name="c" id="c2">No</label></div></section>`,
    );
    expect(control(m, "#a1").groupLabel).toBe("Share with partners?");
    expect(control(m, "#b1").groupLabel).toBe("Send offers?");
    expect(control(m, "#c2").groupLabel).toBe("Personalised ads?");
    expect(control(m, "#c1").name).toBe("Yes");
    expect(control(m, "#c1").textBlockIds).toContain(block(m, "Personalised ads?").id);
  });

  it("links the blocks of the label, the sentence and the description to the control", () => {
    const m = staticModel(
      `<div><input type="checkbox" id="x" aria-describedby="more"><label for="x">Partner offers</label></div><p id="more">Your email goes to 12 partners.</p><p>Unrelated text</p>`,
    );
    const c = control(m, "#x");
    const ids = [block(m, "Partner offers").id, block(m, "Your email goes to 12 partners.").id];
    expect(c.textBlockIds).toEqual(ids);
    expect(block(m, "Unrelated text").controlIds).toEqual([]);
    expect(block(m, "Your email goes to 12 partners.").controlIds).toEqual([c.id]);
  });
});
