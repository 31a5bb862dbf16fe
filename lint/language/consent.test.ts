import { describe, expect, it } from "vitest";
import { analyzeConsent } from "./index.js";
import { CONTEXT_ROWS, CONTROL_ROWS, HINT, STATEMENT_ROWS, type TableLanguage } from "./__fixtures__/consent-tables.js";

const LANGUAGES = Object.keys(CONTROL_ROWS) as TableLanguage[];

describe("control labels (labelled table)", () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      it.each(CONTROL_ROWS[lang])("$text", (row) => {
        const a = analyzeConsent(row.text, { langHint: HINT[lang], role: "control" });
        expect(a.status).toBe("understood");
        expect(a.optionalConsent).toBe(row.optional);
        for (const p of row.purposes ?? []) expect(a.purposes).toContain(p);
        if (!row.optional) expect(a.purposes).toEqual([]);
        if (row.terms !== undefined) expect(a.requiredTerms).toBe(row.terms);
        if (row.necessary !== undefined) expect(a.necessaryOnly).toBe(row.necessary);
        expect(a.statement).toBe(false);
      });
    });
  }

  it("has at least 40 positives and 40 negatives across the four languages", () => {
    const rows = LANGUAGES.flatMap((l) => CONTROL_ROWS[l]);
    expect(rows.filter((r) => r.optional).length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => !r.optional).length).toBeGreaterThanOrEqual(40);
  });
});

describe("free text (labelled table)", () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      it.each(STATEMENT_ROWS[lang])("$text", (row) => {
        const a = analyzeConsent(row.text, { langHint: HINT[lang], role: "statement" });
        expect(a.status).toBe("understood");
        expect(a.statement).toBe(row.statement);
        expect(a.optionalConsent).toBe(row.optional);
        for (const p of row.purposes ?? []) expect(a.purposes).toContain(p);
        if (row.action !== undefined) expect(a.statementAction).toBe(row.action);
        if (row.terms !== undefined) expect(a.requiredTerms).toBe(row.terms);
        if (row.policyLinkOnly !== undefined) expect(a.policyLinkOnly).toBe(row.policyLinkOnly);
        if (row.refersBack !== undefined) expect(a.refersBack).toBe(row.refersBack);
      });
    });
  }
});

describe("grants read with the earlier text of their notice (labelled table)", () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      it.each(CONTEXT_ROWS[lang])("$text", (row) => {
        const a = analyzeConsent(row.text, { langHint: HINT[lang], role: "statement", context: row.context });
        const alone = analyzeConsent(row.text, { langHint: HINT[lang], role: "statement" });
        expect(a.status).toBe("understood");
        expect(a.optionalConsent).toBe(row.optional);
        if (row.optional) {
          expect(a.purposes).toEqual(row.purposes);
          expect(a.statement).toBe(true);
          expect(alone.refersBack).toBe(true);
          expect(alone.optionalConsent).toBe(false);
          expect(a.purposeClauses).toEqual([row.purposes]);
          for (const p of row.purposes) expect(a.matched).toContain(`${p}: named earlier in the notice`);
        } else {
          // The context changes nothing.
          expect(a).toEqual(alone);
        }
      });
    });
  }
});

describe("roles", () => {
  const label = "Share my purchase history with advertising partners";

  it("takes a purpose named by a control label as asking for it, but not the same words as free text", () => {
    expect(analyzeConsent(label, { langHint: "en", role: "control" }).optionalConsent).toBe(true);
    const asText = analyzeConsent(label, { langHint: "en", role: "statement" });
    expect(asText.purposes).toContain("third-party-sharing");
    expect(asText.statement).toBe(false);
    expect(asText.optionalConsent).toBe(false);
  });

  it("reads 'any' text as a control label that can also be a statement", () => {
    expect(analyzeConsent(label, { langHint: "en", role: "any" }).optionalConsent).toBe(true);
    const terms = analyzeConsent("By clicking Pay you agree to our Terms of Sale.", { langHint: "en", role: "any" });
    expect(terms.statement).toBe(true);
    expect(terms.optionalConsent).toBe(false);
  });

  it("never calls a control label a statement", () => {
    const a = analyzeConsent("By ticking this box you agree that we share your data with partners", { langHint: "en", role: "control" });
    expect(a.statement).toBe(false);
    expect(a.optionalConsent).toBe(true);
  });

  it("grants only the purposes in the sentence that states the grant", () => {
    const a = analyzeConsent("By continuing you agree to our Terms. We share usage data with partners.", {
      langHint: "en",
      role: "statement",
    });
    expect(a.statement).toBe(true);
    expect(a.requiredTerms).toBe(true);
    expect(a.purposes).toEqual([]);
    expect(a.optionalConsent).toBe(false);
  });
});

