/**
 * The command line as a user meets it: exit codes, JSON alone on stdout,
 * clear messages for bad input, other targets still reported.
 */
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const bin = resolve(__dirname, "../bin/consentlint.js");
let dir: string;

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = `<!doctype html><html lang="en"><head><title>Sign up</title></head><body><main><h1>Create your account</h1>
<form><label>Email <input type="email" name="email"></label>
<label><input type="checkbox" name="news"> Send me product news and offers by email</label>
<button type="submit">Create account</button></form></main></body></html>`;

const PRECHECKED = `<!doctype html><html lang="en"><head><title>Sign up</title></head><body><main><h1>Create your account</h1>
<form><label>Email <input type="email" name="email"></label>
<label><input type="checkbox" name="share" checked> Share my profile with our advertising partners</label>
<button type="submit">Create account</button></form></main></body></html>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-cli-"));
  writeFileSync(join(dir, "clean.html"), CLEAN);
  writeFileSync(join(dir, "prechecked.html"), PRECHECKED);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("consentlint lint", () => {
  it("exits 0 on a clean page, with JSON alone on stdout listing the target with empty findings", () => {
    const r = run(["lint", "clean.html", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tool.name).toBe("consentlint");
    expect(report.results).toHaveLength(1);
    expect(report.results[0].target).toBe("clean.html");
    expect(report.results[0].findings).toEqual([]);
    expect(report.summary).toMatchObject({ targets: 1, errors: 0, warnings: 0 });
  });

  it("exits 1 on a pre-checked opt-in and names rule, text and evidence in stylish output", () => {
    const r = run(["lint", "prechecked.html"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("pre-checked-opt-in");
    expect(r.stdout).toContain("bundled-consent");
    expect(r.stdout).toContain("Share my profile with our advertising partners");
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?/);
  });

  it("--rule id=warn turns errors into warnings: exit 0, unless --max-warnings is exceeded", () => {
    const warned = run([
      "lint",
      "prechecked.html",
      "--rule",
      "pre-checked-opt-in=warn",
      "--rule",
      "bundled-consent=warn",
      "--format",
      "json",
    ]);
    expect(warned.code).toBe(0);
    const report = JSON.parse(warned.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBeGreaterThanOrEqual(2);
    const capped = run([
      "lint",
      "prechecked.html",
      "--rule",
      "pre-checked-opt-in=warn",
      "--rule",
      "bundled-consent=warn",
      "--max-warnings",
      "0",
    ]);
    expect(capped.code).toBe(1);
  });

  it("--quiet reports errors only", () => {
    const r = run(["lint", "prechecked.html", "--rule", "pre-checked-opt-in=warn", "--quiet", "--format", "json"]);
    const report = JSON.parse(r.stdout);
    expect(report.results[0].findings.every((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(report.results[0].findings.some((f: { ruleId: string }) => f.ruleId === "bundled-consent")).toBe(true);
  });

  it("a missing file exits 2 with a clear message, and the other targets are still reported", () => {
    const r = run(["lint", "missing.html", "prechecked.html", "--format", "json"]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.results).toHaveLength(2);
    expect(report.results[0].error).toMatch(/No such file or directory: missing\.html/);
    expect(report.results[1].findings.length).toBeGreaterThan(0);
  });

  it("an unreachable URL exits 2 naming it, and the other targets are still reported", () => {
    const r = run(["lint", "http://127.0.0.1:9/", "clean.html", "--format", "json"]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.results[0].error).toMatch(/127\.0\.0\.1:9/);
    expect(report.results[1].error).toBeUndefined();
  });

  it("an unknown rule id exits 2 naming it and the known rules", () => {
    const r = run(["lint", "clean.html", "--rule", "no-such-rule=error"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown rule "no-such-rule"');
    expect(r.stderr).toContain("pre-checked-opt-in");
  });

  it("an invalid config exits 2 naming the file, the line, the path and what was expected", () => {
    const cfg = join(dir, "bad.config.yaml");
    writeFileSync(cfg, "rules:\n  pre-checked-opt-in: loud\ntimeout: soon\nunknownKey: 1\n");
    const r = run(["lint", "clean.html", "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cfg}:2:`);
    expect(r.stderr).toMatch(/rules\.pre-checked-opt-in: expected one of "off", "warn", "error"/);
    expect(r.stderr).toMatch(/timeout: expected integer/);
    expect(r.stderr).toMatch(/unknown key "unknownKey"/);
  });

  it("a config with a syntax error exits 2 with its position", () => {
    const cfg = join(dir, "broken.config.json");
    writeFileSync(cfg, '{ "rules": { "pre-checked-opt-in": "error", }\n');
    const r = run(["lint", "clean.html", "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(cfg);
  });

  it("an unknown rule id in the config exits 2", () => {
    const cfg = join(dir, "unknown-rule.config.json");
    writeFileSync(cfg, JSON.stringify({ rules: { "pre-ticked": "error" } }));
    const r = run(["lint", "clean.html", "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown rule "pre-ticked"');
  });

  it("--output writes the report to a file and keeps stdout clean", () => {
    const out = join(dir, "report.json");
    const r = run(["lint", "clean.html", "--format", "json", "--output", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).results).toHaveLength(1);
  });

  it("a failed run does not overwrite an existing output file", () => {
    const out = join(dir, "kept.json");
    writeFileSync(out, "previous");
    const r = run(["lint", "clean.html", "--format", "json", "--output", out, "--rule", "nope=error"]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("previous");
    expect(existsSync(out)).toBe(true);
  });

  it("bad arguments exit 2", () => {
    expect(run(["lint", "clean.html", "--format", "xml"]).code).toBe(2);
    expect(run(["lint", "clean.html", "--timeout", "soon"]).code).toBe(2);
    expect(run(["lint"]).code).toBe(2);
  });
});

describe("consentlint rules", () => {
  it("lists the core and the choice rules with docs links, also as JSON", () => {
    const ids = [
      "pre-checked-opt-in",
      "hidden-consent-text",
      "bundled-consent",
      "asymmetric-choice",
      "implicit-consent",
      "confirmshaming",
      "trick-question",
      "consent-wall",
    ];
    const text = run(["rules"]);
    expect(text.code).toBe(0);
    for (const id of ids) expect(text.stdout).toContain(id);
    expect(text.stdout).toMatch(/confirmshaming\s+\(warn, v1\.0\.0\)/u);
    const json = JSON.parse(run(["rules", "--format", "json"]).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual(ids);
    for (const r of json) expect(r.docsUrl).toMatch(/rules\/.+\/README\.md$/);
  });
});
