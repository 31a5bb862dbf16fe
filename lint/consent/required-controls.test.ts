import { describe, expect, it } from "vitest";
import { makeModel, type ControlSpec } from "../../rules/__fixtures__/model-builder.js";
import { hasAlwaysOnMarker, requiredReason } from "./required-controls.js";
import { governorIndexes } from "./layers.js";
import { consentView } from "./view.js";

function control(spec: ControlSpec) {
  return makeModel({ controls: [spec] }).controls[0];
}

describe("always-on markers", () => {
  it.each([
    "Styling (always required)",
    "Functional (always active)",
    "Preferences (always on)",
    "Strictly necessary",
    "Essential cookies",
    "Required",
    "Darstellung (immer erforderlich)",
    "Notwendige Cookies",
    "Technisch erforderlich",
    "Komfort (immer aktiv)",
    "必要 Cookie",
    "样式（始终启用）",
    "功能（始终开启）",
    "必需",
    "樣式（一律啟用）",
  ])("%s says the choice is always on", (text) => {
    expect(hasAlwaysOnMarker(text)).toBe(true);
  });

  it.each([
    "Non-essential cookies",
    "Not necessary for the site",
    "Unnecessary tracking",
    "Nicht notwendige Cookies",
    "非必要 Cookie",
    "不必要的推送",
    "Analytics",
    "Marketing emails",
  ])("%s does not", (text) => {
    expect(hasAlwaysOnMarker(text)).toBe(false);
  });
});

describe("required controls", () => {
  it("a control checked and disabled is required, whatever it names", () => {
    expect(requiredReason(control({ label: "Analytics cookies", checked: true, disabled: true }), "en")).toBe("checked-disabled");
    expect(requiredReason(control({ label: "Analytics cookies", checked: false, disabled: true }), "en")).toBeNull();
  });

  it("a label saying always on makes a control required only when the label names no optional purpose itself", () => {
    expect(
      requiredReason(control({ kind: "switch", label: "Styling (always required)", sentenceText: "Analytics & Ads", checked: true }), "en"),
    ).toBe("always-on-label");
    expect(requiredReason(control({ kind: "switch", label: "Analytics (always on)", checked: true }), "en")).toBeNull();
    expect(requiredReason(control({ kind: "switch", label: "Statistik (immer aktiv)", checked: true }), "de")).toBeNull();
  });

  it("a box the form requires, or one shown off, is not taken for an always-on category", () => {
    const partners = "I agree that you share my email with partners for their offers";
    expect(
      requiredReason(control({ label: "I agree (required)", sentenceText: partners, checked: true, required: true }), "en"),
    ).toBeNull();
    expect(requiredReason(control({ label: "I agree (required)", sentenceText: partners, checked: false }), "en")).toBeNull();
  });

  it("reads the sentence as the label only when the control has no name or label of its own", () => {
    expect(
      requiredReason(control({ name: "", labelText: "", sentenceText: "Necessary cookies (always active)", checked: true }), "en"),
    ).toBe("always-on-label");
    expect(requiredReason(control({ label: "Styling", sentenceText: "Strictly necessary", checked: true }), "en")).toBeNull();
  });

  it("takes a required control out of the consent controls, and out of a master toggle's siblings", () => {
    const model = makeModel({
      controls: [
        { id: "all", label: "Select all", checked: true, groupId: "cats" },
        {
          id: "necessary",
          label: "Necessary (always required)",
          sentenceText: "Analytics cookies and personalised ads",
          checked: true,
          groupId: "cats",
        },
        { id: "analytics", label: "Analytics cookies: help us measure how the site is used", groupId: "cats" },
      ],
    });
    const view = consentView(model);
    const byId = (id: string) => view.controls.find((c) => c.control.id === id);
    expect(byId("necessary")).toMatchObject({ consent: false, granting: false, required: "always-on-label" });
    expect(byId("all")?.consent).toBe(false);
  });
});

describe("governing toggles", () => {
  const hidden = { collapsed: true };
  const model = makeModel({
    controls: [
      { id: "analytics", kind: "switch", label: "Analytics" },
      { id: "ga", label: "Google Analytics", checked: true, visibility: hidden, labelVisibility: hidden },
      { id: "ads-in-list", label: "Google Ads (personalised ads)", checked: true, visibility: hidden, labelVisibility: hidden },
      { id: "page", label: "Send me marketing emails", regionId: "other" },
      { id: "hotjar", label: "Hotjar (analytics)", visibility: hidden, labelVisibility: hidden },
    ],
    regions: [{ id: "page" }, { id: "other", kind: "dialog" }],
  });

  it("is the nearest shown control before a hidden one in its region that names every purpose it does", () => {
    const view = consentView(model);
    const governorOf = (id: string) => view.controls.find((c) => c.control.id === id)?.governor?.control.id ?? null;
    expect(governorOf("ga")).toBe("analytics");
    expect(governorOf("ads-in-list")).toBeNull();
    expect(governorOf("hotjar")).toBe("analytics");
    expect(governorOf("analytics")).toBeNull();
  });

  it("is none when the nearest shown control is not a consent control by its own text", () => {
    const readings = [
      { control: model.controls[0], analysis: consentView(model).controls[0].analysis, consent: false },
      { control: model.controls[1], analysis: consentView(model).controls[1].analysis, consent: true },
    ];
    expect(governorIndexes(readings, readings)).toEqual([-1, -1]);
  });
});