describe("what overrides what", () => {
  it("reads a newsletter about the user's own account as a notification, a product newsletter as marketing", () => {
    expect(analyzeConsent("Newsletter about your account", { langHint: "en", role: "control" }).necessaryOnly).toBe(true);
    expect(analyzeConsent("Product newsletter", { langHint: "en", role: "control" }).purposes).toEqual(["marketing"]);
  });

  it("reads biometrics for the user's own login as necessary, and for anything else as optional", () => {
    expect(analyzeConsent("Use Face ID to log in", { langHint: "en", role: "control" }).optionalConsent).toBe(false);
    expect(analyzeConsent("Use Face ID to personalise ads", { langHint: "en", role: "control" }).purposes).toContain("biometrics");
  });

  it("keeps non-essential cookies optional although they contain the words 'essential cookies'", () => {
    expect(analyzeConsent("Non-essential cookies", { langHint: "en", role: "control" }).purposes).toEqual(["analytics-cookies"]);
    expect(analyzeConsent("非必要 Cookie", { langHint: "zh-CN", role: "control" }).purposes).toEqual(["analytics-cookies"]);
    expect(analyzeConsent("Nicht notwendige Cookies", { langHint: "de", role: "control" }).purposes).toEqual(["analytics-cookies"]);
  });

  it("reads another service's agreement as credit scoring, not as the terms the step needs", () => {
    for (const [text, hint] of [
      ["I agree to the Crestmark Credit Score Service Agreement", "en"],
      ["我同意《麦穗信用服务协议》", "zh-CN"],
      ["我同意《芝麻服务协议》", "zh-CN"],
    ] as const) {
      const a = analyzeConsent(text, { langHint: hint, role: "control" });
      expect(a.purposes).toEqual(["credit-scoring"]);
      expect(a.requiredTerms).toBe(false);
    }
  });

  it("takes a purpose phrase inside a longer phrase of another purpose as that purpose only", () => {
    expect(analyzeConsent("Personalisierte Werbung", { langHint: "de", role: "control" }).purposes).toEqual(["personalised-ads"]);
    expect(analyzeConsent("Marketing cookies", { langHint: "en", role: "control" }).purposes).toEqual(["analytics-cookies"]);
  });

  it("lists purposes in the order the text names them", () => {
    const a = analyzeConsent("Use my precise location and send me marketing emails", { langHint: "en", role: "control" });
    expect(a.purposes).toEqual(["location", "marketing"]);
  });

  it("bundles the terms and an optional purpose in one label", () => {
    const a = analyzeConsent("我已阅读并同意《用户服务协议》，并同意接收营销短信", { langHint: "zh-CN", role: "control" });
    expect(a.requiredTerms).toBe(true);
    expect(a.optionalConsent).toBe(true);
    expect(a.purposes).toEqual(["marketing"]);
  });
});

describe("statements", () => {
  it("names the button a statement quotes", () => {
    expect(
      analyzeConsent('By clicking "Create account" you agree that we share your data with partners.', { langHint: "en", role: "statement" })
        .statementAction,
    ).toBe("Create account");
    expect(
      analyzeConsent('Mit Klick auf „Jetzt registrieren" willigen Sie ein, dass wir Ihre Daten an Werbepartner weitergeben.', {
        langHint: "de",
        role: "statement",
      }).statementAction,
    ).toBe("Jetzt registrieren");
  });

  it("keeps a traditional Chinese action in its own characters", () => {
    const a = analyzeConsent("購票即表示您同意將您的個人資料提供予主辦單位之贊助商，用於寄送行銷訊息", {
      langHint: "zh-TW",
      role: "statement",
    });
    expect(a.statementAction).toBe("購票");
    expect(a.purposes).toEqual(expect.arrayContaining(["third-party-sharing", "marketing"]));
  });

  it("says a pointer to the privacy policy grants nothing", () => {
    for (const [text, hint] of [
      ["Read our privacy policy to learn how we use your data.", "en"],
      ["Lesen Sie unsere Datenschutzerklärung, um zu erfahren, wie wir Ihre Daten verwenden.", "de"],
      ["查看《隐私政策》了解我们如何使用您的信息。", "zh-CN"],
    ] as const) {
      const a = analyzeConsent(text, { langHint: hint, role: "statement" });
      expect(a.policyLinkOnly).toBe(true);
      expect(a.optionalConsent).toBe(false);
      expect(a.statement).toBe(false);
    }
  });
});

