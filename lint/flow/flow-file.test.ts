import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { isFlowFile, loadFlowFile } from "./index.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-flow-"));
  mkdirSync(join(dir, "pages"));
  writeFileSync(join(dir, "pages", "landing.html"), "<button>查看我的年度账单</button>");
  writeFileSync(join(dir, "pages", "next.html"), "<p>next</p>");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The UsageError's message lines for a flow file that must not load. */
function problems(name: string, text: string): string[] {
  const path = write(name, text);
  let caught: unknown;
  try {
    loadFlowFile(path);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UsageError);
  return (caught as Error).message.split("\n");
}

describe("isFlowFile", () => {
  it("accepts .flow.json, .flow.yaml and .flow.yml, nothing else", () => {
    expect(isFlowFile("a/b.flow.json")).toBe(true);
    expect(isFlowFile("b.flow.yaml")).toBe(true);
    expect(isFlowFile("B.FLOW.YML")).toBe(true);
    expect(isFlowFile("b.json")).toBe(false);
    expect(isFlowFile("flow.yaml")).toBe(false);
    expect(isFlowFile("b.flow.html")).toBe(false);
  });
});

describe("loadFlowFile: valid flows", () => {
  it("loads a YAML flow with steps, actions, their lines and a url relative to the file", () => {
    const path = write(
      "bill.flow.yaml",
      [
        "name: annual-bill-2017",
        "url: ./pages/landing.html",
        "viewport: { width: 390, height: 844 }",
        "locale: zh-CN",
        "steps:",
        "  - name: landing",
        "  - name: report",
        "    actions:",
        "      - click: { role: button, name: 查看我的年度账单 }",
        "      - fill: { label: Email, value: a@b.c }",
        "      - press: Enter",
        "      - scroll: bottom",
        "      - waitFor: { ms: 200 }",
        "      - goto: pages/next.html",
      ].join("\n"),
    );
    const flow = loadFlowFile(path);
    expect(flow.name).toBe("annual-bill-2017");
    expect(flow.file).toBe(path);
    expect(flow.url).toBe(join(dir, "pages", "landing.html"));
    expect(flow.urlIsFile).toBe(true);
    expect(flow.viewport).toEqual({ width: 390, height: 844 });
    expect(flow.locale).toBe("zh-CN");
    expect(flow.steps.map((s) => [s.name, s.line])).toEqual([
      ["landing", 6],
      ["report", 7],
    ]);
    expect(flow.steps[0].actions).toEqual([]);
    expect(flow.steps[1].actions).toEqual([
      { click: { role: "button", name: "查看我的年度账单" } },
      { fill: { label: "Email", value: "a@b.c" } },
      { press: "Enter" },
      { scroll: "bottom" },
      { waitFor: { ms: 200 } },
      { goto: "pages/next.html" },
    ]);
    expect(flow.steps[1].actionLines).toEqual([9, 10, 11, 12, 13, 14]);
  });

  it("loads a JSON flow with an http url, and names it after the file when it has no name", () => {
    const path = write(
      "signup.flow.json",
      JSON.stringify(
        {
          $schema: "../schemas/flow.schema.json",
          url: "https://example.com/signup",
          viewport: "mobile",
          steps: [
            { name: "form", actions: [{ check: { label: "I agree", exact: true } }, { select: { testId: "country", value: "de" } }] },
            {
              name: "done",
              actions: [{ press: { css: "#email", key: "Tab" } }, { scroll: { text: "Terms" } }, { waitFor: { css: "#done" } }],
            },
          ],
        },
        null,
        2,
      ),
    );
    const flow = loadFlowFile(path);
    expect(flow.name).toBe("signup");
    expect(flow.url).toBe("https://example.com/signup");
    expect(flow.urlIsFile).toBe(false);
    expect(flow.viewport).toBe("mobile");
    expect(flow.locale).toBeUndefined();
    expect(flow.steps[1].actions[0]).toEqual({ press: { css: "#email", key: "Tab" } });
    // JSON.stringify with indent 2: the first step object opens on line 6.
    expect(flow.steps[0].line).toBe(6);
    expect(flow.steps[0].actionLines[0]).toBeGreaterThan(flow.steps[0].line);
  });
});

