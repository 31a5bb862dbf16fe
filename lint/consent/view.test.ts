import { describe, expect, it } from "vitest";
import { makeModel } from "../../rules/__fixtures__/model-builder.js";
import { WORDS, cookieDialog, signupStep } from "../../rules/__fixtures__/scenes.js";
import { consentView } from "./view.js";

describe("consentView", () => {
  it("is computed once per model and language list", () => {
    const model = signupStep("en", { controls: [{ label: WORDS.marketing.en }] });
    expect(consentView(model)).toBe(consentView(model));
    expect(consentView(model, ["en", "de"])).toBe(consentView(model, ["de", "EN"]));
    expect(consentView(model, ["en"])).not.toBe(consentView(model));
    expect(consentView(makeModel())).not.toBe(consentView(model));
  });

  it("builds a control's consent text from name, label, sentence and description without repeats", () => {
    const model = makeModel({
      controls: [
        {
          name: "Partner offers",
          labelText: "Partner offers",
          sentenceText: "Partner offers: send me offers from selected partners by email",
          describedByText: "You can unsubscribe at any time.",
        },
      ],
    });
    const [c] = consentView(model).controls;
    expect(c.text).toBe("Partner offers: send me offers from selected partners by email You can unsubscribe at any time.");
  });

  it("takes a checked 'Yes' radio in a sharing question as granting, and a checked 'No' as not", () => {
    const radios = (checkedYes: boolean) =>
      signupStep("en", {
        controls: [
          { id: "yes", kind: "radio", label: "Yes", groupLabel: WORDS.sharingQuestion.en, groupName: "s", checked: checkedYes },
          { id: "no", kind: "radio", label: "No", groupLabel: WORDS.sharingQuestion.en, groupName: "s", checked: !checkedYes },
        ],
      });
    const yes = consentView(radios(true)).controls;
    expect(yes.map((c) => [c.control.id, c.consent, c.granting, c.polarity])).toEqual([
      ["yes", true, true, "grant"],
      ["no", true, false, "refuse"],
    ]);
    const no = consentView(radios(false)).controls;
    expect(no.map((c) => c.granting)).toEqual([false, false]);
    expect(yes[0].text).toBe(`${WORDS.sharingQuestion.en} Yes`);
  });

  it("counts a yes/no radio group as one consent choice when judging what the step is for", () => {
    const model = makeModel({
      lang: "zh",
      regions: [{ id: "page", headings: ["城市马拉松"] }],
      controls: [
        { kind: "radio", label: "是", groupLabel: "是否同意将您的报名信息提供给赞助商用于营销推广？", groupName: "s", checked: true },
        { kind: "radio", label: "否", groupLabel: "是否同意将您的报名信息提供给赞助商用于营销推广？", groupName: "s" },
      ],
      actions: [{ text: "提交" }],
    });
    const view = consentView(model);
    expect(view.consentControls).toHaveLength(2);
    expect(view.regions[0].consentStep).toBe(false);
  });

  it("reads a select's selected option", () => {
    const select = (selected: "yes" | "no") =>
      makeModel({
        controls: [
          {
            kind: "select",
            label: WORDS.sharingQuestion.en,
            options: [
              { value: "yes", text: "Yes, share them", selected: selected === "yes" },
              { value: "no", text: "No", selected: selected === "no" },
            ],
          },
        ],
      });
    expect(consentView(select("yes")).controls[0]).toMatchObject({ consent: true, granting: true, optionText: "Yes, share them" });
    expect(consentView(select("no")).controls[0]).toMatchObject({ granting: false, optionText: "No" });
  });

  it("takes aria-pressed and checked as granting, mixed and unchecked as not", () => {
    const model = makeModel({
      controls: [
        { kind: "toggle-button", label: WORDS.personalisedAds.en, checked: true },
        { kind: "checkbox", label: WORDS.marketing.en, checked: "mixed" },
        { kind: "switch", label: WORDS.analytics.en, checked: false },
      ],
    });
    expect(consentView(model).controls.map((c) => c.granting)).toEqual([true, false, false]);
  });

  it("takes a short 'select all' box among consent boxes as a consent control with their purposes", () => {
    const dialog = (extra: number) =>
      cookieDialog("de", {
        controls: [
          { id: "all", label: "Alle auswählen", checked: true, groupId: "purposes" },
          { label: WORDS.strictlyNecessary.de, checked: true, disabled: true, groupId: "purposes" },
          { label: WORDS.analytics.de, checked: true, groupId: "purposes" },
          ...(extra > 0 ? [{ label: WORDS.personalisedAds.de, checked: true, groupId: "purposes" }] : []),
        ],
      });
    const master = consentView(dialog(1)).controls.find((c) => c.control.id === "all");
    expect(master).toMatchObject({ consent: true, granting: true });
    expect(new Set(master?.analysis.purposes)).toEqual(new Set(["analytics-cookies", "personalised-ads"]));
    const alone = consentView(dialog(0)).controls.find((c) => c.control.id === "all");
    expect(alone?.consent).toBe(false);
  });

  it("does not take remember-me or required terms as consent controls", () => {
    const model = signupStep("zh", {
      controls: [
        { label: WORDS.keepSignedIn.zh, checked: true },
        { label: WORDS.termsOnly.zh, checked: true },
      ],
    });
    const view = consentView(model);
    expect(view.controls).toHaveLength(2);
    expect(view.consentControls).toHaveLength(0);
    expect(view.controls.every((c) => !c.granting)).toBe(true);
  });

  it("finds the blocks of a control from either side of the link", () => {
    const model = makeModel({
      controls: [{ id: "box", label: WORDS.marketing.en }],
      texts: [{ id: "hint", text: "We send at most two emails a month.", controlIds: ["box"] }],
    });
    expect(consentView(model).controls[0].blocks.map((b) => b.id)).toEqual(["box-label", "hint"]);
  });

  it("finds consent statements, but not in a consent control's own text or in policy links", () => {
    const statement = 'By clicking "Pay now" you agree that we share your purchase history with our advertising partners.';
    const model = makeModel({
      controls: [{ label: "By ticking this box you agree that we share your purchase history with our advertising partners." }],
      texts: [
        { id: "s", text: statement },
        { id: "p", text: WORDS.privacyLink.en, linkHref: "/privacy" },
        { id: "x", text: "We would like to personalise your experience." },
      ],
    });
    const view = consentView(model);
    expect(view.statements.map((s) => s.block.id)).toEqual(["s"]);
    expect(view.statements[0].analysis.purposes.length).toBeGreaterThan(0);
  });

  it("gives each region its purpose and primary action", () => {
    const view = consentView(cookieDialog("de", { controls: [{ kind: "switch", label: WORDS.marketing.de }] }));
    const dialog = view.regionOf("cookies");
    expect(dialog.consentStep).toBe(true);
    expect(dialog.primaryAction?.text).toBe("Alle akzeptieren");
    const page = view.regionOf("page");
    expect(page.consentStep).toBe(false);
    expect(view.regionOf("no-such-region")).toBe(page);
    expect(view.consentControls[0].region).toBe(dialog);
  });

  it("does not take a control drawn as a button for the step's button", () => {
    const model = cookieDialog("en", {
      controls: [{ kind: "switch", tag: "button", label: WORDS.analytics.en, selector: "#analytics-switch" }],
      actions: [{ text: WORDS.analytics.en, regionId: "cookies", area: 900 * 60, selector: "#analytics-switch" }],
    });
    expect(consentView(model).regionOf("cookies").primaryAction?.text).toBe("Accept all");
  });

  it("knows a signup form is not a consent step, and the form's main button", () => {
    const view = consentView(
      signupStep("en", { controls: [{ label: WORDS.marketing.en }], actions: [{ text: "Cancel", filled: false, groupId: "main-form" }] }),
    );
    expect(view.regionOf("page").purpose.purpose).toBe("signup");
    expect(view.regionOf("page").consentStep).toBe(false);
    expect(view.primaryActionOfGroup("main-form")?.text).toBe("Create account");
    expect(view.primaryActionOfGroup(null)).toBeNull();
    expect(view.primaryActionOfGroup("elsewhere")).toBeNull();
  });

  it("reads short labels in the language of the page, or of the locale it was opened with", () => {
    const model = (lang: string | null, locale: string | null) =>
      makeModel({ lang, locale, controls: [{ label: "Train our AI on my photos", checked: true }] });
    expect(consentView(model("en", null)).consentControls).toHaveLength(1);
    expect(consentView(model(null, "en-US")).consentControls).toHaveLength(1);
    expect(consentView(model(null, "en-US")).consentControls[0].analysis.purposes).toEqual(["model-training"]);
  });

  it("lists text it cannot read instead of guessing, and honours the language list", () => {
    const french = makeModel({
      lang: "fr",
      controls: [{ label: "Partager mes données avec nos partenaires publicitaires", checked: true }],
      texts: [{ text: "En cliquant sur Payer, vous acceptez que nous partagions vos achats avec nos partenaires." }],
    });
    const view = consentView(french);
    expect(view.consentControls).toHaveLength(0);
    expect(view.unread.map((u) => [u.kind, u.language])).toEqual([
      ["control", "fr"],
      ["text", "fr"],
    ]);
    const brand = makeModel({ lang: null, texts: [{ text: "Inkwell Books" }] });
    expect(consentView(brand).unread).toEqual([]);
    const german = signupStep("de", { controls: [{ label: WORDS.marketing.de, checked: true }] });
    expect(consentView(german).consentControls).toHaveLength(1);
    expect(consentView(german, ["en"]).consentControls).toHaveLength(0);
    expect(consentView(german, ["en"]).unread[0]).toMatchObject({ kind: "control", language: "de" });
  });
});
