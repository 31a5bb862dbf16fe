import { describe, expect, it } from "vitest";
import { control, staticModel } from "../__fixtures__/static-model.js";

/**
 * A lone control's sentence, when its wrapper holds no text, is a sibling's
 * text: the one on the side its list puts labels on, as the browser
 * extractor reads it when the layout does not tell.
 */
describe("static control text: a lone control's sibling label", () => {
  it("takes the title before each switch when the list puts titles first", () => {
    const m = staticModel(
      `<div><div>Styling <small>(always required)</small></div><div><input type="checkbox" id="a" checked disabled></div><div>Analytics &amp; Ads</div><div><input type="checkbox" id="b"></div></div>`,
    );
    expect(control(m, "#a").sentenceText).toBe("Styling (always required)");
    expect(control(m, "#b").sentenceText).toBe("Analytics & Ads");
  });

  it("takes the title after each switch when the list puts switches first", () => {
    const m = staticModel(
      `<div><div><input type="checkbox" id="a" checked disabled></div><div>Styling <small>(always required)</small></div><div><input type="checkbox" id="b"></div><div>Analytics &amp; Ads</div></div>`,
    );
    expect(control(m, "#a").sentenceText).toBe("Styling (always required)");
    expect(control(m, "#b").sentenceText).toBe("Analytics & Ads");
  });

  it("takes the text after each switch when text sits at both ends of the list and the order does not tell", () => {
    const m = staticModel(
      `<div><p>Choose how we may contact you</p><div><input type="checkbox" id="a"></div><p>Offers by email</p><div><input type="checkbox" id="b"></div><p>Offers by text message</p></div>`,
    );
    expect(control(m, "#a").sentenceText).toBe("Offers by email");
    expect(control(m, "#b").sentenceText).toBe("Offers by text message");
  });
});
