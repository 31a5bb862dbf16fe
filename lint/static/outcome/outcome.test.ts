import { describe, expect, it } from "vitest";
import { selectRules, type EngineResult } from "../../run/engine.js";
import type { RestsOn, Rule } from "../../types.js";
import { allRules } from "../../../rules/index.js";
import { staticModel } from "../__fixtures__/static-model.js";
import { runStaticRules } from "../index.js";

function lint(body: string, opts: { css?: string } = {}): EngineResult {
  return runStaticRules(staticModel(body, opts), { rules: selectRules(allRules, []), languages: [], ignore: [] });
}

const found = (r: EngineResult): string[] => r.findings.map((f) => f.ruleId).sort();
const passed = (r: EngineResult): string[] => r.passes.map((p) => p.ruleId).sort();
const undecided = (r: EngineResult, reason: string): string[] =>
  r.incomplete
    .filter((i) => i.reason === reason)
    .map((i) => i.ruleId)
    .sort();

const CHECKED = `<form><h1>Create your account</h1><label>Email <input type="email" name="email"></label>
  <label><input type="checkbox" name="share" checked> Share my email with advertising partners for marketing</label>
  <button type="submit">Create account</button></form>`;
const UNCHECKED = CHECKED.replace(" checked>", ">");

describe("static results: what static mode stands behind", () => {
  it("keeps findings that rest on the HTML, and leaves no pass of readable text standing without layout", () => {
    const r = lint(CHECKED);
    expect(found(r)).toEqual(["bundled-consent", "pre-checked-opt-in"]);
    expect(undecided(r, "static-mode: layout unknown")).toEqual(["hidden-consent-text"]);
    expect(r.incomplete.find((i) => i.ruleId === "hidden-consent-text")?.text).toContain("Share my email");
    // The box's wording, read from the HTML as served, says plainly what ticking it does.
    expect(passed(r)).toEqual(["trick-question"]);
    // A signup form with no consent request: the rules about how a request offers its choice have nothing to judge.
    expect(r.inapplicable).toEqual(["asymmetric-choice", "implicit-consent", "confirmshaming", "consent-wall"]);
  });

  it("keeps passes on the state of the HTML when the page runs no script", () => {
    const r = lint(UNCHECKED);
    expect(found(r)).toEqual([]);
    expect(passed(r)).toEqual(["bundled-consent", "pre-checked-opt-in", "trick-question"]);
  });

  it("moves passes that a script could undo to incomplete, and says once per rule that scripts were not run", () => {
    const r = lint(`${UNCHECKED}<script>document.querySelector("[name=share]").checked = true</script>`);
    expect(found(r)).toEqual([]);
    expect(passed(r)).toEqual([]);
    expect(undecided(r, "static-mode: scripts not run")).toEqual([
      "asymmetric-choice",
      "bundled-consent",
      "bundled-consent",
      "confirmshaming",
      "consent-wall",
      "hidden-consent-text",
      "implicit-consent",
      "pre-checked-opt-in",
      "pre-checked-opt-in",
      "trick-question",
      "trick-question",
    ]);
    // One page-level entry per rule: what a script may add (a consent request, a box) no rule could see.
    expect(r.incomplete.filter((i) => i.reason === "static-mode: scripts not run" && i.text === undefined).map((i) => i.selector)).toEqual(
      Array(8).fill("body > script"),
    );
  });

  it("does not count handlers of the person's own actions as scripts", () => {
    const r = lint(
      UNCHECKED.replace("<form>", `<form onsubmit="return false">`).replace(
        `type="submit"`,
        `type="submit" onclick="this.disabled = true"`,
      ),
    );
    expect(passed(r)).toEqual(["bundled-consent", "pre-checked-opt-in", "trick-question"]);
    expect(undecided(r, "static-mode: scripts not run")).toEqual([]);
  });

  it("reports a page with no consent at all as incomplete, not inapplicable, when it runs scripts", () => {
    const r = lint(`<h1>Hello</h1><script src="app.js"></script>`);
    expect(r.inapplicable).toEqual([]);
    expect(undecided(r, "static-mode: scripts not run")).toEqual([
      "asymmetric-choice",
      "bundled-consent",
      "confirmshaming",
      "consent-wall",
      "hidden-consent-text",
      "implicit-consent",
      "pre-checked-opt-in",
      "trick-question",
    ]);
  });

  it("moves style findings to incomplete when a style sheet was not read", () => {
    const page = CHECKED.replace("Share my email", `<span style="font-size: 7px">Share my email`).replace(
      "marketing</label>",
      "marketing</span></label>",
    );
    expect(found(lint(page))).toEqual(["bundled-consent", "hidden-consent-text", "pre-checked-opt-in"]);
    const r = lint(`<link rel="stylesheet" href="https://cdn.example/site.css">${page}`);
    expect(found(r)).toEqual(["bundled-consent", "pre-checked-opt-in"]);
    expect(undecided(r, "static-mode: stylesheet not read")).toEqual(["hidden-consent-text"]);
  });
});

