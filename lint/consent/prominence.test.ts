import { describe, expect, it } from "vitest";
import { makeModel } from "../../rules/__fixtures__/model-builder.js";
import { rankByProminence } from "./prominence.js";

describe("rankByProminence", () => {
  it("puts filled buttons first, then larger ones, then larger type, then document order", () => {
    const { actions } = makeModel({
      actions: [
        { text: "Terms", filled: false, area: 20_000 },
        { text: "Small filled", area: 2_000, fontPx: 14 },
        { text: "Big filled", area: 12_000 },
        { text: "Small filled, larger type", area: 2_000, fontPx: 18 },
        { text: "Twin", area: 2_000, fontPx: 14 },
      ],
    });
    expect(rankByProminence(actions).map((a) => a.text)).toEqual([
      "Big filled",
      "Small filled, larger type",
      "Small filled",
      "Twin",
      "Terms",
    ]);
  });
  it("leaves out hidden and empty actions but keeps disabled ones", () => {
    const { actions } = makeModel({
      actions: [
        { text: "Hidden", visibility: { displayNone: true }, area: 90_000 },
        { text: "Collapsed", visibility: { collapsed: true }, area: 90_000 },
        { text: "  ", area: 90_000 },
        { text: "Create account", disabled: true },
      ],
    });
    expect(rankByProminence(actions).map((a) => a.text)).toEqual(["Create account"]);
  });
});
