/**
 * The readability thresholds as the rule's options: its defaults are the
 * documented ones, config gives them in `rules` (checked against the rule's
 * schema) or, as before, under the deprecated top-level `thresholds` key,
 * with the same results either way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_THRESHOLDS, prepareRun, runRules, type LintOptions } from "../../lint/index.js";
import { WORDS, signupStep } from "../__fixtures__/scenes.js";
import { hiddenConsentText } from "./index.js";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "consentlint-options-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The findings over a model of a label at contrast 4:1, with the config given. */
function findingsWith(config: object, cliRules: LintOptions["rules"] = {}) {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(config));
  const setup = prepareRun({ cwd: dir, config: path, rules: cliRules });
  const model = signupStep("en", { controls: [{ label: WORDS.marketing.en, labelStyle: { contrast: 4 } }] });
  return runRules(model, { rules: setup.rulesFor(null), languages: [], ignore: [] }).findings.filter(
    (f) => f.ruleId === hiddenConsentText.meta.id,
  );
}

describe("hidden-consent-text options", () => {
  it("default to the thresholds the docs and reports name", () => {
    expect(hiddenConsentText.meta.defaultOptions).toEqual(DEFAULT_THRESHOLDS);
  });

  it("give the same findings from the rule's options as from the deprecated `thresholds` key", () => {
    expect(findingsWith({})).toEqual([]);
    const fromKey = findingsWith({ thresholds: { minContrast: 4.5 } });
    const fromRule = findingsWith({ rules: { "hidden-consent-text": ["error", { minContrast: 4.5 }] } });
    expect(fromKey.map((f) => f.message)).toEqual(["Consent text has contrast 4:1; readable text needs at least 4.5:1"]);
    expect(fromRule).toEqual(fromKey);
    // A severity alone (as the starter config has) keeps the thresholds of the deprecated key.
    expect(findingsWith({ thresholds: { minContrast: 4.5 }, rules: { "hidden-consent-text": "warn" } }).map((f) => f.severity)).toEqual([
      "warn",
    ]);
  });

  it("refuse a value out of range or an unknown name, naming the rule and the option", () => {
    expect(() => findingsWith({ rules: { "hidden-consent-text": ["error", { minContrast: 0.5 }] } })).toThrow(
      /Invalid options for rule "hidden-consent-text" in .*config-\w+\.json \(rules\["hidden-consent-text"\]\): option "minContrast" must be >= 1 \(got 0\.5\)/u,
    );
    expect(() => findingsWith({}, { "hidden-consent-text": ["error", { minFontSize: 12 }] })).toThrow(
      /Invalid options for rule "hidden-consent-text" in --rule .*unknown option "minFontSize" \(did you mean "minFontPx"\?\)/u,
    );
  });
});