describe("static results: the step's main button", () => {
  const statement = `<p>By creating an account you agree that we share your email address with our advertising partners for marketing.</p>`;

  it("keeps a result that holds whichever of the tied buttons is the main one", () => {
    const r = lint(
      `<form><h1>Create your account</h1><label>Email <input type="email" name="email"></label>${statement}<button type="submit">Create account</button><button type="button">Use a passkey</button></form>`,
    );
    expect(found(r)).toContain("bundled-consent");
  });

  it("leaves a result undecided when which button is the main one, known only from sizes, changes it", () => {
    const r = lint(
      `<div class="top"><a class="btn" href="/login">Log in</a></div><form><h1>Create your account</h1><label>Email <input type="email" name="email"></label>${statement}<button type="submit">Create account</button></form>`,
      { css: ".btn, button { background: #0a58ca; color: #fff; padding: 8px 16px }" },
    );
    expect(found(r)).not.toContain("bundled-consent");
    expect(passed(r)).not.toContain("bundled-consent");
    const entry = r.incomplete.find((i) => i.ruleId === "bundled-consent" && i.reason === "static-mode: layout unknown");
    expect(entry?.text).toContain("By creating an account");
  });
});

describe("static results: each rule says what its results rest on", () => {
  /** A rule that finds every ticked box and passes every other one, resting on what it is told. */
  const boxRule = (restsOn: RestsOn): Rule => ({
    meta: {
      id: "box-rule",
      version: "1.0.0",
      severity: "error",
      title: "Ticked boxes",
      explanation: "A box was ticked.",
      description: "Boxes",
      fullDescription: "Boxes",
      docsUrl: "https://example.test/box-rule",
      legal: [],
      messages: { ticked: "Box {{name}} is ticked" },
      restsOn,
    },
    check: (model) => {
      const at = (c: (typeof model.controls)[number]) => ({ selector: c.selector, role: c.role, name: c.name, text: c.name });
      return {
        findings: model.controls
          .filter((c) => c.checked === true)
          .map((c) => ({ ...at(c), messageId: "ticked", data: { name: c.name }, evidence: {}, fingerprintParts: ["box"] })),
        passes: model.controls.filter((c) => c.checked !== true).map(at),
        incomplete: [],
        inapplicable: model.controls.length === 0,
      };
    },
  });
  const page = `<label><input type="checkbox" checked> One</label><label><input type="checkbox"> Two</label><script>void 0</script>`;
  const lintWith = (rule: Rule, body: string) =>
    runStaticRules(staticModel(body), { rules: selectRules([rule], []), languages: [], ignore: [] });

  it("keeps results that rest on nothing static mode lacks", () => {
    const r = lintWith(boxRule({ findings: [], passes: [] }), page);
    expect(r.findings.map((f) => f.message)).toEqual(["Box One is ticked"]);
    expect(r.passes.map((p) => p.name)).toEqual(["Two"]);
    expect(r.incomplete.map((i) => i.reason)).toEqual(["static-mode: scripts not run"]);
  });

  it("moves results to incomplete for the first basis the page leaves unknown", () => {
    const r = lintWith(boxRule({ findings: ["styles", "scripts"], passes: ["layout", "scripts"] }), page);
    expect(r.findings).toEqual([]);
    expect(r.passes).toEqual([]);
    const moved = r.incomplete.filter((i) => i.selector !== "body > script");
    expect(moved.map((i) => [i.text, i.reason])).toEqual([
      ["One", "static-mode: scripts not run"],
      ["Two", "static-mode: layout unknown"],
    ]);
    expect(moved[0].message).toMatch(/^Box One is ticked in the HTML as served; but the page runs scripts/u);
  });

  it("leaves results that rest on scripts standing on a page without scripts", () => {
    const r = lintWith(boxRule({ findings: ["scripts"], passes: ["scripts"] }), page.replace("<script>void 0</script>", ""));
    expect(r.findings.map((f) => f.name)).toEqual(["One"]);
    expect(r.passes.map((p) => p.name)).toEqual(["Two"]);
  });
});
