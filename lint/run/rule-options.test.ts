import { describe, expect, it } from "vitest";
import type { Rule, RuleMeta } from "../types.js";
import { UsageError } from "../errors.js";
import { selectRules } from "./engine.js";
import { deprecatedOptionLayers, formatMessage, resolveRuleOptions } from "./rule-options.js";

const meta = (extra: Partial<RuleMeta>): RuleMeta => ({
  id: "toy-rule",
  version: "1.0.0",
  severity: "warn",
  description: "A toy",
  title: "A toy",
  explanation: "A toy rule for the tests",
  fullDescription: "A toy rule",
  docsUrl: "https://example.test/toy-rule",
  legal: [],
  messages: {},
  restsOn: { findings: [], passes: [] },
  ...extra,
});
const rule = (extra: Partial<RuleMeta>): Rule => ({ meta: meta(extra), check: () => ({ findings: [], passes: [], incomplete: [], inapplicable: true }) });

const withOptions = rule({
  schema: {
    type: "object",
    additionalProperties: false,
    properties: { minFontPx: { type: "number", minimum: 0, maximum: 100 }, minContrast: { type: "number", minimum: 1, maximum: 21 } },
  },
  defaultOptions: { minFontPx: 10, minContrast: 3 },
  deprecatedConfigKey: "thresholds",
});

describe("rule options", () => {
  it("are the rule's defaults with each layer's options merged over them", () => {
    expect(resolveRuleOptions(withOptions, [])).toEqual({ minFontPx: 10, minContrast: 3 });
    expect(resolveRuleOptions(withOptions, [{ source: "a", options: { minFontPx: 12 } }, { source: "b", options: { minContrast: 4.5 } }])).toEqual({ minFontPx: 12, minContrast: 4.5 });
  });

  it("are checked against the rule's schema, with an error naming the rule, where they came from and the option", () => {
    const bad = () => resolveRuleOptions(withOptions, [{ source: "consentlint.config.json", options: { minContrast: 30 } }]);
    expect(bad).toThrow(UsageError);
    expect(bad).toThrow(/^Invalid options for rule "toy-rule" in consentlint\.config\.json: option "minContrast" must be <= 21 \(got 30\)/u);
    expect(() => resolveRuleOptions(withOptions, [{ source: "--rule", options: { minContrast: "high" } }])).toThrow(/option "minContrast" must be number \(got "high"\)/u);
  });

  it("name an unknown option with the nearest known one", () => {
    expect(() => resolveRuleOptions(withOptions, [{ source: "--rule", options: { minContast: 4 } }])).toThrow(
      /unknown option "minContast" \(did you mean "minContrast"\?\); its options are "minFontPx", "minContrast"/u,
    );
  });

  it("are refused for a rule without a schema, unless there are none", () => {
    const plain = rule({});
    expect(resolveRuleOptions(plain, [{ source: "config", options: {} }])).toEqual({});
    expect(() => resolveRuleOptions(plain, [{ source: "config", options: { x: 1 } }])).toThrow(/Rule "toy-rule" takes no options, but config gives it "x"/u);
  });

  it("keep what earlier layers set when a later one gives a severity alone, and are checked for rules turned off", () => {
    const [selected] = selectRules([withOptions], [
      { source: "config", rules: { "toy-rule": ["error", { minFontPx: 12 }] } },
      { source: "--rule", rules: { "toy-rule": "warn" } },
    ]);
    expect(selected.severity).toBe("warn");
    expect(selected.options).toEqual({ minFontPx: 12, minContrast: 3 });
    expect(() => selectRules([withOptions], [{ source: "config", rules: { "toy-rule": ["off", { minFontPx: -1 }] } }])).toThrow(/option "minFontPx" must be >= 0/u);
  });

  it("come from a deprecated config key under the config's own rule options", () => {
    const layers = [...deprecatedOptionLayers([withOptions], { thresholds: { minFontPx: 14, minContrast: 4 } }, "cfg.json"), { source: "cfg.json", rules: { "toy-rule": ["error", { minContrast: 5 }] as ["error", Record<string, unknown>] } }];
    expect(selectRules([withOptions], layers)[0].options).toEqual({ minFontPx: 14, minContrast: 5 });
    expect(() => selectRules([withOptions], deprecatedOptionLayers([withOptions], { thresholds: { minFontPx: 500 } }, "cfg.json"))).toThrow(
      /Invalid options for rule "toy-rule" in cfg\.json, key "thresholds" \(deprecated: give them as options of "toy-rule" in `rules`\): option "minFontPx" must be <= 100/u,
    );
  });
});

describe("rule messages", () => {
  const m = meta({ messages: { ticked: "Opt-in to {{purposes}} is {{ state }} before the user acts" } });

  it("fill each placeholder once, taking the data as it is", () => {
    expect(formatMessage(m, "ticked", { purposes: "marketing", state: "ticked" })).toBe("Opt-in to marketing is ticked before the user acts");
    expect(formatMessage(m, "ticked", { purposes: "{{state}} $& $1", state: "on" })).toBe("Opt-in to {{state}} $& $1 is on before the user acts");
  });

  it("throw on an unknown message id or a placeholder without data, naming the rule", () => {
    expect(() => formatMessage(m, "unticked", {})).toThrow(/Rule "toy-rule" reported message id "unticked", which its meta\.messages does not define \(it has "ticked"\)/u);
    expect(() => formatMessage(m, "ticked", { purposes: "marketing" })).toThrow(/placeholder \{\{state\}\}/u);
  });
});
