/** Consent controls as extracted from real Chromium: live state, names, sentences, groups and regions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, blockWith, controlBy, page } from "./__fixtures__/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.stop();
});

describe("control state", () => {
  it("reads the live checked property of a box checked by script, and its HTML default", async () => {
    const model = await h.model(
      page(`<form>
        <label><input type="checkbox" id="a"> Share my purchase history with partners</label>
        <label><input type="checkbox" id="b" checked> Email me the receipt</label>
        <label><input type="checkbox" id="c" checked> Keep me signed in</label>
        <button>Pay</button></form>
        <script>document.getElementById('a').checked = true; document.getElementById('c').checked = false;</script>`),
    );
    const scripted = controlBy(model, "purchase history");
    expect(scripted).toMatchObject({
      kind: "checkbox",
      role: "checkbox",
      tag: "input",
      checked: true,
      defaultChecked: false,
      checkedSource: "dom-property",
    });
    expect(controlBy(model, "receipt")).toMatchObject({ checked: true, defaultChecked: true });
    expect(controlBy(model, "signed in")).toMatchObject({ checked: false, defaultChecked: true });
  });

  it("reads ARIA switches, checkboxes and pressed toggle buttons from their attributes", async () => {
    const model = await h.model(
      page(`<div role="switch" aria-checked="true" tabindex="0">Personalised advertising</div>
        <div role="switch" aria-checked="false" tabindex="0">Analytics cookies</div>
        <span role="checkbox" aria-checked="mixed" aria-label="All partners"></span>
        <div role="menuitemcheckbox" aria-checked="true">Sell my data</div>
        <button aria-pressed="true">Train our AI on my photos</button>
        <button aria-pressed="false">Dark mode</button>
        <button>Continue</button>`),
    );
    expect(controlBy(model, "Personalised advertising")).toMatchObject({
      kind: "switch",
      role: "switch",
      checked: true,
      checkedSource: "aria-checked",
    });
    expect(controlBy(model, "Analytics")).toMatchObject({ kind: "switch", checked: false });
    expect(controlBy(model, "All partners")).toMatchObject({ kind: "checkbox", checked: "mixed" });
    expect(controlBy(model, "Sell my data")).toMatchObject({ kind: "menuitemcheckbox", checked: true });
    expect(controlBy(model, "Train our AI")).toMatchObject({
      kind: "toggle-button",
      role: "button",
      checked: true,
      checkedSource: "aria-pressed",
    });
    expect(controlBy(model, "Dark mode")).toMatchObject({ kind: "toggle-button", checked: false });
    // A plain button is an action, not a control.
    expect(model.controls.some((c) => c.name === "Continue")).toBe(false);
    expect(model.actions.map((a) => a.text)).toContain("Continue");
    // The toggle's own text is a block inside a button.
    expect(blockWith(model, "Train our AI").inButton).toBe(true);
  });

  it("takes a native checkbox with role=switch as a switch with its DOM state", async () => {
    const model = await h.model(
      page(`<label><input type="checkbox" role="switch" id="s"> Location history</label><script>s.checked = true</script>`),
    );
    expect(controlBy(model, "Location history")).toMatchObject({ kind: "switch", checked: true, checkedSource: "dom-property" });
  });

  it("reads a preselected radio with its fieldset legend, group name and option label", async () => {
    const model = await h.model(
      page(`<form><fieldset><legend>Share your name and email with our sponsors?</legend>
        <label><input type="radio" name="share" value="yes" checked> Yes, share</label>
        <label><input type="radio" name="share" value="no"> No</label></fieldset><button>Sign up</button></form>`),
    );
    const yes = controlBy(model, "Yes, share");
    expect(yes).toMatchObject({
      kind: "radio",
      checked: true,
      defaultChecked: true,
      groupName: "share",
      groupLabel: "Share your name and email with our sponsors?",
    });
    const no = controlBy(model, "No");
    expect(no).toMatchObject({ kind: "radio", checked: false, groupName: "share" });
    expect(no.groupLabel).toBe(yes.groupLabel);
    expect(yes.groupId).not.toBeNull();
    expect(model.groups.find((g) => g.id === yes.groupId)?.kind).toBe("form");
  });

  it("takes the question before a radio group without a fieldset as its group label", async () => {
    const model = await h.model(
      page(`<div class="q"><p>May we pass your phone number to partner shops for offers?</p>
        <label><input type="radio" name="p" checked> Yes</label><label><input type="radio" name="p"> No</label></div>
        <div><p>Delivery speed</p><label><input type="radio" name="d" checked> Standard</label><label><input type="radio" name="d"> Express</label></div>`),
    );
    expect(controlBy(model, "Yes").groupLabel).toBe("May we pass your phone number to partner shops for offers?");
    expect(controlBy(model, "Express").groupLabel).toBe("Delivery speed");
  });

  it("reads a select's options with the live selection", async () => {
    const model = await h.model(
      page(`<label for="s">Share my meter readings with partner companies</label>
        <select id="s"><option value="">Choose</option><option value="no">No</option><option value="yes">Yes, share</option></select>
        <script>document.getElementById('s').value = 'yes'</script>`),
    );
    const select = controlBy(model, "meter readings");
    expect(select.kind).toBe("select");
    expect(select.role).toBe("combobox");
    expect(select.checkedSource).toBe("selected-option");
    expect(select.options).toEqual([
      { value: "", text: "Choose", selected: false },
      { value: "no", text: "No", selected: false },
      { value: "yes", text: "Yes, share", selected: true },
    ]);
    expect(select.labelText).toBe("Share my meter readings with partner companies");
  });

  it("reads required, disabled (through a disabled fieldset or aria-disabled) and the flow's touched mark", async () => {
    const model = await h.model(
      page(`<form><label><input type="checkbox" required> I accept the terms</label>
        <fieldset disabled><label><input type="checkbox" checked> Strictly necessary cookies</label></fieldset>
        <div role="checkbox" aria-checked="true" aria-disabled="true" aria-required="true">Security cookies</div>
        <label><input type="checkbox" data-consentlint-touched checked> Newsletter</label></form>`),
    );
    expect(controlBy(model, "terms")).toMatchObject({ required: true, disabled: false, touchedByFlow: false });
    expect(controlBy(model, "Strictly necessary")).toMatchObject({ disabled: true, required: false });
    expect(controlBy(model, "Security cookies")).toMatchObject({ disabled: true, required: true });
    expect(controlBy(model, "Newsletter").touchedByFlow).toBe(true);
  });
});

describe("control text", () => {
  it("names a control by aria-labelledby first, then aria-label, then its label", async () => {
    const model = await h.model(
      page(`<span id="t1">Share with</span> <span id="t2">insurers</span>
        <input type="checkbox" id="a" aria-labelledby="t1 t2" aria-label="ignored"><label for="a">Label A</label>
        <input type="checkbox" id="b" aria-label="Partner marketing"><label for="b">Label B</label>
        <input type="checkbox" id="c"><label for="c">Label C</label>
        <input type="checkbox" id="d" title="Titled box">`),
    );
    const names = model.controls.map((c) => c.name);
    expect(names).toEqual(["Share with insurers", "Partner marketing", "Label C", "Titled box"]);
    expect(model.controls[0].labelText).toBe("Label A");
  });

  it("takes a sibling paragraph as the sentence of a checkbox alone in its wrapper, and links the blocks both ways", async () => {
    const model = await h.model(
      page(`<form><div class="row"><div class="box"><input type="checkbox" checked></div>
        <p>Share my statement data with <b>CreditScore Ltd</b> to evaluate my credit.</p></div>
        <div class="row"><div class="box"><input type="checkbox"></div><p>Send me tips</p></div>
        <button>View my report</button></form>`),
    );
    const [first, second] = model.controls;
    expect(first.sentenceText).toBe("Share my statement data with CreditScore Ltd to evaluate my credit.");
    expect(second.sentenceText).toBe("Send me tips");
    const block = blockWith(model, "CreditScore Ltd");
    expect(first.textBlockIds).toEqual([block.id]);
    expect(block.controlIds).toEqual([first.id]);
    expect(block.runs.map((r) => r.text)).toEqual(["Share my statement data with to evaluate my credit.", "CreditScore Ltd"]);
  });

  it("takes the adjacent label as the sentence when the form holds several bare controls", async () => {
    const model = await h.model(
      page(`<form><input type="checkbox" id="x"><label for="x">Marketing emails</label>
        <input type="checkbox" id="y"><label for="y">Partner offers</label><button>Go</button></form>`),
    );
    expect(model.controls.map((c) => c.sentenceText)).toEqual(["Marketing emails", "Partner offers"]);
  });

  it("reads aria-describedby text, including hidden description text", async () => {
    const model = await h.model(
      page(`<label><input type="checkbox" aria-describedby="d"> Personalised offers</label>
        <p id="d" style="display:none">We share your profile with advertising partners.</p>`),
    );
    const c = controlBy(model, "Personalised offers");
    expect(c.describedByText).toBe("We share your profile with advertising partners.");
    expect(c.textBlockIds).toContain(blockWith(model, "advertising partners").id);
  });
});

describe("regions, groups and actions", () => {
  it("puts a fixed cookie banner and a dialog in regions of their own, with their headings", async () => {
    const model = await h.model(
      page(`<h1>Four days on the old road</h1><p>${"A long story about travel. ".repeat(30)}</p><button>Subscribe</button>
        <div class="cookie" style="position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:12px">
          <h2>Cookies</h2><label><input type="checkbox" checked> Advertising cookies</label><button>Accept all</button></div>
        <div role="dialog" aria-labelledby="dh" hidden><h2 id="dh">Privacy settings</h2><label><input type="checkbox"> Analytics</label><button>Save</button></div>`),
    );
    const pageRegion = model.regions.find((r) => r.kind === "page");
    expect(pageRegion?.headings).toEqual(["Four days on the old road"]);
    const banner = model.regions.find((r) => r.kind === "banner");
    const dialog = model.regions.find((r) => r.kind === "dialog");
    expect(banner).toMatchObject({ headings: ["Cookies"], visible: true });
    expect(dialog).toMatchObject({ headings: ["Privacy settings"], label: "Privacy settings", visible: false });
    expect(controlBy(model, "Advertising").regionId).toBe(banner?.id);
    expect(controlBy(model, "Analytics").regionId).toBe(dialog?.id);
    expect(model.actions.find((a) => a.text === "Subscribe")?.regionId).toBe("page");
    expect(model.actions.find((a) => a.text === "Accept all")?.regionId).toBe(banner?.id);
  });

  it("groups a statement with the button beside it, and ranks filled buttons and button-like links as actions", async () => {
    const model = await h.model(
      page(`<main><section><h1>Download</h1>
        <div class="box"><div class="btns"><button style="background:#0a58ca;color:#fff;padding:12px 24px;border:0">Download for Windows</button></div>
        <p>By downloading you agree that we share usage data with advertisers.</p></div>
        <a href="#mac" style="display:inline-block;padding:8px 16px;border:1px solid #333">macOS</a>
        <a href="#help">Help</a></section></main>`),
    );
    const statement = blockWith(model, "By downloading");
    const download = model.actions.find((a) => a.text === "Download for Windows");
    expect(download).toMatchObject({ filled: true, tag: "button", type: "submit", disabled: false });
    expect(download?.area).toBeGreaterThan(1000);
    expect(statement.groupId).not.toBeNull();
    expect(statement.groupId).toBe(download?.groupId);
    expect(model.actions.find((a) => a.text === "macOS")).toMatchObject({ tag: "a", role: "link", filled: false });
    expect(model.actions.some((a) => a.text === "Help")).toBe(false);
    expect(blockWith(model, "Help").linkHref).toMatch(/#help$/);
  });

  it("lists form fields with their labels, and marks a disabled submit button", async () => {
    const model = await h.model(
      page(`<form><label for="e">Email address</label><input id="e" type="email" required>
        <input type="password" aria-label="Password"><input type="hidden" name="token">
        <textarea placeholder="Message"></textarea><button disabled>Create account</button></form>`),
    );
    expect(model.fields.map((f) => [f.type, f.label, f.required])).toEqual([
      ["email", "Email address", true],
      ["password", "Password", false],
      ["textarea", "Message", false],
    ]);
    expect(model.actions.find((a) => a.text === "Create account")?.disabled).toBe(true);
  });

  it("gives readable selectors that find the element again", async () => {
    const p = await h.newPage();
    await p.setContent(page(`<div class="wrap"><p>a</p><p>b <input type="checkbox"></p></div><input type="checkbox" id="solo">`));
    const model = await h.modelOf(p);
    expect(model.controls.map((c) => c.selector)).toEqual(["body > div.wrap > p:nth-of-type(2) > input", "input#solo"]);
    for (const c of model.controls) expect(await p.locator(c.selector).count()).toBe(1);
    expect(model.url).toBe("about:blank");
    expect(model.lang).toBe("en");
    expect(model.source).toBe("browser");
    expect(Date.parse(model.capturedAt)).not.toBeNaN();
  });
});