describe("grants that refer back", () => {
  const read = (text: string, hint: string, context?: string[]) => analyzeConsent(text, { langHint: hint, role: "statement", context });

  it("records the wording that refers back, once", () => {
    const a = read("We use cookies for analytics. By continuing to browse you agree to the use of these cookies.", "en");
    expect(a.matched.filter((m) => m.startsWith("refers back:"))).toEqual(["refers back: these cookies"]);
    expect(read("Wir verwenden Cookies für Analyse. Mit der weiteren Nutzung stimmen Sie dem zu.", "de").matched).toContain(
      "refers back: dem zu",
    );
    expect(read("我们使用Cookie进行统计分析。继续浏览即表示您同意上述内容。", "zh-CN").matched).toContain("refers back: 上述");
  });

  it("takes the purposes of several earlier sentences as one grant", () => {
    const a = read("We use cookies for analytics. We also use them to personalise ads. By clicking Accept you consent to the above.", "en");
    expect(a.purposes).toEqual(["analytics-cookies", "personalised-ads"]);
    expect(a.purposeClauses).toEqual([["analytics-cookies", "personalised-ads"]]);
  });

  it("looks back, not ahead", () => {
    const a = read("By continuing you agree to these cookies. We use cookies for analytics.", "en");
    expect(a.statement).toBe(true);
    expect(a.optionalConsent).toBe(false);
    expect(a.refersBack).toBe(true);
  });

  it("reads the context only when the text names no purpose before the grant", () => {
    const a = read("We use cookies for analytics. By continuing you agree to these cookies.", "en", [
      "We share your data with advertising partners.",
    ]);
    expect(a.purposes).toEqual(["analytics-cookies"]);
    expect(a.refersBack).toBe(false);
  });

  it("reads no context for a text that does not refer back, and keeps analyses with different contexts apart", () => {
    const text = "By continuing to browse you agree to the use of these cookies.";
    expect(read(text, "en", ["We use cookies for analytics."]).purposes).toEqual(["analytics-cookies"]);
    expect(read(text, "en", ["We use cookies to personalise ads."]).purposes).toEqual(["personalised-ads"]);
    expect(read(text, "en")).not.toBe(read(text, "en", ["We use cookies for analytics."]));
    expect(
      analyzeConsent("Marketing cookies", { langHint: "en", role: "control", context: ["We share data with partners."] }).purposes,
    ).toEqual(["analytics-cookies"]);
  });

  it("ignores context in a language the module cannot read", () => {
    expect(read("By continuing you agree to these cookies.", "en", ["Nous utilisons des cookies publicitaires."]).optionalConsent).toBe(
      false,
    );
  });
});

