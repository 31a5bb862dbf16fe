import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv07 from "ajv";
import Ajv2019 from "ajv/dist/2019.js";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Log, Result } from "sarif";
import { describe, expect, it } from "vitest";
import type { LintReport, RuleMeta } from "../types.js";
import { FINGERPRINT_KEY, formatSarif } from "./sarif.js";

const DATA = fileURLToPath(new URL("../../test/data/", import.meta.url));
const SIGNUP = join(DATA, "pages", "signup.html");

function loadReport(): LintReport {
  const raw = readFileSync(join(DATA, "report-with-hostile-text.json"), "utf8");
  return JSON.parse(raw.replaceAll("file:///__DATA__/", pathToFileURL(DATA).href.replace(/\/?$/, "/"))) as LintReport;
}

const RULES: RuleMeta[] = ["pre-checked-opt-in", "hidden-consent-text", "bundled-consent"].map((id, i) => ({
  id,
  version: `1.${i}.0`,
  severity: "error",
  description: `Short description of ${id}`,
  title: `Title of ${id}`,
  explanation: `What ${id} means`,
  fullDescription: `Long description of ${id}, with *stars* and [brackets].`,
  docsUrl: `https://docs.example/rules/${id}`,
  legal: [
    { id: "GDPR Art. 7(2)", title: "Conditions for consent", url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { id: `Ref ${i}`, title: "Without a link" },
  ],
  messages: {},
  restsOn: { findings: [], passes: [] },
}));

/** A validator for the committed SARIF schema, with the Ajv class for the JSON Schema draft the schema declares. */
function validator() {
  const schema = JSON.parse(readFileSync(join(DATA, "sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
  const draft = String(schema.$schema);
  const options = { allErrors: true, strict: false };
  const ajv = draft.includes("2020-12") ? new Ajv2020.default(options) : draft.includes("2019-09") ? new Ajv2019.default(options) : new Ajv07.default(options);
  addFormats.default(ajv);
  return ajv.compile(schema);
}

function sarif(report: LintReport, cwd = DATA): Log {
  return JSON.parse(formatSarif(report, { cwd, rules: RULES })) as Log;
}

/** 1-based line and column of `marker` in the page, counted without an HTML parser. */
function positionInPage(marker: string): { startLine: number; startColumn: number } {
  const text = readFileSync(SIGNUP, "utf8");
  const at = text.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  const before = text.slice(0, at);
  return { startLine: before.split("\n").length, startColumn: at - (before.lastIndexOf("\n") + 1) + 1 };
}

function resultWith(log: Log, fingerprint: string): Result {
  const found = log.runs[0].results?.find((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === fingerprint);
  if (!found) throw new Error(`no result with fingerprint ${fingerprint}`);
  return found;
}

describe("formatSarif", () => {
  it("produces a log that the official SARIF 2.1.0 schema accepts", () => {
    const validate = validator();
    const log = sarif(loadReport());
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe("2.1.0");
  });

  it("the schema check can fail: a log missing the driver name is rejected", () => {
    const validate = validator();
    const log = sarif(loadReport()) as unknown as { runs: { tool: { driver: Record<string, unknown> } }[] };
    delete log.runs[0].tool.driver.name;
    expect(validate(log)).toBe(false);
  });

  it("keeps every finding, with its fingerprint as the partial fingerprint, in report order", () => {
    const report = loadReport();
    const log = sarif(report);
    const expected = report.results.flatMap((r) => r.findings.map((f) => f.fingerprint));
    expect(log.runs[0].results?.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY])).toEqual(expected);
  });

  it("describes the tool and each rule from the rule meta", () => {
    const report = loadReport();
    const driver = sarif(report).runs[0].tool.driver;
    expect(driver.name).toBe("consentlint");
    expect(driver.version).toBe(report.tool.version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules?.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const [i, meta] of RULES.entries()) {
      const rule = driver.rules![i];
      expect(rule.shortDescription?.text).toBe(meta.description);
      expect(rule.fullDescription?.text).toBe(meta.fullDescription);
      expect(rule.helpUri).toBe(meta.docsUrl);
      expect(rule.properties?.legal).toEqual(meta.legal);
      expect(rule.properties?.tags).toContain("consent");
      expect(rule.help?.markdown).toContain(`[GDPR Art. 7(2)](${meta.legal[0].url})`);
      expect(rule.help?.markdown).toContain("\\*stars\\*");
    }
  });

  it("gives each result a rule index that names its own rule, and adds rules missing from the meta", () => {
    const report = loadReport();
    report.results[0].findings[0] = { ...report.results[0].findings[0], ruleId: "unlisted-rule" };
    const run = sarif(report).runs[0];
    for (const result of run.results ?? []) {
      expect(run.tool.driver.rules?.[result.ruleIndex!].id).toBe(result.ruleId);
    }
    expect(run.tool.driver.rules?.map((r) => r.id)).toContain("unlisted-rule");
  });

  it("maps severities to levels", () => {
    const log = sarif(loadReport());
    expect(resultWith(log, "fp-precheck-1").level).toBe("error");
    expect(resultWith(log, "fp-hidden-2").level).toBe("warning");
  });

  it("points findings on local pages at the element's line and column, relative to cwd", () => {
    const log = sarif(loadReport());
    const checkbox = resultWith(log, "fp-precheck-1").locations![0].physicalLocation!;
    expect(checkbox.artifactLocation).toEqual({ uri: "pages/signup.html", uriBaseId: "%SRCROOT%" });
    expect(checkbox.region).toEqual(positionInPage('<input type="checkbox" name="partners"'));
    expect(resultWith(log, "fp-hidden-2").locations![0].physicalLocation!.region).toEqual(positionInPage('<p class="fine-print small"'));
    expect(resultWith(log, "fp-bundled-3").locations![0].physicalLocation!.region).toEqual(positionInPage('<iframe id="consent"'));
    expect(resultWith(log, "fp-bundled-4").locations![0].physicalLocation!.region).toEqual({ startLine: 1 });
    expect(resultWith(log, "fp-precheck-1").locations![0].logicalLocations).toEqual([
      { fullyQualifiedName: "html > body > main > form#signup > label:nth-of-type(2) > input", kind: "element" },
    ]);
    expect(log.runs[0].originalUriBaseIds?.["%SRCROOT%"].uri).toBe(pathToFileURL(DATA).href.replace(/\/?$/, "/"));
  });

  it("makes paths relative to whichever directory is the working directory", () => {
    const parent = dirname(dirname(DATA.replace(/\/$/, "")));
    const uri = resultWith(sarif(loadReport(), parent), "fp-precheck-1").locations![0].physicalLocation!.artifactLocation!.uri;
    expect(uri).toBe("test/data/pages/signup.html");
  });

  it("gives an absolute file URI for pages outside the working directory", () => {
    const elsewhere = join(DATA, "pages", "no-such-subdir");
    const loc = resultWith(sarif(loadReport(), elsewhere), "fp-precheck-1").locations![0].physicalLocation!;
    expect(loc.artifactLocation).toEqual({ uri: pathToFileURL(SIGNUP).href });
    expect(loc.region).toEqual(positionInPage('<input type="checkbox" name="partners"'));
  });

  it("points findings on remote pages at their URL", () => {
    const loc = resultWith(sarif(loadReport()), "fp-bundled-5").locations![0].physicalLocation!;
    expect(loc.artifactLocation).toEqual({ uri: "https://shop.example/checkout?x=1&y=2" });
    expect(loc.region).toBeUndefined();
  });

  it("carries the state and evidence as properties", () => {
    const report = loadReport();
    const result = resultWith(sarif(report), "fp-bundled-5");
    const source = report.results[1];
    expect(result.properties).toMatchObject({
      target: source.target,
      step: "pay",
      locale: "de-DE",
      viewport: source.viewport,
      selector: source.findings[0].selector,
      evidence: source.findings[0].evidence,
    });
  });

  it("says the message, the consent text and the measures in plain words", () => {
    const text = resultWith(sarif(loadReport()), "fp-hidden-2").message.text!;
    expect(text).toContain("Consent text is too small to read.");
    expect(text).toContain('Consent text: "By signing up you agree that we share your purchases."');
    expect(text).toContain("8 px text");
    expect(text).toContain("contrast 1.4:1 (#cccccc on #ffffff)");
  });

  it("keeps control characters, line breaks and direction overrides of page text out of messages, and the exact text in properties", () => {
    const report = loadReport();
    const result = resultWith(sarif(report), "fp-precheck-1");
    const message = result.message.text!;
    expect(message).toContain("<script>alert(1)</script>");
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(result.properties?.text).toBe(report.results[0].findings[0].text);
  });

  it("reports targets that could not be linted as failed execution with a notification", () => {
    const report = loadReport();
    const invocation = sarif(report).runs[0].invocations![0];
    expect(invocation.executionSuccessful).toBe(false);
    const errors = invocation.toolExecutionNotifications!.filter((n) => n.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].message.text).toContain("https://down.example/");
    expect(errors[0].message.text).toContain("ERR_NAME_NOT_RESOLVED");
    expect(errors[0].properties?.error).toBe(report.results[3].error);
  });

  it("reports undecided items as notes tied to their rule", () => {
    const run = sarif(loadReport()).runs[0];
    const notes = run.invocations![0].toolExecutionNotifications!.filter((n) => n.level === "note");
    expect(notes).toHaveLength(1);
    expect(run.tool.driver.rules?.[notes[0].associatedRule!.index!].id).toBe("hidden-consent-text");
    expect(notes[0].locations?.[0].physicalLocation?.region).toEqual(positionInPage('<p class="fine-print small"'));
  });

  it("reports a run without failed targets as successful and still valid", () => {
    const report = loadReport();
    report.results = report.results.filter((r) => !r.error);
    const log = sarif(report);
    expect(log.runs[0].invocations![0].executionSuccessful).toBe(true);
    expect(validator()(log)).toBe(true);
  });

  it("encodes file paths with spaces and reserved characters as URI references", () => {
    const report = loadReport();
    const file = join(DATA, "pages", "a b#c?.html");
    report.results = [{ ...report.results[0], url: pathToFileURL(file).href, incomplete: [] }];
    const log = JSON.parse(formatSarif(report, { cwd: DATA, rules: RULES, readFile: () => "<p class=fine-print>x</p>" })) as Log;
    expect(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe("pages/a%20b%23c%3F.html");
    expect(validator()(log)).toBe(true);
  });
});
