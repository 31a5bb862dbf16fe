/** `consentlint init`: starter files that validate, never overwriting a file unless --force. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfigText } from "../lint/config/config.js";
import { parseFlowText } from "../lint/flow/flow-file.js";

const bin = resolve(__dirname, "../bin/consentlint.js");
let dir: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-init-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("consentlint init", () => {
  it("writes a config and a flow file that pass their schemas, the config linting the flow", () => {
    const r = run(["init"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("consentlint.config.json");
    const configText = readFileSync(join(dir, "consentlint.config.json"), "utf8");
    const config = parseConfigText(join(dir, "consentlint.config.json"), configText);
    expect(config.targets).toEqual(["example.flow.yaml"]);
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(["bundled-consent", "hidden-consent-text", "pre-checked-opt-in"]);
    const flow = parseFlowText(join(dir, "example.flow.yaml"), readFileSync(join(dir, "example.flow.yaml"), "utf8"));
    expect(flow.steps.length).toBeGreaterThanOrEqual(1);
    expect(flow.url).toMatch(/^https:\/\//);
  });

  it("refuses to overwrite an existing file, naming it, and writes nothing (exit 2)", () => {
    writeFileSync(join(dir, "example.flow.yaml"), "# mine\n");
    const r = run(["init"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("example.flow.yaml already exists");
    expect(r.stderr).toContain("--force");
    expect(readFileSync(join(dir, "example.flow.yaml"), "utf8")).toBe("# mine\n");
    expect(() => readFileSync(join(dir, "consentlint.config.json"))).toThrow();
  });

  it("refuses when another config file would be found, naming it", () => {
    writeFileSync(join(dir, "consentlint.config.yaml"), "rules: {}\n");
    const r = run(["init"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("consentlint.config.yaml already exists");
  });

  it("--force overwrites", () => {
    writeFileSync(join(dir, "consentlint.config.json"), "{}\n");
    writeFileSync(join(dir, "example.flow.yaml"), "# mine\n");
    const r = run(["init", "--force"]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "consentlint.config.json"), "utf8")).toContain('"example.flow.yaml"');
    expect(readFileSync(join(dir, "example.flow.yaml"), "utf8")).toContain("steps:");
  });
});
