import { Ajv } from "ajv";
import { LineCounter, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { readablePath, schemaProblems } from "./schema-errors.js";

const SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    size: {
      title: "a preset name or { width }",
      oneOf: [
        { type: "string", enum: ["small", "large"] },
        { type: "object", additionalProperties: false, required: ["width"], properties: { width: { type: "integer" } } },
      ],
    },
    pick: { oneOf: [{ required: ["a"] }, { required: ["b"] }], type: "object" },
    items: { type: "array", items: { type: "object", required: ["id"], properties: { id: { type: "string" } } } },
  },
};

function problemsOf(yamlText: string) {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const data: unknown = doc.toJS();
  const validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(SCHEMA);
  expect(validate(data)).toBe(false);
  return schemaProblems(validate.errors ?? [], data, doc.contents, counter);
}

describe("readablePath", () => {
  it("writes pointers as people write paths", () => {
    expect(readablePath("")).toBe("(top level)");
    expect(readablePath("/steps/1/actions/0/click")).toBe("steps[1].actions[0].click");
    expect(readablePath("/rules/a~1b")).toBe('rules["a/b"]');
  });
});

describe("schemaProblems", () => {
  it("keeps the branch of a oneOf the value was meant for, at the deepest place", () => {
    const problems = problemsOf("size:\n  width: wide\n");
    expect(problems.map((p) => [p.path, p.line, p.col])).toEqual([["size.width", 2, 10]]);
    expect(problems[0].message).toBe('expected integer, got the string "wide"');
  });

  it("says what was expected when no branch fits the value's type", () => {
    const problems = problemsOf("size: 3\n");
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe("expected a preset name or { width }, got number 3");
  });

  it("explains an exactly-one-of-these-keys oneOf by the keys found", () => {
    expect(problemsOf("pick: { a: 1, b: 2 }\n").map((p) => p.message)).toEqual(["found a and b; expected one of a, b"]);
    expect(problemsOf("pick: {}\n").map((p) => p.message)).toEqual(["expected one of a, b"]);
  });

  it("reports each unknown key and each missing key on its own line, in file order, at the key", () => {
    const problems = problemsOf("items:\n  - {}\n  - id: x\n    extra: 1\nsise: small\n");
    expect(problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`)).toEqual([
      '2:5 items[0]: missing required key "id"',
      '5:1 (top level): unknown key "sise" (did you mean "size"?); expected one of size, pick, items',
    ]);
  });
});