describe("loadFlowFile: invalid flows name file, line, column and path", () => {
  it("unknown top-level key, with a did-you-mean", () => {
    const lines = problems("a.flow.yaml", "url: pages/landing.html\nviewPort: mobile\nsteps:\n  - name: x\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Invalid flow file ${join(dir, "a.flow.yaml")}:2:1  (top level): unknown key "viewPort"`);
    expect(lines[0]).toContain('did you mean "viewport"');
  });

  it("missing url", () => {
    const lines = problems("b.flow.yaml", "name: x\nsteps:\n  - name: landing\n");
    expect(lines).toEqual([`Invalid flow file ${join(dir, "b.flow.yaml")}:1:1  (top level): missing required key "url"`]);
  });

  it("a step without a name", () => {
    const lines = problems("c.flow.yaml", "url: pages/landing.html\nsteps:\n  - name: one\n  - actions:\n      - click: { text: Next }\n");
    expect(lines).toEqual([`Invalid flow file ${join(dir, "c.flow.yaml")}:4:5  steps[1]: missing required key "name"`]);
  });

  it("an unknown action lists the actions there are", () => {
    const lines = problems(
      "d.flow.yaml",
      "url: pages/landing.html\nsteps:\n  - name: one\n  - name: two\n    actions:\n      - tap: { text: Next }\n",
    );
    expect(lines).toEqual([
      `Invalid flow file ${join(dir, "d.flow.yaml")}:6:9  steps[1].actions[0]: unknown action "tap"; expected one of goto, click, fill, check, uncheck, select, press, scroll, waitFor, reload`,
    ]);
  });

  it("a locator with two kinds, and one with none, are one line each (no oneOf noise)", () => {
    const lines = problems(
      "e.flow.yaml",
      "url: pages/landing.html\nsteps:\n  - name: one\n    actions:\n      - click: { role: button, text: Next }\n      - check: {}\n",
    );
    expect(lines).toEqual([
      `Invalid flow file ${join(dir, "e.flow.yaml")}:5:16  steps[0].actions[0].click: found role and text; expected exactly one of role (with name), text, label, testId, css`,
      `Invalid flow file ${join(dir, "e.flow.yaml")}:6:16  steps[0].actions[1].check: expected exactly one of role (with name), text, label, testId, css`,
    ]);
  });

  it("wrong type for viewport, in a JSON file", () => {
    const path = "f.flow.json";
    const lines = problems(path, '{\n  "url": "pages/landing.html",\n  "viewport": 390,\n  "steps": [{ "name": "one" }]\n}\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Invalid flow file ${join(dir, path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:15  viewport: expected .*desktop.* or a size .*, got number 390$`,
      ),
    );
  });

  it("a misspelt role suggests the right one", () => {
    const lines = problems(
      "g.flow.yaml",
      "url: pages/landing.html\nsteps:\n  - name: one\n    actions:\n      - click: { role: buton, name: Next }\n",
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(":5:24  steps[0].actions[0].click.role:");
    expect(lines[0]).toContain('did you mean "button"');
  });

  it("an action object with two actions, and fill without value", () => {
    const lines = problems(
      "h.flow.yaml",
      "url: pages/landing.html\nsteps:\n  - name: one\n    actions:\n      - { click: { css: a }, check: { css: b } }\n      - fill: { label: Email }\n",
    );
    expect(lines).toEqual([
      `Invalid flow file ${join(dir, "h.flow.yaml")}:5:9  steps[0].actions[0]: an action has exactly one key, found click and check; put each in its own action`,
      `Invalid flow file ${join(dir, "h.flow.yaml")}:6:15  steps[0].actions[1].fill: missing required key "value"`,
    ]);
  });

  it("reports every problem of a file, in file order", () => {
    const lines = problems("i.flow.yaml", "url: 5\nlocale: zh_CN\nsteps:\n  - name: one\n    actions:\n      - scroll: middle\n");
    expect(lines.map((l) => l.split("  ")[1].split(":")[0])).toEqual(["url", "locale", "steps[0].actions[0].scroll"]);
    expect(lines[0]).toContain(":1:6  url: expected string, got number 5");
    expect(lines[2]).toContain('expected one of "bottom", "top", got the string "middle"');
  });

  it("bad YAML syntax names the line", () => {
    const lines = problems("j.flow.yaml", "url: pages/landing.html\nsteps:\n  - name: one\n   - name: two\n");
    expect(lines).toEqual([
      `Invalid flow file ${join(dir, "j.flow.yaml")}:4:4  cannot parse YAML: All sequence items must start at the same column`,
    ]);
  });

  it("bad JSON syntax names the line", () => {
    const lines = problems("k.flow.json", '{\n  "url": "pages/landing.html",\n  "steps": [\n    { "name": "one" \n  ]\n}\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/k\.flow\.json:\d+:\d+ {2}cannot parse JSON: /);
    expect(Number(lines[0].split(":")[1])).toBeGreaterThanOrEqual(4);
  });

  it("duplicate step names", () => {
    const lines = problems("l.flow.yaml", "url: pages/landing.html\nsteps:\n  - name: landing\n  - name: other\n  - name: landing\n");
    expect(lines).toEqual([
      `Invalid flow file ${join(dir, "l.flow.yaml")}:5:11  steps[2].name: duplicate step name "landing" (also steps[0]); step names must be unique`,
    ]);
  });

  it("a start page or goto target that does not exist, and a scheme it cannot open", () => {
    const lines = problems("m.flow.yaml", "url: pages/nope.html\nsteps:\n  - name: one\n    actions:\n      - goto: ftp://example.com/x\n");
    expect(lines).toEqual([
      `Invalid flow file ${join(dir, "m.flow.yaml")}:1:6  url: no file at ${join(dir, "pages", "nope.html")} (paths are relative to the flow file)`,
      `Invalid flow file ${join(dir, "m.flow.yaml")}:5:15  steps[0].actions[0].goto: expected an http(s) URL or a path relative to the flow file, got "ftp://example.com/x"`,
    ]);
  });

  it("an http url without a host", () => {
    const lines = problems("n.flow.yaml", "url: https://\nsteps:\n  - name: one\n");
    expect(lines).toEqual([`Invalid flow file ${join(dir, "n.flow.yaml")}:1:6  url: "https://" is not a valid URL`]);
  });

  it("a missing flow file", () => {
    expect(() => loadFlowFile(join(dir, "absent.flow.yaml"))).toThrow(/Flow file not found: .*absent\.flow\.yaml/);
  });
});

describe("reload and expect", () => {
  it("reads a reload action and a step's declared choice", () => {
    const flow = loadFlowFile(
      write(
        "r.flow.yaml",
        "url: pages/landing.html\nsteps:\n  - name: banner\n  - name: after-reject\n    expect: refused\n    actions:\n      - click: { role: button, name: Reject all }\n  - name: after-reload\n    actions:\n      - reload: true\n",
      ),
    );
    expect(flow.steps.map((s) => [s.name, s.expect ?? null, s.actions])).toEqual([
      ["banner", null, []],
      ["after-reject", "refused", [{ click: { role: "button", name: "Reject all" } }]],
      ["after-reload", null, [{ reload: true }]],
    ]);
  });

  it("names the line of an unknown choice and a reload written otherwise", () => {
    const lines = problems(
      "s.flow.yaml",
      "url: pages/landing.html\nsteps:\n  - name: one\n    expect: maybe\n    actions:\n      - reload: later\n",
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/s\.flow\.yaml:4:\d+ {2}steps\[0\]\.expect: .*refused.*accepted/u);
    expect(lines[1]).toMatch(/s\.flow\.yaml:6:\d+ {2}steps\[0\]\.actions\[0\]\.reload: /u);
  });
});