describe("clauses", () => {
  const clauses = (text: string, hint: string) => analyzeConsent(text, { langHint: hint, role: "control" }).purposeClauses;

  it.each([
    [
      "Send me marketing emails and let partners use my profile to show me personalised ads.",
      "en",
      [["marketing"], ["third-party-sharing", "personalised-ads"]],
    ],
    [
      "I would like to receive offers by email and agree that my data may be shared with partners.",
      "en",
      [["marketing"], ["third-party-sharing"]],
    ],
    ["Send me offers and share my data with partners", "en", [["marketing"], ["third-party-sharing"]]],
    [
      "Ich möchte den Newsletter erhalten und bin einverstanden, dass meine Daten an Partner weitergegeben werden.",
      "de",
      [["marketing"], ["third-party-sharing"]],
    ],
    [
      "Ich willige in den Erhalt von Newslettern sowie in die Weitergabe meiner Daten an Partner ein.",
      "de",
      [["marketing"], ["third-party-sharing"]],
    ],
    ["同意接收营销短信，并同意将个人信息共享给第三方合作伙伴", "zh-CN", [["marketing"], ["third-party-sharing"]]],
    ["同意接收電子報，並同意將我的資料提供給合作夥伴", "zh-TW", [["marketing"], ["third-party-sharing"]]],
  ])("splits coordinated grants: %s", (text, hint, expected) => {
    expect(clauses(text, hint)).toEqual(expected);
  });

  it.each([
    ["Share my name and email address with partners so they can contact me with offers", "en"],
    ["Share my email with partners and let them send me offers", "en"],
    ["Email me the weekly newsletter and occasional offers from us and our partners", "en"],
    ["Meine Daten dürfen an Partner für Werbezwecke weitergegeben werden", "de"],
    ["同意将手机号提供给合作商家，用于营销推广", "zh-CN"],
  ])("keeps one grant with its means in one clause: %s", (text, hint) => {
    expect(clauses(text, hint)).toHaveLength(1);
  });

  it("leaves out clauses that name no purpose", () => {
    expect(clauses("I agree to the Terms of Service and to share my profile with sponsors", "en")).toEqual([["third-party-sharing"]]);
    expect(clauses("Keep me signed in and send me offers", "en")).toEqual([["marketing"]]);
  });
});

describe("languages that are not read", () => {
  it.each([
    ["J'accepte de recevoir des offres de nos partenaires par e-mail.", "fr"],
    ["Acepto recibir ofertas de nuestros socios por correo electrónico.", "es"],
    ["個人情報を提携企業と共有することに同意します", "ja"],
    ["Я согласен на передачу моих данных партнёрам", "ru"],
  ])("reports %s as unsupported, with nothing guessed", (text, language) => {
    const a = analyzeConsent(text, { langHint: "en", role: "control" });
    expect(a.status).toBe("unsupported");
    expect(a.language.language).toBe(language);
    expect(a.language.supported).toBe(false);
    expect(a.optionalConsent).toBe(false);
    expect(a.purposes).toEqual([]);
  });

  it("reports text without letters as empty", () => {
    expect(analyzeConsent("  ✓ 100% ", { langHint: "en" }).status).toBe("empty");
    expect(analyzeConsent("", { langHint: "de" }).status).toBe("empty");
  });

  it("reads a Chinese sentence with an English brand name as Chinese", () => {
    const a = analyzeConsent("授权Zhima Credit评估我的信用", { langHint: "en", role: "control" });
    expect(a.language.language).toBe("zh");
    expect(a.purposes).toContain("credit-scoring");
  });
});

describe("evidence and reuse", () => {
  it("records the wording that matched", () => {
    const a = analyzeConsent("Send me marketing emails", { langHint: "en", role: "control" });
    expect(a.matched).toContain("marketing: marketing emails");
  });

  it("returns the same frozen result for the same text, hint and role", () => {
    const a = analyzeConsent("Allow analytics cookies", { langHint: "en", role: "control" });
    expect(analyzeConsent("Allow analytics cookies", { langHint: "en", role: "control" })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.purposes)).toBe(true);
    expect(analyzeConsent("Allow analytics cookies", { langHint: "en", role: "statement" })).not.toBe(a);
  });
});

describe("a button name a statement quotes", () => {
  it.each([
    ["Mit „Angebote vergleichen“ akzeptieren Sie die Nutzungsbedingungen des Vergleichsdienstes.", "de"],
    ["By clicking “Get offers” you accept our terms of service.", "en"],
  ])("labels the action and grants nothing itself: %s", (text, hint) => {
    const a = analyzeConsent(text, { langHint: hint, role: "statement" });
    expect(a.purposes).toEqual([]);
    expect(a.optionalConsent).toBe(false);
    expect(a.requiredTerms).toBe(true);
  });

  it("leaves the purposes the statement itself grants", () => {
    const a = analyzeConsent('By clicking "Get offers" you agree that we send you marketing emails.', {
      langHint: "en",
      role: "statement",
    });
    expect(a.purposes).toEqual(["marketing"]);
  });
});
