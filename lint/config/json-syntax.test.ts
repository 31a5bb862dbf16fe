import { describe, expect, it } from "vitest";
import { parseConfigText } from "./config.js";
import { parseFlowText } from "../flow/flow-file.js";

const FLOW = `{
  "name": "signup",
  "url": "./index.html",
  "steps": [
    { "name": "form" },
  ]
}
`;

describe("strict JSON in .json files", () => {
  it("refuses a trailing comma in a .json flow file and names its line and column", () => {
    expect(() => parseFlowText("flows/signup.flow.json", FLOW)).toThrow(
      /^Invalid flow file flows\/signup\.flow\.json:5:23 {2}cannot parse JSON: trailing comma/,
    );
  });

  it("accepts the same flow written as YAML, where the comma is allowed", () => {
    expect(() => parseFlowText("flows/signup.flow.yaml", FLOW)).not.toThrow(/cannot parse/);
  });

  it("refuses unquoted keys and comments in a .json config with their position", () => {
    expect(() => parseConfigText("consentlint.config.json", "{\n  concurrency: 2\n}\n")).toThrow(
      /consentlint\.config\.json:2:3: Expected /,
    );
    expect(() => parseConfigText("consentlint.config.json", '{\n  "concurrency": 2, # two\n  "timeout": 1000\n}\n')).toThrow(
      /consentlint\.config\.json:2:\d+: /,
    );
  });

  it("names the first mistake when a trailing comma comes after it", () => {
    expect(() => parseConfigText("consentlint.config.json", '{\n  concurrency: 2,\n  "targets": ["a",]\n}\n')).toThrow(
      /consentlint\.config\.json:2:3: Expected /,
    );
  });

  it("reads a strict JSON config as before", () => {
    expect(parseConfigText("consentlint.config.json", '\uFEFF{ "concurrency": 2 }').concurrency).toBe(2);
  });
});
